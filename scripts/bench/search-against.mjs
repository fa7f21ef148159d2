// This tree's library search against another tree's, in one browser: both builds installed side by side, each
// with the bench's library imported and its library page open. Each pass types the bench's 40 keystrokes into one
// page, then into the other (the first page alternates), with the keystroke probe of `npm run bench`. Between two
// runs of the bench the search p95 of its 40 keystrokes moves by a quarter; here each build's is over all passes.
//
//   node scripts/bench/search-against.mjs <other tree>    (BENCH_PASSES=6, BENCH_SCALE=1)
//
// BENCH_HERE_STYLE adds a stylesheet to this tree's library page: a lighter row tried before it is built, e.g.
// `BENCH_HERE_STYLE='.talk-row__facts { display: none }' node scripts/bench/search-against.mjs .`
import { openWholeLibrary, typeSearchQueries } from './browser.mjs';
import { installKeystrokeProbe } from './keystroke-probe.mjs';
import { sideBySide } from './side-by-side.mjs';
import { median, percentile } from './stats.mjs';

const other = process.argv[2];
if (!other) throw new Error('Usage: node scripts/bench/search-against.mjs <other tree>');
const PASSES = Number(process.env.BENCH_PASSES ?? 6);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const HERE_STYLE = process.env.BENCH_HERE_STYLE;

const { browser, url, close } = await sideBySide(other, SCALE);
try {
  const pages = {};
  for (const name of ['here', 'there']) {
    const page = await openWholeLibrary(browser.context, url(name, 'src/options/index.html'));
    await page.evaluate(installKeystrokeProbe);
    if (name === 'here' && HERE_STYLE) await page.addStyleTag({ content: HERE_STYLE });
    pages[name] = page;
  }
  /** Latencies by what was typed so far, for each build. */
  const typed = { here: new Map(), there: new Map() };
  for (let pass = 0; pass < PASSES; pass++) {
    for (const name of pass % 2 === 0 ? ['here', 'there'] : ['there', 'here']) {
      const page = pages[name];
      // Only the tab in front draws frames.
      await page.bringToFront();
      for (const { typed: prefix, latency } of await typeSearchQueries(page))
        if (latency !== null) typed[name].set(prefix, [...(typed[name].get(prefix) ?? []), latency]);
    }
  }
  for (const [name, byPrefix] of Object.entries(typed)) {
    const all = [...byPrefix.values()].flat();
    const slowest = [...byPrefix]
      .map(([prefix, latencies]) => [prefix, median(latencies)])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5);
    console.log(
      `${name}: keystroke → paint median ${median(all).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms over ${all.length}; slowest (median of ${PASSES}): ${slowest.map(([prefix, ms]) => `\`${prefix}\` ${ms.toFixed(1)}`).join(', ')}`,
    );
  }
} finally {
  await close();
}
