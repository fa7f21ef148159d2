import { expect, test } from 'vitest';
import { firefoxSessionForThisFile } from './firefox-session';

const session = firefoxSessionForThisFile();

test('Talklog cannot be let into private windows, where its pages cannot open its library', async () => {
  // What about:addons does when "Run in Private Windows" is set to Allow (the add-on reloads, its tabs close).
  const allowed = await session.inBrowserWindow<boolean>(`(async () => {
    const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
    const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
    const addon = await AddonManager.getAddonByID('talklog@example.org');
    const extension = WebExtensionPolicy.getByID(addon.id).extension;
    await ExtensionPermissions.add(addon.id, { permissions: ['internal:privateBrowsingAllowed'], origins: [] }, extension);
    await addon.reload();
    return WebExtensionPolicy.getByID(addon.id).privateBrowsingAllowed;
  })()`);
  expect(allowed).toBe(false);

  const buttons = await session.inBrowserWindow<{ private: boolean; talklog: boolean }[]>(`(async () => {
    const privateWindow = OpenBrowserWindow({ private: true });
    await new Promise((opened) => privateWindow.addEventListener('load', opened, { once: true }));
    await privateWindow.delayedStartupPromise;
    return [window, privateWindow].map((shown) => ({
      private: PrivateBrowsingUtils.isWindowPrivate(shown),
      talklog: shown.document.querySelector('[data-extensionid="talklog@example.org"]') !== null,
    }));
  })()`);
  expect(buttons).toEqual([
    { private: false, talklog: true },
    { private: true, talklog: false },
  ]);
});
