// `npm start`: Chromium with Talklog loaded, on an offline demo talk (or on the YouTube URL given).
// With no display it runs the same demo headless and prints where the results are.
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startFakeYouTube } from './fake-youtube/server.mjs';
import { launchTalklogBrowser } from './launch-browser.mjs';

const DEMO_URL = 'https://www.youtube.com/watch?v=Pr0meTheus1';
const OUT = resolve(import.meta.dirname, '..', 'artifacts', 'demo');
const givenUrl = process.argv.slice(2).find((arg) => /^https?:\/\//.test(arg));
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

async function interactive() {
  const youtube = givenUrl ? null : await startFakeYouTube({ simulatePlayback: true });
  const browser = await launchTalklogBrowser({ headless: false, hostResolverRule: youtube?.hostResolverRule, viewport: null });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(givenUrl ?? DEMO_URL);
  console.log(`Talklog is loaded. Press its toolbar button (or Alt+Shift+K) on ${givenUrl ?? 'the demo talk'}; close the browser to stop.`);
  await new Promise((done) => browser.context.on('close', done));
  await youtube?.close();
}

async function headlessDemo() {
  if (givenUrl) console.log('No display here, and no internet: running the offline demo instead of', givenUrl);
  const youtube = await startFakeYouTube({ simulatePlayback: true });
  const browser = await launchTalklogBrowser({ hostResolverRule: youtube.hostResolverRule });
  try {
    mkdirSync(OUT, { recursive: true });
    const watch = await browser.context.newPage();
    const startSec = 188;
    await watch.goto(`${DEMO_URL}&start=${startSec}`);
    // The talk is playing from where the demo starts it, as a user would have it when clipping.
    await watch.waitForFunction((from) => {
      const video = document.querySelector('#movie_player video');
      return video instanceof HTMLVideoElement && !video.paused && video.currentTime > from;
    }, startSec);

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(browser.extensionUrl(`src/popup/index.html?tab=${await browser.tabIdOf(watch)}`));
    // Opening the popup clips the talk; it then says it is in the library.
    await popup.getByText('In your library', { exact: false }).waitFor();
    const note = popup.getByRole('textbox', { name: 'Note' });
    await note.fill('new scrape limits: `sample_limit`, `label_limit`');
    await popup.getByText(/^At \d+:\d\d/).waitFor();
    await popup.getByRole('button', { name: 'Save note' }).click();
    await popup.getByRole('status').filter({ hasText: 'Note saved' }).waitFor();
    const popupShot = resolve(OUT, 'popup.png');
    await popup.screenshot({ path: popupShot });

    const library = await browser.context.newPage();
    await library.goto(browser.extensionUrl('src/options/index.html'));
    await library.getByRole('button', { name: 'Export markdown' }).click();
    const dialog = library.getByRole('dialog', { name: 'Export markdown' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Talk log: the Talklog demo');
    const [download] = await Promise.all([library.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
    const markdown = resolve(OUT, download.suggestedFilename());
    copyFileSync(await download.path(), markdown);

    console.log('Demo done: clipped the demo talk, saved a timestamped note, exported the talk log.');
    console.log(`  talk log:         ${markdown}`);
    console.log(`  popup screenshot: ${popupShot}`);
    console.log('On a machine with a display, `npm start` opens the browser for you to use instead.');
  } finally {
    await browser.close();
    await youtube.close();
  }
}

await (hasDisplay ? interactive() : headlessDemo());
