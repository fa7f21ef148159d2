import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { polyfillAsEsModule } from '../../scripts/polyfill-as-es-module.mjs';

// A page that imports the polyfill as ours do, bundled by Vite with the plugin, then run against a
// stand-in of the browser's globals: a native `browser` (Firefox, recent Chromium) or only `chrome`.
const ENTRY = 'virtual:page-importing-the-polyfill';
let dir = '';
let bundle = '';

beforeAll(async () => {
  const output = (await build({
    root: join(import.meta.dirname, '..', '..'),
    configFile: false,
    logLevel: 'silent',
    plugins: [
      polyfillAsEsModule(),
      {
        name: 'entry',
        enforce: 'pre',
        resolveId: (id) => (id === ENTRY ? id : null),
        load: (id) => (id === ENTRY ? "import browser from 'webextension-polyfill'; export default browser;" : null),
      },
    ],
    build: { write: false, minify: false, rolldownOptions: { input: ENTRY, preserveEntrySignatures: 'strict' } },
  })) as Rolldown.RolldownOutput;
  dir = mkdtempSync(join(tmpdir(), 'talklog-polyfill-test-'));
  bundle = join(dir, 'page.mjs');
  writeFileSync(bundle, output.output[0].code);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  Reflect.deleteProperty(globalThis, 'chrome');
  Reflect.deleteProperty(globalThis, 'browser');
});

/** Runs the bundle afresh (its own module instance) with these globals; returns what it imported. */
async function runPage(globals: { chrome: object; browser?: object }, run: string) {
  Object.assign(globalThis, { chrome: globals.chrome, browser: globals.browser });
  return ((await import(/* @vite-ignore */ `${pathToFileURL(bundle).href}?${run}`)) as { default: unknown }).default;
}

describe('webextension-polyfill as the build imports it', () => {
  it.each(['production', 'firefox'])('is an ES module in the extension build (mode %s)', async (mode) => {
    const { default: config } = await import('../../vite.config');
    const plugins = config({ mode, command: 'build' }).plugins?.flat() as { name: string }[];
    expect(plugins.map((plugin) => plugin.name)).toContain(polyfillAsEsModule().name);
  });

  it("is the browser's native object, none of whose properties are read as the page starts", async () => {
    const read: string[] = [];
    const native = { runtime: { id: 'talklog' }, tabs: {}, storage: {}, windows: {} };
    const watched = new Proxy(native, {
      ownKeys: (target) => (read.push('ownKeys'), Reflect.ownKeys(target)),
      getOwnPropertyDescriptor: (target, key) => (read.push(`descriptor of ${String(key)}`), Reflect.getOwnPropertyDescriptor(target, key)),
    });
    expect(await runPage({ chrome: { runtime: { id: 'talklog' } }, browser: watched }, 'native')).toBe(watched);
    expect(read).toEqual([]);
  });

  it('wraps chrome in promises where there is no native browser (Chrome 123)', async () => {
    const chrome = {
      runtime: {
        id: 'talklog',
        lastError: undefined,
        sendMessage: (message: unknown, answer: (reply: unknown) => void) => answer({ echo: message }),
      },
    };
    const browser = (await runPage({ chrome }, 'chrome-only')) as { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };
    expect(browser).not.toBe(chrome);
    await expect(browser.runtime.sendMessage('ping')).resolves.toEqual({ echo: 'ping' });
  });
});
