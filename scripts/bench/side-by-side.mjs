// Two builds of Talklog installed in one browser, each with the bench's library imported: for comparing a change
// with the code before it in the same rounds (two runs of the bench differ by more than most changes do).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startFakeYouTube } from '../fake-youtube/server.mjs';
import { closeWelcome, launchTalklogBrowser } from '../launch-browser.mjs';
import { importThroughLibrary } from './browser.mjs';
import { buildBenchExtension } from './build.mjs';
import { makeBackup } from './dataset.mjs';

/**
 * Builds this tree and `other` (each with its own bench build), installs both and imports the bench's library
 * (2,000 talks and 20,000 notes, times `scale`) into each. `url(name, path)` is a page of build `here` or `there`.
 * @param {string} other
 * @param {number} scale
 */
export async function sideBySide(other, scale) {
  const otherBuild = await import(pathToFileURL(join(resolve(other), 'scripts/bench/build.mjs')).href);
  const builds = { here: await buildBenchExtension(), there: await otherBuild.buildBenchExtension() };
  const work = mkdtempSync(join(tmpdir(), 'talklog-side-by-side-'));
  const backupPath = join(work, 'backup.json');
  writeFileSync(backupPath, JSON.stringify(makeBackup({ talks: 2000 * scale, notes: 20000 * scale })));
  const youtube = await startFakeYouTube();
  const browser = await launchTalklogBrowser({ hostResolverRule: youtube.hostResolverRule, installLater: true });
  const devtools = await browser.context.browser().newBrowserCDPSession();
  const ids = {};
  for (const [name, dir] of Object.entries(builds)) {
    ids[name] = (await devtools.send('Extensions.loadUnpacked', { path: dir })).id;
    // The other tree may be older than the welcome opened on install.
    if (name === 'here') await closeWelcome(browser.context, ids[name]);
    await importThroughLibrary(browser.context, `chrome-extension://${ids[name]}/src/options/index.html`, backupPath);
  }
  return {
    browser,
    ids,
    url: (name, path) => `chrome-extension://${ids[name]}/${path}`,
    async close() {
      await browser.close();
      await youtube.close();
      rmSync(work, { recursive: true, force: true });
      for (const dir of Object.values(builds)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
