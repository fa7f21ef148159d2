import { expect, test } from 'vitest';
import { MEDIA_HOST } from '../../scripts/fake-youtube/watch-page.mjs';
import { sharedForThisFile } from './per-file';
import { startTalklogSession, waitForAppReady } from './extension';
import { captureSlideByShortcut, readStoredSlides, secondOfColour, seekMainPlayer } from './slide-frames';

// A real shortcut gives Talklog the tab's activeTab, which lets it take a screenshot; a headless
// browser has no shortcuts, so this profile holds <all_urls> from the start instead.
const session = sharedForThisFile(() => startTalklogSession({ granting: ['<all_urls>'] }));

test('when the frame cannot be read (a video from another origin), the shortcut keeps a screenshot of the player', async () => {
  const watch = await session.openYouTube('/watch?v=Sl1desT4lk0&media-elsewhere');
  // The stand-in's media host sends no CORS headers: the video plays, but a canvas drawn from it is tainted.
  expect(await watch.evaluate(() => new URL(document.querySelector<HTMLVideoElement>('#movie_player video')!.currentSrc).host)).toBe(MEDIA_HOST);
  await seekMainPlayer(watch, 9.5);
  const { popup, draft } = await captureSlideByShortcut(session, watch, 'Sl1desT4lk0');
  const player = await watch.locator('#movie_player').boundingBox();
  // Not the video's 1280 × 720 frame but the player's box on screen (640 × 360 here), showing second 9.
  expect(draft.map((slide) => [slide.decoded.width, slide.decoded.height, ...slide.decoded.colours.map(secondOfColour)])).toEqual([
    [Math.round(player!.width), Math.round(player!.height), 9, 9, 9],
  ]);
  await expect.poll(() => popup.getByRole('button', { name: 'Remove slide at 0:09' }).count()).toBe(1);
});

test('from the popup, Capture slide says the slide is a screenshot of the player', async () => {
  const watch = await session.openYouTube('/watch?v=Sl1desT4lk0&media-elsewhere');
  await seekMainPlayer(watch, 4.5);
  await watch.bringToFront();
  // Like a toolbar popup, the popup opens outside the watch tab's window, which keeps showing the tab.
  const tabId = await session.tabIdOf(watch);
  const [popup] = await Promise.all([
    session.context.waitForEvent('page'),
    session.serviceWorker.evaluate(
      (url) =>
        (globalThis as unknown as { chrome: { windows: { create: (options: object) => Promise<unknown> } } }).chrome.windows.create({
          url,
          type: 'popup',
          width: 380,
          height: 600,
        }),
      session.extensionUrl(`src/popup/index.html?tab=${tabId}`),
    ),
  ]);
  await waitForAppReady(popup);
  await popup.setViewportSize({ width: 380, height: 600 }); // a headless window takes no size
  await popup.getByRole('button', { name: 'Capture slide' }).click();
  await expect
    .poll(() => popup.getByRole('status').textContent())
    .toBe("The player's frame could not be read, so the slide at 0:04 is a screenshot of the player.");
  const slides = (await readStoredSlides(popup)).filter((slide) => Math.floor(slide.atSec) === 4);
  expect(slides.map((slide) => [slide.decoded.width, slide.decoded.height, ...slide.decoded.colours.map(secondOfColour)])).toEqual([[640, 360, 4, 4, 4]]);
  // The draft's two slides sit side by side under the note box, not one above the other.
  const tops = await popup
    .getByRole('list', { name: 'Slides' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => item.getBoundingClientRect().top));
  expect(tops).toHaveLength(2);
  expect(tops[1]).toBe(tops[0]);
  await session.screenshot(popup, 'popup-slide-from-screenshot');
});
