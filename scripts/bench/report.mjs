// The bench's figures as a table (stdout) and as BENCHMARKS.md, with the machine and browser they
// were measured on.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { BUDGETS } from '../bundle-graph.mjs';
import { growthTable } from './growth-chart.mjs';
import { markedSections, writeSection } from './md-section.mjs';

/** The section a `BENCH_PARTS` run writes (the popup and the library's first screen alone). */
export const PARTS_SECTION = 'parts';
/** The section a `BENCH_PARTS=import` run writes. */
const IMPORT_SECTION = 'import';

export const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
export const within = (ok) => (ok ? 'yes' : 'NO');

/** What every bench run records of itself once done: the machine, its load after, the date and the run's length since `startMs`. */
export function stampRun(results, startMs) {
  results.loadAfter = loadavg();
  results.machine = machineFacts();
  results.date = new Date().toISOString();
  results.seconds = (performance.now() - startMs) / 1000;
}

function machineFacts() {
  const cpuModel = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model;
    } catch {
      return cpus()[0]?.model;
    }
  })();
  const free = (() => {
    try {
      return execFileSync('free', ['-h'], { encoding: 'utf8' }).trimEnd();
    } catch {
      return `${(totalmem() / 2 ** 30).toFixed(1)} GiB total`;
    }
  })();
  const nproc = (() => {
    try {
      return execFileSync('nproc', { encoding: 'utf8' }).trim();
    } catch {
      return String(cpus().length);
    }
  })();
  return { cpuModel, nproc, free, node: process.version, platform: `${process.platform} ${process.arch}` };
}

