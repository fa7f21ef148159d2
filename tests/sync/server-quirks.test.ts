import { expect, test } from 'vitest';
import { addNote, notesForTalk } from '../../src/db/notes';
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

test('a server listing ETags without quotes, as Seafile does, has a sync with nothing to do read no file, and a change written at once', async () => {
  const { proxy, dav } = await throughProxy('unquoted-etags', { unquotedGetetag: true });
  try {
    await prepareFolder(dav);
    const db = freshDb();
    const sync = async () => syncWithServer(db, dav, { device: await syncDeviceId(db), thumbnail: sameImage });
    await clipTalk(db, capturedTalk());
    await addNote(db, 't_Pr0meTheus1', 'first note', 1);
    await sync();
    const listing = (await dav.list('talks/'))!;
    expect(listing.get('Pr0meTheus1.json')).not.toMatch(/"/);

    proxy.requests.length = 0;
    await sync();
    expect(proxy.requests).toEqual(['PROPFIND /unquoted-etags/talks/ 207']);

    await addNote(db, 't_Pr0meTheus1', 'second note', 2);
    proxy.requests.length = 0;
    await sync();
    expect(proxy.requests.filter((request) => request.startsWith('PUT /unquoted-etags/talks/'))).toEqual(['PUT /unquoted-etags/talks/Pr0meTheus1.json 204']);
    const other = freshDb();
    await syncWithServer(other, direct('unquoted-etags'), { device: await syncDeviceId(other), thumbnail: sameImage });
    expect((await notesForTalk(other, 't_Pr0meTheus1')).map((note) => note.body).sort()).toEqual(['first note', 'second note']);
  } finally {
    await proxy.close();
  }
});

test('a server that redirects is refused at Connect, saying so and where to, not that it could not be reached', async () => {
  const { proxy, dav } = await throughProxy('moved', { redirectTo: 'https://cloud.example.org' });
  try {
    const refused = await refusal(prepareFolder(dav));
    expect(refused.problem).toBe('redirected');
    expect(refused.message).toBe('PROPFIND /moved/: 301 to https://cloud.example.org/moved/');
  } finally {
    await proxy.close();
  }
});
