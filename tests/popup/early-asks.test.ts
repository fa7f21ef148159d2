import { expect, test, vi } from 'vitest';
import { askEarly, EARLY_SETTINGS_KEY } from '../../src/popup/early-asks';
import { SETTINGS_KEY } from '../../src/settings/settings-storage';

// The browser's tabs and storage stand in here; note-page-start.e2e.ts asks the real ones. The key's module, which
// reads and writes through the browser, is only asked for its key.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const noTab = { query: async () => [], sendMessage: () => Promise.reject(new Error('no tab')) };

test('the settings are asked under the key they are saved under', () => {
  expect(EARLY_SETTINGS_KEY).toBe(SETTINGS_KEY);
});

test('the settings as stored are asked at once, the one key only', async () => {
  const asked: unknown[] = [];
  const storage = {
    get: async (keys: unknown) => {
      asked.push(keys);
      return { [SETTINGS_KEY]: { theme: 'dark', rewindSec: 5 } };
    },
  };
  const early = askEarly('', noTab, storage);
  expect(asked).toEqual([SETTINGS_KEY]);
  expect(await early.storedSettings).toEqual({ theme: 'dark', rewindSec: 5 });
});

test('nothing stored is answered as nothing; a storage that fails rejects, for the page to read them again', async () => {
  expect(await askEarly('', noTab, { get: async () => ({}) }).storedSettings).toBeUndefined();
  const failing = askEarly('', noTab, { get: () => Promise.reject(new Error('storage is gone')) });
  await expect(failing.storedSettings).rejects.toThrow('storage is gone');
});
