import { expect, test } from 'vitest';
import { PREVIEW_FROM_SEC } from '../../scripts/fake-youtube/watch-page.mjs';
import { SLIDES_VIDEO } from '../../scripts/fake-youtube/slides-video.mjs';
import { sessionForThisFile } from './extension';
import { SAMPLE_POINTS, secondOfColour } from './slide-frames';

const session = sessionForThisFile();

test('the stand-in plays a real video whose frames show their second, beside a playing hover preview', async () => {
  const watch = await session.openYouTube('/watch?v=Sl1desT4lk0&preview&start=7.5');
  const frame = () =>
    watch.evaluate((points) => {
      const read = (video: HTMLVideoElement) => {
        const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
        const context = canvas.getContext('2d')!;
        context.drawImage(video, 0, 0);
        return {
          size: [video.videoWidth, video.videoHeight, video.clientWidth, video.clientHeight],
          colours: points.map(([x, y]) =>
            Array.from(context.getImageData(Math.floor(x * video.videoWidth), Math.floor(y * video.videoHeight), 1, 1).data.slice(0, 3)),
          ),
          paused: video.paused,
        };
      };
      return {
        main: read(document.querySelector<HTMLVideoElement>('#movie_player video')!),
        preview: read(document.querySelector<HTMLVideoElement>('#inline-preview-player video')!),
      };
    }, SAMPLE_POINTS);
  await expect.poll(async () => (await frame()).main.colours.map(secondOfColour)).toEqual([7, 7, 7]);
  const { main, preview } = await frame();
  expect(main.size).toEqual([SLIDES_VIDEO.width, SLIDES_VIDEO.height, 640, 360]);
  expect(preview.paused).toBe(false);
  // The preview starts at 0 and jumps to its part on its first timeupdate: wait for it to get there.
  await expect.poll(async () => secondOfColour((await frame()).preview.colours[0]) ?? -1).toBeGreaterThanOrEqual(PREVIEW_FROM_SEC);
  await session.screenshot(watch, 'slides-watch-page');
});
