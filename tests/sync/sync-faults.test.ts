import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { TalklogDb } from '../../src/db/database';
import { addNote, notesForTalk, updateNoteBody } from '../../src/db/notes';
import { syncDeviceId } from '../../src/db/sync-store';
import { allTalksAndNotes } from '../../src/db/library';
import { clipTalk } from '../../src/db/talks';
import { canonicalVideoUrl } from '../../src/talk/video-id';
import { syncWithServer } from '../../src/sync/sync-run';
import { createDavClient, DavError, prepareFolder } from '../../src/sync/webdav';
import { deleteNote } from '../../src/db/deletion';
import { capturedTalk, freshDb } from '../db/test-db';
import { startFaultProxy, type Fault } from './fault-proxy';
import { sameImage } from './node-thumbnail';
import { webdavServerForThisFile } from './webdav-server';

const server = webdavServerForThisFile();
const FAULTS: Fault[] = ['500', '507', 'reset', 'delay', 'drop'];

test('after 500s, 507s, resets, delays and lost answers, syncs converge with no note lost or doubled', { timeout: 120_000 }, async () => {
  // A fixed seed: the same faults on every run, each kind many times.
  const random = fc.sample(fc.integer({ min: 0, max: 99 }), { numRuns: 10_000, seed: 11 });
  let next = 0;
  let faulty = true;
  const proxy = await startFaultProxy(server.current.origin, () => {
    const roll = random[next++ % random.length];
    return faulty && roll < 40 ? FAULTS[roll % FAULTS.length] : 'none';
  });
  try {
    const devices = await Promise.all(
      ['a', 'b'].map(async () => {
        const db = freshDb();
        const dav = createDavClient({ folderUrl: `${proxy.origin}/faults/`, user: server.current.user, password: server.current.password });
        const device = await syncDeviceId(db);
        return { db, dav, sync: () => syncWithServer(db, dav, { device, thumbnail: sameImage }) };
      }),
    );
    faulty = false;
    await prepareFolder(devices[0].dav);
    faulty = true;

    const kept = new Set<string>();
    let written = 0;
    const failures = new Set<string>();
    for (let round = 0; round < 8; round++) {
      for (const [i, { db, sync }] of devices.entries()) {
        const videoId = `faultTalk0${round % 3}`;
        await clipTalk(db, capturedTalk({ videoId, url: canonicalVideoUrl(videoId), title: `Talk ${videoId}` }));
        const body = `note ${++written}`;
        const note = await addNote(db, `t_${videoId}`, body, round);
        kept.add(body);
        if (round % 3 === 1) {
          const edited = `note ${++written}`;
          await updateNoteBody(db, note, edited);
          kept.delete(body);
          kept.add(edited);
        }
        if (round % 4 === 3 && i === 0) {
          const [first] = await notesForTalk(db, `t_${videoId}`);
          await deleteNote(db, first);
          kept.delete(first.body);
        }
        try {
          await sync();
        } catch (error) {
          if (!(error instanceof DavError)) throw error;
          failures.add(error.problem);
        }
      }
    }
    // Every kind of failure was met along the way.
    expect([...failures].sort()).toEqual(['server-error', 'storage-full', 'unreachable']);

    faulty = false;
    for (let pass = 0; pass < 2; pass++) for (const { sync } of devices) expect((await sync()).unreadable).toEqual([]);
    const libraries = await Promise.all(devices.map(({ db }) => library(db)));
    expect(libraries[1]).toEqual(libraries[0]);
    const bodies = libraries[0].notes.map((note) => note.body);
    expect(new Set(bodies).size).toBe(bodies.length);
    expect(bodies).toEqual(expect.arrayContaining([...kept]));
  } finally {
    await proxy.close();
  }
});

async function library(db: TalklogDb) {
  const { talks, notes } = await allTalksAndNotes(db);
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return { talks: talks.sort(byId), notes: notes.sort(byId) };
}

test('a server that ignores conditional writes is refused at Connect, saying why, and keeps no file of the check', async () => {
  const proxy = await startFaultProxy(server.current.origin, (method) => (method === 'PUT' ? 'unconditional' : 'none'));
  const account = (origin: string) => ({ folderUrl: `${origin}/unconditional/`, user: server.current.user, password: server.current.password });
  try {
    const refused: unknown = await prepareFolder(createDavClient(account(proxy.origin))).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DavError);
    expect((refused as DavError).problem).toBe('no-conditional-writes');
    const direct = createDavClient(account(server.current.origin));
    expect([...(await direct.list(''))!.keys()]).toEqual(['talks/']);
    // The same folder, served by one that keeps the conditions: Connect prepares it.
    await prepareFolder(direct);
    expect([...(await direct.list(''))!.keys()]).toEqual(['talks/']);
  } finally {
    await proxy.close();
  }
});

