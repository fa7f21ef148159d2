// `npm run bench`, the conference part (issue 13), in real Chromium, each figure next to a floor measured
// in the same run: queueing the stand-in's 208-row playlist from the popup against one Dexie `bulkPut` of
// the same talks, and the library holding one event's queue of 2,000 talks (its first screen, and a
// triage key). Writes its own section of BENCHMARKS.md. Alone:
//
//   BENCH_PARTS=conference node scripts/bench/run.mjs     (BENCH_RUNS=7, BENCH_TRIAGE_KEYS=60 by default)
import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFERENCE_CHANNEL, CONFERENCE_PLAYLIST_ID } from '../fake-youtube/conference.mjs';
import { appReadyTime, importThroughLibrary, launchBenchBrowser, openWholeLibrary, POPUP_VIEWPORT } from './browser.mjs';
import { ROOT } from './build.mjs';
import { clearLibrary, countTalks, installQueueProbe, installTriageFloor, installTriageProbe, readWholePlaylist } from './conference-in-page.mjs';
import { writeSection } from './md-section.mjs';
import { markdownTable, ms, printRows, ratio, stampRun, within } from './report.mjs';
import { median, summary } from './stats.mjs';

export const CONFERENCE_SECTION = 'conference';

const QUEUED_TALKS = 2000;
const EVENT = 'KubeCon queue bench 2026';
/** Triage keys pressed in a row, from the first talk down: enough that their p95 is not the second slowest. */
const TRIAGE_KEYS = Number(process.env.BENCH_TRIAGE_KEYS ?? 60);
const WARMUP = 1;

/**
 * @param {{ extensionDir: string, youtube: { hostResolverRule: string }, runs: number, log: (...parts: unknown[]) => void }} options
 */
export async function conferenceBench({ extensionDir, youtube, runs, log }) {
  const results = { runs, loadBefore: loadavg() };
  const start = performance.now();
  // A fresh browser (and profile) for each part: the queue's talks never meet the 2,000.
  for (const [name, measure] of [
    ['queue', queueFigures],
    ['library', queuedLibraryFigures],
  ]) {
    const browser = await launchBenchBrowser({ extensionDir, hostResolverRule: youtube.hostResolverRule });
    results.chromium = browser.context.browser()?.version() ?? 'unknown';
    try {
      results[name] = await measure(browser, runs, log);
    } finally {
      await browser.close();
    }
  }
  stampRun(results, start);
  const rows = tableRows(results);
  printRows('Talklog bench — a conference (issue 13)', rows);
  const path = join(ROOT, 'BENCHMARKS.md');
  writeSection(path, CONFERENCE_SECTION, section(results, rows));
  log('wrote the conference section of BENCHMARKS.md');
  return results;
}

/** Queue the stand-in's playlist from the popup, from an empty library each time; then the floor. */
async function queueFigures(browser, runs, log) {
  const { context } = browser;
  log(`conference: queue the playlist from the popup, ${WARMUP} warm-up + ${runs} runs`);
  const helper = await context.newPage();
  await helper.goto(browser.extensionUrl('bench-floor/bare.html'));
  const playlist = await context.newPage();
  const openPlaylist = async () => {
    await playlist.goto(`https://www.youtube.com/playlist?list=${CONFERENCE_PLAYLIST_ID}`);
    await playlist.waitForLoadState('load');
    return browser.tabIdOf(playlist);
  };
  const openPopup = async (tabId) => {
    const popup = await context.newPage();
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(browser.extensionUrl(`src/popup/index.html?tab=${tabId}`));
    await appReadyTime(popup);
    await popup.getByRole('button', { name: 'Queue talks' }).waitFor();
    return popup;
  };

  const queued = [];
  const reads = [];
  let playlistRead = null;
  let said = '';
  let stored = 0;
  for (let run = 0; run < WARMUP + runs; run++) {
    await helper.evaluate(clearLibrary);
    // What the queue costs beyond reading the page: the content script reads the playlist whole on a fresh load.
    const readTab = await openPlaylist();
    const reader = await openPopup(readTab);
    const read = await reader.evaluate(readWholePlaylist, readTab);
    playlistRead = read.playlist;
    await reader.close();

    const tabId = await openPlaylist();
    const popup = await openPopup(tabId);
    await popup.evaluate(installQueueProbe);
    await popup.getByRole('button', { name: 'Queue talks' }).click();
    const result = await popup.evaluate((timeoutMs) => window.__benchQueued(timeoutMs), 120_000);
    stored = await helper.evaluate(countTalks);
    said = result.text;
    if (!/^\d+ queued/.test(said)) throw new Error(`Queueing failed: ${said}`);
    await popup.close();
    if (run >= WARMUP) {
      queued.push(result.ms);
      reads.push(read.ms);
    }
    log(`conference: queued in ${result.ms.toFixed(0)} ms (read alone ${read.ms.toFixed(0)} ms, ${read.playlist?.rows.length} rows): ${said}`);
  }

  // Floor: the talks just stored, written again by one bulkPut in the extension's own page.
  const floorPage = await context.newPage();
  await floorPage.goto(browser.extensionUrl('bench-floor/queue-floor.html'));
  await appReadyTime(floorPage);
  const floor = await floorPage.evaluate((count) => window.benchBulkPut(count), WARMUP + runs);
  const alone = await floorPage.evaluate(([seen, count]) => window.benchQueuePlaylist(seen, count), [playlistRead, WARMUP + runs]);
  await floorPage.close();
  await playlist.close();
  await helper.close();
  return {
    queued: summary(queued),
    read: summary(reads),
    queuePlaylist: summary(alone.times.slice(WARMUP)),
    said,
    stored,
    bulkPut: { ...summary(floor.times.slice(WARMUP)), talks: floor.talks },
  };
}

