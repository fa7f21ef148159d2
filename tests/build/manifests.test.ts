import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import pkg from '../../package.json' with { type: 'json' };
import {
  CHROME_ONLY_KEYS,
  CHROME_ONLY_PERMISSIONS,
  FIREFOX_MIN_VERSION,
  GECKO_ID,
  assertExtensionVersion,
  chromeManifest,
  firefoxManifest,
  firefoxOnlyPages,
} from '../../scripts/manifests.mjs';
import { FIREFOX_MENU_ACCESS_KEYS } from './firefox-menu-access-keys';

const base = {
  manifest_version: 3,
  name: 'Talklog',
  short_name: 'Talklog',
  version: '0.0.0',
  minimum_chrome_version: '123',
  icons: { '16': 'icons/icon-16.png', '128': 'icons/icon-128.png' },
  action: { default_title: 'Talklog: clip this talk', default_popup: 'src/popup/index.html', default_icon: { '16': 'icons/icon-16.png' } },
  background: { service_worker: 'src/background/main.ts', type: 'module' },
  permissions: ['storage', 'activeTab', 'contextMenus', 'sidePanel'],
  host_permissions: ['https://www.youtube.com/*'],
  side_panel: { default_path: 'src/popup/side-panel.html?surface=side-panel' },
};

describe('the manifests the build gives crxjs', () => {
  it('keeps manifest.json at the version in package.json, which both builds use', () => {
    expect(manifest.version).toBe(pkg.version);
    expect(chromeManifest(manifest, pkg).version).toBe(pkg.version);
    expect(firefoxManifest(manifest, pkg).version).toBe(pkg.version);
  });

  it('gives Chrome manifest.json unchanged but for the version', () => {
    const chrome = chromeManifest(base, { version: '1.2.3' });
    expect(chrome).toEqual({ ...base, version: '1.2.3' });
    expect(base.version).toBe('0.0.0');
  });

  it('refuses a version that is not an extension version', () => {
    for (const bad of ['1.2.0-beta.1', '01.2', '1.2.3.4.5', '70000', '', 'v1']) {
      expect(() => assertExtensionVersion(bad), bad).toThrow(/not a valid extension version/);
    }
    for (const good of ['0', '0.1.0', '1.2.3.4', '65535.0']) expect(assertExtensionVersion(good)).toBe(good);
  });

  it('derives the Firefox manifest: background scripts, gecko settings, sidebar, no Chrome-only parts', () => {
    const firefox = firefoxManifest(base, { version: '1.2.3' });
    expect(firefox.background).toEqual({ scripts: ['src/background/main.ts'], type: 'module' });
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
    });
    expect(firefox.sidebar_action).toEqual({
      default_panel: 'src/popup/side-panel.html?surface=side-panel',
      default_title: 'Talklog',
      default_icon: { '16': 'icons/icon-16.png' },
      open_at_install: false,
    });
    expect(firefox.permissions).toEqual(['storage', 'activeTab', 'contextMenus']);
    expect(firefox).not.toHaveProperty('side_panel');
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.version).toBe('1.2.3');
    expect(firefox.host_permissions).toEqual(base.host_permissions);
    // In the toolbar itself: Firefox puts a new extension's button in the Extensions panel.
    expect(firefox.action).toEqual({ ...base.action, default_area: 'navbar' });
    expect(base.background).toHaveProperty('service_worker');
  });

  it('keeps the Firefox build out of private windows, where extension pages get no writable IndexedDB', () => {
    expect(firefoxManifest(manifest, pkg).incognito).toBe('not_allowed');
    expect(chromeManifest(manifest, pkg)).not.toHaveProperty('incognito');
  });

  it('names the side panel shortcut after Firefox’s sidebar, gives it Firefox’s key, and leaves the other commands alone', () => {
    const commands = {
      'clip-talk': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandClipTalk__' },
      'open-side-panel': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_commandOpenSidePanel__' },
    };
    const firefox = firefoxManifest({ ...base, commands }, { version: '1.2.3' });
    expect(firefox.commands).toEqual({
      ...commands,
      'open-side-panel': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_commandOpenSidebar__' },
    });
    expect(chromeManifest({ ...base, commands }, { version: '1.2.3' }).commands).toEqual(commands);
  });

  it('suggests Firefox shortcuts that open no Firefox menu in English or German, capture slide’s in no language, and keeps Chrome’s keys', () => {
    const firefox = firefoxManifest(manifest, pkg).commands as Record<string, { suggested_key: { default: string } }>;
    const languagesWhoseMenuTakes = (key: string) =>
      Object.keys(FIREFOX_MENU_ACCESS_KEYS).filter((language) => FIREFOX_MENU_ACCESS_KEYS[language].includes(key.replace(/^Alt\+Shift\+/, '')));
    const taken = Object.fromEntries(Object.entries(firefox).map(([name, command]) => [name, languagesWhoseMenuTakes(command.suggested_key.default)]));
    expect(taken['capture-slide']).toEqual([]);
    // Only Q is free in every language: in these the key opens a menu, and users set another.
    expect(taken['clip-talk']).toEqual(['ach', 'af', 'az', 'ff', 'fi', 'hu', 'is', 'sq', 'uz']); // Chrome's
    expect(taken['open-side-panel']).toEqual(['et', 'fur', 'ms', 'xh']); // not Chrome's L, Bookmarks in German and Dutch
    expect(chromeManifest(manifest, pkg).commands).toEqual(manifest.commands);
  });

  it('adds no sidebar without a side panel, and keeps an explicit gecko setting', () => {
    const { side_panel: _, ...noPanel } = base;
    const firefox = firefoxManifest(
      { ...noPanel, permissions: ['sidePanel'], browser_specific_settings: { gecko: { strict_min_version: '145.0' } } },
      { version: '1.0' },
    );
    expect(firefox).not.toHaveProperty('sidebar_action');
    expect(firefox).not.toHaveProperty('permissions');
    expect(firefox.browser_specific_settings.gecko).toMatchObject({ id: GECKO_ID, strict_min_version: '145.0' });
  });

  it("keeps none of Chrome's own keys or permissions in the real Firefox manifest", () => {
    const firefox = firefoxManifest(manifest, pkg);
    for (const key of CHROME_ONLY_KEYS) expect(firefox, key).not.toHaveProperty(key);
    for (const permission of CHROME_ONLY_PERMISSIONS) expect(firefox.permissions ?? []).not.toContain(permission);
    expect(firefox.background).not.toHaveProperty('service_worker');
    const sidePanel = (manifest as { side_panel?: { default_path: string } }).side_panel;
    expect(firefox.sidebar_action?.default_panel).toBe(sidePanel?.default_path);
  });

  it('asks the build for the sidebar page only when crxjs does not build it already', () => {
    expect(firefoxOnlyPages(firefoxManifest(base, { version: '1' }))).toEqual(['src/popup/side-panel.html']);
    const samePage = { ...base, side_panel: { default_path: 'src/popup/index.html?surface=side-panel' } };
    expect(firefoxOnlyPages(firefoxManifest(samePage, { version: '1' }))).toEqual([]);
    expect(firefoxOnlyPages(chromeManifest(base, { version: '1' }))).toEqual([]);
  });
});
