import { expect, test } from 'vitest';
import { sessionForThisFile } from './extension';

const session = sessionForThisFile();

/** Who opened a database, read it or asked a tab in an extension page, as the chunk named first in each call's stack. */
function recordAsks() {
  if (location.protocol !== 'chrome-extension:') return;
  const asks: string[] = [];
  Object.assign(globalThis, { talklogAsks: asks });
  const caller = () =>
    (new Error().stack ?? '')
      .split('\n')
      .map((line) => /\/assets\/([\w.-]+?)-[\w-]{8}\.js/.exec(line)?.[1])
      .find((chunk) => chunk !== undefined) ?? 'no chunk';
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    asks.push(`indexedDB.open from ${caller()}`);
    return open.apply(this, args);
  };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    asks.push(`transaction on ${[args[0]].flat().join(', ')} from ${caller()}`);
    return transaction.apply(this, args);
  };
  // Where localStorage, which loads on first use, is first used.
  let storageUsed = false;
  const firstUse = (storage: Storage) => {
    if (storage !== localStorage || storageUsed) return;
    storageUsed = true;
    asks.push(`localStorage first used from ${caller()}`);
  };
  const length = Object.getOwnPropertyDescriptor(Storage.prototype, 'length')!.get!;
  Object.defineProperty(Storage.prototype, 'length', {
    get(this: Storage) {
      firstUse(this);
      return length.call(this);
    },
  });
  for (const name of ['getItem', 'setItem', 'removeItem', 'key'] as const) {
    const call = Storage.prototype[name] as (...args: unknown[]) => unknown;
    Object.assign(Storage.prototype, {
      [name](this: Storage, ...args: unknown[]) {
        firstUse(this);
        return call.apply(this, args);
      },
    });
  }
  // Chrome's own API objects: the polyfill calls through them too.
  type Api = Record<string, (...args: unknown[]) => unknown>;
  const { tabs, storage } = (globalThis as unknown as { chrome: { tabs: Api; storage: { local: Api } } }).chrome;
  const get = storage.local.get;
  storage.local.get = (...args: unknown[]) => {
    asks.push(`storage.local.get ${[args[0]].flat().join(', ')} from ${caller()}`);
    return get.apply(storage.local, args);
  };
  for (const name of ['query', 'sendMessage'] as const) {
    const call = tabs[name];
    Object.assign(tabs, {
      [name]: (...args: unknown[]) => {
        const message = args[1] as { type?: string } | undefined;
        asks.push(`tabs.${name}${name === 'sendMessage' ? ` ${message?.type}` : ''} from ${caller()}`);
        return call.apply(tabs, args);
      },
    });
  }
}

/** Keeps the settings as the library saves them (null: none kept). */
function storeSettings(settings: object | null) {
  return session.serviceWorker.evaluate((value) => {
    type StorageArea = { set(items: object): Promise<void>; remove(key: string): Promise<void> };
    const { local } = (globalThis as unknown as { chrome: { storage: { local: StorageArea } } }).chrome.storage;
    return value ? local.set({ settings: value }) : local.remove('settings');
  }, settings);
}

test('the popup and the side panel ask the tab, open the database and read the talk and the settings and load localStorage from their first script, once, while the rest loads', async () => {
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1');
  // The library set the dark theme, the browser's own being light.
  await storeSettings({ rewindSec: 0, defaultEvent: '', theme: 'dark' });
  await session.context.addInitScript(recordAsks);
  for (const open of [session.openPopupFor, session.openSidePanelFor]) {
    const page = await open(watch);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Evolving Prometheus');
    // The first script imports no other (vite.config.ts, RUN_FIRST): it runs before Dexie, Preact and the polyfill have loaded.
    // The first questions; later ones (the conference panel's) come from the rest of the code.
    const asks = await page.evaluate(() => (globalThis as unknown as { talklogAsks: string[] }).talklogAsks);
    expect(asks.slice(0, 2)).toEqual(['indexedDB.open from asks-first', 'tabs.sendMessage talklog/what-talk-is-here from asks-first']);
    // The talk the tab answered with and its notes, read on that connection before any read of them through Dexie.
    const readEarly = asks.indexOf('transaction on talks, talkNotes from asks-first');
    const throughDexie = asks.findIndex((ask) => /^transaction on (talks|talkNotes) from /.test(ask));
    expect(readEarly).toBeGreaterThan(-1);
    expect(throughDexie === -1 || throughDexie > readEarly, asks.join('\n')).toBe(true);
    // Dexie took that connection: the database was opened once.
    expect(asks.filter((ask) => ask.startsWith('indexedDB.open'))).toHaveLength(1);
    // The settings, asked once, from the first script, and the page dressed by them.
    expect(asks.filter((ask) => ask.startsWith('storage.local.get settings'))).toEqual(['storage.local.get settings from asks-first']);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // localStorage loaded from the first script too, while the rest loads.
    expect(asks).toContain('localStorage first used from asks-first');
    await page.close();
  }
  await storeSettings(null);
});
