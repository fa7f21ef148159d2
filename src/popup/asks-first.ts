import type Browser from 'webextension-polyfill';
import { askEarly } from './early-asks';

// The module a note page runs before its other code has loaded (vite.config.ts, RUN_FIRST); page-setup.ts takes
// the answers. Firefox names the extension APIs `browser`; Chrome's `chrome` returns promises in MV3.
const { browser, chrome } = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };

const api = browser ?? chrome;
export const earlyAsks = askEarly(location.search, api.tabs, api.storage.local);
