import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { sessionForThisFile } from './extension';

const session = sessionForThisFile();

type ChromeCommands = { chrome: { commands: { getAll(): Promise<{ name: string; shortcut: string }[]> } } };

test('on a fresh profile every command has the shortcut the manifest suggests', async () => {
  const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'manifest.json'), 'utf8')) as {
    commands: Record<string, { suggested_key: { default: string } }>;
  };
  const commands = await session.serviceWorker.evaluate(() => (globalThis as unknown as ChromeCommands).chrome.commands.getAll());
  const suggested = Object.entries(manifest.commands).map(([name, command]) => [name, command.suggested_key.default]);
  // Chromium lists commands in an order of its own.
  const granted = commands.filter((command) => command.name in manifest.commands).map((command) => [command.name, command.shortcut]);
  expect(granted.sort()).toEqual(suggested.sort());
});

test('the library’s settings list each shortcut with its keys', async () => {
  const library = await session.context.newPage();
  await library.goto(session.extensionUrl('src/options/index.html'));
  for (const keys of ['Alt+Shift+K', 'Alt+Shift+L', 'Alt+Shift+S']) await expect.poll(() => library.getByText(keys, { exact: true }).count()).toBe(1);
  expect(await library.getByText('not set', { exact: true }).count()).toBe(0);
});
