import { expect, test } from 'vitest';
import { playerRectInScreenshot } from '../../src/slides/crop';

test('the player box is scaled to the screenshot’s device pixels', () => {
  const box = { x: 20, y: 70.4, width: 640, height: 360, viewportWidth: 1280 };
  expect(playerRectInScreenshot(box, 2560, 1600)).toEqual({ x: 40, y: 141, width: 1280, height: 720 });
  expect(playerRectInScreenshot(box, 1280, 800)).toEqual({ x: 20, y: 70, width: 640, height: 360 });
});

test('a player partly scrolled away is cut to what shows; one wholly away is nothing', () => {
  expect(playerRectInScreenshot({ x: 20, y: -100, width: 640, height: 360, viewportWidth: 1280 }, 1280, 800)).toEqual({ x: 20, y: 0, width: 640, height: 260 });
  expect(playerRectInScreenshot({ x: 20, y: -400, width: 640, height: 360, viewportWidth: 1280 }, 1280, 800)).toBeNull();
});
