import { describe, expect, test } from 'vitest';
import { canonicalVideoUrl, isVideoId, isYouTubeUrl, videoIdFromUrl, videoTimeUrl } from '../../src/talk/video-id';

describe('videoIdFromUrl', () => {
  test.each([
    ['https://www.youtube.com/watch?v=GJLlxj_dtq8', 'GJLlxj_dtq8'],
    ['https://www.youtube.com/watch?app=desktop&v=GJLlxj_dtq8&t=42s', 'GJLlxj_dtq8'],
    ['https://m.youtube.com/watch?v=GJLlxj_dtq8', 'GJLlxj_dtq8'],
    ['https://music.youtube.com/watch?v=GJLlxj_dtq8&list=RD', 'GJLlxj_dtq8'],
    ['https://youtu.be/GJLlxj_dtq8?si=abc', 'GJLlxj_dtq8'],
    ['https://www.youtube.com/shorts/GJLlxj_dtq8', 'GJLlxj_dtq8'],
    ['https://www.youtube.com/live/GJLlxj_dtq8?feature=share', 'GJLlxj_dtq8'],
    ['https://www.youtube.com/embed/GJLlxj_dtq8', 'GJLlxj_dtq8'],
    ['https://www.youtube-nocookie.com/embed/GJLlxj_dtq8', 'GJLlxj_dtq8'],
    ['https://www.youtube.com/', null],
    ['https://www.youtube.com/results?search_query=kubecon', null],
    ['https://www.youtube.com/@cncf/videos', null],
    ['https://www.youtube.com/watch?v=tooShort', null],
    ['https://example.com/watch?v=GJLlxj_dtq8', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ])('%s → %s', (href, id) => {
    expect(videoIdFromUrl(href)).toBe(id);
  });
});

describe('isYouTubeUrl', () => {
  test.each([
    ['https://www.youtube.com/', true],
    ['https://m.youtube.com/watch?v=GJLlxj_dtq8', true],
    ['https://youtube.com/@cncf', true],
    ['https://youtu.be/GJLlxj_dtq8', true],
    ['https://www.youtube.com.evil.test/watch?v=GJLlxj_dtq8', false],
    ['https://example.com/', false],
    ['about:blank', false],
    ['not a url', false],
  ])('%s → %s', (href, expected) => {
    expect(isYouTubeUrl(href)).toBe(expected);
  });
});

test('isVideoId, canonicalVideoUrl, videoTimeUrl', () => {
  expect(isVideoId('GJLlxj_dtq8')).toBe(true);
  expect(isVideoId('GJLlxj_dtq8x')).toBe(false);
  expect(canonicalVideoUrl('GJLlxj_dtq8')).toBe('https://www.youtube.com/watch?v=GJLlxj_dtq8');
  expect(videoTimeUrl('GJLlxj_dtq8', 754.9)).toBe('https://www.youtube.com/watch?v=GJLlxj_dtq8&t=754s');
});
