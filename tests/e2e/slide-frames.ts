import type { Page } from 'playwright-core';
import { SLIDES_VIDEO, slideColour } from '../../scripts/fake-youtube/slides-video.mjs';

/** Where a frame's colour is read: away from the second's number drawn in its middle. */
export const SAMPLE_POINTS = [
  [0.1, 0.1],
  [0.9, 0.15],
  [0.2, 0.85],
] as const;

/** Lossy video and image codecs move a solid colour a little, never as far as the next slide's. */
const TOLERANCE = 24;

/** The second of the slides video whose colour this is, or null when it is none of them. */
export function secondOfColour(rgb: readonly number[]): number | null {
  for (let second = 0; second < SLIDES_VIDEO.seconds; second++) {
    const expected = slideColour(second);
    if (expected.every((value, i) => Math.abs(value - rgb[i]) <= TOLERANCE)) return second;
  }
  return null;
}

/** Seeks the watch page's player and waits until it shows the frame there, as a user would see it. */
export async function seekMainPlayer(page: Page, atSec: number): Promise<void> {
  await page.evaluate(
    (at) =>
      new Promise<void>((resolve) => {
        const video = document.querySelector<HTMLVideoElement>('#movie_player video')!;
        video.addEventListener('seeked', () => resolve(), { once: true });
        video.currentTime = at;
      }),
    atSec,
  );
  await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('#movie_player video')!.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA);
}
