import { expect, test } from 'vitest';
import { createDavClient, DavError, prepareFolder } from '../../src/sync/webdav';
import { startQuirkyProxy, type Quirks } from './quirky-server-proxy';
import { webdavServerForThisFile } from './webdav-server';

const server = webdavServerForThisFile();

/** A proxy answering as `quirks` say, and a client of `folder` through it (the folder's URL under `path`, when given). */
async function throughProxy(folder: string, quirks: Quirks, path = `/${folder}/`) {
  const proxy = await startQuirkyProxy(server.current.origin, quirks);
  const dav = createDavClient({ folderUrl: `${proxy.origin}${path}`, user: server.current.user, password: server.current.password });
  return { proxy, dav };
}

const direct = (folder: string) =>
  createDavClient({ folderUrl: `${server.current.origin}/${folder}/`, user: server.current.user, password: server.current.password });

async function refusal(connecting: Promise<unknown>): Promise<DavError> {
  const refused: unknown = await connecting.then(
    () => null,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(DavError);
  return refused as DavError;
}

test('a server that ignores If-None-Match, as reva does, is refused at Connect: the markdown mirror would overwrite edited files', async () => {
  const { proxy, dav } = await throughProxy('no-if-none-match', { ignoresIfNoneMatch: true });
  try {
    const refused = await refusal(prepareFolder(dav));
    expect(refused.problem).toBe('no-conditional-writes');
    expect(refused.message).toMatch(/If-None-Match/);
    expect([...(await direct('no-if-none-match').list(''))!.keys()]).toEqual(['talks/']);
  } finally {
    await proxy.close();
  }
});