/** The library with one event's queue of 2,000 talks: first screen against its floor, and triage keys. */
async function queuedLibraryFigures(browser, runs, log) {
  const { context } = browser;
  log(`conference: importing an event of ${QUEUED_TALKS} queued talks`);
  const backupPath = join(tmpdir(), `talklog-bench-queue-${process.pid}.json`);
  writeFileSync(backupPath, JSON.stringify(queuedEventBackup(QUEUED_TALKS)));
  await importThroughLibrary(context, browser.extensionUrl('src/options/index.html'), backupPath, 300_000);

  log(`conference: library of ${QUEUED_TALKS} queued talks vs the Preact + Dexie floor, ${WARMUP} warm-up + ${runs} loads each`);
  const times = { library: [], floor: [] };
  for (let run = 0; run < WARMUP + runs; run++) {
    for (const [name, url] of [
      ['library', 'src/options/index.html'],
      ['floor', 'bench-floor/preact-dexie.html'],
    ]) {
      const tab = await context.newPage();
      await tab.goto(browser.extensionUrl(url));
      const time = await appReadyTime(tab, 120_000);
      if (run >= WARMUP) times[name].push(time);
      await tab.close();
    }
  }

  log(`conference: triage, ${TRIAGE_KEYS} presses of 3, and the same probe on a bare list`);
  // The event filter lists the events once the whole library is read.
  const library = await openWholeLibrary(context, browser.extensionUrl('src/options/index.html'), 120_000);
  await library.getByRole('combobox', { name: 'Event' }).selectOption(EVENT);
  await library.getByRole('combobox', { name: 'Sort' }).selectOption('interest');
  const talks = library.getByRole('list', { name: 'Talks' });
  await talks.getByRole('link', { name: talkTitle(1), exact: true }).focus();
  const triage = await pressTriageKeys(library);
  const focusedLast = triage.at(-1)?.focusedText;
  if (focusedLast !== talkTitle(TRIAGE_KEYS + 1)) throw new Error(`Triage ended on “${focusedLast}”, not on talk ${TRIAGE_KEYS + 1}`);
  const rated = await library.evaluate(countRated);
  await library.close();

  const floorTab = await context.newPage();
  await floorTab.goto(browser.extensionUrl('bench-floor/bare.html'));
  await floorTab.evaluate(installTriageFloor, TRIAGE_KEYS + 1);
  const floor = await pressTriageKeys(floorTab);
  await floorTab.close();
  return {
    talks: QUEUED_TALKS,
    ready: summary(times.library),
    floor: summary(times.floor),
    pairedRatio: median(times.library.map((time, i) => time / times.floor[i])),
    triage: {
      focus: summary(triage.map((key) => key.focus)),
      settled: summary(triage.map((key) => key.settled)),
      timedOut: triage.filter((key) => key.timedOut).length,
      rated,
    },
    triageFloor: summary(floor.map((key) => key.focus)),
  };
}

