import { describe, expect, test } from 'vitest';
import { isFrameCapture } from '../../src/messages/frame-capture';
import { isExtensionToContentMessage } from '../../src/messages/messages';

const box = { x: 20, y: 70, width: 640, height: 360, viewportWidth: 1280 };

describe('a frame capture from the content script', () => {
  test('is trusted only with an image data URL and a real size and time', () => {
    expect(isFrameCapture({ kind: 'frame', dataUrl: 'data:image/webp;base64,UklGR', width: 1280, height: 720, atSec: 5.5 })).toBe(true);
    expect(isFrameCapture({ kind: 'frame', dataUrl: 'data:image/jpeg;base64,/9j/', width: 1280, height: 720, atSec: 0 })).toBe(true);
    expect(isFrameCapture({ kind: 'frame', dataUrl: 'data:text/html;base64,PHNjcmlwdD4=', width: 1280, height: 720, atSec: 5.5 })).toBe(false);
    expect(isFrameCapture({ kind: 'frame', dataUrl: 'https://example.com/a.webp', width: 1280, height: 720, atSec: 5.5 })).toBe(false);
    expect(isFrameCapture({ kind: 'frame', dataUrl: 'data:image/webp;base64,UklGR', width: 0, height: 720, atSec: 5.5 })).toBe(false);
    expect(isFrameCapture({ kind: 'frame', dataUrl: 'data:image/webp;base64,UklGR', width: 1280, height: 720, atSec: -1 })).toBe(false);
  });

  test('without a frame names a known reason, and a box only with every number', () => {
    expect(isFrameCapture({ kind: 'no-frame', reason: 'unreadable', atSec: 3, box })).toBe(true);
    expect(isFrameCapture({ kind: 'no-frame', reason: 'ad', atSec: null, box: null })).toBe(true);
    expect(isFrameCapture({ kind: 'no-frame', reason: 'broken', atSec: null, box: null })).toBe(false);
    expect(isFrameCapture({ kind: 'no-frame', reason: 'not-ready', atSec: 3, box: { ...box, width: '640' } })).toBe(false);
    expect(isFrameCapture(null)).toBe(false);
  });

  test('is asked for with the video id the note is for', () => {
    expect(isExtensionToContentMessage({ type: 'talklog/capture-frame', videoId: 'Sl1desT4lk0' })).toBe(true);
    expect(isExtensionToContentMessage({ type: 'talklog/capture-frame' })).toBe(false);
  });
});
