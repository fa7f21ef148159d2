// `npm run size`: the bundle-size budget of the Chrome build (dist/, built by the npm script first).
// Sums the gzip -9 size of each JavaScript file that the popup (and the side panel) loads at once, and of
// the content script (crxjs's loader plus everything it imports), following the module graph in the
// output. Fails when the popup loads more than 53.45 kB gzip (the side panel 53.75 kB) or more than 5 files, the library more
// than 4 files, or the content script more than 15 kB (1 kB = 1000 bytes, as Vite prints sizes). Sizes are
// deterministic for a given source and lockfile. `node scripts/bundle-size.mjs [dist-dir] [--json] [--summary]`; --summary (npm test) lists each
// file only when a budget is exceeded.
import { resolve } from 'node:path';
import { BUDGETS, FILE_BUDGETS, extensionTargets, measure } from './bundle-graph.mjs';

const args = process.argv.slice(2);
const json = args.includes('--json');
const summary = args.includes('--summary');
const dist = resolve(import.meta.dirname, '..', args.find((a) => !a.startsWith('--')) ?? 'dist');

const kB = (/** @type {number} */ bytes) => (bytes / 1000).toFixed(2);
const results = extensionTargets(dist).map((target) => {
  const eager = measure(dist, target.eager);
  const lazy = measure(dist, target.lazy);
  const sum = (/** @type {{ raw: number, gzip: number }[]} */ files, /** @type {'raw' | 'gzip'} */ key) => files.reduce((total, f) => total + f[key], 0);
  const budget = BUDGETS[/** @type {keyof typeof BUDGETS} */ (target.name)];
  const fileBudget = FILE_BUDGETS[/** @type {keyof typeof FILE_BUDGETS} */ (target.name)];
  const gzip = sum(eager, 'gzip');
  const ok = (budget === undefined || gzip <= budget) && (fileBudget === undefined || eager.length <= fileBudget);
  return { ...target, files: eager, lazyFiles: lazy, raw: sum(eager, 'raw'), gzip, budget, fileBudget, ok };
});

if (json) {
  console.log(
    JSON.stringify(
      results.map(({ name, from, raw, gzip, budget, ok, files, lazyFiles }) => ({ name, from, raw, gzip, budget, ok, files, lazyFiles })),
      null,
      2,
    ),
  );
} else {
  /** @type {string[][]} */
  const rows = [];
  const everyFile = !summary || results.some((r) => !r.ok);
  for (const r of results) {
    rows.push([`${r.name} (${r.from})`, '', '', '']);
    if (everyFile) {
      for (const f of [...r.files].sort((a, b) => b.gzip - a.gzip)) rows.push([`  ${f.file}`, kB(f.raw), kB(f.gzip), '']);
      for (const f of r.lazyFiles) rows.push([`  ${f.file} (lazy, not counted)`, kB(f.raw), kB(f.gzip), '']);
    }
    const limits = [r.budget === undefined ? null : `budget ${kB(r.budget)}`, r.fileBudget === undefined ? null : `${r.files.length} of ${r.fileBudget} files`];
    const set = limits.filter((limit) => limit !== null);
    const budgets = set.length === 0 ? '(no budget)' : `${r.ok ? 'ok' : 'OVER'}: ${set.join(', ')}`;
    rows.push([`  total loaded at once`, kB(r.raw), kB(r.gzip), budgets]);
  }
  const header = ['JavaScript (dist: ' + dist + ')', 'raw kB', 'gzip kB', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (/** @type {string[]} */ row) =>
    row
      .map((cell, i) => (i === 0 || i === 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

const over = results.filter((r) => !r.ok);
if (over.length) {
  console.error(
    `\nBundle size over budget: ${over.map((r) => `${r.name} ${kB(r.gzip)} kB gzip (budget ${r.budget === undefined ? '-' : `${kB(r.budget)} kB`}), ${r.files.length} files (budget ${r.fileBudget ?? '-'})`).join('; ')}`,
  );
  process.exit(1);
}
if (!json) console.log('\nBundle sizes within budget.');
