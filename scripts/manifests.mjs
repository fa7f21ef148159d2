// The manifests the build gives crxjs: Chrome's is manifest.json with package.json's version; Firefox's
// is derived from it here. Pure functions (no file or network access), so tests/build checks them directly.

/** Firefox's add-on id. Changing it makes Firefox treat the add-on as a different one (new storage). */
export const GECKO_ID = 'talklog@example.org';

/**
 * 142 is the first desktop and Android release that knows `data_collection_permissions`; with an older
 * minimum, `web-ext lint` warns that the key is ignored there (ESR 140 desktop would need `140.0` plus a
 * separate `gecko_android.strict_min_version`).
 */
export const FIREFOX_MIN_VERSION = '142.0';

/** Manifest keys only Chrome reads; Firefox ignores them with a lint warning or rejects them. */
export const CHROME_ONLY_KEYS = ['minimum_chrome_version', 'side_panel', 'key', 'update_url', 'externally_connectable', 'offline_enabled'];

/** Permissions Firefox does not have; `web-ext lint` flags them and Firefox warns on install. */
export const CHROME_ONLY_PERMISSIONS = ['sidePanel', 'offscreen', 'favicon', 'readingList', 'system.cpu', 'system.display', 'system.memory', 'system.storage'];

/** Messages that name a Chrome-only part: Firefox's manifest uses its own wording (its side panel is the sidebar). */
/** @type {Record<string, string>} */
export const FIREFOX_MESSAGES = { __MSG_commandOpenSidePanel__: '__MSG_commandOpenSidebar__' };

/**
 * Commands whose Chrome key opens a Firefox menu: with Alt+Shift too, Firefox opens the menu of that access key and the
 * extension never hears the shortcut. Alt+Shift+S opens History in English (and a menu in 55 other languages); Q is the
 * one letter no menu takes in any language Firefox ESR ships (tests/build/firefox-menu-access-keys.ts). Alt+Shift+L
 * opens Bookmarks in German and Dutch (and a menu in 7 other languages); J opens one in 4 small ones only.
 */
/** @type {Record<string, string>} */
export const FIREFOX_SUGGESTED_KEYS = { 'capture-slide': 'Alt+Shift+Q', 'open-side-panel': 'Alt+Shift+J' };

/**
 * Chrome's and Firefox's `version`: 1 to 4 dot-separated integers, each 0–65535 without leading zeros.
 * A package.json version such as `1.2.0-beta.1` is not one, so the build stops instead of shipping it.
 * @param {string} version
 */
export function assertExtensionVersion(version) {
  const part = '(0|[1-9]\\d{0,4})';
  const ok = new RegExp(`^${part}(\\.${part}){0,3}$`).test(version) && version.split('.').every((n) => Number(n) <= 65535);
  if (!ok) {
    throw new Error(`package.json version "${version}" is not a valid extension version (1 to 4 dot-separated integers, e.g. 1.2.3)`);
  }
  return version;
}

/**
 * The Chrome manifest crxjs gets: manifest.json with the version taken from package.json.
 * @template {Record<string, any>} M
 * @param {M} manifest the source manifest.json
 * @param {{ version: string }} pkg package.json
 * @returns {M}
 */
export function chromeManifest(manifest, pkg) {
  return { ...structuredClone(manifest), version: assertExtensionVersion(pkg.version) };
}

/**
 * The Firefox MV3 manifest derived from the Chrome source manifest (source paths, before crxjs):
 * - `background.service_worker` → `background.scripts` (Firefox runs MV3 background as an event page);
 * - `browser_specific_settings.gecko`: id, `strict_min_version`, `data_collection_permissions` (none);
 * - the toolbar button in the toolbar itself (`action.default_area`), not the Extensions panel;
 * - `side_panel` → `sidebar_action` (same page; title = short name, icon = the toolbar icon), not opened
 *   at install, and command descriptions that say "side panel" say "sidebar" (FIREFOX_MESSAGES);
 * - a shortcut whose key opens one of Firefox's menus suggests another (FIREFOX_SUGGESTED_KEYS);
 * - not in private windows (`incognito: not_allowed`): there Firefox gives extension pages an IndexedDB that
 *   refuses every write (InvalidStateError), so the popup, sidebar and library could not open the library;
 * - Chrome-only keys and permissions removed.
 * @param {Record<string, any>} manifest the source manifest.json
 * @param {{ version: string }} pkg package.json
 * @returns {Record<string, any>}
 */
export function firefoxManifest(manifest, pkg) {
  const source = chromeManifest(manifest, pkg);
  /** @type {Record<string, any>} */
  const out = {};
  for (const [key, value] of Object.entries(source)) {
    if (!CHROME_ONLY_KEYS.includes(key)) out[key] = value;
  }

  if (source.background?.service_worker) {
    const { service_worker, ...rest } = source.background;
    out.background = { ...rest, scripts: [service_worker] };
  }

  // Firefox puts a new extension's button in the Extensions panel, out of sight; the Welcome says to press it.
  if (source.action) out.action = { ...source.action, default_area: 'navbar' };

  if (source.side_panel?.default_path) {
    out.sidebar_action = {
      default_panel: source.side_panel.default_path,
      default_title: source.short_name ?? source.name,
      ...((source.action?.default_icon ?? source.icons) && { default_icon: source.action?.default_icon ?? source.icons }),
      open_at_install: false,
    };
  }

  if (source.commands) {
    out.commands = Object.fromEntries(
      Object.entries(source.commands).map(([name, command]) => [
        name,
        {
          ...command,
          ...(command.description in FIREFOX_MESSAGES && { description: FIREFOX_MESSAGES[command.description] }),
          ...(name in FIREFOX_SUGGESTED_KEYS && { suggested_key: { ...command.suggested_key, default: FIREFOX_SUGGESTED_KEYS[name] } }),
        },
      ]),
    );
  }

  for (const key of ['permissions', 'optional_permissions']) {
    if (!Array.isArray(source[key])) continue;
    const kept = source[key].filter((/** @type {string} */ p) => !CHROME_ONLY_PERMISSIONS.includes(p));
    if (kept.length) out[key] = kept;
    else delete out[key];
  }

  out.incognito = 'not_allowed';

  const existing = source.browser_specific_settings ?? {};
  out.browser_specific_settings = {
    ...existing,
    gecko: {
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      data_collection_permissions: { required: ['none'] },
      ...existing.gecko,
    },
  };
  return out;
}

/**
 * HTML pages Firefox's manifest names that crxjs 3 does not build by itself: it builds
 * `side_panel.default_path` but does not know `sidebar_action.default_panel`. Paths without query or
 * hash; a page crxjs already builds for another key (the popup, say) is left out.
 * @param {Record<string, any>} manifest a manifest from firefoxManifest()
 * @returns {string[]}
 */
export function firefoxOnlyPages(manifest) {
  const page = (/** @type {unknown} */ path) => (typeof path === 'string' ? path.split(/[?#]/)[0] : undefined);
  const built = [
    manifest.action?.default_popup,
    manifest.options_page,
    manifest.options_ui?.page,
    manifest.devtools_page,
    ...Object.values(manifest.chrome_url_overrides ?? {}),
    ...(manifest.sandbox?.pages ?? []),
  ].map(page);
  const panel = page(manifest.sidebar_action?.default_panel);
  return panel && !built.includes(panel) ? [panel] : [];
}
