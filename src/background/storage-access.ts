import browser from 'webextension-polyfill';

/** `StorageArea.setAccessLevel`, which Chromium offers on every area and the polyfill's types do not name. */
interface AreaWithAccessLevel {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Keeps `storage.local` (the sync account with its password, the settings) from content scripts, which
 * run in the process of the page they are in and never read it: only the extension's pages and worker
 * may. Chromium; Firefox offers the level for `storage.session` alone (kept from content scripts already).
 */
export async function keepStorageFromContentScripts(): Promise<void> {
  const local = browser.storage.local as unknown as AreaWithAccessLevel;
  try {
    await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // A browser with the method for some areas only refuses it here: storage stays as it was.
  }
}
