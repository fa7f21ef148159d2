// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { readCaptionOnScreen } from '../../src/content/read-captions';
import { loadPage, renderedPages, youtubePages } from './pages';

test('reads the caption lines the player shows, as one line of text', () => {
  expect(readCaptionOnScreen(loadPage(renderedPages.watchA.path))).toBe('so the scrape limits protect Prometheus itself');
});

test('captions off, or a page without a player, give null', () => {
  expect(readCaptionOnScreen(loadPage(renderedPages.watchAfterNavigation.path))).toBeNull();
  expect(readCaptionOnScreen(loadPage(youtubePages.surfaceGo.path))).toBeNull();
});

test('an empty caption window (between two cues) gives null', () => {
  const doc = loadPage(renderedPages.watchA.path);
  for (const segment of doc.querySelectorAll('.ytp-caption-segment')) segment.textContent = ' ';
  expect(readCaptionOnScreen(doc)).toBeNull();
});
