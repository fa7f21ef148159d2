import { expect, test } from 'vitest';
import { addNote } from '../../src/db/notes';
import { syncDeviceId } from '../../src/db/sync-store';
import { clipTalk } from '../../src/db/talks';
import { syncWithServer } from '../../src/sync/sync-run';
import { createDavClient, DavError, prepareFolder } from '../../src/sync/webdav';
import { capturedTalk, freshDb } from '../db/test-db';
import { sameImage } from './node-thumbnail';
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

test('a server answering for another path, behind a proxy that adds a prefix, is refused at Connect, saying so', async () => {
  const { proxy, dav } = await throughProxy('prefixed', { pathPrefix: '/dav' }, '/dav/prefixed/');
  try {
    const refused = await refusal(prepareFolder(dav));
    expect(refused.problem).toBe('other-path');
    expect(refused.message).toBe('PROPFIND /dav/prefixed/: answered for /prefixed/');
  } finally {
    await proxy.close();
  }
});

test('a sync through a proxy that adds a prefix fails, saying so, rather than writing every talk again as new', async () => {
  await prepareFolder(direct('prefixed-later'));
  const first = freshDb();
  await clipTalk(first, capturedTalk());
  await addNote(first, 't_Pr0meTheus1', 'first note', 1);
  await syncWithServer(first, direct('prefixed-later'), { device: await syncDeviceId(first), thumbnail: sameImage });

  const { proxy, dav } = await throughProxy('prefixed-later', { pathPrefix: '/dav' }, '/dav/prefixed-later/');
  try {
    const db = freshDb();
    const refused = await refusal(syncWithServer(db, dav, { device: await syncDeviceId(db), thumbnail: sameImage }));
    expect(refused.problem).toBe('other-path');
    expect(refused.message).toBe('PROPFIND /dav/prefixed-later/talks/: answered for /prefixed-later/talks/');
    expect(proxy.requests.filter((request) => !request.startsWith('PROPFIND'))).toEqual([]);
  } finally {
    await proxy.close();
  }
});