/** Table rows: [measure, Talklog, floor, ratio, target, within target]. */
export function tableRows(r) {
  const rows = [];
  const p = r.popup;
  rows.push([
    'Popup ready (app-ready), median',
    ms(p.ready.median),
    `bare page, no script (DOMContentLoaded): ${ms(p.bare.median)}`,
    ratio(p.ready.median, p.bare.median),
    '',
    '',
  ]);
  rows.push([
    'Popup ready (app-ready), median',
    ms(p.ready.median),
    `Preact + Dexie page, 50 rows: ${ms(p.floor.median)}`,
    ratio(p.ready.median, p.floor.median),
    '≤ 1.15× floor',
    within(p.ready.median <= 1.15 * p.floor.median),
  ]);
  // "Steadily": the whole 90% interval of the rounds' median ratio within the target, not its middle alone.
  rows.push([
    'Popup ready ÷ floor in each round, median of the rounds (90% interval)',
    `${p.pairedRatio.toFixed(2)}× (${p.pairedInterval.low.toFixed(2)}–${p.pairedInterval.high.toFixed(2)}×)`,
    'Preact + Dexie page, loaded in the same rounds',
    '',
    '≤ 1.15× floor, the whole interval',
    within(p.pairedInterval.high <= 1.15),
  ]);
  rows.push([
    `Library ready (${r.size.talks.toLocaleString('en')} talks / ${r.size.notes.toLocaleString('en')} notes), median`,
    ms(r.library.ready.median),
    `Preact + Dexie page, 50 rows, in the popup's rounds (400×600): ${ms(p.floor.median)}`,
    ratio(r.library.ready.median, p.floor.median),
    '',
    '',
  ]);
  rows.push([
    'Library ready ÷ floor in each round, median of the rounds (90% interval)',
    `${r.library.pairedRatio.toFixed(2)}× (${r.library.pairedInterval.low.toFixed(2)}–${r.library.pairedInterval.high.toFixed(2)}×)`,
    `Preact + Dexie page, loaded in the same rounds at the library's size: ${ms(r.library.floor.median)}`,
    '',
    '≤ 2× floor',
    within(r.library.pairedRatio <= 2),
  ]);
  rows.push([
    `Search keystroke → paint, p95 of ${r.search.keystrokes}`,
    ms(r.search.p95),
    `plain input, same probe, p95: ${ms(r.keystrokeFloor.p95)}`,
    ratio(r.search.p95, r.keystrokeFloor.p95),
    '≤ 16 ms (one frame)',
    within(r.search.p95 <= 16),
  ]);
  rows.push([
    `Search keystroke → paint, p95 of ${r.searchInTurns.library.runs}, typed in turns with the same rows alone`,
    ms(r.searchInTurns.library.p95),
    `the library's rows for each keystroke, drawn without Talklog's code, p95 of ${r.searchInTurns.rows.runs}: ${ms(r.searchInTurns.rows.p95)}`,
    ratio(r.searchInTurns.library.p95, r.searchInTurns.rows.p95),
    '',
    '',
  ]);
  rows.push([
    `Search keystroke, Event Timing p95 (browser's own, cross-check)`,
    r.search.eventTiming.p95 === 0 ? '< 16 ms' : ms(r.search.eventTiming.p95),
    '',
    '',
    '< 50 ms',
    within(r.search.eventTiming.p95 < 50),
  ]);
  rows.push([
    'Search keystroke → paint, median, typed in turns with the same rows alone',
    ms(r.searchInTurns.library.median),
    `the same rows alone, median: ${ms(r.searchInTurns.rows.median)}`,
    ratio(r.searchInTurns.library.median, r.searchInTurns.rows.median),
    '',
    '',
  ]);
  rows.push([
    'Search keystroke → paint, median',
    ms(r.search.median),
    `plain input, median: ${ms(r.keystrokeFloor.median)}`,
    ratio(r.search.median, r.keystrokeFloor.median),
    '',
    '',
  ]);
  rows.push([
    'Full markdown export (log made + Download), median',
    ms(r.export.total.median),
    `JSON.stringify of the same records: ${ms(r.export.stringify.median)}`,
    ratio(r.export.total.median, r.export.stringify.median),
    '< 1 s',
    within(r.export.total.median < 1000),
  ]);
  rows.push([
    'Markdown renderer alone (renderTalkLog), median',
    ms(r.renderer.render.median),
    `JSON.stringify, same page: ${ms(r.renderer.stringify.median)}`,
    ratio(r.renderer.render.median, r.renderer.stringify.median),
    '',
    '',
  ]);
  rows.push([
    'JS heap: popup',
    MB(p.heap.popup),
    `Preact + Dexie page: ${MB(p.heap.floor)} (bare page: ${MB(p.heap.bare)})`,
    ratio(p.heap.popup, p.heap.floor),
    '',
    '',
  ]);
  rows.push([
    `JS heap: library at ${r.size.talks.toLocaleString('en')} / ${r.size.notes.toLocaleString('en')}`,
    MB(r.library.heap),
    `Preact + Dexie page: ${MB(p.heap.floor)}`,
    ratio(r.library.heap, p.heap.floor),
    '≤ 8 MB',
    within(r.library.heap <= 8e6),
  ]);
  rows.push([
    '… the same page after the 40 search keystrokes',
    MB(r.library.heapAfterSearch),
    `Preact + Dexie page: ${MB(p.heap.floor)}`,
    ratio(r.library.heapAfterSearch, p.heap.floor),
    '≤ 8 MB',
    within(r.library.heapAfterSearch <= 8e6),
  ]);
  const w = r.withExtension;
  const wo = r.withoutExtension;
  rows.push(['JS heap: YouTube watch tab with Talklog', MB(w.heap), `same tab, no extension: ${MB(wo.heap)}`, `+${kB(w.heap - wo.heap)}`, '', '']);
  rows.push([
    'JS heap: same, after the popup read the talk',
    MB(w.heapAfterAsk),
    `same tab, no extension: ${MB(wo.heap)}`,
    `+${kB(w.heapAfterAsk - wo.heap)}`,
    '',
    '',
  ]);
  const hi = w.homeIdle;
  rows.push([
    'Content script at rest, non-watch page, 5 s idle',
    `${hi.idle.extensionCalls} calls into Talklog; task ${ms(hi.idle.taskMs)}, script ${ms(hi.idle.scriptMs)}`,
    `no extension: task ${ms(wo.homeIdle.idle.taskMs)}, script ${ms(wo.homeIdle.idle.scriptMs)}`,
    '',
    '0 calls',
    within(hi.extensionWorld && (hi.control?.extensionCalls ?? 0) > 0 && hi.idle.extensionCalls === 0),
  ]);
  rows.push([
    'Content script, non-watch page, 2 s of DOM churn',
    `${hi.churn.extensionCalls} calls into Talklog; task ${ms(hi.churn.taskMs)}, script ${ms(hi.churn.scriptMs)}`,
    `no extension: task ${ms(wo.homeIdle.churn.taskMs)}, script ${ms(wo.homeIdle.churn.scriptMs)}`,
    '',
    '0 calls (no observer)',
    within(hi.extensionWorld && (hi.control?.extensionCalls ?? 0) > 0 && hi.churn.extensionCalls === 0),
  ]);
  if (w.watchIdle) {
    rows.push([
      'Content script, watch page after a read: 3 s idle + 2 s churn',
      `${w.watchIdle.idle.extensionCalls} + ${w.watchIdle.churn.extensionCalls} calls into Talklog`,
      '',
      '',
      '0 calls (nothing left running)',
      within(w.watchIdle.idle.extensionCalls + w.watchIdle.churn.extensionCalls === 0),
    ]);
  }
  const b = r.bundles;
  if (b?.popup) {
    rows.push([
      'Bundle: popup JS loaded at once, gzip',
      kB(b.popup.gzip),
      `Preact + Dexie floor page: ${kB(b.floor.gzip)}`,
      ratio(b.popup.gzip, b.floor.gzip),
      `≤ ${kB(BUDGETS.popup)}`,
      within(b.popup.gzip <= BUDGETS.popup),
    ]);
    rows.push([
      'Bundle: content script JS, gzip',
      kB(b['content script'].gzip),
      '',
      '',
      `≤ ${kB(BUDGETS['content script'])}`,
      within(b['content script'].gzip <= BUDGETS['content script']),
    ]);
    if (b.options) rows.push(['Bundle: library page JS loaded at once, gzip', kB(b.options.gzip), '', '', '', '']);
  }
  rows.push(...importRows(r));
  return rows;
}

