// `npm run bench`, the slides part (issue 12), in real Chromium, each figure next to a floor measured in
// the same run: `Capture slide` in the popup to the draft's thumbnail shown, against a bare canvas
// `drawImage` + `toBlob` of the same frame in the watch page; the library's first screen with 500 slides
// on its notes, against the Preact + Dexie floor; and `Export markdown` with `Include slides` of the
// 2,000-talk library, against fflate zipping the same bytes in the same browser. Writes its own section
// of BENCHMARKS.md. Alone:
//
//   BENCH_PARTS=slides node scripts/bench/run.mjs     (BENCH_RUNS=7, BENCH_EXPORT_RUNS=5 by default)
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { appReadyTime, heapAfterGc, importThroughLibrary, launchBenchBrowser, openWatchPage, openWholeLibrary, POPUP_VIEWPORT } from './browser.mjs';
import { ROOT } from './build.mjs';
import { makeBackup } from './dataset.mjs';
import { writeSection } from './md-section.mjs';
import { markdownTable, ms, printRows, ratio, stampRun } from './report.mjs';
import { median, summary } from './stats.mjs';

export const SLIDES_SECTION = 'slides';

const SIZE = { talks: 2000, notes: 20000 };
const SLIDES = 500;
const CAPTURE_AT_SEC = 9.5;
const WARMUP = 1;
const MEMORY_RUNS = 2;

/**
 * @param {{ extensionDir: string, youtube: { hostResolverRule: string }, runs: number, exportRuns: number, log: (...parts: unknown[]) => void }} options
 */
export async function slidesBench({ extensionDir, youtube, runs, exportRuns, log }) {
  const results = { runs, loadBefore: loadavg() };
  const start = performance.now();
  const backup = makeBackup(SIZE);
  const backupPath = join(tmpdir(), `talklog-bench-slides-${process.pid}.json`);
  writeFileSync(backupPath, JSON.stringify(backup));
  const browser = await launchBenchBrowser({ extensionDir, hostResolverRule: youtube.hostResolverRule });
  results.chromium = browser.context.browser()?.version() ?? 'unknown';
  try {
    log(`slides: importing ${SIZE.talks} talks and ${SIZE.notes} notes through Import backup`);
    await importThroughLibrary(browser.context, browser.extensionUrl('src/options/index.html'), backupPath);
    results.libraryWithout = await libraryFigures(browser, runs, log, 'before the slides');
    results.heapWithout = await libraryHeap(browser);

    log(`slides: writing ${SLIDES} slides onto the library's notes`);
    const helper = await browser.context.newPage();
    await helper.goto(browser.extensionUrl('bench-floor/bare.html'));
    // Spread over the library: every nth note carries one slide.
    const step = Math.floor(backup.notes.length / SLIDES);
    const owners = Array.from({ length: SLIDES }, (_, i) => backup.notes[i * step]).map((note) => ({
      owner: note.id,
      talkId: note.talkId,
      atSec: note.atSec ?? 0,
    }));
    results.seeded = await helper.evaluate(seedSlides, owners);
    await helper.close();

    results.library = await libraryFigures(browser, runs, log, `with ${SLIDES} slides`);
    results.heapWith = await libraryHeap(browser);
    results.export = await exportFigures(browser, exportRuns, log);
    results.capture = await captureFigures(browser, runs, log);
  } finally {
    await browser.close();
    rmSync(backupPath, { force: true });
  }
  stampRun(results, start);
  const rows = tableRows(results);
  printRows('Talklog bench — slides (issue 12)', rows);
  const path = join(ROOT, 'BENCHMARKS.md');
  writeSection(path, SLIDES_SECTION, section(results, rows));
  log('wrote the slides section of BENCHMARKS.md');
  return results;
}

