// Where the library's heap and each search keystroke's time go, at one size of the bench's library:
// a heap snapshot summed by constructor, then the bench's 40 keystrokes under a DevTools trace and CPU
// profile. Main-thread thread time per keystroke moves less with the machine's load than wall time, so
// it compares two builds better on a shared machine. Built unminified, so functions keep their names.
//
//   node scripts/bench/profile-search.mjs      (BENCH_SCALE=1 by default; BENCH_SNAPSHOT=0 skips the snapshot;
//                                             BENCH_PROFILE_OUT=file.json keeps the CPU profile and trace events)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { benchLibrary } from './bench-library.mjs';
import { heapAfterGc, openWholeLibrary, typeSearchQueries } from './browser.mjs';
import { ROOT } from './build.mjs';
import { installKeystrokeProbe } from './keystroke-probe.mjs';
import { median, percentile } from './stats.mjs';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
/** Trace events that say where thread time went, by what the timeline calls them. */
const PARTS = {
  FunctionCall: 'script (calls)',
  EventDispatch: 'input events',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
};
const MB = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

const extensionDir = mkdtempSync(join(tmpdir(), 'talklog-profile-ext-'));
await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error', build: { outDir: extensionDir, emptyOutDir: true, minify: false } });
const { browser, libraryUrl, close } = await benchLibrary({ extensionDir, scale: SCALE, importTimeout: 3_600_000 });
try {
  const tab = await openWholeLibrary(browser.context, libraryUrl);
  await tab.waitForTimeout(500);
  console.log(`${SCALE}×: library heap after GC ${await heapFigures(tab)}`);
  const cdp = await tab.context().newCDPSession(tab);
  if (process.env.BENCH_SNAPSHOT !== '0') printHeapByConstructor(await heapSnapshot(cdp));

  await tab.evaluate(installKeystrokeProbe);
  await tab.evaluate(recordNotesReads);
  const events = [];
  cdp.on('Tracing.dataCollected', (event) => events.push(...event.value));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'blink'] }, transferMode: 'ReportEvents' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  // Ties the page's clock to the trace's, so that each keystroke's wait can be found in the trace.
  await tab.evaluate(() => console.timeStamp(`bench-clock ${performance.now()}`));
  const typedKeys = await typeSearchQueries(tab);
  const latencies = typedKeys.map(({ latency }) => latency).filter((latency) => latency !== null);
  const notesReads = await tab.evaluate(() => window.__benchNotesReads);
  const typed = typedKeys.map(({ typed: prefix, keydown, latency, mutations }) => ({
    prefix,
    latency,
    mutations,
    reads: notesReads.filter((at) => at >= keydown && at <= keydown + latency).length,
    waited: [keydown, keydown + latency],
  }));
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await traced;
  const keystrokes = typedKeys.length;
  console.log(`keystroke → paint: median ${median(latencies).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`);
  const reading = typed.filter(({ reads }) => reads > 0).map(({ prefix }) => `\`${prefix}\``);
  console.log(`keystrokes that read talks' notes before their paint: ${reading.length} of ${keystrokes} (${reading.join(', ')})`);
  const slowest = typed.sort((a, b) => (b.latency ?? 0) - (a.latency ?? 0)).slice(0, 6);
  console.log(
    `slowest: ${slowest.map(({ prefix, latency, mutations, reads }) => `\`${prefix}\` ${latency?.toFixed(1)} ms (${mutations} DOM changes, ${reads} talks' notes read)`).join(', ')}`,
  );
  if (process.env.BENCH_PROFILE_OUT) writeFileSync(process.env.BENCH_PROFILE_OUT, JSON.stringify({ profile, events, typed }));
  printMainThread(events, keystrokes, typed);
  printInclusive(profile);
  // Work the page does when idle (the search postings, built once the library is read) is done by now.
  console.log(`${SCALE}×: library heap after GC, after the search ${await heapFigures(tab)}`);
} finally {
  await close();
}

/**
 * In the page: notes the time of each read of one talk's notes (a row's notes, read for its "in a note"
 * excerpt): a `get` of its notes record. Dexie keeps the database's own `transaction`, so the reads are
 * caught at the store.
 */
function recordNotesReads() {
  const reads = (window.__benchNotesReads = []);
  const get = IDBObjectStore.prototype.get;
  IDBObjectStore.prototype.get = function (...args) {
    if (this.name === 'talkNotes') reads.push(performance.now());
    return get.apply(this, args);
  };
}

/** The heap as the bench takes it, and the contents of typed arrays (ArrayBuffer backing stores), which it leaves out. */
async function heapFigures(page) {
  const heap = await heapAfterGc(page);
  const cdp = await page.context().newCDPSession(page);
  const { backingStorageSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return `${MB(heap)} + ${MB(backingStorageSize)} of array buffers`;
}

async function heapSnapshot(cdp) {
  const chunks = [];
  const collect = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  return JSON.parse(chunks.join(''));
}

/** Self size summed by constructor (strings, arrays and code by their kind). */
function printHeapByConstructor({ snapshot, nodes, strings }) {
  const fields = snapshot.meta.node_fields;
  const [types] = snapshot.meta.node_types;
  const [type, name, size] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field));
  const sums = new Map();
  for (let at = 0; at < nodes.length; at += fields.length) {
    const kind = types[nodes[at + type]];
    const key = kind === 'object' || kind === 'native' ? strings[nodes[at + name]] : `(${kind})`;
    const sum = sums.get(key) ?? { count: 0, bytes: 0 };
    sum.count++;
    sum.bytes += nodes[at + size];
    sums.set(key, sum);
  }
  for (const [key, { count, bytes }] of [...sums].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 15)) {
    console.log(`  heap ${key.slice(0, 40).padEnd(40)} ${String(count).padStart(8)} ${MB(bytes)}`);
  }
}

/** The renderer's main thread (the one that ran the page's script): CPU time and frames per keystroke. */
function printMainThread(events, keystrokes, typed) {
  const calls = new Map();
  for (const event of events) if (event.name === 'FunctionCall') calls.set(`${event.pid}/${event.tid}`, (calls.get(`${event.pid}/${event.tid}`) ?? 0) + 1);
  const [main] = [...calls].sort((a, b) => b[1] - a[1])[0] ?? [];
  let cpu = 0;
  let frames = 0;
  const parts = new Map(Object.keys(PARTS).map((name) => [name, 0]));
  /** Per kind, where the last one counted ends: one inside another of its kind (an event dispatched in a handler) is counted with it. */
  const countedUntil = new Map();
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    if (`${event.pid}/${event.tid}` !== main || event.ph !== 'X') continue;
    if (event.name === 'ThreadControllerImpl::RunTask') cpu += (event.tdur ?? 0) / 1000;
    if (event.name === 'WebFrameWidgetImpl::UpdateLifecycle') frames++;
    if (parts.has(event.name) && event.ts >= (countedUntil.get(event.name) ?? 0)) {
      parts.set(event.name, parts.get(event.name) + (event.tdur ?? 0) / 1000);
      countedUntil.set(event.name, event.ts + event.dur);
    }
  }
  console.log(`main thread: ${(cpu / keystrokes).toFixed(1)} ms of thread time and ${(frames / keystrokes).toFixed(1)} frames a keystroke`);
  const waited = waitedFor(events, main, typed);
  const each = (ms) => `${(ms / keystrokes).toFixed(1)} ms`;
  console.log(`  of which waited for (tasks from the keydown to its paint): ${each(waited.thread)} a keystroke`);
  console.log(
    `    in those tasks, a keystroke: script ${each(waited.script)} (of which style and layout it forced ${each(waited.forced)}), frames drawn ${each(waited.frame)}`,
  );
  // Style and layout also run inside script when it reads a size (forced), and a script call inside an
  // event's handler: these are counted in both.
  console.log(`  of which, a keystroke: ${[...parts].map(([name, ms]) => `${PARTS[name]} ${(ms / keystrokes).toFixed(1)} ms`).join(', ')}`);
}

/**
 * Thread time of the main thread's tasks that ran, at least in part, between a keystroke and its paint:
 * what the user waits for. Work done while the page is idle between keystrokes is left out. Split into
 * script (outermost calls, with the style and layout they force) and the frames drawn (style, layout,
 * paint, and the resize observers' script run in them); the rest is the browser's own (the keystroke's editing).
 */
function waitedFor(events, main, typed) {
  const clock = events.find((event) => event.name === 'TimeStamp' && event.args?.data?.message?.startsWith('bench-clock '));
  const waited = { thread: NaN, script: NaN, forced: NaN, frame: NaN };
  if (!clock) return waited;
  /** Page time (ms) → trace time (µs). */
  const offset = clock.ts - Number(clock.args.data.message.split(' ')[1]) * 1000;
  const windows = typed.filter(({ waited }) => waited.every(Number.isFinite)).map(({ waited }) => waited.map((at) => at * 1000 + offset));
  const ms = (event) => (event.tdur ?? 0) / 1000;
  Object.assign(waited, { thread: 0, script: 0, forced: 0, frame: 0 });
  const mainEvents = events.filter((event) => `${event.pid}/${event.tid}` === main && event.ph === 'X').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let task = null;
  let callUntil = 0;
  let frameUntil = 0;
  for (const event of mainEvents) {
    if (event.name === 'ThreadControllerImpl::RunTask') {
      task = windows.some(([from, to]) => event.ts < to && event.ts + event.dur > from) ? event : null;
      if (task) waited.thread += ms(event);
      continue;
    }
    if (!task || event.ts >= task.ts + task.dur) continue;
    if (event.name === 'WebFrameWidgetImpl::UpdateLifecycle') {
      waited.frame += ms(event);
      frameUntil = event.ts + event.dur;
    } else if (event.name === 'FunctionCall' && event.ts >= callUntil && event.ts >= frameUntil) {
      callUntil = event.ts + event.dur;
      waited.script += ms(event);
    } else if (event.name === 'Document::UpdateStyleAndLayout' && event.ts < callUntil) waited.forced += ms(event);
  }
  return waited;
}

/** Sampled time by function, counting each function once per sample however deep it recurs. */
function printInclusive(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const sums = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at).callFrame;
      if (!url.includes('chrome-extension://')) continue;
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sums.set(key, (sums.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    }
  });
  for (const [key, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  js ${key.slice(0, 70).padEnd(70)} ${ms.toFixed(1)} ms`);
}
