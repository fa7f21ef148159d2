// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import type { EarlyAsks } from '../../src/popup/early-asks';
import { startNotePage } from '../../src/popup/page-setup';

// The browser's storage as the polyfill hands it: where the page reads the settings when its first script could not.
const storage = vi.hoisted(() => ({ settings: { rewindSec: 7, defaultEvent: '', theme: 'light' }, gets: [] as unknown[] }));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: async (key: string) => {
          storage.gets.push(key);
          return { [key]: storage.settings };
        },
      },
      onChanged: { addListener: () => {}, removeListener: () => {} },
    },
  },
}));

afterEach(() => {
  storage.gets = [];
  delete document.documentElement.dataset.theme;
});

/** What the first script asked, the tab and database answered as none; the settings as given. */
function asked(storedSettings: Promise<unknown>): EarlyAsks {
  const talkHere = Promise.reject(new Error('no tab'));
  talkHere.catch(() => undefined);
  return { tabId: Promise.resolve(null), talkHere, db: Promise.resolve(null), saved: Promise.resolve(null), storedSettings };
}

test('a note page takes the settings its first script asked for, themed by them, and asks no more', async () => {
  const [setup] = await startNotePage(asked(Promise.resolve({ rewindSec: 5, defaultEvent: ' KubeCon ', theme: 'dark' })));
  expect(setup.settings).toEqual({ rewindSec: 5, defaultEvent: 'KubeCon', theme: 'dark' });
  expect(document.documentElement.dataset.theme).toBe('dark');
  expect(storage.gets).toEqual([]);
  setup.db.close();
});

test('when the first script’s ask failed, the page reads the settings again and is themed by them', async () => {
  const [setup] = await startNotePage(asked(Promise.reject(new Error('storage is gone'))));
  expect(setup.settings).toEqual({ rewindSec: 7, defaultEvent: '', theme: 'light' });
  expect(document.documentElement.dataset.theme).toBe('light');
  expect(storage.gets).toEqual(['settings']);
  setup.db.close();
});