async function pressTriageKeys(page) {
  await page.evaluate(installTriageProbe);
  const keys = [];
  for (let press = 0; press < TRIAGE_KEYS; press++) {
    await page.evaluate(() => window.__triageArm());
    await page.keyboard.press('3');
    keys.push(await page.evaluate(() => window.__triageSettled(250)));
  }
  return keys;
}

/** Talks rated 3, read with the raw IndexedDB API: what the triage keys stored. */
function countRated() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('talklog');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const read = open.result.transaction('talks').objectStore('talks').getAll();
      read.onsuccess = () => {
        open.result.close();
        resolve(read.result.filter((talk) => talk.interest === 3).length);
      };
      read.onerror = () => reject(read.error);
    };
  });
}

const talkTitle = (position) => `Queued talk ${String(position).padStart(4, '0')}`;

/** A backup (version 2) of one event's queue: `count` talks to watch, unrated, in playlist order. */
function queuedEventBackup(count) {
  const at = '2026-11-29T09:00:00.000Z';
  const talks = Array.from({ length: count }, (_, i) => {
    const videoId = `qbench${String(i + 1).padStart(5, '0')}`;
    return {
      id: `t_${videoId}`,
      videoId,
      url: `https://www.youtube.com/watch?v=${videoId}`,
      title: talkTitle(i + 1),
      youtubeTitle: `${talkTitle(i + 1)} - Jane Doe, Acme`,
      channel: CONFERENCE_CHANNEL,
      speakers: ['Jane Doe, Acme'],
      durationSec: 900 + ((i * 137) % 1800),
      event: EVENT,
      category: null,
      tags: [],
      interest: 0,
      status: 'to-watch',
      playlist: { id: 'PLqueueBench2026', position: i + 1 },
      createdAt: at,
      updatedAt: at,
    };
  });
  return { format: 'talklog-backup', version: 2, exportedAt: at, talks, notes: [] };
}

/** Table rows: [measure, Talklog, floor, ratio, target, within]. */
function tableRows(r) {
  const q = r.queue;
  const l = r.library;
  return [
    [
      `Queue ${q.stored} talks from the popup (208-row playlist), click → all stored, median`,
      ms(q.queued.median),
      `one Dexie bulkPut of the same ${q.bulkPut.talks} talks, extension page: ${ms(q.bulkPut.median)}`,
      ratio(q.queued.median, q.bulkPut.median),
      '',
      '',
    ],
    ['… of which reading the playlist whole (content script, 3 batches from the stand-in), median', ms(q.read.median), '', '', '', ''],
    [
      '… of which storing: Talklog’s queuePlaylist alone on the rows read, extension page, median',
      ms(q.queuePlaylist.median),
      `one Dexie bulkPut: ${ms(q.bulkPut.median)}`,
      ratio(q.queuePlaylist.median, q.bulkPut.median),
      '',
      '',
    ],
    [
      `Library ready with an event of ${l.talks.toLocaleString('en')} queued talks (app-ready), median`,
      ms(l.ready.median),
      `Preact + Dexie page, 50 rows: ${ms(l.floor.median)}`,
      ratio(l.ready.median, l.floor.median),
      '≤ 2× floor',
      within(l.ready.median <= 2 * l.floor.median),
    ],
    [
      `Triage key 3 → next row focused and painted, p95 of ${l.triage.focus.runs}`,
      ms(l.triage.focus.p95),
      `bare list, a key focuses the next link, same probe, p95: ${ms(l.triageFloor.p95)}`,
      ratio(l.triage.focus.p95, l.triageFloor.p95),
      '≤ 16 ms (one frame)',
      within(l.triage.focus.p95 <= 16),
    ],
    [
      'Triage key 3 → next row focused and painted, median',
      ms(l.triage.focus.median),
      `same floor, median: ${ms(l.triageFloor.median)}`,
      ratio(l.triage.focus.median, l.triageFloor.median),
      '',
      '',
    ],
    ['Triage key 3 → rating stored and shown (last change painted), median', ms(l.triage.settled.median), '', '', '', ''],
  ];
}

