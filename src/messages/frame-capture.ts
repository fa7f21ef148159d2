/**
 * The guard for the content script's answer to `talklog/capture-frame` (types in messages.ts). A
 * file of its own: it is loaded on demand with the capture code, not with every page.
 */
import type { FrameCapture, FrameProblem, PlayerBox } from './messages';

const FRAME_PROBLEMS: readonly string[] = ['no-video', 'ad', 'not-ready', 'unreadable'] satisfies FrameProblem[];
const SLIDE_DATA_URL = /^data:image\/(webp|jpeg);base64,/;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function isPlayerBox(value: unknown): value is PlayerBox {
  if (typeof value !== 'object' || value === null) return false;
  const box = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height', 'viewportWidth'].every((key) => isNumber(box[key]));
}

/** Checks the content script's answer before the pages trust it: it comes from a web page's process. */
export function isFrameCapture(value: unknown): value is FrameCapture {
  if (typeof value !== 'object' || value === null) return false;
  const capture = value as Record<string, unknown>;
  if (capture.kind === 'frame') {
    return (
      typeof capture.dataUrl === 'string' &&
      SLIDE_DATA_URL.test(capture.dataUrl) &&
      isNumber(capture.width) &&
      isNumber(capture.height) &&
      capture.width > 0 &&
      capture.height > 0 &&
      isNumber(capture.atSec) &&
      capture.atSec >= 0
    );
  }
  return (
    capture.kind === 'no-frame' &&
    typeof capture.reason === 'string' &&
    FRAME_PROBLEMS.includes(capture.reason) &&
    (capture.atSec === null || (isNumber(capture.atSec) && capture.atSec >= 0)) &&
    (capture.box === null || isPlayerBox(capture.box))
  );
}
