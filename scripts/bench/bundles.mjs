// Bundle sizes (gzip -9) of the bench's build, through the project's own size tooling
// (scripts/bundle-graph.mjs, which `npm run size` uses): what the popup and the content script load at
// once, plus the Preact + Dexie floor page as the popup's floor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export async function bundleFigures(extensionDir) {
  const { extensionTargets, htmlScripts, measure, moduleClosure } = await import('../bundle-graph.mjs');
  const total = (files) => ({ files: files.length, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) });
  const figures = {};
  for (const target of extensionTargets(extensionDir)) {
    figures[target.name] = { ...total(measure(extensionDir, target.eager)), lazy: total(measure(extensionDir, target.lazy)), eager: target.eager };
  }
  const floorHtml = 'bench-floor/preact-dexie.html';
  const floor = moduleClosure(extensionDir, htmlScripts(readFileSync(join(extensionDir, floorHtml), 'utf8'), floorHtml));
  figures.floor = { ...total(measure(extensionDir, floor.eager)), eager: floor.eager };
  return figures;
}
