// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { videoSeenToTheEnd } from '../../src/content/seen-to-the-end';
import { loadPage, renderedPages, setMedia } from './pages';

const A = 'tLgTalkA_01';
const DURATION = 1880;

/** The rendered watch page of talk A, its player at a second of it (the miniplayer's and hover preview's at their end). */
function watchAt(currentTime: number) {
  const doc = loadPage(renderedPages.watchA.path);
  setMedia(doc.querySelector('#movie_player video'), { duration: DURATION, currentTime });
  setMedia(doc.querySelector('ytd-miniplayer video'), { duration: 60, currentTime: 60 });
  setMedia(doc.querySelector('#inline-preview-player video'), { duration: 90, currentTime: 90 });
  return doc;
}

describe('videoSeenToTheEnd', () => {
  test('the talk in the URL, its player at 90 % of its length or more', () => {
    expect(videoSeenToTheEnd(watchAt(DURATION * 0.9), renderedPages.watchA.href)).toBe(A);
    expect(videoSeenToTheEnd(watchAt(DURATION), renderedPages.watchA.href)).toBe(A);
  });

  test('not below 90 %, whatever the miniplayer and the hover preview show', () => {
    expect(videoSeenToTheEnd(watchAt(DURATION * 0.9 - 1), renderedPages.watchA.href)).toBeNull();
    expect(videoSeenToTheEnd(watchAt(0), renderedPages.watchA.href)).toBeNull();
  });

  test('not while an ad plays in the player, nor once the player has loaded another video', () => {
    const withAd = watchAt(DURATION);
    withAd.querySelector('#movie_player')?.classList.add('ad-showing');
    expect(videoSeenToTheEnd(withAd, renderedPages.watchA.href)).toBeNull();
    const switched = watchAt(DURATION);
    switched.querySelector('a.ytp-title-link')?.setAttribute('href', '/watch?v=tLgTalkB_02');
    expect(videoSeenToTheEnd(switched, renderedPages.watchA.href)).toBeNull();
  });

  test('not for a URL naming another video or none (the rendered page is not on it)', () => {
    expect(videoSeenToTheEnd(watchAt(DURATION), 'https://www.youtube.com/watch?v=tLgTalkB_02')).toBeNull();
    expect(videoSeenToTheEnd(watchAt(DURATION), 'https://www.youtube.com/')).toBeNull();
  });

  test('not from a player without media yet', () => {
    expect(videoSeenToTheEnd(loadPage(renderedPages.watchA.path), renderedPages.watchA.href)).toBeNull();
  });
});
