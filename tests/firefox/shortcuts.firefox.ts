import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DIST_FIREFOX, firefoxSessionForThisFile } from './firefox-session';

const session = firefoxSessionForThisFile();

type Commands = Record<string, { suggested_key: { default: string } }>;

test('each shortcut the Firefox build suggests reaches Talklog, none is taken by a Firefox menu', async () => {
  const { commands } = JSON.parse(readFileSync(join(DIST_FIREFOX, 'manifest.json'), 'utf8')) as { commands: Commands };
  // An extension page hears the commands the background hears: it notes them. (Alt+Shift+S, say, opens
  // Firefox's History menu and is never heard.)
  const listener = await session.openExtensionPage('src/options/index.html');
  await listener.evaluate(`(() => {
    window.heard = [];
    browser.commands.onCommand.addListener((command) => window.heard.push(command));
  })()`);
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  expect(Object.keys(commands)).toHaveLength(3);
  for (const [name, command] of Object.entries(commands)) {
    await watch.bringToFront();
    await session.pressKeys(command.suggested_key.default);
    await expect.poll(() => listener.evaluate('window.heard')).toEqual([name]);
    await listener.evaluate('window.heard = []');
  }
});
