import browser from 'webextension-polyfill';
import type { Shortcut } from './SettingsPanel';

export async function readShortcuts(): Promise<Shortcut[]> {
  const commands = await browser.commands.getAll();
  return commands
    .filter((command) => command.description)
    .map((command) => ({ name: command.name ?? '', description: command.description ?? '', keys: command.shortcut ?? '' }));
}

/**
 * Chrome lists shortcuts at chrome://extensions/shortcuts, which an extension may open in a tab.
 * Firefox refuses about: pages there ("Illegal URL") and opens its add-ons manager's shortcut
 * editor through its own commands.openShortcutSettings() instead.
 */
export function openShortcutSettings(): void {
  if ('openShortcutSettings' in browser.commands) void browser.commands.openShortcutSettings();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
