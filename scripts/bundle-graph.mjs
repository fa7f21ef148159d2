// Which JavaScript files of a built extension a page or a content script loads, found by following the
// module graph in the output itself: the page's <script src> and <link rel="modulepreload">, the static
// imports (and re-exports) inside each chunk, and crxjs's content-script loader, whose
// `import(chrome.runtime.getURL('assets/…'))` runs at once. Any other dynamic import() is reported as
// lazy: loaded only when that code path runs.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { init, parse } from 'es-module-lexer';

await init;

/** Budgets in bytes of gzip (`npm run size`, the bench's table); a target without one is printed for information. */
// The popup's budget was 50 kB until sync: every write to talks or notes records the change for
// sync in the same transaction, so the popup, which clips and saves notes, loads that bookkeeping
// at open (about 1 kB gzip). Dexie, Preact and the polyfill are 37 kB of it; the rest is ours.
// 52.5 kB since changes are recorded only while a sync is connected (issue 16: a fifth of a large
// import's time): each write reads whether one is, and checks its transaction holds the sync tables
// (0.2 kB gzip). The side panel's is 0.25 kB more: it follows the tabs of its window, which the popup
// does not, and catches up with a tab selected while it started (0.1 kB gzip, in its own chunk).
// 0.05 kB more for the side panel since it saves the details a closed popup typed (0.12 kB) and a talk saved from a
// link takes YouTube's title when first opened: it had 0.01 kB left, the popup still has 0.2.
// 0.1 kB more for the side panel since Edit and Delete keep an unsaved edit begun in any page, and Undo and Clip hand
// the focus on (0.11 kB, the popup's the same): it had 0.05 kB left, the popup has 0.09. 0.05 kB more since each note's
// Edit and Delete are described by their note for screen readers (11 B): it had 0.01 kB left.
// 0.1 kB more for both since four defects of the note pages were fixed (0.12 kB): Quote asks for the talk's own video,
// an edit open in one page leaves another page's unsaved edit alone, a note begun during an ad asks its time again,
// and notes and titles take their own direction (right-to-left scripts).
// 0.15 kB more for the popup, 0.2 kB for the side panel, since a library edit survives an update (the edit keeps its
// words with the note pages' shared-draft hook, now in the shared chunk) and a large delete stays responsive (its Undo
// says it is restoring; the sync log reads the deletion marks once a transaction): 0.17 kB for both.
// 0.5 kB more for both since a talk's notes are drawn, and drawn again rendered once the markdown renderer is in, a
// slice a task (issue 16: 80 long notes rendered in one task held the page and the first keystrokes for up to 0.4 s): the
// library's slicing hook and memo, now in the shared chunk (0.49 kB gzip). The popup has 0.02 kB left.
// 0.05 kB more for the popup since an Undo of a large delete takes its deletion marks back a thousand a request, not one
// long task (0.05 kB in the shared chunk): it had 0.02 kB left.
// 0.1 kB more for both since the settings are asked by the page's first script (0.05 kB in the popup, 0.07 kB in the side
// panel): asked once the rest had loaded, their answer held up the first render; the popup opens 8% sooner, 1.06× its floor
// from 1.20× (`node scripts/bench/popup-against.mjs <tree before>`, 80 rounds). It had no room left.
// 0.05 kB more for the side panel since a draft over a note's limit, too big for the storage, is not said to be saved whole
// (0.03 kB in the shared chunk): saving it as the alert advised was refused. It had no room left; the popup had enough.
export const BUDGETS = { popup: 53_600, 'side panel': 53_900, 'content script': 15_000 };

/**
 * How many JavaScript files a page may load at once. Each costs a request and a module record before any of
 * them runs: the popup opened measurably sooner going from ten files to five (issue 16; vite.config.ts).
 */
export const FILE_BUDGETS = { popup: 5, 'side panel': 5, options: 4 };

/** gzip -9 size of a file's bytes: what a size budget compares. */
export function gzipSize(/** @type {Uint8Array} */ bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}

/** Scripts an HTML page loads at once: module/classic script src and modulepreload links (dist-relative). */
export function htmlScripts(/** @type {string} */ html, /** @type {string} */ htmlPath) {
  /** @type {string[]} */
  const found = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (/** @type {string} */ name) =>
      tag
        .match(new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))
        ?.slice(2)
        .find((v) => v !== undefined);
    const url = /^<script/i.test(tag) ? attr('src') : /\bmodulepreload\b/i.test(attr('rel') ?? '') ? attr('href') : undefined;
    const path = url ? resolveUrl(htmlPath, url) : null;
    if (path) found.push(path);
  }
  return found;
}