/** The library's first screen against the Preact + Dexie floor, loaded in turn. */
async function libraryFigures(browser, runs, log, when) {
  log(`slides: library ${when} vs the Preact + Dexie floor, ${WARMUP} warm-up + ${runs} loads each`);
  const times = { library: [], floor: [] };
  for (let run = 0; run < WARMUP + runs; run++) {
    for (const [name, url] of [
      ['library', 'src/options/index.html'],
      ['floor', 'bench-floor/preact-dexie.html'],
    ]) {
      const tab = await browser.context.newPage();
      await tab.goto(browser.extensionUrl(url));
      const time = await appReadyTime(tab, 120_000);
      if (run >= WARMUP) times[name].push(time);
      await tab.close();
    }
  }
  return { ready: summary(times.library), floor: summary(times.floor), pairedRatio: median(times.library.map((time, i) => time / times.floor[i])) };
}

/** The library page's heap once it has read the whole library, median of a few fresh loads. */
async function libraryHeap(browser) {
  const heaps = [];
  for (let run = 0; run < MEMORY_RUNS; run++) {
    const tab = await openWholeLibrary(browser.context, browser.extensionUrl('src/options/index.html'));
    await tab.waitForTimeout(300);
    heaps.push(await heapAfterGc(tab));
    await tab.close();
  }
  return median(heaps);
}

/** `Export markdown` with `Include slides`: `Download` clicked → the zip downloaded; then fflate alone on the same bytes. */
async function exportFigures(browser, runs, log) {
  log(`slides: export with slides, ${WARMUP} warm-up + ${runs} runs`);
  const library = await openWholeLibrary(browser.context, browser.extensionUrl('src/options/index.html'));
  const times = [];
  let file = null;
  for (let run = 0; run < WARMUP + runs; run++) {
    await library.getByRole('button', { name: 'Export markdown' }).click();
    const dialog = library.getByRole('dialog', { name: 'Export markdown' });
    await dialog.getByRole('checkbox', { name: 'Include slides' }).check();
    await dialog.getByText(/^Downloads a \.zip/).waitFor({ timeout: 120_000 });
    const start = performance.now();
    const [download] = await Promise.all([library.waitForEvent('download', { timeout: 300_000 }), dialog.getByRole('button', { name: 'Download' }).click()]);
    const path = await download.path();
    const time = performance.now() - start;
    if (run >= WARMUP) times.push(time);
    const bytes = readFileSync(path);
    const entries = unzipSync(new Uint8Array(bytes));
    const names = Object.keys(entries);
    const markdownName = names.find((name) => name.endsWith('.md'));
    file = {
      name: download.suggestedFilename(),
      bytes: bytes.length,
      slides: names.filter((name) => name.startsWith('slides/')).length,
      markdown: strFromU8(entries[markdownName]),
    };
    await library.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }
  await library.close();
  if (file.slides !== SLIDES) throw new Error(`The zip holds ${file.slides} slides, not ${SLIDES}`);

  const floorPage = await browser.context.newPage();
  await floorPage.goto(browser.extensionUrl('bench-floor/zip-floor.html'));
  await appReadyTime(floorPage);
  const floor = await floorPage.evaluate(([markdown, count]) => globalThis.benchZipFloor(markdown, count), [file.markdown, WARMUP + runs]);
  await floorPage.close();
  return {
    download: summary(times),
    file: { name: file.name, bytes: file.bytes, slides: file.slides, markdownChars: file.markdown.length },
    floor: { ...summary(floor.times.slice(WARMUP)), bytes: floor.bytes },
  };
}

