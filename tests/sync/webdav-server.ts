import { afterAll, beforeAll } from 'vitest';
import { startWebdavServer } from '../../scripts/webdav-server.mjs';

export type WebdavServer = Awaited<ReturnType<typeof startWebdavServer>>;

/** A real Apache WebDAV server for the tests in this file, started on a free loopback port. */
export function webdavServerForThisFile(): { current: WebdavServer } {
  const server = {} as { current: WebdavServer };
  beforeAll(async () => {
    server.current = await startWebdavServer();
  });
  afterAll(() => server.current?.stop());
  return server;
}
