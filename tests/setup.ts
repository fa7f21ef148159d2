// Every unit test runs Dexie on fake-indexeddb, installed before Dexie is first imported, and
// reads UI strings through a stand-in of the browser's i18n API over our real messages file.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { getMessage } from './i18n-stand-in';

// waitFor gives up after 1 s by default: too short for a live query on a busy 2-core machine. Only files with a
// DOM (happy-dom) render; the others are spared loading Testing Library.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/preact');
  configure({ asyncUtilTimeout: 5000 });
}

Object.assign(globalThis, { chrome: { i18n: { getMessage } } });

// `app-ready` is set once per page (src/ui/app-ready.ts); each test is a page of its own.
beforeEach(() => performance.clearMarks('app-ready'));
