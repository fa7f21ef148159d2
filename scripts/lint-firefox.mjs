// `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint) on the Firefox build in dist-firefox/.
// Fails on any error, and on any warning that is not one of the known, explained ones below, so a new
// warning is looked at (and explained in the README) rather than waved through.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE_DIR = resolve(ROOT, process.argv[2] ?? 'dist-firefox');
const WEB_EXT = join(ROOT, 'node_modules', '.bin', 'web-ext');

/** @typedef {{ code: string, message: string, file?: string, line?: number, column?: number }} LintMessage */

/** The warnings Talklog accepts, each with the reason (the README repeats these). */
const ACCEPTED_WARNINGS = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    /** Only Preact's own `dangerouslySetInnerHTML` branch of its DOM diff, not an innerHTML of ours. */
    matches: (/** @type {string} */ around, /** @type {LintMessage} */ _warning) => around.includes('dangerouslySetInnerHTML') && around.includes('__html'),
    why:
      "Preact's renderer (bundled in a shared chunk) assigns innerHTML only for the dangerouslySetInnerHTML prop; " +
      'Talklog never passes that prop, and renders all text from YouTube and from notes as text.',
  },
];

/** @param {LintMessage} warning */
function around(warning) {
  if (!warning.file || !warning.line) return '';
  const path = join(SOURCE_DIR, warning.file);
  if (!existsSync(path)) return '';
  const line = readFileSync(path, 'utf8').split('\n')[warning.line - 1] ?? '';
  const column = warning.column ?? 0;
  return line.slice(Math.max(0, column - 300), column + 200);
}

if (!existsSync(join(SOURCE_DIR, 'manifest.json'))) {
  console.error(`No Firefox build in ${SOURCE_DIR}: run \`npm run build\` (or \`npm run build:firefox\`) first.`);
  process.exit(1);
}

const run = spawnSync(WEB_EXT, ['lint', '--source-dir', SOURCE_DIR, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, // web-ext would otherwise ask npm for a newer web-ext
});
let report;
try {
  report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
} catch {
  console.error('web-ext lint gave no JSON report:\n', run.stdout, run.stderr, run.error ?? '');
  process.exit(1);
}

const { errors = [], warnings = [], notices = [] } = report;
const where = (/** @type {LintMessage} */ m) => (m.file ? `${m.file}${m.line ? `:${m.line}:${m.column ?? 0}` : ''}` : 'manifest');
const unexpected = [];
console.log(`web-ext lint ${SOURCE_DIR}: ${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices`);
for (const error of errors) console.log(`  ERROR   ${error.code}  ${where(error)}  ${error.message}`);
for (const warning of warnings) {
  const accepted = ACCEPTED_WARNINGS.find((a) => a.code === warning.code && a.matches(around(warning), warning));
  if (accepted) console.log(`  warning ${warning.code}  ${where(warning)}  ${warning.message}\n          accepted: ${accepted.why}`);
  else {
    unexpected.push(warning);
    console.log(`  WARNING ${warning.code}  ${where(warning)}  ${warning.message}\n          NOT ACCEPTED: ${warning.description}`);
  }
}
for (const notice of notices) console.log(`  notice  ${notice.code}  ${where(notice)}  ${notice.message}`);

if (errors.length || unexpected.length) {
  console.error(
    `\nFirefox lint failed: ${errors.length} error(s), ${unexpected.length} unexplained warning(s). ` +
      'Fix them, or, if a warning is acceptable, add it with its reason to ACCEPTED_WARNINGS in scripts/lint-firefox.mjs and to the README.',
  );
  process.exit(1);
}
console.log('Firefox lint passed.');
