// This tree's library search against another tree's, or against the same rows alone, in one browser. Each pass
// types the bench's 40 keystrokes into one page, then into the other (the first page alternates), with the keystroke
// probe of `npm run bench`. Between two runs of the bench the search p95 of its 40 keystrokes moves by a quarter;
// here each page's is over all passes, taken under the same load.
//
//   node scripts/bench/search-against.mjs <other tree>    (BENCH_PASSES=6, BENCH_SCALE=1)
//     both builds installed side by side, each with the bench's library imported and its library page open;
//   node scripts/bench/search-against.mjs rows
//     the bench's rows floor: a second library page of this build, frozen, that puts in place the rows the first
//     drew for each keystroke (`installRowsFloor`). What the library adds to the browser's own work, keystroke by
//     keystroke.
//
// BENCH_HERE_STYLE adds a stylesheet to this tree's library page: a lighter row tried before it is built, e.g.
// `BENCH_HERE_STYLE='.talk-row__facts { display: none }' node scripts/bench/search-against.mjs .`
import { benchLibrary } from './bench-library.mjs';
import { openRowsFloor, openWholeLibrary, typeInTurns, typeKeepingLists } from './browser.mjs';
import { buildBenchExtension } from './build.mjs';
import { installKeystrokeProbe } from './keystroke-probe.mjs';
import { sideBySide } from './side-by-side.mjs';
import { median, percentile } from './stats.mjs';

const other = process.argv[2];
if (!other) throw new Error('Usage: node scripts/bench/search-against.mjs <other tree> | rows');
const PASSES = Number(process.env.BENCH_PASSES ?? 6);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const HERE_STYLE = process.env.BENCH_HERE_STYLE;

/** Opens the whole library at `url` with the keystroke probe in it. */
async function libraryPage(context, url) {
  const page = await openWholeLibrary(context, url);
  await page.evaluate(installKeystrokeProbe);
  return page;
}

/** This build's library page, and a frozen copy of it that draws the lists the first drew for each keystroke. */
async function againstRows() {
  const { browser, libraryUrl, close } = await benchLibrary({ extensionDir: await buildBenchExtension(), scale: SCALE });
  const here = await libraryPage(browser.context, libraryUrl);
  const { lists } = await typeKeepingLists(here);
  return { pages: { here, rows: await openRowsFloor(browser.context, libraryUrl, lists) }, close };
}

/** This tree's library page and the other tree's, both builds installed in one browser. */
async function againstTree() {
  const { browser, url, close } = await sideBySide(other, SCALE);
  const pages = {};
  for (const name of ['here', 'there']) pages[name] = await libraryPage(browser.context, url(name, 'src/options/index.html'));
  return { pages, close };
}

const { pages, close } = other === 'rows' ? await againstRows() : await againstTree();
try {
  if (HERE_STYLE) await pages.here.addStyleTag({ content: HERE_STYLE });
  const names = Object.keys(pages);
  const typed = await typeInTurns(pages, PASSES);
  /** Each keystroke's median over the passes, on one page. */
  const medians = (name) => new Map([...typed[name]].map(([prefix, latencies]) => [prefix, median(latencies)]));
  const listed = (entries) => entries.map(([prefix, ms]) => `\`${prefix}\` ${ms.toFixed(1)}`).join(', ');
  for (const name of names) {
    const all = [...typed[name].values()].flat();
    const slowest = [...medians(name)].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(
      `${name}: keystroke → paint median ${median(all).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms over ${all.length}; slowest (median of ${PASSES}): ${listed(slowest)}`,
    );
  }
  const [, against] = names;
  const theirs = medians(against);
  const added = [...medians('here')].map(([prefix, ms]) => [prefix, ms - (theirs.get(prefix) ?? NaN)]).sort((a, b) => b[1] - a[1]);
  console.log(
    `here − ${against}, keystroke by keystroke (medians): median ${median(added.map(([, ms]) => ms)).toFixed(1)} ms; most: ${listed(added.slice(0, 5))}`,
  );
} finally {
  await close();
}
