import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFakeYouTube } from '../../scripts/fake-youtube/server.mjs';
import { launchTalklogBrowser } from '../../scripts/launch-browser.mjs';
import { startWebdavServer } from '../../scripts/webdav-server.mjs';
import { ARTIFACTS, waitForAppReady } from './extension';
import { buildGranting } from './granted-build';
import { readStoredSlides, secondOfColour, seekMainPlayer } from './slide-frames';

type Browser = Awaited<ReturnType<typeof launchTalklogBrowser>>;

let server: Awaited<ReturnType<typeof startWebdavServer>>;
let youtube: Awaited<ReturnType<typeof startFakeYouTube>>;
let granted: ReturnType<typeof buildGranting>;
let laptop: Browser;
let home: Browser;

beforeAll(async () => {
  server = await startWebdavServer();
  youtube = await startFakeYouTube();
  // Chromium's permission prompt cannot be answered by automation: Connect's request then resolves at once.
  granted = buildGranting([`${new URL(server.origin).origin.replace(/:\d+$/, '')}/*`]);
  [laptop, home] = await Promise.all(
    [0, 1].map(() => launchTalklogBrowser({ dist: granted.dist, hostResolverRule: `${youtube.hostResolverRule}, EXCLUDE 127.0.0.1` })),
  );
});

afterAll(async () => {
  await Promise.all([laptop?.close(), home?.close()]);
  await youtube?.close();
  server?.stop();
  granted?.remove();
});

async function openLibrary(browser: Browser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('src/options/index.html'));
  await waitForAppReady(page);
  return page;
}

/** The popup as a tab, on the demo talk open in another tab of the same profile. */
async function openPopupOnTalk(browser: Browser, videoId = 'Pr0meTheus1', atSec?: number): Promise<Page> {
  const watch = await browser.context.newPage();
  await watch.goto(`https://www.youtube.com/watch?v=${videoId}`);
  if (atSec !== undefined) await seekMainPlayer(watch, atSec);
  const tabId = await browser.tabIdOf(watch);
  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl(`src/popup/index.html?tab=${tabId}`));
  await waitForAppReady(popup);
  return popup;
}

function syncSection(library: Page) {
  return library.getByRole('region', { name: 'Sync' });
}

async function connect(library: Page, password: string) {
  const sync = syncSection(library);
  await sync.getByRole('textbox', { name: 'Server URL' }).fill(server.url);
  await sync.getByRole('textbox', { name: 'User name' }).fill(server.user);
  await sync.getByLabel('Password').fill(password);
  await sync.getByRole('button', { name: 'Connect' }).click();
}

async function syncNow(library: Page) {
  const status = library.getByRole('status');
  const button = syncSection(library).getByRole('button', { name: 'Sync now' });
  // In front: Chromium draws a tab behind others in its window about once a second, and a click or a screenshot waits for drawing.
  await library.bringToFront();
  await button.click();
  // The button is aria-disabled (isEnabled: false) while its sync runs, which may wait out a second of Apache's weak ETags.
  await expect.poll(async () => ((await button.isEnabled()) ? await status.textContent() : 'running'), { timeout: 20_000 }).toMatch(/^Synced /);
  return (await status.textContent()) ?? '';
}

const noteTexts = (popup: Page) => popup.getByRole('list', { name: 'Notes' }).getByRole('listitem').locator('.note__body').allTextContents();

test('a wrong password is reported and changes nothing', async () => {
  const library = await openLibrary(home);
  await connect(library, 'not-the-password');
  await expect.poll(() => library.getByRole('alert').textContent()).toContain('refused the user name or password (401)');
  // The section keeps saying what is wrong after the announcement.
  expect(await syncSection(library).textContent()).toContain('refused the user name or password (401)');
  await library.screenshot({ path: resolve(ARTIFACTS, 'sync-wrong-password.png') });
  await library.reload();
  await waitForAppReady(library);
  // Nothing was saved: the form is there again, empty (the section is drawn after the first screen).
  await expect.poll(() => syncSection(library).getByRole('button', { name: 'Connect' }).count()).toBe(1);
  expect(await syncSection(library).getByRole('textbox', { name: 'Server URL' }).inputValue()).toBe('');
});

