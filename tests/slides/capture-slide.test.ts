import { expect, test } from 'vitest';
import { captureSlide, type CaptureTab } from '../../src/slides/capture-slide';

test('a capture that breaks on the way (the tab closed) says why, and throws nothing', async () => {
  const tab: CaptureTab = {
    askFrame: async () => ({ kind: 'no-frame', reason: 'unreadable', atSec: 254, box: { x: 0, y: 0, width: 1280, height: 720, viewportWidth: 1280 } }),
    get: async () => {
      throw new Error('No tab with id: 7.');
    },
    screenshot: async () => 'data:image/png;base64,',
  };
  expect(await captureSlide(tab, 't_Pr0meTheus1')).toEqual({ kind: 'failed', message: 'Could not capture the slide: No tab with id: 7.' });
});

test('a tab whose player does not answer has no player to capture', async () => {
  const tab: CaptureTab = {
    askFrame: async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
    get: async () => ({ active: true }),
    screenshot: async () => 'data:image/png;base64,',
  };
  expect(await captureSlide(tab, 't_Pr0meTheus1')).toMatchObject({ kind: 'failed' });
});
