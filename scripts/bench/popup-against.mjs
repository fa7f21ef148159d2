// This tree's popup against another tree's, in one browser: both builds installed side by side, each with
// the bench's library imported, and in each round their popups and the Preact + Dexie floor loaded in turn
// (in an order that rotates). Between two runs of `npm run bench` the popup's ratio to its floor moves by
// ±0.05, as much as a change worth making; loaded in the same rounds, two builds differ by what they do.
//
//   node scripts/bench/popup-against.mjs <other tree>    (BENCH_ROUNDS=50, BENCH_SCALE=1)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startFakeYouTube } from '../fake-youtube/server.mjs';
import { launchTalklogBrowser } from '../launch-browser.mjs';
import { appReadyTime, openWatchPage, POPUP_VIEWPORT } from './browser.mjs';
import { buildBenchExtension } from './build.mjs';
import { makeBackup } from './dataset.mjs';
import { median } from './stats.mjs';

const other = process.argv[2];
if (!other) throw new Error('Usage: node scripts/bench/popup-against.mjs <other tree>');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const WARMUP = 2;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);

const otherBuild = await import(pathToFileURL(join(resolve(other), 'scripts/bench/build.mjs')).href);
const builds = { this: await buildBenchExtension(), other: await otherBuild.buildBenchExtension() };
const work = mkdtempSync(join(tmpdir(), 'talklog-popup-against-'));
const backupPath = join(work, 'backup.json');
writeFileSync(backupPath, JSON.stringify(makeBackup({ talks: 2000 * SCALE, notes: 20000 * SCALE })));
const youtube = await startFakeYouTube();
const browser = await launchTalklogBrowser({ hostResolverRule: youtube.hostResolverRule, installLater: true });
try {
  const { context } = browser;
  const devtools = await context.browser().newBrowserCDPSession();
  const ids = {};
  for (const [name, dir] of Object.entries(builds)) ids[name] = (await devtools.send('Extensions.loadUnpacked', { path: dir })).id;
  const url = (name, path) => `chrome-extension://${ids[name]}/${path}`;
  for (const name of Object.keys(builds)) {
    const library = await context.newPage();
    await library.goto(url(name, 'src/options/index.html'));
    await appReadyTime(library);
    await library.getByLabel('Import backup').setInputFiles(backupPath);
    await library.waitForFunction(() => [...document.querySelectorAll('[role=status]')].some((e) => e.textContent?.trim().startsWith('Imported ')), undefined, {
      timeout: 600_000,
      polling: 200,
    });
    await library.close();
  }
  const watch = await context.newPage();
  await openWatchPage(watch);
  // The tab's id, asked of this build's worker.
  await browser.findServiceWorker();
  browser.serviceWorker = context.serviceWorkers().find((worker) => worker.url().includes(ids.this)) ?? browser.serviceWorker;
  const tabId = await browser.tabIdOf(watch);
  const pages = {
    this: url('this', `src/popup/index.html?tab=${tabId}`),
    other: url('other', `src/popup/index.html?tab=${tabId}`),
    floor: url('this', 'bench-floor/preact-dexie.html'),
  };
  const times = { this: [], other: [], floor: [] };
  const names = Object.keys(pages);
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const order = [...names.slice(round % names.length), ...names.slice(0, round % names.length)];
    for (const name of round % 2 === 0 ? order : order.reverse()) {
      const tab = await context.newPage();
      await tab.setViewportSize(POPUP_VIEWPORT);
      await tab.goto(pages[name]);
      const time = await appReadyTime(tab);
      if (round >= WARMUP) times[name].push(time);
      await tab.close();
    }
  }
  const paired = (a, b) => median(times[a].map((time, i) => time / times[b][i])).toFixed(3);
  console.log(
    `${SCALE}×, ${ROUNDS} rounds: popup here ${median(times.this).toFixed(1)} ms, there ${median(times.other).toFixed(1)} ms, floor ${median(times.floor).toFixed(1)} ms`,
  );
  console.log(`paired: here ÷ floor ${paired('this', 'floor')}, there ÷ floor ${paired('other', 'floor')}, here ÷ there ${paired('this', 'other')}`);
} finally {
  await browser.close();
  await youtube.close();
  rmSync(work, { recursive: true, force: true });
  for (const dir of Object.values(builds)) rmSync(dir, { recursive: true, force: true });
}