test('a note written on one profile appears on the other, an edit on both keeps both texts, a deletion propagates', async () => {
  const laptopPopup = await openPopupOnTalk(laptop);
  // Opening the popup clipped the talk.
  await expect.poll(() => laptopPopup.getByText('In your library', { exact: false }).count()).toBe(1);
  await laptopPopup.getByRole('textbox', { name: 'Note' }).fill('new scrape limits');
  await laptopPopup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => noteTexts(laptopPopup)).toEqual(['new scrape limits']);

  const laptopLibrary = await openLibrary(laptop);
  await connect(laptopLibrary, server.password);
  await expect.poll(() => laptopLibrary.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/^Synced 1 change at \d/);
  await laptopLibrary.screenshot({ path: resolve(ARTIFACTS, 'sync-connected.png'), fullPage: true });

  const homeLibrary = await openLibrary(home);
  await connect(homeLibrary, server.password);
  await expect.poll(() => homeLibrary.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/^Synced 1 change at/);
  await expect
    .poll(() => homeLibrary.getByRole('list', { name: 'Talks' }).getByRole('heading', { level: 2 }).allTextContents())
    .toEqual(['Evolving Prometheus for More Use Cases']);
  const homePopup = await openPopupOnTalk(home);
  await expect.poll(() => noteTexts(homePopup)).toEqual(['new scrape limits']);

  // The same note edited on both profiles before either syncs.
  for (const [popup, text] of [
    [laptopPopup, 'edited on the laptop'],
    [homePopup, 'edited at home'],
  ] as const) {
    await popup.bringToFront();
    await popup.getByRole('listitem').getByRole('button', { name: 'Edit' }).click();
    await popup.getByRole('textbox', { name: 'Note' }).fill(text);
    await popup.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => noteTexts(popup)).toEqual([text]);
  }
  await syncNow(laptopLibrary);
  expect(await syncNow(homeLibrary)).toContain('1 note edited on two devices: both texts are kept');
  await syncNow(laptopLibrary);
  for (const popup of [laptopPopup, homePopup])
    await expect.poll(async () => (await noteTexts(popup)).sort()).toEqual(['edited at home', 'edited on the laptop']);
  // In the library the earlier text, kept beside the note, says it is a conflict copy.
  const talkRow = homeLibrary.getByRole('listitem').filter({ has: homeLibrary.getByRole('heading', { name: 'Evolving Prometheus for More Use Cases' }) });
  await homeLibrary.bringToFront();
  await talkRow.getByRole('button', { name: 'Details' }).click();
  const libraryNotes = talkRow.getByRole('list', { name: 'Notes on Evolving Prometheus for More Use Cases' }).getByRole('listitem');
  await expect.poll(() => libraryNotes.filter({ hasText: 'edited on the laptop' }).textContent()).toContain('Conflict copy');
  await expect.poll(() => libraryNotes.filter({ hasText: 'edited at home' }).textContent()).not.toContain('Conflict copy');
  await homeLibrary.screenshot({ path: resolve(ARTIFACTS, 'sync-conflict-copy.png'), fullPage: true });

  // A deletion at home disappears from the laptop.
  await homePopup.bringToFront();
  await homePopup.getByRole('listitem').filter({ hasText: 'edited on the laptop' }).getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => noteTexts(homePopup)).toEqual(['edited at home']);
  await syncNow(homeLibrary);
  await syncNow(laptopLibrary);
  await expect.poll(() => noteTexts(laptopPopup)).toEqual(['edited at home']);
  // The popup's bar says, quietly, when the notes last synced.
  await expect.poll(() => laptopPopup.getByRole('banner').textContent()).toMatch(/Synced \d/);
  await laptopPopup.bringToFront();
  await laptopPopup.screenshot({ path: resolve(ARTIFACTS, 'sync-popup.png') });
  await homeLibrary.bringToFront();
  await homeLibrary.screenshot({ path: resolve(ARTIFACTS, 'sync-synced.png'), fullPage: true });
});

test('a slide captured on the laptop reaches home with the same bytes, once; deleting its note deletes it at home and on the server', async () => {
  const laptopPopup = await openPopupOnTalk(laptop, 'Sl1desT4lk0', 9.5);
  await laptopPopup.getByRole('button', { name: 'Capture slide' }).click();
  await expect.poll(() => laptopPopup.getByRole('status').textContent()).toBe('Slide at 0:09 added to the note.');
  await laptopPopup.getByRole('textbox', { name: 'Note' }).fill('the architecture slide');
  await laptopPopup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => laptopPopup.getByRole('button', { name: 'Slide at 0:09: the architecture slide' }).count()).toBe(1);
  const [taken] = await readStoredSlides(laptopPopup);

  const laptopLibrary = await openLibrary(laptop);
  await syncNow(laptopLibrary);
  const slidesFolder = join(server.dataDir, 'Talklog/talks/slides');
  expect(readdirSync(slidesFolder)).toEqual([expect.stringMatching(/^Sl1desT4lk0-9-[0-9a-f]{8}\.webp$/)]);

  const homeLibrary = await openLibrary(home);
  await syncNow(homeLibrary);
  const homePopup = await openPopupOnTalk(home, 'Sl1desT4lk0');
  await expect.poll(() => homePopup.getByRole('button', { name: 'Slide at 0:09: the architecture slide' }).count()).toBe(1);
  const [arrived] = await readStoredSlides(homePopup);
  // The same image, byte for byte, the frame of second 9 at the video's size; home made its own thumbnail.
  expect(arrived.sha256).toBe(taken.sha256);
  expect([arrived.width, arrived.height, arrived.decoded.width, arrived.decoded.height]).toEqual([1280, 720, 1280, 720]);
  expect(arrived.decoded.colours.map(secondOfColour)).toEqual([9, 9, 9]);
  expect(arrived.thumbnailWidth).toBe(320);
  expect(arrived.atSec).toBeCloseTo(taken.atSec, 3);
  await homePopup.screenshot({ path: resolve(ARTIFACTS, 'sync-slide-arrived.png') });

  await laptopPopup.getByRole('listitem').filter({ hasText: 'the architecture slide' }).getByRole('button', { name: 'Delete' }).click();
  await syncNow(laptopLibrary);
  expect(readdirSync(slidesFolder)).toEqual([]);
  await syncNow(homeLibrary);
  await expect.poll(async () => (await readStoredSlides(homePopup)).length).toBe(0);
  await expect.poll(() => homePopup.getByRole('button', { name: /^Slide at/ }).count()).toBe(0);
});

