import { describe, expect, test } from 'vitest';
import { isContentToBackgroundMessage } from '../../src/messages/content-to-background';
import {
  isContentToPageMessage,
  isExtensionToContentMessage,
  isFromOurContentScript,
  isFromOurPages,
  isFromThisExtension,
  isPageToBackgroundMessage,
} from '../../src/messages/messages';

const NOT_MESSAGES = [null, undefined, 'talklog/seek', 42, [], {}, { type: 7 }, { type: 'talklog/unknown' }];

describe('what the content script accepts', () => {
  test('each message it answers, well formed', () => {
    for (const message of [
      { type: 'talklog/what-talk-is-here' },
      { type: 'talklog/caption-on-screen', videoId: 'Pr0meTheus1' },
      { type: 'talklog/seek', videoId: 'Pr0meTheus1', atSec: 0 },
      { type: 'talklog/seek', videoId: 'Pr0meTheus1', atSec: 754.6 },
      { type: 'talklog/show-confirmation', text: 'Clipped “A talk”' },
      { type: 'talklog/show-confirmation', text: 'x'.repeat(200), failed: true },
    ]) {
      expect(isExtensionToContentMessage(message), JSON.stringify(message)).toBe(true);
    }
  });

  test('nothing else: other types, bad times, long or odd confirmations', () => {
    for (const message of [
      ...NOT_MESSAGES,
      { type: 'talklog/page-changed', videoId: null },
      { type: 'talklog/notes-changed' },
      { type: 'talklog/caption-on-screen' },
      { type: 'talklog/seek', videoId: 'Pr0meTheus1' },
      { type: 'talklog/seek', videoId: 'Pr0meTheus1', atSec: -1 },
      { type: 'talklog/seek', videoId: 'Pr0meTheus1', atSec: Number.NaN },
      { type: 'talklog/seek', videoId: 'Pr0meTheus1', atSec: Number.POSITIVE_INFINITY },
      { type: 'talklog/seek', videoId: 'Pr0meTheus1', atSec: '12' },
      { type: 'talklog/seek', videoId: 12, atSec: 12 },
      { type: 'talklog/show-confirmation' },
      { type: 'talklog/show-confirmation', text: 'x'.repeat(201) },
      { type: 'talklog/show-confirmation', text: 'ok', failed: 'yes' },
    ]) {
      expect(isExtensionToContentMessage(message), JSON.stringify(message)).toBe(false);
    }
  });
});

describe('what pages and the background accept', () => {
  test('the background: notes changed, a confirmation gone', () => {
    expect(isPageToBackgroundMessage({ type: 'talklog/notes-changed' })).toBe(true);
    expect(isPageToBackgroundMessage({ type: 'talklog/confirmation-gone' })).toBe(true);
    for (const message of [...NOT_MESSAGES, { type: 'talklog/page-changed', videoId: null }, { type: 'talklog/what-talk-is-here' }]) {
      expect(isPageToBackgroundMessage(message), JSON.stringify(message)).toBe(false);
    }
  });

  test('pages: the tab went to another video', () => {
    expect(isContentToPageMessage({ type: 'talklog/page-changed', videoId: 'Pr0meTheus1' })).toBe(true);
    for (const message of [...NOT_MESSAGES, { type: 'talklog/notes-changed' }, { type: 'talklog/seek', videoId: 'Pr0meTheus1', atSec: 1 }]) {
      expect(isContentToPageMessage(message), JSON.stringify(message)).toBe(false);
    }
  });
});

test('the background: a talk seen to the end, named by a real video id', () => {
  expect(isContentToBackgroundMessage({ type: 'talklog/seen-to-the-end', videoId: 'Pr0meTheus1' })).toBe(true);
  for (const message of [
    ...NOT_MESSAGES,
    { type: 'talklog/seen-to-the-end' },
    { type: 'talklog/seen-to-the-end', videoId: 'short' },
    { type: 'talklog/seen-to-the-end', videoId: 'Pr0meTheus1/../x' },
    { type: 'talklog/seen-to-the-end', videoId: 11 },
    { type: 'talklog/page-changed', videoId: 'Pr0meTheus1' },
  ]) {
    expect(isContentToBackgroundMessage(message), JSON.stringify(message)).toBe(false);
  }
});