/** `Capture slide` in the popup → the draft's thumbnail shown, each run followed by the bare canvas floor in the watch page. */
async function captureFigures(browser, runs, log) {
  log(`slides: capture, ${WARMUP} warm-up + ${runs} runs, each with its floor`);
  const { context } = browser;
  const watch = await context.newPage();
  await openWatchPage(watch, 'Sl1desT4lk0');
  await watch.evaluate(
    (at) =>
      new Promise((resolve) => {
        const video = document.querySelector('#movie_player video');
        video.pause();
        video.addEventListener('seeked', resolve, { once: true });
        video.currentTime = at;
      }),
    CAPTURE_AT_SEC,
  );
  await watch.waitForFunction(() => document.querySelector('#movie_player video').readyState >= HTMLMediaElement.HAVE_CURRENT_DATA);
  const popup = await context.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await popup.goto(browser.extensionUrl(`src/popup/index.html?tab=${await browser.tabIdOf(watch)}`));
  await appReadyTime(popup);
  await popup.evaluate(installCaptureProbe);
  const remove = popup.getByRole('button', { name: /^Remove slide at / });
  const captures = [];
  const floors = [];
  let frame = null;
  for (let run = 0; run < WARMUP + runs; run++) {
    await popup.evaluate(() => globalThis.__captureArm());
    await popup.getByRole('button', { name: 'Capture slide' }).click();
    const shown = await popup.evaluate(() => globalThis.__captureShown(30_000));
    if (shown.timedOut) throw new Error('The draft thumbnail did not show within 30 s');
    await remove.click();
    await remove.waitFor({ state: 'detached' });
    frame = await watch.evaluate(canvasFloor);
    if (run >= WARMUP) {
      captures.push(shown.ms);
      floors.push(frame.ms);
    }
  }
  await popup.close();
  await watch.close();
  return {
    shown: summary(captures),
    floor: { ...summary(floors), width: frame.width, height: frame.height, bytes: frame.bytes },
    pairedRatio: median(captures.map((time, i) => time / floors[i])),
  };
}

// In the popup page: from the click event's timestamp on `Capture slide` to the frame after the draft's
// thumbnail (the image beside a `Remove slide at …` button) has loaded: rAF, then a task.
function installCaptureProbe() {
  let clickedAt = null;
  document.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest('button')?.textContent?.trim() === 'Capture slide') clickedAt = event.timeStamp;
    },
    true,
  );
  const thumbnailLoaded = () =>
    [...document.querySelectorAll('li')].some(
      (item) =>
        [...item.querySelectorAll('button')].some((button) => button.textContent?.startsWith('Remove slide at ')) &&
        [...item.querySelectorAll('img')].some((img) => img.complete && img.naturalWidth > 0),
    );
  globalThis.__captureArm = () => {
    clickedAt = null;
  };
  globalThis.__captureShown = (timeoutMs) =>
    new Promise((resolve) => {
      const deadline = performance.now() + timeoutMs;
      const check = () => {
        if (performance.now() > deadline) return resolve({ timedOut: true });
        if (clickedAt === null || !thumbnailLoaded()) return requestAnimationFrame(check);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ ms: performance.now() - clickedAt });
        channel.port2.postMessage(null);
      };
      requestAnimationFrame(check);
    });
}

// In the watch page: the least a capture can do, the main player's frame drawn at the video's own size
// and encoded as the content script encodes it (WebP at 0.92).
async function canvasFloor() {
  const video = document.querySelector('#movie_player video');
  const start = performance.now();
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/webp', 0.92));
  return { ms: performance.now() - start, width: canvas.width, height: canvas.height, bytes: blob?.size ?? 0 };
}

