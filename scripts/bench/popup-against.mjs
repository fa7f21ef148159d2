// This tree's popup against another tree's, in one browser: both builds installed side by side, each with
// the bench's library imported, and in each round their popups and the Preact + Dexie floor loaded in turn
// (in an order that rotates). Between two runs of `npm run bench` the popup's ratio to its floor moves by
// ±0.05, as much as a change worth making; loaded in the same rounds, two builds differ by what they do.
//
//   node scripts/bench/popup-against.mjs <other tree>    (BENCH_ROUNDS=50, BENCH_SCALE=1)
// Each ratio is the median of the rounds' own, with its 90% confidence interval (medianInterval in stats.mjs).
import { appReadyTime, openWatchPage, POPUP_VIEWPORT } from './browser.mjs';
import { sideBySide } from './side-by-side.mjs';
import { median, medianInterval } from './stats.mjs';

const other = process.argv[2];
if (!other) throw new Error('Usage: node scripts/bench/popup-against.mjs <other tree>');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 50);
const WARMUP = 2;
const SCALE = Number(process.env.BENCH_SCALE ?? 1);

const { browser, ids, url, close } = await sideBySide(other, SCALE);
try {
  const { context } = browser;
  const watch = await context.newPage();
  await openWatchPage(watch);
  // The tab's id, asked of this build's worker.
  await browser.findServiceWorker();
  browser.serviceWorker = context.serviceWorkers().find((worker) => worker.url().includes(ids.here)) ?? browser.serviceWorker;
  const tabId = await browser.tabIdOf(watch);
  const pages = {
    here: url('here', `src/popup/index.html?tab=${tabId}`),
    there: url('there', `src/popup/index.html?tab=${tabId}`),
    floor: url('here', 'bench-floor/preact-dexie.html'),
  };
  const times = { here: [], there: [], floor: [] };
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
  const paired = (a, b) => {
    const ratios = times[a].map((time, i) => time / times[b][i]);
    const { low, high } = medianInterval(ratios);
    return `${median(ratios).toFixed(3)} (90%: ${low.toFixed(3)}–${high.toFixed(3)})`;
  };
  console.log(
    `${SCALE}×, ${ROUNDS} rounds: popup here ${median(times.here).toFixed(1)} ms, there ${median(times.there).toFixed(1)} ms, floor ${median(times.floor).toFixed(1)} ms`,
  );
  console.log(`paired: here ÷ floor ${paired('here', 'floor')}, there ÷ floor ${paired('there', 'floor')}, here ÷ there ${paired('here', 'there')}`);
} finally {
  await close();
}
