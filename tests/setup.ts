// Every unit test runs Dexie on fake-indexeddb, installed before Dexie is first imported.
import 'fake-indexeddb/auto';