// In an extension page: `owners.length` slides written with the raw IndexedDB API, as Talklog stores them
// (WebP 1280×720 at 0.92 and a 320-pixel-wide thumbnail). A few slide-like pictures (title, bullet
// lines, a chart), made once with OffscreenCanvas and reused.
async function seedSlides(owners) {
  const encode = (canvas) => canvas.convertToBlob({ type: 'image/webp', quality: 0.92 });
  const pictures = [];
  for (let k = 0; k < 8; k++) {
    const canvas = new OffscreenCanvas(1280, 720);
    const context = canvas.getContext('2d');
    const gradient = context.createLinearGradient(0, 0, 1280, 720);
    gradient.addColorStop(0, `hsl(${k * 45}, 60%, 92%)`);
    gradient.addColorStop(1, `hsl(${k * 45 + 30}, 50%, 80%)`);
    context.fillStyle = gradient;
    context.fillRect(0, 0, 1280, 720);
    context.fillStyle = '#1a1a2e';
    context.font = 'bold 56px sans-serif';
    context.fillText(`Observability at scale, part ${k + 1}`, 60, 110);
    context.font = '32px sans-serif';
    for (let line = 0; line < 7; line++) context.fillText(`• Point ${line + 1}: scrape, store and query ${k * 7 + line} series`, 80, 200 + line * 52);
    for (let bar = 0; bar < 12; bar++) {
      context.fillStyle = `hsl(${(k * 45 + bar * 20) % 360}, 55%, 45%)`;
      const height = 40 + ((k * 31 + bar * 53) % 160);
      context.fillRect(820 + bar * 34, 680 - height, 26, height);
    }
    const image = await encode(canvas);
    const small = await createImageBitmap(image, { resizeWidth: 320, resizeQuality: 'medium' });
    const thumbCanvas = new OffscreenCanvas(small.width, small.height);
    thumbCanvas.getContext('2d').drawImage(small, 0, 0);
    pictures.push({ image, thumbnail: await encode(thumbCanvas) });
  }
  const takenAt = '2026-11-29T09:00:00.000Z';
  const slides = owners.map(({ owner, talkId, atSec }, i) => ({
    id: `s_bench${String(i).padStart(4, '0')}`,
    owner,
    talkId,
    atSec,
    takenAt,
    width: 1280,
    height: 720,
    type: 'image/webp',
    ...pictures[i % pictures.length],
  }));
  await new Promise((resolve, reject) => {
    const open = indexedDB.open('talklog');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('slides', 'readwrite');
      for (const slide of slides) tx.objectStore('slides').put(slide);
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
  const sizes = pictures.map(({ image, thumbnail }) => [image.size, thumbnail.size]);
  return { slides: slides.length, imageBytes: sizes.map(([image]) => image), thumbnailBytes: sizes.map(([, thumbnail]) => thumbnail) };
}

const MB = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Table rows: [measure, Talklog, floor, ratio, target, within]. */
function tableRows(r) {
  const c = r.capture;
  const l = r.library;
  const e = r.export;
  return [
    [
      `Capture slide → draft thumbnail shown (popup, ${c.floor.width}×${c.floor.height} frame), median of ${c.shown.runs}`,
      ms(c.shown.median),
      `canvas drawImage + toBlob('image/webp') of the same frame in the watch page: ${ms(c.floor.median)}`,
      ratio(c.shown.median, c.floor.median),
      '',
      '',
    ],
    [
      `Library ready with ${SIZE.talks.toLocaleString('en')} talks, ${SIZE.notes.toLocaleString('en')} notes and ${r.seeded.slides} slides (app-ready), median`,
      ms(l.ready.median),
      `Preact + Dexie page, 50 rows: ${ms(l.floor.median)}`,
      ratio(l.ready.median, l.floor.median),
      '',
      '',
    ],
    [
      `Export markdown with Include slides, Download → zip downloaded (${MB(e.file.bytes)}, ${e.file.slides} slides), median of ${e.download.runs}`,
      ms(e.download.median),
      `fflate zipping the same log and images, extension page: ${ms(e.floor.median)}`,
      ratio(e.download.median, e.floor.median),
      '',
      '',
    ],
  ];
}

function section(r, rows) {
  const m = r.machine;
  const c = r.capture;
  const l = r.library;
  const e = r.export;
  const kB = (values) => `${(Math.min(...values) / 1000).toFixed(0)}–${(Math.max(...values) / 1000).toFixed(0)} kB`;
  return `## Slides: capture, a library with 500 slides, export with slides (issue 12)

Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC in ${r.seconds.toFixed(0)} s by the slides part of \`npm run bench\`, in real Chromium, each figure next to a floor measured in the same run.

- Machine: ${m.cpuModel}, ${m.nproc} CPUs (\`nproc\`), ${m.platform}, Node ${m.node}; load average ${r.loadBefore.map((v) => v.toFixed(2)).join(' ')} before, ${r.loadAfter.map((v) => v.toFixed(2)).join(' ')} after (other work shares this machine: compare ratios, not milliseconds)
- Browser: Chromium ${r.chromium} (headless, \`/usr/bin/chromium\` through \`scripts/launch-browser.mjs\`), one fresh profile
- Data: the bench's 1× library (${SIZE.talks.toLocaleString('en')} talks, ${SIZE.notes.toLocaleString('en')} notes, \`scripts/bench/dataset.mjs\`) imported through \`Import backup\`, then ${r.seeded.slides} slides written on every ${Math.floor(SIZE.notes / SLIDES)}th note with the raw IndexedDB API in an extension page: 8 slide-like pictures drawn once with OffscreenCanvas, WebP 1280×720 at quality 0.92 (${kB(r.seeded.imageBytes)}) with 320-pixel thumbnails (${kB(r.seeded.thumbnailBytes)}), reused

${markdownTable(rows)}

Details:

- Capture: ${c.shown.runs} runs after ${WARMUP} warm-up, the stand-in's \`Sl1desT4lk0\` video (${c.floor.width}×${c.floor.height} WebM) paused at ${CAPTURE_AT_SEC} s. Click → thumbnail shown: median ${ms(c.shown.median)}, min ${ms(c.shown.min)}, max ${ms(c.shown.max)}. Floor: median ${ms(c.floor.median)}, min ${ms(c.floor.min)}, max ${ms(c.floor.max)} (${(c.floor.bytes / 1000).toFixed(0)} kB of WebP). Capture ÷ floor within each run, median of the runs: ${c.pairedRatio.toFixed(2)}×.
- Library: first screen median ${ms(l.ready.median)} (min ${ms(l.ready.min)}, max ${ms(l.ready.max)}) against the floor's ${ms(l.floor.median)} (min ${ms(l.floor.min)}, max ${ms(l.floor.max)}); library ÷ floor within each round, median of the rounds: ${l.pairedRatio.toFixed(2)}×. The same library before the slides were written, in the same browser: median ${ms(r.libraryWithout.ready.median)} against the floor's ${ms(r.libraryWithout.floor.median)}, paired ${r.libraryWithout.pairedRatio.toFixed(2)}×. Heap of the library page once it has read the whole library (\`Export markdown\` enabled), median of ${MEMORY_RUNS} loads: ${MB(r.heapWith)} with the ${r.seeded.slides} slides, ${MB(r.heapWithout)} before they were written.
- Export: ${e.download.runs} runs after ${WARMUP} warm-up; Download → downloaded: median ${ms(e.download.median)}, min ${ms(e.download.min)}, max ${ms(e.download.max)}. The file: \`${e.file.name}\`, ${MB(e.file.bytes)}, the log (${e.file.markdownChars.toLocaleString('en')} characters) and ${e.file.slides} images. Floor: median ${ms(e.floor.median)}, min ${ms(e.floor.min)}, max ${ms(e.floor.max)}, a ${MB(e.floor.bytes)} zip.

How each figure is taken:

- **Capture → thumbnail shown**: in the popup page (400×600, \`?tab=\` the watch tab), the \`click\` event's own timestamp on \`Capture slide\` to the first frame in which the draft's thumbnail (the image beside \`Remove slide at …\`) has loaded (checked each \`requestAnimationFrame\`, then a task). The draft slide is removed with its \`Remove slide at …\` button between runs. Right after each, in the watch page itself, the floor: a canvas of the video's \`videoWidth\`×\`videoHeight\`, \`drawImage(video)\` and \`toBlob('image/webp', 0.92)\`, the encoding the content script uses; the capture adds the messages between popup, background and tab, the thumbnail, the write to IndexedDB and the render.
- **Library ready**: \`app-ready\` of a fresh \`src/options/index.html\` (its first screen shown), loaded in turn with the Preact + Dexie floor page (50 talks read from the same database), as the main bench does.
- **Export with slides**: in the library page once it has read the whole library, \`Export markdown\`, \`Include slides\` checked and the dialog's \`.zip\` line awaited; then from the \`Download\` click (seen from Playwright) to the download complete on disk (\`download.path()\`). The floor page (\`scripts/bench/floor/zip-floor.ts\`) zips the log taken from that very zip and every stored image, read with the raw IndexedDB API, with fflate as the export does (the log deflated at level 6, the images stored), into a Blob; it writes no file.

Reproduce:

\`\`\`sh
npm ci
BENCH_PARTS=slides node scripts/bench/run.mjs    # BENCH_RUNS=7 BENCH_EXPORT_RUNS=5 by default
\`\`\``;
}
