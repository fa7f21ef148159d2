import { expect, test } from 'vitest';
import { updateTalkDetails } from '../../src/db/library';
import { addNote, updateNoteBody } from '../../src/db/notes';
import { addSlide } from '../../src/db/slides';
import { readTalkForSync, recordChangesFromNowOn, saveSyncedTalk, stopSync, syncDeviceId, syncSnapshot } from '../../src/db/sync-store';
import { queuePlaylist } from '../../src/db/queue';
import { clipTalk } from '../../src/db/talks';
import { mergeTalk } from '../../src/sync/merge';
import { deleteNote, deleteTalks, restoreDeleted } from '../../src/db/deletion';
import { capturedTalk, freshDb, syncingDb } from './test-db';

const TALK = 't_Pr0meTheus1';

test('every change to a talk or its notes is recorded for the next sync, deletions with their time', async () => {
  const db = await syncingDb();
  await clipTalk(db, capturedTalk());
  const first = (await syncSnapshot(db)).changes.get(TALK);
  expect(first).toBeDefined();
  const note = await addNote(db, TALK, 'new scrape limits', 252);
  await updateNoteBody(db, note, 'new scrape limits: sample_limit');
  await updateTalkDetails(db, TALK, { event: 'KubeCon NA 2021' });
  const snapshot = await syncSnapshot(db);
  expect(snapshot.changes.get(TALK)).not.toBe(first);
  expect(snapshot.talkIds).toEqual([TALK]);

  await deleteNote(db, note);
  expect((await readTalkForSync(db, TALK)).deletions).toEqual([{ id: note.id, talkId: TALK, deletedAt: expect.any(String) }]);
  const deleted = await deleteTalks(db, [TALK]);
  expect((await readTalkForSync(db, TALK)).deletions.map((deletion) => deletion.id)).toEqual([note.id, TALK].sort());
  // Undo takes the talk's deletion back.
  await restoreDeleted(db, deleted);
  expect((await readTalkForSync(db, TALK)).deletions.map((deletion) => deletion.id)).toEqual([note.id]);
});

test('saving a merge writes the talk without recording it as a change, unless the talk changed meanwhile', async () => {
  const db = await syncingDb();
  await clipTalk(db, capturedTalk());
  await addNote(db, TALK, 'first', 1);
  const state = await readTalkForSync(db, TALK);
  const { file } = mergeTalk(state, null, await syncDeviceId(db), new Date());

  await addNote(db, TALK, 'typed while syncing', 2);
  expect(await saveSyncedTalk(db, TALK, { file, etag: '"1"', markdownPath: null }, state.token)).toBe(false);
  expect((await syncSnapshot(db)).etags.size).toBe(0);

  const again = await readTalkForSync(db, TALK);
  const merged = mergeTalk(again, null, await syncDeviceId(db), new Date()).file;
  expect(await saveSyncedTalk(db, TALK, { file: merged, etag: '"2"', markdownPath: null }, again.token)).toBe(true);
  const snapshot = await syncSnapshot(db);
  expect([snapshot.changes.size, snapshot.etags.get(TALK)]).toEqual([0, '"2"']);
  expect((await readTalkForSync(db, TALK)).notes.map((note) => note.body).sort()).toEqual(['first', 'typed while syncing']);
});

test('changes are recorded from a sync’s start until Disconnect; deletions always', async () => {
  const db = freshDb();
  await clipTalk(db, capturedTalk());
  const note = await addNote(db, TALK, 'before any sync', 1);
  // No sync connected: nothing to record, its first sync visits every talk it has no file of.
  expect((await syncSnapshot(db)).changes.size).toBe(0);
  await deleteNote(db, note);
  expect((await readTalkForSync(db, TALK)).deletions.map((deletion) => deletion.id)).toEqual([note.id]);

  await recordChangesFromNowOn(db);
  await addNote(db, TALK, 'while connected', 2);
  expect([...(await syncSnapshot(db)).changes.keys()]).toEqual([TALK]);

  // Disconnect: no recording until the next connection's first sync.
  await db.syncChanges.clear();
  await stopSync(db, 'https://cloud.example.org/Talklog/');
  await addNote(db, TALK, 'after disconnecting', 3);
  expect((await syncSnapshot(db)).changes.size).toBe(0);
});

