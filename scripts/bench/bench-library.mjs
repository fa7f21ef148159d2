// A bench browser holding the bench's library, for the scripts that study one library page (profile-search.mjs,
// row-parts.mjs): what `npm run bench` and side-by-side.mjs set up in their own ways.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeYouTube } from '../fake-youtube/server.mjs';
import { importThroughLibrary, launchBenchBrowser } from './browser.mjs';
import { makeBackup } from './dataset.mjs';

/**
 * The build in `extensionDir` (a scratch folder) installed in a bench browser, with the bench's library (2,000 talks
 * and 20,000 notes, times `scale`) imported through its library page. `close` closes the browser and the stand-in of
 * YouTube and removes the backup and the build.
 * @param {{ extensionDir: string, scale?: number, importTimeout?: number }} options
 */
export async function benchLibrary({ extensionDir, scale = 1, importTimeout }) {
  const work = mkdtempSync(join(tmpdir(), 'talklog-bench-library-'));
  const backupPath = join(work, 'backup.json');
  writeFileSync(backupPath, JSON.stringify(makeBackup({ talks: 2000 * scale, notes: 20000 * scale })));
  const youtube = await startFakeYouTube();
  const browser = await launchBenchBrowser({ extensionDir, hostResolverRule: youtube.hostResolverRule });
  const close = async () => {
    await browser.close();
    await youtube.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(extensionDir, { recursive: true, force: true });
  };
  const libraryUrl = browser.extensionUrl('src/options/index.html');
  try {
    await importThroughLibrary(browser.context, libraryUrl, backupPath, importTimeout);
  } catch (error) {
    await close();
    throw error;
  }
  return { browser, libraryUrl, close };
}