test('the background: the player at the end of a talk, or no longer, named by a real video id', () => {
  expect(isContentToBackgroundMessage({ type: 'talklog/at-the-end', videoId: 'Pr0meTheus1' })).toBe(true);
  expect(isContentToBackgroundMessage({ type: 'talklog/at-the-end', videoId: null })).toBe(true);
  for (const message of [
    { type: 'talklog/at-the-end' },
    { type: 'talklog/at-the-end', videoId: 'short' },
    { type: 'talklog/at-the-end', videoId: 'Pr0meTheus1/../x' },
    { type: 'talklog/at-the-end', videoId: 11 },
    { type: 'talklog/seen-to-the-end', videoId: null },
  ]) {
    expect(isContentToBackgroundMessage(message), JSON.stringify(message)).toBe(false);
  }
});

describe('the sender check', () => {
  const OURS = 'abcdefghijklmnopabcdefghijklmnop';

  test('lets in this extension’s own pages, worker and content scripts', () => {
    expect(isFromThisExtension({ id: OURS }, OURS)).toBe(true);
    expect(isFromThisExtension({ id: OURS, url: 'https://www.youtube.com/watch?v=Pr0meTheus1', tab: { id: 3 } } as { id: string }, OURS)).toBe(true);
  });

  test('keeps out other extensions, web pages (no id) and anything without a sender id', () => {
    expect(isFromThisExtension({ id: 'ponmlkjihgfedcbaponmlkjihgfedcba' }, OURS)).toBe(false);
    expect(isFromThisExtension({ url: 'https://evil.example/' } as { id?: string }, OURS)).toBe(false);
    expect(isFromThisExtension({}, OURS)).toBe(false);
    expect(isFromThisExtension({ id: '' }, '')).toBe(false);
  });

  test('requests that act for the user: only from our pages, not from our content script or elsewhere', () => {
    const pages = `chrome-extension://${OURS}/`;
    expect(isFromOurPages({ id: OURS, url: `${pages}src/popup/index.html?tab=3` }, OURS, pages)).toBe(true);
    expect(
      isFromOurPages(
        { id: OURS, url: 'moz-extension://0c1f2e3d-4a5b-6c7d-8e9f-a0b1c2d3e4f5/src/options/index.html' },
        OURS,
        'moz-extension://0c1f2e3d-4a5b-6c7d-8e9f-a0b1c2d3e4f5/',
      ),
    ).toBe(true);
    expect(isFromOurPages({ id: OURS, url: 'https://www.youtube.com/watch?v=Pr0meTheus1' }, OURS, pages)).toBe(false);
    expect(isFromOurPages({ id: OURS, url: `https://www.youtube.com/?${pages}` }, OURS, pages)).toBe(false);
    expect(isFromOurPages({ id: OURS }, OURS, pages)).toBe(false);
    expect(isFromOurPages({ id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/x.html' }, OURS, pages)).toBe(
      false,
    );
    expect(isFromOurPages({ id: OURS, url: `${pages}x.html` }, OURS, '')).toBe(false);
  });

  test('what a YouTube tab showed: only from our content script there, not from our pages or elsewhere', () => {
    expect(isFromOurContentScript({ id: OURS, url: 'https://www.youtube.com/watch?v=Pr0meTheus1' }, OURS)).toBe(true);
    expect(isFromOurContentScript({ id: OURS, url: `chrome-extension://${OURS}/src/popup/index.html` }, OURS)).toBe(false);
    expect(isFromOurContentScript({ id: OURS }, OURS)).toBe(false);
    expect(isFromOurContentScript({ id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: 'https://www.youtube.com/watch?v=Pr0meTheus1' }, OURS)).toBe(false);
    expect(isFromOurContentScript({ url: 'https://www.youtube.com/watch?v=Pr0meTheus1' }, OURS)).toBe(false);
  });
});
