// Every unit test runs Dexie on fake-indexeddb, installed before Dexie is first imported, and
// reads UI strings through a stand-in of the browser's i18n API over our real messages file.
import 'fake-indexeddb/auto';
import { getMessage } from './i18n-stand-in';

Object.assign(globalThis, { chrome: { i18n: { getMessage } } });
