// `npm run check:live` (opt-in, needs the internet; never part of npm test): opens a few real
// YouTube watch and playlist pages in Chromium and reports, for every selector in
// src/content/selectors.ts, how many elements it matches on each, against what the rendered
// fixtures say a watch page has. When capture breaks, this says which selector YouTube changed
// (CONTRIBUTING.md, "When YouTube changes its page").
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { runnerImport } from 'vite';
import { CHROMIUM } from './launch-browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');
// The videos of the saved fixtures, and CNCF's KubeCon NA 2019 playlist. Other pages:
// `npm run check:live -- <url> …` (a /watch URL is checked as a watch page).
const DEFAULT_URLS = [
  'https://www.youtube.com/watch?v=GJLlxj_dtq8',
  'https://www.youtube.com/watch?v=hwMkbaS_M_c',
  'https://www.youtube.com/playlist?list=PLj6h78yzYM2NDs-iu8WU5fMxINxHXlien',
];
const given = process.argv.slice(2).filter((arg) => arg.startsWith('https://'));
const PAGES = (given.length > 0 ? given : DEFAULT_URLS).map((url) => ({ url, watch: new URL(url).pathname === '/watch' }));
/** What a loaded desktop watch page must match (the first-load rendered fixture); 0 means "none". */
const ON_A_WATCH_PAGE = [
  'watchPage',
  'renderedTitle',
  'renderedTitleText',
  'renderedOwner',
  'mainVideo',
  'playerTitleLink',
  'ogUrl',
  'canonical',
  'ogTitle',
  'inlineScript',
];
const NESTED = {
  renderedTitleText: 'renderedTitle',
  renderedChapterTitle: 'renderedChapter',
  renderedChapterTime: 'renderedChapter',
  renderedChapterLink: 'renderedChapter',
  microdataVideoId: 'videoObject',
  microdataAuthorName: 'videoObject',
  microdataDuration: 'videoObject',
};

async function reachable() {
  try {
    const response = await fetch('https://www.youtube.com/', { method: 'HEAD', signal: AbortSignal.timeout(8000) });
    return response.ok || response.status < 500 ? null : `HTTP ${response.status}`;
  } catch (error) {
    return /** @type {Error} */ (error).cause instanceof Error ? /** @type {Error} */ (/** @type {Error} */ (error).cause).message : String(error);
  }
}

const unreachable = await reachable();
if (unreachable) {
  console.error(`check:live: no network: https://www.youtube.com cannot be reached from here (${unreachable}).`);
  console.error('This check opens real YouTube pages; run it where the internet is available. npm test never needs it.');
  process.exit(1);
}

const { module } = await runnerImport(resolve(ROOT, 'src/content/selectors.ts'), { root: ROOT, logLevel: 'error' });
/** @type {Record<string, string>} */
const selectors = module.selectors;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
let broken = 0;
try {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  // Skip the EU consent interstitial, as a returning visitor would.
  await context.addCookies([{ name: 'SOCS', value: 'CAI', domain: '.youtube.com', path: '/' }]);
  for (const target of PAGES) {
    const page = await context.newPage();
    await page.goto(target.url, { waitUntil: 'domcontentloaded', timeout: 30_000 });
    if (target.watch) await page.waitForSelector(selectors.renderedTitle, { timeout: 20_000 }).catch(() => undefined);
    else await page.waitForLoadState('load').catch(() => undefined);
    /** @type {Record<string, number>} */
    const counts = await page.evaluate(
      ([all, nested]) =>
        Object.fromEntries(
          Object.entries(all).map(([name, selector]) => {
            const scope = nested[name];
            const roots = scope ? [...document.querySelectorAll(all[scope])] : [document];
            return [name, roots.reduce((sum, root) => sum + root.querySelectorAll(selector).length, 0)];
          }),
        ),
      /** @type {const} */ ([selectors, /** @type {Record<string, string>} */ (NESTED)]),
    );
    console.log(`\n${target.watch ? 'watch page' : 'other page'}: ${target.url}${page.url() === target.url ? '' : ` (landed on ${page.url()})`}`);
    for (const [name, count] of Object.entries(counts)) {
      const expected = target.watch && ON_A_WATCH_PAGE.includes(name);
      const verdict = expected ? (count > 0 ? 'ok' : 'NO MATCH: YouTube changed this?') : '';
      if (expected && count === 0) broken++;
      console.log(`  ${name.padEnd(22)} ${String(count).padStart(4)}  ${verdict}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(
  broken === 0 ? '\nEvery selector a watch page needs still matches.' : `\n${broken} selector match(es) missing on watch pages: see CONTRIBUTING.md.`,
);
process.exit(broken === 0 ? 0 : 1);