test('a note saved with no one pressing Sync now reaches the server a few seconds later; the talk log at the next Sync now', async () => {
  // The laptop is connected (above) and nothing is waiting; only the background's sync after a change can send this.
  const laptopPopup = await openPopupOnTalk(laptop);
  await laptopPopup.getByRole('textbox', { name: 'Note' }).fill('synced on its own');
  await laptopPopup.getByRole('button', { name: 'Save note' }).click();
  const talkFile = join(server.dataDir, 'Talklog/talks/Pr0meTheus1.json');
  await expect.poll(() => readFileSync(talkFile, 'utf8'), { timeout: 30_000, interval: 500 }).toContain('synced on its own');
  // The whole talk log waits for a sync that asks for it (Sync now, the 15-minute one, browser start).
  const talkLog = join(server.dataDir, 'Talklog/markdown/talk-log.md');
  expect(readFileSync(talkLog, 'utf8')).not.toContain('synced on its own');
  await syncNow(await openLibrary(laptop));
  expect(readFileSync(talkLog, 'utf8')).toContain('synced on its own');
});

test('a markdown file edited in the vault stays as written; Sync now says so and writes Talklog’s version beside it', async () => {
  const folder = join(server.dataDir, 'Talklog/markdown/no-event');
  const mirror = join(folder, 'evolving-prometheus-for-more-use-cases-Pr0meTheus1.md');
  const edited = `${readFileSync(mirror, 'utf8')}\nWhat I make of this talk, written in my vault.\n`;
  writeFileSync(mirror, edited);
  const laptopPopup = await openPopupOnTalk(laptop);
  await laptopPopup.getByRole('textbox', { name: 'Note' }).fill('written after the vault edit');
  await laptopPopup.getByRole('button', { name: 'Save note' }).click();
  const library = await openLibrary(laptop);
  expect(await syncNow(library)).toContain(
    'Left as they are, since they differ from what Talklog wrote (edited in your notes app, or written by an older Talklog): markdown/no-event/evolving-prometheus-for-more-use-cases-Pr0meTheus1.md.',
  );
  await library.screenshot({ path: resolve(ARTIFACTS, 'sync-kept-edited-markdown.png'), fullPage: true });
  expect(readFileSync(mirror, 'utf8')).toBe(edited);
  expect(readFileSync(join(folder, 'evolving-prometheus-for-more-use-cases-Pr0meTheus1 (Talklog).md'), 'utf8')).toContain('written after the vault edit');
});

test('the sync password is out of reach of the content script on YouTube: only the extension’s pages read storage', async () => {
  // The laptop is connected (above): its library page reads the account it saved.
  const library = await openLibrary(laptop);
  expect(await library.evaluate("chrome.storage.local.get('syncAccount').then((stored) => stored.syncAccount.password)")).toBe(server.password);
  const watch = await laptop.context.newPage();
  await watch.goto('https://www.youtube.com/watch?v=Pr0meTheus1');
  const read = "chrome.storage.local.get(null).then((stored) => 'read ' + JSON.stringify(stored), (error) => 'refused: ' + error.message)";
  expect(await inContentScriptOf(watch, laptop.extensionUrl('').replace(/\/$/, ''), read)).toMatch(/^refused: /);
});

/** Evaluates `expression` in the content script world of the extension at `origin` in `page`, through the DevTools protocol. */
async function inContentScriptOf(page: Page, origin: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  // Enabling reports every world the page has already.
  await cdp.send('Runtime.enable');
  const world = worlds.find((context) => context.auxData?.type === 'isolated' && context.origin === origin);
  if (!world) throw new Error(`No content script of ${origin} in ${page.url()}`);
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}
