// `npm run test:firefox`: installs the Firefox build (dist-firefox/) in headless Firefox as a temporary
// add-on through `web-ext run`, and passes when Firefox accepts it under Talklog's add-on id and no
// script of the add-on (the background, in practice) throws in the few seconds after. Needs Debian's
// Firefox ESR (`apt-get install -y firefox-esr`) or a Firefox named by $FIREFOX. What the popup, sidebar,
// content script and shortcuts do in Firefox is the end-to-end suite's part (tests/firefox/), run next.
//
// web-ext run never exits by itself: this script stops it (its whole process group) as soon as the
// install line appears, or after the time limit. Its temporary Firefox profile lands in a directory this
// script made (TMPDIR), which is removed afterwards.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GECKO_ID } from './manifests.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE_DIR = resolve(ROOT, process.argv[2] ?? 'dist-firefox');
const WEB_EXT = join(ROOT, 'node_modules', '.bin', 'web-ext');
const TIMEOUT_MS = Number(process.env.FIREFOX_CHECK_TIMEOUT_MS ?? 90_000);
/** How long to keep Firefox running after the install, to catch errors thrown by the background. */
const SETTLE_MS = Number(process.env.FIREFOX_CHECK_SETTLE_MS ?? 3_000);
const FIREFOX = [process.env.FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => path && existsSync(path));

if (!FIREFOX) {
  console.error('No Firefox found: install it with `apt-get install -y firefox-esr` (as root), or set FIREFOX=/path/to/firefox.');
  process.exit(1);
}
if (!existsSync(join(SOURCE_DIR, 'manifest.json'))) {
  console.error(`No Firefox build in ${SOURCE_DIR}: run \`npm run build\` first.`);
  process.exit(1);
}
const addonId = GECKO_ID;

const scratch = mkdtempSync(join(tmpdir(), 'talklog-firefox-check-'));
const started = performance.now();
const child = spawn(
  WEB_EXT,
  [
    'run',
    '--source-dir',
    SOURCE_DIR,
    '--firefox',
    FIREFOX,
    '--no-input',
    '--no-reload',
    '--no-config-discovery',
    '--verbose', // prints the installed add-on's id, and Firefox's own output (script errors)
    '--args=-headless',
    // Offline machines: keep Firefox from reaching for the network it does not have.
    '--pref',
    'app.update.enabled=false',
    '--pref',
    'browser.shell.checkDefaultBrowser=false',
    '--pref',
    'datareporting.policy.dataSubmissionEnabled=false',
    '--pref',
    'toolkit.telemetry.enabled=false',
    '--start-url',
    'about:blank',
  ],
  {
    cwd: ROOT,
    detached: true, // its own process group, so web-ext and the Firefox it starts stop together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_HEADLESS: '1', TMPDIR: scratch, NO_UPDATE_NOTIFIER: '1' },
  },
);

// Interrupted (Ctrl-C, a CI timeout): stop Firefox and remove its profile before going.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    rmSync(scratch, { recursive: true, force: true });
    process.exit(130);
  });
}

let output = '';
const result = await new Promise((done) => {
  const timer = setTimeout(() => done({ ok: false, why: `no install line within ${TIMEOUT_MS / 1000} s` }), TIMEOUT_MS);
  let installed = false;
  const onData = (/** @type {Buffer | string} */ chunk) => {
    output += chunk;
    const line = output.match(/Installed .+ as a temporary add-on/);
    if (line && !installed) {
      installed = true;
      clearTimeout(timer);
      const id = output.match(/installTemporaryAddon: .*"id":"([^"]+)"/)?.[1];
      setTimeout(() => done({ ok: true, line: line[0], id }), SETTLE_MS);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code, signal) => {
    clearTimeout(timer);
    done({ ok: false, why: `web-ext exited (${signal ?? `code ${code}`}) before the check was done` });
  });
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const exited = new Promise((done) => (child.exitCode !== null || child.signalCode !== null ? done(undefined) : child.on('exit', () => done(undefined))));
const stopGroup = (/** @type {NodeJS.Signals} */ signal) => {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
};
stopGroup('SIGTERM');
const gone = await Promise.race([exited.then(() => true), new Promise((done) => setTimeout(() => done(false), 5_000).unref())]);
if (!gone) stopGroup('SIGKILL');
rmSync(scratch, { recursive: true, force: true });

const scriptErrors = output.split('\n').filter((line) => /(JavaScript error|console\.error).*moz-extension:\/\//.test(line));
const failure = !result.ok
  ? result.why
  : result.id !== addonId
    ? `Firefox installed the add-on as ${result.id ?? '(no id printed)'}, not as ${addonId}`
    : scriptErrors.length
      ? `the add-on's scripts threw after the install:\n${scriptErrors.join('\n')}`
      : null;
if (failure) {
  console.error(`Firefox install check FAILED: ${failure}\n--- web-ext output ---\n${output}`);
  process.exit(1);
}
console.log(result.line);
console.log(
  `Firefox install check passed: ${FIREFOX} installed add-on ${result.id} with no script errors ` + `in the ${SETTLE_MS / 1000} s after (${seconds} s in all).`,
);
