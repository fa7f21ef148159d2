import { basename, resolve } from 'node:path';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };
import { FIREFOX_MIN_VERSION, chromeManifest, firefoxManifest, firefoxOnlyPages } from './scripts/manifests.mjs';
import { polyfillAsEsModule } from './scripts/polyfill-as-es-module.mjs';

// `vite build` builds Chrome into dist/, `vite build --mode firefox` builds Firefox into dist-firefox/
// (`npm run build` does both). Both manifests take their version from package.json.

/** Builds the pages only Firefox's manifest names (the sidebar), which crxjs does not know about. */
function firefoxPages(pages: string[]): Plugin {
  return {
    name: 'talklog:firefox-pages',
    apply: 'build',
    buildStart() {
      for (const page of pages) this.emitFile({ type: 'chunk', id: resolve(import.meta.dirname, page), name: basename(page) });
    },
  };
}

/**
 * Lists as `<link rel=modulepreload>` in a page's HTML each chunk its code reaches only through another chunk, so
 * that the browser fetches them all at once instead of one level of imports after another (Vite's own preload is
 * off, see `modulePreload` below; it would also wrap every `import()`). The chunks the page's entry imports itself
 * are not listed: the browser finds them as soon as the entry arrives, and the popup is ready sooner without
 * them (0.98×, 90%: 0.95–1.01, in 200 paired rounds on Chromium 156; scripts/bench/popup-against.mjs).
 * The chunk of the modules of `runFirst` (RUN_FIRST, which imports no other chunk) is run by an async
 * `<script type=module>` listed first instead: it runs as soon as it arrives, while the rest is still
 * loading, and the page's code, importing it, finds it run already.
 */
function preloadStaticImports(runFirst: RegExp[]): Plugin {
  return {
    name: 'talklog:preload-static-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return;
        const files = new Set<string>();
        const follow = (fileName: string) => {
          for (const imported of (bundle[fileName] as Rolldown.OutputChunk).imports) {
            if (files.has(imported)) continue;
            files.add(imported);
            follow(imported);
          }
        };
        follow(chunk.fileName);
        const runsFirst = (file: string) => (bundle[file] as Rolldown.OutputChunk).moduleIds.some((id) => runFirst.some((part) => part.test(id)));
        const importedByEntry = new Set(chunk.imports);
        return [...files]
          .filter((file) => runsFirst(file) || !importedByEntry.has(file))
          .map((file) =>
            runsFirst(file)
              ? { tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `/${file}` }, injectTo: 'head-prepend' as const }
              : { tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const },
          );
      },
    },
  };
}

/**
 * The modules both the note pages (popup, side panel) and the library load at open, in one chunk, and a few
 * that the note pages load at open and the library later (below).
 */
const SHARED_AT_OPEN = [
  /node_modules[\\/](preact|dexie|webextension-polyfill)[\\/]/,
  /^\0vite[\\/]preload-helper/,
  /src[\\/]talk[\\/](time|limits|video-id|model|slide-owner)\.ts$/,
  /src[\\/]i18n[\\/]t\.ts$/,
  /src[\\/]ui[\\/](status-label|Announcer|Byline|use-live-query|app-ready|apply-theme|when-idle|lazy-value|lazy-component)\.tsx?$/,
  // What the note pages share with the library's lazy notes (a note's editing, time link, slides) or with the
  // background (asking the tab, the side panel, drafts): in chunks of their own, these were two more files and a
  // stylesheet at the note pages' open, each a request the first read waited behind. The library loads them at open
  // too now (3.6 kB, 1.4 kB gzip).
  /src[\\/]ui[\\/](delete-with-undo|NoteTextarea|TimeLink|use-slide-thumbnails|open-side-panel|save-details-drafts-at-start)\.tsx?$/,
  // A long list drawn a slice a task, its items memoised: the note pages' notes and the library's open row. The library
  // loads the slicing hook at open too now, where its open row loaded it (0.3 kB gzip).
  /src[\\/]ui[\\/](memo|use-drawn-in-slices)\.ts$/,
  /src[\\/]ui[\\/]SlideThumbnails\.css$/,
  /src[\\/]messages[\\/](ask-tab|capture-tab)\.ts$/,
  /src[\\/]popup[\\/](drafts|use-shared-draft)\.ts$/,
  // The base styles, kept ahead of every component's in the page, as each page imports them first.
  /src[\\/]ui[\\/]theme\.css$/,
  // A note's markdown styles (0.9 kB), though the renderer is lazy: in a sheet of its own, its first import() had
  // Vite's preload helper add a <link> and wait for it while the popup's notes were first shown.
  /src[\\/]ui[\\/]Markdown\.css$/,
  /src[\\/]db[\\/](database|sync-log|talks|notes|live)\.ts$/,
  /src[\\/]messages[\\/](messages|send)\.ts$/,
  /src[\\/]settings[\\/](settings|settings-storage)\.ts$/,
  /src[\\/]sync[\\/](sync-status|sync-storage)\.ts$/,
];

