import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { marked } from 'marked';
import { expect, test } from 'vitest';
import { PREVIEW_FROM_SEC } from '../../scripts/fake-youtube/watch-page.mjs';
import { SLIDES_VIDEO } from '../../scripts/fake-youtube/slides-video.mjs';
import type { FrameCapture } from '../../src/messages/messages';
import { sessionForThisFile } from './extension';
import { captureSlideByShortcut, readStoredSlides, SAMPLE_POINTS, secondOfColour, seekMainPlayer } from './slide-frames';

const session = sessionForThisFile();

test('the stand-in plays a real video whose frames show their second, beside a playing hover preview', async () => {
  const watch = await session.openYouTube('/watch?v=Sl1desT4lk0&preview');
  await seekMainPlayer(watch, 7.5);
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

test("the content script captures the main player's frame at the video's resolution, never the hover preview", async () => {
  const watch = await session.openYouTube('/watch?v=Sl1desT4lk0&preview');
  await seekMainPlayer(watch, 5.5);
  const popup = await session.openPopupFor(watch);
  const tabId = await session.tabIdOf(watch);
  const capture = await popup.evaluate(
    async ({ tabId, points }) => {
      const { tabs } = (globalThis as unknown as { chrome: { tabs: { sendMessage: (tab: number, message: unknown) => Promise<FrameCapture> } } }).chrome;
      const answer = await tabs.sendMessage(tabId!, { type: 'talklog/capture-frame', videoId: 'Sl1desT4lk0' });
      if (answer.kind !== 'frame') return { kind: answer.kind, atSec: answer.atSec, type: '', size: [], colours: [] };
      const image = await createImageBitmap(await (await fetch(answer.dataUrl)).blob());
      const context = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
      context.drawImage(image, 0, 0);
      const colours = points.map(([x, y]) =>
        Array.from(context.getImageData(Math.floor(x * image.width), Math.floor(y * image.height), 1, 1).data.slice(0, 3)),
      );
      return { kind: answer.kind, atSec: answer.atSec, type: answer.dataUrl.slice(0, 16), size: [image.width, image.height], colours };
    },
    { tabId, points: SAMPLE_POINTS },
  );
  expect(capture.kind).toBe('frame');
  expect(capture.atSec).toBeCloseTo(5.5, 1);
  expect(capture.type).toBe('data:image/webp;');
  expect(capture.size).toEqual([SLIDES_VIDEO.width, SLIDES_VIDEO.height]);
  expect(capture.colours.map(secondOfColour)).toEqual([5, 5, 5]);
});

async function captureAndSave(watchPath: string, atSec: number, noteText: string) {
  const watch = await session.openYouTube(watchPath);
  await seekMainPlayer(watch, atSec);
  const popup = await session.openPopupFor(watch);
  await popup.getByRole('button', { name: 'Capture slide' }).click();
  const time = `0:${String(Math.floor(atSec)).padStart(2, '0')}`;
  await expect.poll(() => popup.getByRole('status').textContent()).toBe(`Slide at ${time} added to the note.`);
  // The thumbnail shows in the editor, and can be taken off before saving.
  await expect.poll(() => popup.getByRole('button', { name: `Remove slide at ${time}` }).count()).toBe(1);
  await popup.getByRole('textbox', { name: 'Note' }).fill(noteText);
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popup.getByRole('button', { name: `Slide at ${time}: ${noteText}` }).count()).toBe(1);
  return { watch, popup };
}

test('Capture slide keeps the frame on screen, at the video’s resolution, with the saved note', async () => {
  const { popup } = await captureAndSave('/watch?v=Sl1desT4lk0', 9.5, 'the architecture slide');
  const notes = await session.readStore<{ id: string; body: string }>('notes');
  const note = notes.find((stored) => stored.body === 'the architecture slide')!;
  const slides = (await readStoredSlides(popup)).filter((slide) => slide.owner === note.id);
  expect(slides).toHaveLength(1);
  const [slide] = slides;
  expect([slide.width, slide.height, slide.decoded.width, slide.decoded.height]).toEqual([1280, 720, 1280, 720]);
  expect(slide.type).toBe('image/webp');
  expect(slide.atSec).toBeCloseTo(9.5, 1);
  // Its pixels are the frame of second 9, not of a neighbouring second.
  expect(slide.decoded.colours.map(secondOfColour)).toEqual([9, 9, 9]);
  expect(slide.thumbnailWidth).toBe(320);

  // A click opens it large in a dialog; Esc closes it and the focus goes back to the thumbnail.
  const thumbnail = popup.getByRole('button', { name: 'Slide at 0:09: the architecture slide' });
  await thumbnail.click();
  const dialog = popup.getByRole('dialog', { name: 'Slide at 0:09: the architecture slide' });
  await expect.poll(() => dialog.getByRole('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1280);
  await session.screenshot(popup, 'slide-dialog');
  await popup.keyboard.press('Escape');
  await expect.poll(() => dialog.count()).toBe(0);
  expect(await thumbnail.evaluate((button) => button === document.activeElement)).toBe(true);
  await session.screenshot(popup, 'popup-with-slide');
});

test('with a hover preview playing in the page, Capture slide still takes the main player’s frame', async () => {
  const { popup } = await captureAndSave('/watch?v=Sl1desT4lk0&preview', 4.5, 'the problem statement');
  const notes = await session.readStore<{ id: string; body: string }>('notes');
  const note = notes.find((stored) => stored.body === 'the problem statement')!;
  const [slide] = (await readStoredSlides(popup)).filter((stored) => stored.owner === note.id);
  expect([slide.decoded.width, slide.decoded.height]).toEqual([1280, 720]);
  expect(slide.decoded.colours.map(secondOfColour)).toEqual([4, 4, 4]);
});

test('the Capture slide shortcut keeps the slide for the next note on the talk, fullscreen too', async () => {
  const watch = await session.openYouTube('/watch?v=Sl1desT4lk0');
  await seekMainPlayer(watch, 12.5);
  const { popup, draft } = await captureSlideByShortcut(session, watch, 'Sl1desT4lk0');
  expect(draft.map((slide) => [slide.decoded.width, slide.decoded.height, ...slide.decoded.colours.map(secondOfColour)])).toEqual([[1280, 720, 12, 12, 12]]);
  await expect.poll(() => popup.getByRole('button', { name: 'Remove slide at 0:12' }).count()).toBe(1);
  await popup.getByRole('textbox', { name: 'Note' }).fill('taken with the shortcut');
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popup.getByRole('button', { name: 'Slide at 0:12: taken with the shortcut' }).count()).toBe(1);
  expect(await popup.getByRole('button', { name: /^Remove slide/ }).count()).toBe(0);
});

test('the library counts the slides and shows each note’s thumbnails, in both themes', async () => {
  const library = await session.openLibrary();
  // The slide count is a query of its own, answered after the talks show; a busy machine takes a while.
  await expect.poll(() => library.getByText(/ · 3 slides · /).count(), { timeout: 10_000 }).toBe(1);
  const talk = library.getByRole('listitem').filter({ has: library.getByRole('heading', { name: 'Slides Worth Keeping', exact: true }) });
  await talk.getByRole('button', { name: 'Details' }).click();
  for (const name of ['Slide at 0:09: the architecture slide', 'Slide at 0:04: the problem statement', 'Slide at 0:12: taken with the shortcut']) {
    await expect.poll(() => talk.getByRole('button', { name }).count()).toBe(1);
  }
  await session.screenshot(library, 'library-slides');
  await library.emulateMedia({ colorScheme: 'dark' });
  await talk.getByRole('button', { name: 'Slide at 0:04: the problem statement' }).click();
  await expect
    .poll(() =>
      library
        .getByRole('dialog')
        .getByRole('img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(1280);
  await session.screenshot(library, 'library-slide-dialog-dark');
  await library.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => library.getByRole('dialog').count()).toBe(0);
});

test('Export markdown with Include slides downloads a zip whose every image link is a file in it', async () => {
  const library = await session.context.newPage();
  await library.goto(session.extensionUrl('src/options/index.html'));
  await library.getByRole('button', { name: 'Export markdown' }).click();
  const dialog = library.getByRole('dialog', { name: 'Export markdown' });
  await dialog.getByRole('checkbox', { name: 'Include slides' }).check();
  await expect.poll(() => dialog.getByText('Downloads a .zip: the talk log and a slides folder with 3 slides.').count()).toBe(1);
  await expect.poll(() => dialog.locator('pre').textContent()).toContain('![Slide at 0:09](slides/Sl1desT4lk0-9.webp)');
  await session.screenshot(library, 'export-with-slides');
  const [download] = await Promise.all([library.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^talklog-.*\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const [logName, ...others] = Object.keys(files).sort((a, b) => Number(a.startsWith('slides/')) - Number(b.startsWith('slides/')));
  expect(logName).toBe(download.suggestedFilename().replace(/\.zip$/, '.md'));
  expect(others.every((name) => name.startsWith('slides/'))).toBe(true);

  // Rendered as a site would render it: every image's source is a file in the zip, and each file is shown.
  const html = await marked.parse(strFromU8(files[logName]));
  const sources = [...html.matchAll(/<img src="([^"]+)" alt="([^"]+)"/g)].map(([, src, alt]) => [src, alt]);
  expect(sources.map(([, alt]) => alt).sort()).toEqual(['Slide at 0:04', 'Slide at 0:09', 'Slide at 0:12']);
  expect(sources.map(([src]) => src).sort()).toEqual(others.sort());
  for (const name of others) expect(strFromU8(files[name].slice(8, 12))).toBe('WEBP');
  await expect.poll(() => library.getByRole('status').filter({ hasText: 'with 1 talk and 3 slides' }).count()).toBe(1);
});

test('a draft holding many slides scrolls with the popup instead of covering the talk; the note box comes into view', async () => {
  const watch = await session.openYouTube('/watch?v=Sl1desT4lk0');
  const popup = await session.openPopupFor(watch);
  for (const atSec of [1.5, 2.5, 3.5, 4.5, 5.5, 6.5]) {
    await seekMainPlayer(watch, atSec);
    await popup.getByRole('button', { name: 'Capture slide' }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toBe(`Slide at 0:0${Math.floor(atSec)} added to the note.`);
  }
  const box = popup.getByRole('textbox', { name: 'Note' });
  /** Where the talk's details line ends and the editor begins, the page scrolled to its top. */
  const atTop = () =>
    popup.evaluate(() => {
      document.querySelector('main')!.scrollTop = 0;
      return {
        details: document.querySelector('summary')!.getBoundingClientRect().bottom,
        editor: document.querySelector('form.note-editor')!.getBoundingClientRect().top,
      };
    });
  // Three rows of slides: the editor is most of the popup's height, and stays below the talk.
  const { details, editor } = await atTop();
  expect(editor).toBeGreaterThan(details);
  await box.focus();
  const { y, height } = (await box.boundingBox())!;
  expect(y).toBeGreaterThanOrEqual(0);
  expect(y + height).toBeLessThanOrEqual(600);
  await session.screenshot(popup, 'popup-draft-with-many-slides');
});