function section(r, rows) {
  const table = markdownTable(rows);
  const m = r.machine;
  const q = r.queue;
  const l = r.library;
  return `## A conference: queue and triage (issue 13)

Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC in ${r.seconds.toFixed(0)} s by the conference part of \`npm run bench\`, in real Chromium, each figure next to a floor measured in the same run.

- Machine: ${m.cpuModel}, ${m.nproc} CPUs (\`nproc\`), ${m.platform}, Node ${m.node}; load average ${r.loadBefore.map((v) => v.toFixed(2)).join(' ')} before, ${r.loadAfter.map((v) => v.toFixed(2)).join(' ')} after (other work shares this machine: compare ratios, not milliseconds)
- Browser: Chromium ${r.chromium} (headless, \`/usr/bin/chromium\` through \`scripts/launch-browser.mjs\`), a fresh profile for the queue and another for the library

${table}

Details:

- Queue: ${q.queued.runs} runs after ${WARMUP} warm-up, each from an empty library on a fresh load of the stand-in's playlist page (208 rows, of which YouTube renders 100 at first and the rest in two more batches as the list is scrolled). Click → stored: median ${ms(q.queued.median)}, min ${ms(q.queued.min)}, max ${ms(q.queued.max)}; the popup said “${q.said}”, and ${q.stored} talks were stored. Reading the playlist whole alone, on a fresh load before each run: median ${ms(q.read.median)}, min ${ms(q.read.min)}, max ${ms(q.read.max)}. Storing alone (\`queuePlaylist\` from \`src/db/queue.ts\`, sync's bookkeeping included, on the playlist the content script read, into a fresh database each run): median ${ms(q.queuePlaylist.median)}, min ${ms(q.queuePlaylist.min)}, max ${ms(q.queuePlaylist.max)}. The rest of click → stored is the popup, the messages between it, the background and the tab, and the popup asking the tab for its progress every 400 ms while the rows load. The floor: one \`bulkPut\` of the ${q.bulkPut.talks} talk records the queue stored, in an extension page, into a scratch database whose talks table has Talklog's indexes: median ${ms(q.bulkPut.median)}, min ${ms(q.bulkPut.min)}, max ${ms(q.bulkPut.max)}.
- Library: ${l.talks.toLocaleString('en')} talks of one event, all to watch and unrated, in playlist order, no notes, imported through \`Import backup\`. First screen (app-ready): median ${ms(l.ready.median)} (min ${ms(l.ready.min)}, max ${ms(l.ready.max)}) against the Preact + Dexie floor's ${ms(l.floor.median)} (min ${ms(l.floor.min)}, max ${ms(l.floor.max)}); library ÷ floor within each round, median of the rounds: ${l.pairedRatio.toFixed(2)}×.
- Triage: the event chosen, sorted by interest, the first talk's link focused, then ${l.triage.focus.runs} presses of \`3\`, each rating the focused talk and moving the focus to the next row (${l.triage.rated} talks rated 3 afterwards). Focus painted: median ${ms(l.triage.focus.median)}, p95 ${ms(l.triage.focus.p95)}, max ${ms(l.triage.focus.max)}; rating stored and shown: median ${ms(l.triage.settled.median)}, p95 ${ms(l.triage.settled.p95)}, max ${ms(l.triage.settled.max)}${l.triage.timedOut ? `; ${l.triage.timedOut} did not settle within 5 s` : ''}. Floor: a bare extension page with ${l.triageFloor.runs + 1} links where a key moves the focus to the next one: median ${ms(l.triageFloor.median)}, p95 ${ms(l.triageFloor.p95)}.

How each figure is taken:

- **Queue, click → all stored**: in the popup page (400×600, \`?tab=\` the playlist tab), the \`click\` event's own timestamp on \`Queue talks\` to the moment the popup says what was queued (a MutationObserver on its live regions), which it says once the background's queue transaction has committed. The read alone is \`talklog/read-whole-playlist\` sent to the content script from the popup page, timed there. Between runs the talks, notes and sync's record of them are cleared with the raw IndexedDB API.
- **Library ready**: \`app-ready\` of a fresh \`src/options/index.html\` (its first screen shown), loaded in turn with the Preact + Dexie floor page (50 talks read from the same database).
- **Triage key**: real key events (DevTools input). From the keydown event's timestamp to the first frame painted after the focus moved (\`requestAnimationFrame\`, then a task); and to the frame after the last DOM change the key caused, once the screen has been quiet for 250 ms.

Reproduce:

\`\`\`sh
npm ci
BENCH_PARTS=conference node scripts/bench/run.mjs    # BENCH_RUNS=7 by default
\`\`\``;
}
