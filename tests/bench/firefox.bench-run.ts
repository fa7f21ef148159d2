// `npm run bench:firefox` (part of `npm run bench`, not of `npm test`): the library in Debian's Firefox ESR,
// driven through WebDriver BiDi with the Firefox build installed, at 1× and 10× the browser bench's library
// (BENCH_FIREFOX_SCALES). The Chromium bench compares each figure with a Preact + Dexie floor page; the Firefox
// build carries no floor pages, so this one reports what the issue's targets ask of the library's shape: the
// first screen at 10× ÷ at 1×, search at 10×, the import's and the export's time and the page's longest wait for
// a frame while they run, and each keystroke next to the same keystrokes typed into a plain input of the same page.
// Reports only: figures go to stdout and to BENCHMARKS.md's firefox section.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { makeBackup, SEARCH_QUERIES } from '../../scripts/bench/dataset.mjs';
import { installKeystrokeProbe } from '../../scripts/bench/keystroke-probe.mjs';
import { withSection } from '../../scripts/bench/md-section.mjs';
import { median, percentile } from '../../scripts/bench/stats.mjs';
import { startFirefoxSession } from '../firefox/firefox-session';

const ROOT = join(import.meta.dirname, '../..');
const SIZE = { talks: 2000, notes: 20000 };
const SCALES = (process.env.BENCH_FIREFOX_SCALES ?? '1,10').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const EXPORT_RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 3);
const LIBRARY = 'src/options/index.html';
/** What the plain input is typed, as the Chromium bench's keystroke floor. */
const PLAIN_TYPED = 'prometheus scrape ebpf';

interface KeystrokeProbe {
  __benchArm: () => void;
  __benchSettled: (quietMs: number) => Promise<{ latency: number | null }>;
}

interface AtScale {
  scale: number;
  importMs: number;
  /** The longest time between two of the library page's frames while the import ran. */
  importLongestGapMs: number;
  firstScreen: number[];
  whole: number[];
  exports: { ms: number; longestGap: number }[];
  search: number[];
  plain: number[];
}

