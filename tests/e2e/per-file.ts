import { afterAll, beforeAll } from 'vitest';

/**
 * A browser session a test file shares: started before its first test, closed after its last. The
 * object stands for it from the start, so tests can use it at the top level.
 */
export function sharedForThisFile<S extends { close: () => Promise<void> }>(start: () => Promise<S>): S {
  let current: S | undefined;
  beforeAll(async () => {
    current = await start();
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as S, {
    get(_, key) {
      if (!current) throw new Error('The browser session starts in beforeAll: use it inside a test.');
      return Reflect.get(current, key);
    },
  });
}
