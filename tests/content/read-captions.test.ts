// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { readCaptionOnScreen } from '../../src/content/read-captions';
import { loadPage, renderedPages, youtubePages } from './pages';

test('reads the caption lines the player shows, as one line of text', () => {
  expect(readCaptionOnScreen(loadPage(renderedPages.watchA.path), true)).toBe('so the scrape limits protect Prometheus itself');
});

test('captions off, or a page without a player, give null', () => {
  expect(readCaptionOnScreen(loadPage(renderedPages.watchAfterNavigation.path), true)).toBeNull();
  expect(readCaptionOnScreen(loadPage(youtubePages.surfaceGo.path), true)).toBeNull();
});

test('an empty caption window (between two cues) gives null', () => {
  const doc = loadPage(renderedPages.watchA.path);
  for (const segment of doc.querySelectorAll('.ytp-caption-segment')) segment.textContent = ' ';
  expect(readCaptionOnScreen(doc, true)).toBeNull();
});

test("a page not showing the note's talk (another video, or mid-switch to one) gives false, never its caption", () => {
  expect(readCaptionOnScreen(loadPage(renderedPages.watchA.path), false)).toBe(false);
});