/** A URL as written in a page or chunk, as a path relative to the extension root; null for other origins. */
function resolveUrl(/** @type {string} */ from, /** @type {string} */ url) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null;
  const clean = url.split(/[?#]/)[0];
  const path = clean.startsWith('/') ? clean.slice(1) : posix.join(posix.dirname(from), clean);
  return posix.normalize(path);
}

/**
 * Imports of one chunk: static ones (import/export … from, side-effect imports), eager dynamic ones
 * (chrome.runtime.getURL / browser.runtime.getURL in a loader) and lazy ones (any other import()).
 * @param {string} code
 * @param {string} file dist-relative path of the chunk
 * @param {{ loader?: boolean }} options loader: the file is a content-script entry (its getURL import runs at once)
 */
export function chunkImports(code, file, { loader = false } = {}) {
  const [imports] = parse(code);
  const result = { static: /** @type {string[]} */ ([]), eager: /** @type {string[]} */ ([]), lazy: /** @type {string[]} */ ([]) };
  for (const entry of imports) {
    if (entry.d === -2) continue; // import.meta
    if (entry.d === -1) {
      if (entry.n) push(result.static, resolveUrl(file, entry.n));
      continue;
    }
    if (entry.n) {
      push(result.lazy, resolveUrl(file, entry.n));
      continue;
    }
    const expression = code.slice(entry.s, entry.e);
    const extensionUrl = expression.match(/\bruntime\.getURL\(\s*(?:"([^"]+)"|'([^']+)'|`([^`$]+)`)\s*\)/);
    if (extensionUrl) {
      const path = posix.normalize((extensionUrl[1] ?? extensionUrl[2] ?? extensionUrl[3]).replace(/^\//, ''));
      push(loader ? result.eager : result.lazy, path);
    }
  }
  return result;
}

function push(/** @type {string[]} */ list, /** @type {string | null} */ item) {
  if (item && !list.includes(item)) list.push(item);
}

/**
 * Every file reachable from the entries, split into what loads at once and what loads lazily.
 * @param {string} dist the build folder
 * @param {string[]} entries dist-relative JS files that load at once
 * @param {{ loaders?: string[] }} options loaders: entries that are content-script loaders
 * @returns {{ eager: string[], lazy: string[] }} dist-relative paths, in discovery order
 */
export function moduleClosure(dist, entries, { loaders = [] } = {}) {
  /** @type {string[]} */
  const eager = [];
  /** @type {string[]} */
  const lazy = [];
  const queue = entries.map((file) => ({ file, isEager: true }));
  const seen = new Map();
  while (queue.length) {
    const { file, isEager } = /** @type {{ file: string, isEager: boolean }} */ (queue.shift());
    if (seen.get(file) === true || (seen.has(file) && !isEager)) continue;
    if (seen.get(file) === false) lazy.splice(lazy.indexOf(file), 1);
    seen.set(file, isEager);
    (isEager ? eager : lazy).push(file);
    const path = join(dist, file);
    if (!existsSync(path)) throw new Error(`${file} is loaded but missing from ${dist}`);
    const found = chunkImports(readFileSync(path, 'utf8'), file, { loader: loaders.includes(file) });
    for (const next of [...found.static, ...found.eager]) queue.push({ file: next, isEager });
    for (const next of found.lazy) queue.push({ file: next, isEager: false });
  }
  return { eager, lazy };
}

/**
 * What to measure in a build, read off its manifest.json: the popup, the side panel and the options
 * page (each page's scripts), and all content scripts together.
 * @param {string} dist
 */
export function extensionTargets(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const page = (/** @type {unknown} */ path) => (typeof path === 'string' ? path.split(/[?#]/)[0].replace(/^\//, '') : null);
  const pages = [
    ['popup', page(manifest.action?.default_popup)],
    ['side panel', page(manifest.side_panel?.default_path ?? manifest.sidebar_action?.default_panel)],
    ['options', page(manifest.options_ui?.page ?? manifest.options_page)],
  ].filter((entry) => entry[1]);
  const targets = pages.map(([name, html]) => {
    const entries = htmlScripts(readFileSync(join(dist, /** @type {string} */ (html)), 'utf8'), /** @type {string} */ (html));
    return { name: /** @type {string} */ (name), from: /** @type {string} */ (html), ...moduleClosure(dist, entries) };
  });
  const loaders = [...new Set((manifest.content_scripts ?? []).flatMap((/** @type {any} */ s) => s.js ?? []))].map(String);
  if (loaders.length) targets.push({ name: 'content script', from: 'manifest content_scripts', ...moduleClosure(dist, loaders, { loaders }) });
  return targets;
}

/** Raw and gzip sizes of files in dist. */
export function measure(/** @type {string} */ dist, /** @type {string[]} */ files) {
  return files.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSize(bytes) };
  });
}