/** A client of `folder` whose GET answers have their ETag rewritten by `rewrite` (null: dropped), as a proxy before Apache may. */
function etagRewriting(folder: string, rewrite: (etag: string, path: string) => string | null) {
  const rewriting: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const etag = response.headers.get('ETag');
    if ((init?.method ?? 'GET') !== 'GET' || etag === null) return response;
    const headers = new Headers(response.headers);
    const rewritten = rewrite(etag, new URL(input instanceof Request ? input.url : input).pathname);
    if (rewritten === null) headers.delete('ETag');
    else headers.set('ETag', rewritten);
    return new Response(await response.arrayBuffer(), { status: response.status, headers });
  };
  return createDavClient({ folderUrl: `${server.current.origin}/${folder}/`, user: server.current.user, password: server.current.password }, rewriting);
}

const gzipped = (etag: string) => etag.replace(/"$/, '-gzip"');
/** Apache with `AddOutputFilterByType DEFLATE application/json text/markdown`: only the answers of such files are compressed. */
const gzippedByType = (etag: string, path: string) => (/\.(json|md)$/.test(path) ? gzipped(etag) : etag);

test.each([
  ['drops ETags', 'etag-dropped', () => null],
  ['changes ETags as mod_deflate does', 'etag-gzip', gzipped],
  ['changes the ETags of JSON and markdown files only, as mod_deflate by type does', 'etag-gzip-by-type', gzippedByType],
])('a server that %s is refused at Connect, saying why, and keeps no file of the check', async (_, folder, rewrite) => {
  const refused: unknown = await prepareFolder(etagRewriting(folder, rewrite)).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(DavError);
  expect((refused as DavError).problem).toBe('unusable-etags');
  expect([...(await etagRewriting(folder, (etag) => etag).list(''))!.keys()]).toEqual(['talks/']);
});

test('a sync whose reads come without an ETag says so, naming the file, rather than that it kept changing', async () => {
  const direct = etagRewriting('etag-lost-later', (etag) => etag);
  await prepareFolder(direct);
  const device = async (dav: ReturnType<typeof etagRewriting>) => {
    const db = freshDb();
    const id = await syncDeviceId(db);
    await clipTalk(db, capturedTalk());
    return { db, sync: () => syncWithServer(db, dav, { device: id, thumbnail: sameImage }) };
  };
  const a = await device(direct);
  await addNote(a.db, 't_Pr0meTheus1', 'from A', 1);
  await a.sync();
  // A proxy put in front of the server later.
  const b = await device(etagRewriting('etag-lost-later', () => null));
  await addNote(b.db, 't_Pr0meTheus1', 'from B', 2);
  const failed: unknown = await b.sync().catch((error: unknown) => error);
  expect(failed).toBeInstanceOf(DavError);
  expect(failed).toMatchObject({ problem: 'unusable-etags', message: 'GET talks/Pr0meTheus1.json: no ETag' });
});

test('a sync through a server refusing the ETags it gives says so, naming the file, rather than that it kept changing', async () => {
  // Connected before Connect checked a file like those sync writes: mod_deflate by type left its check file alone.
  await prepareFolder(etagRewriting('etag-gzip-later', (etag) => etag));
  const db = freshDb();
  const dav = etagRewriting('etag-gzip-later', gzippedByType);
  const sync = async () => syncWithServer(db, dav, { device: await syncDeviceId(db), thumbnail: sameImage });
  await clipTalk(db, capturedTalk());
  await addNote(db, 't_Pr0meTheus1', 'first', 1);
  await sync();
  await addNote(db, 't_Pr0meTheus1', 'second', 2);
  const failed: unknown = await sync().catch((error: unknown) => error);
  expect(failed).toBeInstanceOf(DavError);
  expect(failed).toMatchObject({
    problem: 'unusable-etags',
    message: expect.stringMatching(/^PUT talks\/Pr0meTheus1\.json with If-Match of the ETag its GET gave, .*-gzip": 412$/),
  });
});

test('a markdown mirror the server refuses its own ETags for is reported unwritten, saying why, rather than that it kept changing', async () => {
  await prepareFolder(etagRewriting('etag-gzip-markdown', (etag) => etag));
  const db = freshDb();
  const dav = etagRewriting('etag-gzip-markdown', (etag, path) => (path.endsWith('.md') ? gzipped(etag) : etag));
  const sync = async () => syncWithServer(db, dav, { device: await syncDeviceId(db), thumbnail: sameImage });
  await clipTalk(db, capturedTalk());
  await addNote(db, 't_Pr0meTheus1', 'first', 1);
  await sync();
  await addNote(db, 't_Pr0meTheus1', 'second', 2);
  const { unwritten } = await sync();
  expect(unwritten.length).toBeGreaterThan(0);
  for (const message of unwritten) expect(message).toMatch(/^PUT .+\.md with If-Match of the ETag its GET gave, .*-gzip": 412$/);
});
