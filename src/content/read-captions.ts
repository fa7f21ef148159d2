import { selectors } from './selectors';

/**
 * The caption text the main player shows right now, read off the page (no request to YouTube),
 * lines joined by a space; null when captions are off or nothing is on screen.
 */
export function readCaptionOnScreen(doc: Document): string | null {
  const lines = [...doc.querySelectorAll(selectors.captionSegment)]
    .filter((line) => !line.closest(selectors.miniplayer))
    .map((line) => (line.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return lines.length > 0 ? lines.join(' ') : null;
}
