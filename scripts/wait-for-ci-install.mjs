// `.ci/run` installs the browsers from Debian while the unit tests run, and names the file it writes apt-get's exit
// status to once done (TALKLOG_CI_INSTALL_DONE): the browser tests wait for it, as their global setup
// (vitest.e2e.config.ts, vitest.firefox.config.ts) or run as a script before a step that needs Firefox. Without
// .ci/run, nothing to wait for.
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

export default async function waitForCiInstall() {
  const done = process.env.TALKLOG_CI_INSTALL_DONE;
  if (!done) return;
  if (!existsSync(done)) console.error('Waiting for .ci/run to finish installing the browsers…');
  while (!existsSync(done)) await sleep(500);
  const status = readFileSync(done, 'utf8').trim();
  if (status !== '0') {
    const log = process.env.TALKLOG_CI_INSTALL_LOG;
    const said = log && existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-20).join('\n') : '';
    throw new Error(`.ci/run could not install the browsers (apt-get install exited with ${status}):\n${said}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await waitForCiInstall();