/** The import's target at a size: 1.5 s at 2,000 talks, 15 s at ten times that. */
const importBudget = (size) => 1500 * (size.talks / 2000);

/** Import backup next to its floor, and the library page's longest tasks while it imports and then takes the library in. */
function importRows({ size, import: imp }) {
  const sized = `${size.talks.toLocaleString('en')} talks + ${size.notes.toLocaleString('en')} notes`;
  const { floor } = imp;
  const floorText = `raw IndexedDB adds of the stored records: ${ms(floor.oneTransaction.median)} in one transaction, ${ms(floor.chunked.median)} in transactions of ${floor.chunk}`;
  return [
    [
      `Import backup of ${sized}`,
      ms(imp.ms),
      floorText,
      ratio(imp.ms, floor.best),
      '≤ 1.5 s at 1×, ≤ 15 s at 10×, with progress',
      within(imp.ms <= importBudget(size)),
    ],
    ...importRoundsRow(imp, size),
    [`… seen from Playwright: from its click on Import backup, to its polling finding the message`, ms(imp.seenMs), '', '', '', ''],
    [`… of which reading and checking the file (to the progress bar showing progress)`, ms(imp.fileChecked), '', '', '', ''],
    [`… of which writing (progress shown to the bar gone)`, ms(imp.written), `the floor above: ${ms(floor.best)}`, ratio(imp.written, floor.best), '', ''],
    ['Import: library page longest task, while importing', ms(imp.longestTask), '', '', '≤ 50 ms', within(imp.longestTask <= 50)],
    [
      `Import: library page longest task, taking in the library (${ms(imp.takenIn.ms)} after)`,
      ms(imp.takenIn.longestTask),
      '',
      '',
      '≤ 50 ms',
      within(imp.takenIn.longestTask <= 50),
    ],
    [
      'Import: library page longest task in thread (CPU) time, from the writing to the library taken in',
      ms(imp.threadTime.longestMs),
      '',
      '',
      '≤ 50 ms',
      `${within(imp.threadTime.longestMs <= 50)} (${imp.threadTime.over50} of ${imp.threadTime.tasks} tasks over 50 ms)`,
    ],
  ];
}

