import type { PlayerBox } from '../messages/messages';

export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The player's box in a screenshot of the tab: the screenshot is taken in device pixels, so the
 * box (CSS pixels) is scaled by the screenshot's width over the viewport's, and kept inside it.
 * Null when nothing of the player is on screen.
 */
export function playerRectInScreenshot(box: PlayerBox, shotWidth: number, shotHeight: number): PixelRect | null {
  const scale = shotWidth / box.viewportWidth;
  const left = Math.max(0, Math.round(box.x * scale));
  const top = Math.max(0, Math.round(box.y * scale));
  const right = Math.min(shotWidth, Math.round((box.x + box.width) * scale));
  const bottom = Math.min(shotHeight, Math.round((box.y + box.height) * scale));
  if (right <= left || bottom <= top) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}