test('a device id is made once', async () => {
  const db = freshDb();
  const id = await syncDeviceId(db);
  expect(id).toMatch(/^d_/);
  expect(await syncDeviceId(db)).toBe(id);
});

test('a slide that arrives under an id another talk holds leaves that talk’s slide as it was', async () => {
  const db = await syncingDb();
  await clipTalk(db, capturedTalk());
  const other = 't_0therTalk11';
  await clipTalk(db, capturedTalk({ videoId: '0therTalk11', title: 'Another talk' }));
  const note = await addNote(db, other, 'the other talk’s slide', 10);
  const image = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/webp' });
  const held = await addSlide(db, note.id, { talkId: other, atSec: 10, width: 1280, height: 720, type: 'image/webp', image, thumbnail: image });

  // A damaged or hostile sync folder lists that id in this talk's file.
  const state = await readTalkForSync(db, TALK);
  const { file } = mergeTalk(state, null, await syncDeviceId(db), new Date());
  const stolen = { ...held, owner: 'n_thisTalkNote', talkId: TALK, image: new Blob([new Uint8Array([9])], { type: 'image/webp' }) };
  expect(await saveSyncedTalk(db, TALK, { file, etag: '"1"', markdownPath: null }, state.token, [stolen])).toBe(true);

  const kept = await db.slides.get(held.id);
  expect([kept?.talkId, kept?.owner, kept?.image.size]).toEqual([other, note.id, 3]);
});

/** A playlist of the talk alone, as queueing reads it. */
const CONFERENCE = {
  id: 'PLkc21NAconfPlaylist01',
  title: 'KubeCon NA 2021',
  size: 1,
  rows: [{ videoId: 'Pr0meTheus1', position: 1, title: 'Evolving Prometheus', channel: 'CNCF', durationSec: 1800, unavailable: null }],
  complete: true,
};

test('a queued talk deleted on another browser is remembered here as deleted: queueing its playlist leaves it out', async () => {
  const db = await syncingDb();
  await queuePlaylist(db, CONFERENCE, 'KubeCon NA 2021');
  const state = await readTalkForSync(db, TALK);
  expect(await saveSyncedTalk(db, TALK, { file: null, etag: null, markdownPath: null }, state.token)).toBe(true);
  expect(await db.talks.count()).toBe(0);
  expect(await queuePlaylist(db, CONFERENCE, 'KubeCon NA 2021')).toMatchObject({ queued: 0, deletedBefore: 1 });
});

test('a browser that joins after a queued talk was deleted learns it from the talk’s file: queueing leaves it out there too', async () => {
  const laptop = await syncingDb();
  await queuePlaylist(laptop, CONFERENCE, 'KubeCon NA 2021');
  const device = await syncDeviceId(laptop);
  const queued = await readTalkForSync(laptop, TALK);
  const synced = mergeTalk(queued, null, device, new Date()).file;
  expect(await saveSyncedTalk(laptop, TALK, { file: synced, etag: '"1"', markdownPath: null }, queued.token)).toBe(true);
  await deleteTalks(laptop, [TALK]);
  const { file } = mergeTalk(await readTalkForSync(laptop, TALK), synced, device, new Date());
  expect(file?.talkDeleted).toEqual(expect.objectContaining({ by: device }));

  const joined = await syncingDb();
  expect(await saveSyncedTalk(joined, TALK, { file, etag: '"1"', markdownPath: null }, null)).toBe(true);
  expect(await queuePlaylist(joined, CONFERENCE, 'KubeCon NA 2021')).toMatchObject({ queued: 0, deletedBefore: 1 });
});