/** Where the imports of a size fell, when there were several (each in a fresh browser; the rows above are the median one's). */
function importRoundsRow({ rounds }, size) {
  if (rounds.length < 2) return [];
  const times = rounds.map((round) => round.ms);
  const floors = rounds.map((round) => round.floor);
  const ratios = rounds.map((round) => round.ms / round.floor);
  const range = (values, show) => `${show(Math.min(...values))} to ${show(Math.max(...values))}`;
  const inTime = times.filter((time) => time <= importBudget(size)).length;
  return [
    [
      `… the median of ${rounds.length} imports, each in a fresh browser, which took`,
      range(times, ms),
      `each one's floor in its browser: ${range(floors, ms)}`,
      range(ratios, (value) => `${value.toFixed(2)}×`),
      '',
      `${inTime} of ${rounds.length} within`,
    ],
  ];
}

/** `BENCH_PARTS=import`: the import rows of every size, printed and in their own section of BENCHMARKS.md. */
export function writeImportSection(path, results, scales) {
  const rows = results.scales.flatMap((scale) => importRows(scale));
  printRows('Import backup', rows);
  const command = `BENCH_SCALES=${scales.join(',')} BENCH_PARTS=import node scripts/bench/run.mjs`;
  const body = `## Import backup alone (BENCH_PARTS=import)

\`${command}\`, ${new Date().toISOString()}, load average ${results.loadBefore.map((l) => l.toFixed(2)).join(' ')} before the run. Each size in a
fresh browser: the seeded backup (\`scripts/bench/dataset.mjs\`) imported through the library page's \`Import backup\` (at 1×
${results.scales[0].import.rounds.length} times, each in a fresh browser: the rows are the median import's),
timed in the page from the file chosen (the input's \`change\`) to the frame that paints the page saying it is imported; then until
the page shows the whole library (its talk count). Longest
tasks: the library page's Long Tasks API (0: none over 50 ms; wall time, which a busy machine stretches); the page starts reading the
library again when the import's transaction commits, a moment before it says so. Thread time: the longest task of the page's main
thread in a DevTools trace (\`devtools.timeline\`), in an import of its own in a fresh browser (a trace running slows an import by 5–9%, so no timed import is traced), from the import's progress bar showing progress (the writing begun; begun later, the
trace may miss the commit and the first screen that follows it) until the library is taken in. Floor: the records the import stored, read back and added with
the raw IndexedDB API into a scratch database with Talklog's stores and indexes (\`scripts/bench/floor/import-floor.ts\`), median
of 3 at 1×, one run above; the ratio is against the faster of one transaction and transactions of ${results.scales[0].import.floor.chunk}.

${markdownTable(rows)}`;
  writeSection(path, IMPORT_SECTION, body);
}

const HEADER = ['Measure', 'Talklog', 'Floor (same run)', 'Ratio', 'Target', 'Within'];

/** Prints table rows ([measure, Talklog, floor, ratio, target, within]) under a title, aligned. */
export function printRows(title, rows) {
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}\n`);
  console.log(line(HEADER));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('');
}

/** The same rows as a markdown table. */
export function markdownTable(rows) {
  const cell = (text) => text.replace(/\|/g, '\\|');
  return [`| ${HEADER.join(' | ')} |`, `|${HEADER.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
}

export function printTable(results) {
  const rows = tableRows(results);
  printRows(
    `Talklog bench — ${results.size.talks.toLocaleString('en')} talks, ${results.size.notes.toLocaleString('en')} notes, medians (popup ${results.popupRounds} loads, library ${results.runs}) — Chromium ${results.chromium}`,
    rows,
  );
  return rows;
}

