import { selectors } from './selectors';

/**
 * The caption text the main player shows right now, read off the page (no request to YouTube),
 * lines joined by a space; null when captions are off or nothing is on screen. `showsTalk`: the
 * page shows the talk the note is for (not another video, nor mid-switch to one); false if not.
 */
export function readCaptionOnScreen(doc: Document, showsTalk: boolean): string | null | false {
  if (!showsTalk) return false;
  const lines = [...doc.querySelectorAll(selectors.captionSegment)]
    .filter((line) => !line.closest(selectors.miniplayer))
    .map((line) => (line.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return lines.length > 0 ? lines.join(' ') : null;
}
