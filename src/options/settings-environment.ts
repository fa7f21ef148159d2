import browser from 'webextension-polyfill';
import type { Shortcut } from './SettingsPanel';

export async function readShortcuts(): Promise<Shortcut[]> {
  const commands = await browser.commands.getAll();
  return commands.filter((command) => command.description).map((command) => ({ description: command.description ?? '', keys: command.shortcut ?? '' }));
}

/** Chrome lists shortcuts at chrome://extensions/shortcuts; Firefox in its add-ons manager. */
export function openShortcutSettings(): void {
  const firefox = browser.runtime.getURL('').startsWith('moz-extension:');
  void browser.tabs.create({ url: firefox ? 'about:addons' : 'chrome://extensions/shortcuts' });
}