export function writeBenchmarksMd(path, r, rows) {
  const table = markdownTable(rows);
  const m = r.machine;
  const b = r.bundles ?? {};
  const hi = r.withExtension.homeIdle;
  const worst = r.search.worst.map((k) => `\`${k.typed.replace(/ /g, '␠')}\` ${ms(k.latency)}`).join(', ');
  const text = `# Benchmarks

Talklog's performance budget (issue 7; the scale targets of issues 5 and 16), measured by \`npm run bench\` in
real Chromium. Every figure stands next to a floor measured in the same run on the same machine, so the
ratios carry over between machines better than the milliseconds do. Timings are reported, never asserted.
The library is measured at ${r.scales.map((sc) => `${sc.scale}×`).join(', ')} its base size, each in a fresh browser, so that
the shape of each cost shows: [Growth with the library](#growth-with-the-library).

Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC in ${r.seconds.toFixed(0)} s.

- Machine: ${m.cpuModel}, ${m.nproc} CPUs (\`nproc\`), ${m.platform}, Node ${m.node}; load average ${r.loadBefore.map((l) => l.toFixed(2)).join(' ')} before the run, ${r.loadAfter.map((l) => l.toFixed(2)).join(' ')} after (other work shares this machine: compare ratios, not milliseconds)
- Browser: Chromium ${r.chromium} (headless, \`/usr/bin/chromium\` through \`scripts/launch-browser.mjs\`)
- Data: ${r.stored.talks.toLocaleString('en')} talks and ${r.stored.notes.toLocaleString('en')} notes (seeded, \`scripts/bench/dataset.mjs\`), imported through the library page's own \`Import backup\`
- Runs: medians of fresh page loads after warm-up (popup and its floors ${r.popupRounds} each, library ${r.runs}); search over ${r.search.keystrokes} keystrokes; export over ${r.export.total.runs} runs

\`\`\`
${m.free}
\`\`\`

## Figures (${r.size.talks.toLocaleString('en')} talks / ${r.size.notes.toLocaleString('en')} notes)

${table}

Details:

- Popup: median ${ms(r.popup.ready.median)} (min ${ms(r.popup.ready.min)}, max ${ms(r.popup.ready.max)}); Preact + Dexie floor ${ms(r.popup.floor.median)} (min ${ms(r.popup.floor.min)}, max ${ms(r.popup.floor.max)}); bare page ${ms(r.popup.bare.median)}. Popup ÷ floor within each round (the pages load back to back), median of the rounds: ${r.popup.pairedRatio.toFixed(2)}× (90% confidence interval ${r.popup.pairedInterval.low.toFixed(2)}–${r.popup.pairedInterval.high.toFixed(2)}×, from the rounds alone: \`medianInterval\` in \`scripts/bench/stats.mjs\`).
- Library ready: median ${ms(r.library.ready.median)}, min ${ms(r.library.ready.min)}, max ${ms(r.library.ready.max)}; whole library read at ${ms(r.library.whole.median)} (median). Its floor in the same rounds: median ${ms(r.library.floor.median)} (min ${ms(r.library.floor.min)}, max ${ms(r.library.floor.max)}).
- Search: median ${ms(r.search.median)}, p95 ${ms(r.search.p95)}, max ${ms(r.search.max)}; slowest keystrokes ${worst}. ${r.search.unchanged} of ${r.search.keystrokes} keystrokes changed nothing on screen (timed to the next frame)${r.search.timedOut ? `; ${r.search.timedOut} did not settle within 5 s` : ''}. Cross-check, Event Timing (the browser's own keydown → next paint, in 8 ms steps, not reported under 16 ms): p95 ${ms(r.search.eventTiming.p95)}, median ${r.search.eventTiming.median === 0 ? 'under 16 ms' : ms(r.search.eventTiming.median)}, ${r.search.eventTiming.under16} of ${r.search.keystrokes} keystrokes under 16 ms.
- Export: \`Export markdown\` click → dialog painted ${ms(r.export.dialogPainted.median)}, log made (\`Download\` enabled) ${ms(r.export.ready.median)}, \`Download\` handler ${ms(r.export.downloadHandler.median)}; seen from Playwright, click → download event ${ms(r.export.wall.median)}. The file: \`${r.export.download?.name}\`, ${r.export.download?.chars.toLocaleString('en')} characters, ${r.export.download?.talkHeadings} talk headings. JSON.stringify of the same ${r.export.stringify.talks} talks and ${r.export.stringify.notes} notes: ${ms(r.export.stringify.median)} (${r.export.stringify.chars.toLocaleString('en')} characters).
- Renderer alone: \`renderTalkLog\` on every record ${ms(r.renderer.render.median)} (${r.renderer.markdownChars.toLocaleString('en')} characters) against JSON.stringify ${ms(r.renderer.stringify.median)} in the same page.
- Content script present in the measured tab: ${hi.extensionWorld ? 'yes' : 'NO (check the build)'}; the probe sees it when it works: a \`yt-navigate-finish\` event made ${hi.control?.extensionCalls ?? 'n/a'} calls into Talklog (${(hi.control?.extensionFunctions ?? []).join(', ')}). Function calls in the whole tab (every world) over the 5 s idle window: ${hi.idle.calls} (without Talklog: ${r.withoutExtension.homeIdle.idle.calls}); over the churn window: ${hi.churn.calls} (without: ${r.withoutExtension.homeIdle.churn.calls}). Functions of Talklog that ran at rest: ${[...hi.idle.extensionFunctions, ...hi.churn.extensionFunctions, ...(r.withExtension.watchIdle ? [...r.withExtension.watchIdle.idle.extensionFunctions, ...r.withExtension.watchIdle.churn.extensionFunctions] : [])].join(', ') || 'none'}.
${b.popup ? `- Bundles (gzip -9, via \`scripts/bundle-graph.mjs\`): popup ${b.popup.files} files, ${kB(b.popup.raw)} raw, ${kB(b.popup.gzip)} gzip; content script ${b['content script'].files} file${b['content script'].files === 1 ? '' : 's'}, ${kB(b['content script'].gzip)} gzip; Preact + Dexie floor page ${kB(b.floor.gzip)} gzip.` : '- Bundles: scripts/bundle-graph.mjs was not available.'}

## Growth with the library

${growthTable(r.scales)}

![Each cost at each size of the library, divided by its value at the smallest, against the linear and the flat shape](docs/bench-growth.svg)

${r.scales.map((sc) => `- ${sc.scale}×: ${sc.stored.talks.toLocaleString('en')} talks and ${sc.stored.notes.toLocaleString('en')} notes stored; import said “${sc.import.message}”. Library loads ${sc.library.ready.runs} (min ${ms(sc.library.ready.min)}, max ${ms(sc.library.ready.max)}); search median ${ms(sc.search.median)}, p95 ${ms(sc.search.p95)}, keystroke floor p95 ${ms(sc.keystrokeFloor.p95)}, typed in turns with the same rows alone p95 ${ms(sc.searchInTurns.library.p95)} against ${ms(sc.searchInTurns.rows.p95)} (median ${ms(sc.searchInTurns.library.median)} against ${ms(sc.searchInTurns.rows.median)}); popup ${ms(sc.popup.ready.median)} against its floor ${ms(sc.popup.floor.median)}; export over ${sc.export.total.runs} runs, file ${(sc.export.download?.chars ?? 0).toLocaleString('en')} characters.`).join('\n')}

## How each figure is taken

- **Build.** The bench builds Talklog from the working tree with the project's \`vite.config.ts\` into a scratch folder (never \`dist/\`), and adds three pages of its own under \`bench-floor/\` in that same extension (\`scripts/bench/floor/\`): \`bare.html\` (no script), \`preact-dexie.html\` (Preact renders 50 talks Dexie reads from Talklog's database, then marks \`app-ready\` as the popup does) and \`renderer.html\` (\`renderTalkLog\` from \`src/export/\` on every record).
- **Popup ready**: \`performance.getEntriesByName('app-ready')[0].startTime\` of a fresh \`src/popup/index.html?tab=<id>\` for a fake YouTube watch tab whose talk has notes, 400×600. Floors: the bare page's DOMContentLoaded end (the earliest a module script could mark anything) and the Preact + Dexie page's \`app-ready\`. The three pages are loaded in turn, ${r.popupRounds} times each after 2 warm-ups, in the reverse order every other round (a page loads a few per cent faster or slower for its place after another alone).
- **Library ready**: \`app-ready\` of a fresh \`src/options/index.html\` holding the whole library: its first screen (the newest talks) is shown. Its floor is the Preact + Dexie page loaded in the same rounds in a window of the same size, before the library in one round and after it in the next; the ratio is the median of the rounds' own. **Library whole**: the same page once it has read all of the library in chunks and enabled \`Export markdown\` (search and filters work from then on); the library's heap and search are measured after it.
- **Search**: real key events (DevTools input) into the \`Search\` box, one character at a time, three queries (cleared in between). Latency runs from the keydown event's timestamp to the first frame after the last DOM change the keystroke caused (\`requestAnimationFrame\` then a task), waiting for 250 ms of quiet so that debounced or chunked updates count. Floors: the same probe on a plain \`<input>\` added to the Preact + Dexie page; and the same rows alone: the list the library drew after each keystroke (its HTML, taken once the screen settled) put in place, on the same keystrokes, in a second library page frozen once it has read everything (its body replaced by a copy that none of Talklog's listeners hear), with the fewest changes (rows kept by the talk they name; in a kept row only the attributes and text that differ). What that floor costs is the browser's own work for those rows (editing the box, style, layout, paint): neither the search nor Preact nor the virtualizer runs in it. It is typed in turns with the library page (rows alone, library, library, rows alone: two passes of the keystrokes each, after the export), so that both are measured under the same load; the search's own figures are its first pass, before the export.
- **Export**: in the library page, \`Export markdown\` is clicked, the dialog is awaited until painted and then until \`Download\` is enabled (the log is made in a worker), then \`Download\` is clicked; the figure is click → log made plus the Download handler. Floor: \`JSON.stringify\` of the same records read with the raw IndexedDB API in that page.
- **Import**: the seeded backup chosen in the library page's \`Import backup\` as a user does (the button clicked, the file given to the chooser it opens, where the import's worker has started), timed in the page from the input's \`change\` to the frame that paints the page saying what it imported (\`requestAnimationFrame\`, then a task); its phases by the progress bar (showing progress once the file is read and checked; gone once the transaction is done). Playwright's own view, from the click to its polling finding the message, is shown beside it: it adds the file's transfer and the poll. Floor: the records stored, added again with the raw IndexedDB API into a scratch database with Talklog's stores and indexes (\`scripts/bench/floor/import-floor.ts\`). At 1×, ${r.scales[0].import.rounds.length} imports, each in a fresh browser next to its own floor there (the last the measured browser's); the table gives the median one, its phases, floor and longest tasks, and where they all fell. The longest task in thread time is from a DevTools trace of one more import, in a fresh browser, that is not timed: a trace running slows an import by 5–9%.
- **Growth**: each size is a fresh browser and profile importing the same seeded library at that size (\`makeBackup\` in \`scripts/bench/dataset.mjs\`); popup, library, search, memory, import and export are measured at each, the slow ones with fewer runs above 1× (library and export: half, at least 2). Longest task: the page's own Long Tasks API (every task over 50 ms) while the import, or all the export runs, went on. The chart (\`docs/bench-growth.svg\`, drawn by \`scripts/bench/growth-chart.mjs\`) divides each measure by its value at the smallest size.
- **Memory**: \`Runtime.getHeapUsage\` after two forced garbage collections (DevTools protocol), the heap's used size plus its array buffers' contents (\`backingStorageSize\`: typed arrays, which the used size leaves out), median of ${3} fresh loads (the library also once more after the search, in the page searched, its search cleared; the bench reaches and clears the Search box through input events alone, since Playwright's locators would load Playwright's own script, 0.3 MB of source, into the page's renderer), with only one page of that site open (the figure is the renderer's whole V8 isolate). The YouTube tab is compared with the same browser launched without the extension.
- **At rest**: on the fake YouTube home page (not a watch page), V8 precise coverage in call-count mode (DevTools \`Profiler.startPreciseCoverage\`) counts every function invocation in the tab, in every world, over 5 s idle and then over 2 s in which the page itself adds and removes nodes every 50 ms. Any call into a \`chrome-extension://\` script (a timer or interval, an observer callback, a listener) counts as Talklog working. The tab's TaskDuration/ScriptDuration over the same windows stand next to a browser without Talklog. A last window fires YouTube's \`yt-navigate-finish\`, which the content script does listen to, to show the probe sees its calls. The same on a watch page after the popup has read it.

Reproduce:

\`\`\`sh
npm ci
npm run bench          # BENCH_RUNS=7 BENCH_EXPORT_RUNS=5 BENCH_SCALES=1,4,10 by default
\`\`\`
`;
  // Other benches (\`npm run bench:sync\`, the conference part) keep their own sections in the same file.
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const kept = markedSections(existing);
  writeFileSync(path, kept.length ? `${text}\n${kept.join('\n\n')}\n` : text);
}
