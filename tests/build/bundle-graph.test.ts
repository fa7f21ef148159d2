import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chunkImports, extensionTargets, htmlScripts, moduleClosure } from '../../scripts/bundle-graph.mjs';

let dist = '';
function build(files: Record<string, string>) {
  dist = mkdtempSync(join(tmpdir(), 'talklog-graph-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, name)), { recursive: true });
    writeFileSync(join(dist, name), text);
  }
  return dist;
}
afterEach(() => rmSync(dist, { recursive: true, force: true }));

// Shaped like crxjs + rolldown output: minified chunks with relative imports, a classic loader.
const FILES = {
  'manifest.json': JSON.stringify({
    action: { default_popup: 'src/popup/index.html' },
    side_panel: { default_path: 'src/popup/index.html?surface=side-panel' },
    content_scripts: [{ js: ['assets/main.ts-loader-X.js'], matches: ['https://www.youtube.com/*'] }],
  }),
  'src/popup/index.html': `<!doctype html><html><head>
    <script type="module" crossorigin src="/assets/popup-A.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/preact-B.js">
    <link rel="stylesheet" crossorigin href="/assets/popup.css">
  </head><body><div id="app"></div></body></html>`,
  'assets/popup-A.js': `import{h as e}from"./preact-B.js";import"./side-C.js";export{x}from"./reexport-D.js";const s="import './not-a-module.js'";e(s);const l=()=>import("./export-E.js");`,
  'assets/preact-B.js': 'export const h=()=>{};',
  'assets/side-C.js': 'console.log(1);',
  'assets/reexport-D.js': 'export const x=1;',
  'assets/export-E.js': 'import{h}from"./preact-B.js";import"./big-F.js";export const t=h;',
  'assets/big-F.js': 'export const big=1;',
  'assets/main.ts-loader-X.js': `(function(){'use strict';const injectTime=performance.now();(async()=>{const{onExecute}=await import(/* @vite-ignore */chrome.runtime.getURL("assets/content-G.js"));onExecute?.({perf:{injectTime}})})().catch(console.error);})();`,
  'assets/content-G.js': 'import{x}from"./reexport-D.js";export function onExecute(){return import("./lazy-H.js")}',
  'assets/lazy-H.js': 'export default 1;',
};

describe('the module graph of a build', () => {
  it("reads a page's script and modulepreload tags, not its stylesheets", () => {
    expect(htmlScripts(FILES['src/popup/index.html'], 'src/popup/index.html')).toEqual(['assets/popup-A.js', 'assets/preact-B.js']);
    expect(htmlScripts('<script src="../x.js"></script><script src="https://cdn.example/y.js"></script>', 'src/a/index.html')).toEqual(['src/x.js']);
  });

  it('tells static imports and re-exports from lazy dynamic imports, ignoring strings', () => {
    expect(chunkImports(FILES['assets/popup-A.js'], 'assets/popup-A.js')).toEqual({
      static: ['assets/preact-B.js', 'assets/side-C.js', 'assets/reexport-D.js'],
      eager: [],
      lazy: ['assets/export-E.js'],
    });
  });

  it("treats a content-script loader's runtime.getURL import as loaded at once, elsewhere as lazy", () => {
    const loader = FILES['assets/main.ts-loader-X.js'];
    expect(chunkImports(loader, 'assets/main.ts-loader-X.js', { loader: true })).toEqual({ static: [], eager: ['assets/content-G.js'], lazy: [] });
    expect(chunkImports(loader, 'assets/main.ts-loader-X.js')).toEqual({ static: [], eager: [], lazy: ['assets/content-G.js'] });
  });

  it('follows every page and the content script through the built files', () => {
    const targets = extensionTargets(build(FILES));
    const byName = Object.fromEntries(targets.map((t) => [t.name, t]));
    expect(Object.keys(byName)).toEqual(['popup', 'side panel', 'content script']);
    expect(byName.popup.eager.sort()).toEqual(['assets/popup-A.js', 'assets/preact-B.js', 'assets/reexport-D.js', 'assets/side-C.js']);
    expect(byName.popup.lazy.sort()).toEqual(['assets/big-F.js', 'assets/export-E.js']);
    expect([...byName['side panel'].eager].sort()).toEqual([...byName.popup.eager].sort());
    expect(byName['content script'].eager).toEqual(['assets/main.ts-loader-X.js', 'assets/content-G.js', 'assets/reexport-D.js']);
    expect(byName['content script'].lazy).toEqual(['assets/lazy-H.js']);
  });

  it('counts a file reached lazily first and statically later as loaded at once', () => {
    build({
      'a.js': 'import("./b.js");import"./c.js";',
      'b.js': 'import"./d.js";',
      'c.js': 'import"./b.js";',
      'd.js': '',
    });
    const { eager, lazy } = moduleClosure(dist, ['a.js']);
    expect(eager.sort()).toEqual(['a.js', 'b.js', 'c.js', 'd.js']);
    expect(lazy).toEqual([]);
  });

  it('fails loudly when a loaded file is missing from the build', () => {
    build({ 'a.js': 'import"./gone.js";' });
    expect(() => moduleClosure(dist, ['a.js'])).toThrow(/gone\.js is loaded but missing/);
  });
});
