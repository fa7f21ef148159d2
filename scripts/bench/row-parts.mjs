// What each part of a library row costs the browser to draw, at 1×: a frozen library page draws the lists the bench's
// 40 search keystrokes drew, each as a screenful of new rows, with every row whole and then with one part of each row
// taken away. A part's cost is what the frame saves without it. This measures the rows, not Talklog's code: what a
// row shows is what it costs (see the rows floor in `npm run bench`).
//
//   node scripts/bench/row-parts.mjs      (BENCH_ROUNDS=20: about 3 minutes)
import { benchLibrary } from './bench-library.mjs';
import { openWholeLibrary, typeSearchQueries } from './browser.mjs';
import { buildBenchExtension } from './build.mjs';
import { installKeystrokeProbe } from './keystroke-probe.mjs';
import { rowPartsFrames, talkListHtml } from './in-page.mjs';
import { median, percentile } from './stats.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const hide = (selector) => `${selector} { display: none !important; }`;
/** Each part of a row (TalkRow.tsx), by the stylesheet that takes it away. */
const PARTS = {
  'whole rows': '',
  'the rows, all of them': hide('.talk-list > .talk-row'),
  'chips (status, event, category, tags)': hide('.talk-row__facts'),
  'byline (speakers, channel, length)': hide('.talk-row__byline'),
  'side column (all of it)': hide('.talk-row__side'),
  stars: hide('.talk-row__stars'),
  'notes and clipped date': hide('.talk-row__side > .muted'),
  'Copy as markdown and Details buttons': hide('.talk-row__buttons'),
  checkbox: hide('.talk-row__select'),
  'labels for screen readers': hide('.talk-row .visually-hidden'),
};

const { browser, libraryUrl, close } = await benchLibrary({ extensionDir: await buildBenchExtension() });
try {
  const tab = await openWholeLibrary(browser.context, libraryUrl);
  await tab.evaluate(installKeystrokeProbe);
  const lists = [];
  await typeSearchQueries(tab, async (typed) => {
    if (typed) lists.push(await tab.evaluate(talkListHtml));
  });
  const rows = lists.reduce((sum, html) => sum + html.split('<li ').length - 1, 0) / lists.length;
  const times = await tab.evaluate(rowPartsFrames, { lists, parts: PARTS, rounds: ROUNDS });
  const whole = median(times['whole rows']);
  const rowsCost = whole - median(times['the rows, all of them']);
  console.log(`${lists.length} lists of new rows (${rows.toFixed(1)} rows a list), each drawn ${ROUNDS} times a part; from the change to the frame done:`);
  console.log(
    `  whole rows: median ${whole.toFixed(2)} ms, p95 ${percentile(times['whole rows'], 95).toFixed(2)} ms, of which the rows ${rowsCost.toFixed(2)} ms`,
  );
  for (const [name, each] of Object.entries(times).slice(1)) {
    const saved = whole - median(each);
    console.log(
      `  without ${name}: median ${median(each).toFixed(2)} ms, ${saved.toFixed(2)} ms less (${((saved / rowsCost) * 100).toFixed(0)}% of the rows')`,
    );
  }
} finally {
  await close();
}
