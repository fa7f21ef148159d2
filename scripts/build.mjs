// `node scripts/build.mjs [chrome] [firefox]` (no argument: both): builds the extension quietly, one
// line per browser. Vite's asset tables and crxjs's progress lines are dropped; any other warning
// is printed, and a failing build prints everything it said before the error.
import { build } from 'vite';

const BUILDS = {
  chrome: { mode: 'production', outDir: 'dist' },
  firefox: { mode: 'firefox', outDir: 'dist-firefox' },
};

// crxjs 3.0.0 builds the standalone content script with `inlineDynamicImports`, which Rolldown
// ignores for a single IIFE file and warns about on every build; harmless, and ours to drop until
// crxjs stops passing it. The pattern is exact so any other warning still shows.
const KNOWN_HARMLESS = [/inlineDynamicImports option is ignored because codeSplitting: false is set/];

/** @param {'chrome' | 'firefox'} browser */
async function quietBuild(browser) {
  const { mode, outDir } = BUILDS[browser];
  // Vite, Rolldown and crxjs all write through the process streams: hold what they say.
  /** @type {{ stream: 'stdout' | 'stderr', text: string }[]} */
  const said = [];
  const original = { stdout: process.stdout.write, stderr: process.stderr.write };
  /** @param {'stdout' | 'stderr'} stream */
  const hold = (stream) =>
    /** @type {typeof process.stdout.write} */ (
      (/** @type {string | Uint8Array} */ chunk) => {
        said.push({ stream, text: String(chunk) });
        return true;
      }
    );
  process.stdout.write = hold('stdout');
  process.stderr.write = hold('stderr');
  const release = () => {
    process.stdout.write = original.stdout;
    process.stderr.write = original.stderr;
  };
  const started = performance.now();
  try {
    await build({ mode, logLevel: 'warn' });
  } catch (error) {
    release();
    for (const { text } of said) process.stderr.write(text);
    throw error;
  }
  release();
  const warnings = said.filter(({ stream, text }) => stream === 'stderr' && text.trim() !== '' && !KNOWN_HARMLESS.some((pattern) => pattern.test(text)));
  for (const { text } of warnings) process.stderr.write(text);
  console.log(`Built ${outDir}/ for ${browser} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in BUILDS));
if (unknown.length > 0) {
  console.error(`build: unknown browser ${unknown.join(', ')}; use chrome and/or firefox`);
  process.exit(2);
}
for (const browser of asked.length > 0 ? asked : Object.keys(BUILDS)) {
  await quietBuild(/** @type {'chrome' | 'firefox'} */ (browser));
}
