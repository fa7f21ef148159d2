import type Browser from 'webextension-polyfill';
import { askEarly } from './early-asks';

// The module a note page runs before its other code has loaded (vite.config.ts, RUN_FIRST); page-setup.ts takes
// the answers. Firefox names the extension APIs `browser`; Chrome's `chrome` returns promises in MV3.
const { browser, chrome } = globalThis as unknown as { browser?: Browser.Browser; chrome: Browser.Browser };

const api = browser ?? chrome;
export const earlyAsks = askEarly(location.search, api.tabs, api.storage.local);

// The first use of localStorage loads it from disk, 1–18 ms (once 73) where the page then waited for it: begun here, it
// overlaps the loading of the rest of the page's code.
void localStorage.length;