/** The page's time from the file chosen to its "Imported …" line, and its longest wait for a frame meanwhile. */
function watchImport(): void {
  const seen = { start: 0, end: 0, longestGap: 0 };
  (window as unknown as { importSeen: typeof seen }).importSeen = seen;
  document.addEventListener('change', () => (seen.start = performance.now()), { capture: true, once: true });
  let last = performance.now();
  const frame = (now: number) => {
    if (seen.start > 0 && seen.end === 0) seen.longestGap = Math.max(seen.longestGap, now - last);
    last = now;
    if (seen.end === 0) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  new MutationObserver((_, observer) => {
    if ([...document.querySelectorAll('[role=status]')].some((status) => status.textContent?.trim().startsWith('Imported '))) {
      seen.end = performance.now();
      observer.disconnect();
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}

/**
 * From `Export markdown` clicked to its dialog's `Download` enabled (the log is made in a worker), and the page's
 * longest wait for a frame meanwhile, the click's own task included.
 */
function exportTimed(): Promise<{ ms: number; longestGap: number }> {
  const named = (root: ParentNode | null, name: string) => [...(root?.querySelectorAll('button') ?? [])].find((button) => button.textContent?.trim() === name);
  return new Promise((resolve) => {
    let longestGap = 0;
    let ready = false;
    let last = performance.now();
    const frame = (now: number) => {
      longestGap = Math.max(longestGap, now - last);
      last = now;
      if (!ready) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const start = performance.now();
    new MutationObserver((_, observer) => {
      const download = named(document.querySelector('dialog[open]'), 'Download');
      if (!download || download.disabled) return;
      ready = true;
      observer.disconnect();
      resolve({ ms: performance.now() - start, longestGap });
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
    named(document, 'Export markdown')!.click();
  });
}

/** Types each character into the focused box with the keystroke probe armed; gives each one's latency. */
async function typeTimed(page: Page, text: string, quietMs: number): Promise<number[]> {
  const latencies = [];
  for (const character of text) {
    await page.evaluate(() => (window as unknown as KeystrokeProbe).__benchArm());
    await page.keyboard.type(character);
    const { latency } = await page.evaluate((quiet) => (window as unknown as KeystrokeProbe).__benchSettled(quiet), quietMs);
    if (latency !== null) latencies.push(latency);
  }
  return latencies;
}

async function emptySearch(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector<HTMLInputElement>('input[type="search"][aria-label="Search"]')!.focus());
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await new Promise((done) => setTimeout(done, 300));
}

async function measureAt(scale: number, backupPath: string): Promise<AtScale> {
  const session = await startFirefoxSession();
  try {
    // 1. Import backup into an empty library, as a user does.
    const page = await session.openExtensionPage(LIBRARY);
    await page.evaluate(watchImport);
    const label = await page.waitForSelector('::-p-text(Import backup)');
    await (await label!.$('input[type=file]'))!.uploadFile(backupPath);
    await page.waitForFunction(() => (window as unknown as { importSeen: { end: number } }).importSeen.end > 0, { timeout: 900_000, polling: 200 });
    const imported = await page.evaluate(() => (window as unknown as { importSeen: { start: number; end: number; longestGap: number } }).importSeen);

    // 2. The library loaded again in the same tab: its first screen, then the whole library read (Export enabled).
    // Reloaded rather than opened in new tabs: once BiDi has closed a tab, Firefox reports the next one hidden
    // (timers slowed to one a second) until BiDi selects it, which would be after its load had begun.
    const firstScreen = [];
    const whole = [];
    for (let run = 0; run <= RUNS; run++) {
      // (Puppeteer misses navigations within moz-extension:, so the old document is told from the new by a mark.)
      await page.evaluate(() => {
        (window as unknown as { reloading: boolean }).reloading = true;
        location.reload();
      });
      await page.waitForFunction(
        () =>
          !(window as unknown as { reloading?: boolean }).reloading &&
          [...document.querySelectorAll('button')].some((button) => button.textContent?.trim() === 'Export markdown' && !button.disabled),
        { timeout: 300_000 },
      );
      const [ready, read, visibility] = await page.evaluate(() => [
        performance.getEntriesByName('app-ready', 'mark')[0]!.startTime,
        performance.now(),
        document.visibilityState,
      ]);
      if (visibility !== 'visible') throw new Error(`The library's tab was ${visibility}: its figures would be a background tab's`);
      if (run > 0) {
        firstScreen.push(Number(ready));
        whole.push(Number(read));
      }
    }

    // 3. Export markdown, as far as the log made; the dialog closed by Escape.
    const exports = [];
    for (let run = 0; run < EXPORT_RUNS; run++) {
      exports.push(await page.evaluate(exportTimed));
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    }

    // 4. The bench's search typed into the last one; then a plain input of the same page.
    await page.evaluate(installKeystrokeProbe);
    const search = [];
    for (const query of SEARCH_QUERIES) {
      await emptySearch(page);
      search.push(...(await typeTimed(page, query, 250)));
    }
    await page.evaluate(() => {
      const input = document.body.appendChild(document.createElement('input'));
      input.setAttribute('aria-label', 'Plain input');
      input.focus();
    });
    const plain = await typeTimed(page, PLAIN_TYPED, 50);
    return { scale, importMs: imported.end - imported.start, importLongestGapMs: imported.longestGap, firstScreen, whole, exports, search, plain };
  } finally {
    await session.close();
  }
}

test('the library in Firefox at 1× and 10×', { timeout: 3_600_000 }, async () => {
  execFileSync('node', [join(ROOT, 'scripts/build.mjs'), 'firefox'], { stdio: 'inherit' });
  const version = execFileSync(process.env.FIREFOX ?? '/usr/bin/firefox-esr', ['--version'], { encoding: 'utf8' }).trim();
  const results: AtScale[] = [];
  for (const scale of SCALES) {
    const backupPath = join(mkdtempSync(join(tmpdir(), 'talklog-firefox-bench-')), 'talklog-backup.json');
    writeFileSync(backupPath, JSON.stringify(makeBackup({ talks: SIZE.talks * scale, notes: SIZE.notes * scale })));
    console.error(`[firefox bench] ${scale}×: import, ${RUNS} loads, ${EXPORT_RUNS} exports, ${SEARCH_QUERIES.join('').length} keystrokes`);
    const at = await measureAt(scale, backupPath);
    // Every keystroke was seen from its keydown to a frame: a figure short of some would be a smaller sample.
    expect(at.search).toHaveLength(SEARCH_QUERIES.join('').length);
    expect(at.plain).toHaveLength(PLAIN_TYPED.length);
    results.push(at);
  }
  const section = report(version, results);
  console.log(section);
  const path = join(ROOT, 'BENCHMARKS.md');
  writeFileSync(path, withSection(readFileSync(path, 'utf8'), 'firefox', section));
});

function report(version: string, results: AtScale[]): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const s = (value: number) => `${(value / 1000).toFixed(2)} s`;
  const size = (scale: number) => `${(SIZE.talks * scale).toLocaleString('en')} / ${(SIZE.notes * scale).toLocaleString('en')}`;
  const first = results[0]!;
  const last = results.at(-1)!;
  const growth = (of: (at: AtScale) => number) => (results.length > 1 ? `${(of(last) / of(first)).toFixed(2)}×` : '');
  const row = (name: string, of: (at: AtScale) => number, format: (value: number) => string, withGrowth = true) =>
    `| ${name} | ${results.map((at) => format(of(at))).join(' | ')} | ${withGrowth ? growth(of) : ''} |`;
  return `## The library in Firefox (issue 16)

Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:firefox\` (the last step of
\`npm run bench\`) in ${version}, headless, through WebDriver BiDi (\`puppeteer-core\`), with \`dist-firefox/\` installed
as a temporary add-on; a fresh profile at each size. Talks / notes: the browser bench's seeded data, imported through
\`Import backup\`. Medians of ${RUNS} loads and ${EXPORT_RUNS} exports; keystrokes as in the Chromium bench (its probe, its ${SEARCH_QUERIES.join('').length} keystrokes,
from the keydown to the frame after the last change they made). Firefox has no Long Tasks API: the import's and the
export's second figures are the page's longest wait between two frames while they ran. Firefox's clock reads in whole milliseconds here. Load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')} at the end.

| measure | ${results.map((at) => `${at.scale}× (${size(at.scale)})`).join(' | ')} | ${results.length > 1 ? `${last.scale}× ÷ ${first.scale}×` : ''} |
|---|${results.map(() => '---|').join('')}---|
${row('Import backup: file chosen → "Imported"', (at) => at.importMs, s)}
${row('Import: longest wait for a frame on the library page', (at) => at.importLongestGapMs, ms, false)}
${row('Library first screen (`app-ready`), median', (at) => median(at.firstScreen), ms)}
${row('Whole library read (Export enabled), median', (at) => median(at.whole), ms)}
${row('Export markdown: click → log made (`Download` enabled), median', (at) => median(at.exports.map((run) => run.ms)), ms)}
${row('Export: longest wait for a frame on the library page', (at) => Math.max(...at.exports.map((run) => run.longestGap)), ms, false)}
${row('Search keystroke → paint, median', (at) => median(at.search), ms)}
${row('Search keystroke → paint, p95', (at) => percentile(at.search, 95), ms)}
${row('A plain input of the same page, keystroke → paint, median', (at) => median(at.plain), ms, false)}
${row('A plain input of the same page, keystroke → paint, p95', (at) => percentile(at.plain, 95), ms, false)}

Reproduce:

\`\`\`sh
npm run bench:firefox     # BENCH_FIREFOX_SCALES=1,10 BENCH_RUNS=7 BENCH_EXPORT_RUNS=3 by default
\`\`\``;
}