/**
 * What the note pages wait for, asked before the rest of their code has loaded (early-asks.ts): a chunk of its
 * own that imports no other, which the pages run first (preloadStaticImports). Left to itself, rolldown puts
 * it with the code the popup and side panel share.
 */
const RUN_FIRST = [/src[\\/]popup[\\/](asks-first|early-asks)\.ts$/, /src[\\/]db[\\/]early-connection\.ts$/];

/**
 * Modules the library loads at open that its lazy parts share too: one chunk for those of the library alone,
 * one for those the note pages' lazy parts (details form, conference panel, a note's save) share as well, so
 * those never bring the library's code. Left to itself, rolldown makes a file of each.
 */
const LIBRARY_AT_OPEN = [/src[\\/]options[\\/](library-filter|search-text|Highlighted|search-box|focus-is-free|library-edit-draft)\.tsx?$/];
const SHARED_LAZY = [
  /src[\\/]talk[\\/](queue|slide|fold-letters|interest)\.ts$/,
  /src[\\/]i18n[\\/]plural\.ts$/,
  /src[\\/]db[\\/](library|slides)\.ts$/,
  /src[\\/]ui[\\/](StarRating|event-progress)\.tsx?$/,
];

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const browserManifest = firefox ? firefoxManifest(manifest, pkg) : chromeManifest(manifest, pkg);
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: { alias: { dexie: resolve(import.meta.dirname, 'node_modules/dexie/dist/modern/dexie.mjs') } },
    plugins: [
      crx({
        manifest: browserManifest as ManifestV3Export,
        browser: firefox ? 'firefox' : 'chrome',
        // One self-contained file: it runs at document_start itself (no async loader), and no
        // chunk of Talklog is web-accessible, so pages cannot probe for the extension.
        contentScripts: { standaloneFiles: ['src/content/main.ts'] },
      }),
      polyfillAsEsModule(),
      preloadStaticImports(RUN_FIRST),
      ...(firefox ? [firefoxPages(firefoxOnlyPages(browserManifest))] : []),
    ],
    // The import worker is a module worker: its zip reader (backup-archive.ts, with fflate) is a
    // chunk of its own that it loads only for a zip, where the default iife format would inline it.
    worker: { format: 'es' },
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      modulePreload: false,
      // Every file a page loads at open costs a request and a module record before anything runs, more than its
      // bytes: the popup loaded ten (the file budget in scripts/bundle-graph.mjs). Left to itself, rolldown splits
      // the code the pages share by which pages and lazy parts use each module, into chunks of a few hundred bytes.
      // One chunk holds what the note pages and the library both load at open (SHARED_AT_OPEN).
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              { name: 'asks-first', test: (id) => RUN_FIRST.some((part) => part.test(id)) },
              { name: 'shared', test: (id) => SHARED_AT_OPEN.some((part) => part.test(id)) },
              // Before the library's: a group takes along what its modules import.
              { name: 'shared-lazy', test: (id) => SHARED_LAZY.some((part) => part.test(id)) },
              { name: 'library', test: (id) => LIBRARY_AT_OPEN.some((part) => part.test(id)) },
            ],
          },
        },
      },
      // The oldest browser each manifest accepts is what the code is compiled for.
      target: firefox ? `firefox${parseInt(FIREFOX_MIN_VERSION)}` : `chrome${(manifest as { minimum_chrome_version?: string }).minimum_chrome_version ?? 120}`,
    },
  };
});
