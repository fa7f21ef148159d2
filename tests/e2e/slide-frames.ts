import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { SLIDES_VIDEO, slideColour } from '../../scripts/fake-youtube/slides-video.mjs';
import type { Slide } from '../../src/talk/slide';
import type { TalklogSession } from './extension';

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

export type StoredSlide = Omit<Slide, 'image' | 'thumbnail'> & {
  /** The stored image as decoded, and its colour at SAMPLE_POINTS. */
  decoded: { width: number; height: number; colours: number[][] };
  thumbnailWidth: number;
  /** SHA-256 of the stored image's bytes, in hex: the same on every profile that holds it. */
  sha256: string;
  /** The same of the thumbnail's bytes, and the image Blob's type. */
  thumbnailSha256: string;
  imageType: string;
};

/** Every stored slide, read with the raw IndexedDB API in an extension page and decoded there. */
export function readStoredSlides(extensionPage: Page): Promise<StoredSlide[]> {
  return extensionPage.evaluate(
    (points) =>
      new Promise<StoredSlide[]>((resolve, reject) => {
        const open = indexedDB.open('talklog');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('slides').objectStore('slides').getAll();
          read.onsuccess = async () => {
            open.result.close();
            const slides = read.result as Slide[];
            const sha256Of = async (blob: Blob) =>
              Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())), (byte) => byte.toString(16).padStart(2, '0')).join(
                '',
              );
            resolve(
              await Promise.all(
                slides.map(async ({ image, thumbnail, ...fields }) => {
                  const bitmap = await createImageBitmap(image);
                  const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
                  context.drawImage(bitmap, 0, 0);
                  const colours = points.map(([x, y]) =>
                    Array.from(context.getImageData(Math.floor(x * bitmap.width), Math.floor(y * bitmap.height), 1, 1).data.slice(0, 3)),
                  );
                  const thumbnailWidth = (await createImageBitmap(thumbnail)).width;
                  const [sha256, thumbnailSha256] = [await sha256Of(image), await sha256Of(thumbnail)];
                  const decoded = { width: bitmap.width, height: bitmap.height, colours };
                  return { ...fields, decoded, thumbnailWidth, sha256, thumbnailSha256, imageType: image.type };
                }),
              ),
            );
          };
        };
      }),
    SAMPLE_POINTS,
  );
}

/**
 * Capture slide by its shortcut in `watch`, then the popup on that tab and the slides it keeps for
 * the next note. A headless browser cannot press a global shortcut: this calls the handler the browser calls.
 */
export async function captureSlideByShortcut(session: TalklogSession, watch: Page, videoId: string): Promise<{ popup: Page; draft: StoredSlide[] }> {
  await watch.bringToFront();
  await session.serviceWorker.evaluate(() =>
    (globalThis as unknown as { talklogHandlers: { onCommand: (command: string) => Promise<void> } }).talklogHandlers.onCommand('capture-slide'),
  );
  await expect.poll(() => watch.locator('talklog-confirmation').count()).toBe(1);
  const popup = await session.openPopupFor(watch);
  const draft = (await readStoredSlides(popup)).filter((slide) => slide.owner === `draft:t_${videoId}:new`);
  return { popup, draft };
}
