import { describe, expect, test } from 'vitest';
import { eventQueueOf, markWatched } from '../../src/db/event-queue';
import { deleteTalks, restoreDeleted } from '../../src/db/deletion';
import { queuePlaylist } from '../../src/db/queue';
import { updateTalkDetails } from '../../src/db/library';
import { clipTalk, getTalk } from '../../src/db/talks';
import type { TalkStatus } from '../../src/talk/model';
import type { PlaylistRow, PlaylistSeen } from '../../src/talk/playlist';
import { eventProgress } from '../../src/talk/queue';
import { capturedTalk, freshDb } from './test-db';

const NOW = new Date('2026-11-29T10:00:00.000Z');
const LATER = new Date('2026-11-30T10:00:00.000Z');

function videoRow(position: number, videoId: string, title = `Talk ${position} - Jane Doe, Acme`): PlaylistRow {
  return { videoId, position, title, channel: 'CNCF [Cloud Native Computing Foundation]', durationSec: 1800 + position, unavailable: null };
}

function playlist(rows: PlaylistRow[]): PlaylistSeen {
  return { id: 'PLkc21NAconfPlaylist01', title: 'KubeCon NA 2021', size: rows.length, rows, complete: true };
}

const FIRST = [
  videoRow(1, 'kc21talk001', 'Rust [unsafe] & *You*: `#` <tricks> - Tim Hockin & Rob Scott, Google'),
  { videoId: 'kc21gone001', position: 2, title: '[Deleted video]', channel: null, durationSec: null, unavailable: 'deleted' as const },
  videoRow(3, 'kc21talk002'),
  { videoId: 'kc21priv001', position: 4, title: '[Private video]', channel: null, durationSec: null, unavailable: 'private' as const },
  videoRow(5, 'kc21talk001'),
];

describe('queuePlaylist', () => {
  test('every video becomes a talk to watch for the event, title split as a clip does, with its place', async () => {
    const db = freshDb();
    expect(await queuePlaylist(db, playlist(FIRST), ' KubeCon NA 2021 ', NOW)).toEqual({ queued: 2, alreadyInLibrary: 0, skipped: 3, deletedBefore: 0 });
    expect(await getTalk(db, 't_kc21talk001')).toEqual({
      id: 't_kc21talk001',
      videoId: 'kc21talk001',
      url: 'https://www.youtube.com/watch?v=kc21talk001',
      title: 'Rust [unsafe] & *You*: `#` <tricks>',
      youtubeTitle: 'Rust [unsafe] & *You*: `#` <tricks> - Tim Hockin & Rob Scott, Google',
      channel: 'CNCF [Cloud Native Computing Foundation]',
      speakers: ['Tim Hockin, Google', 'Rob Scott, Google'],
      durationSec: 1801,
      event: 'KubeCon NA 2021',
      category: null,
      tags: [],
      interest: 0,
      status: 'to-watch',
      playlist: { id: 'PLkc21NAconfPlaylist01', position: 1 },
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect((await db.talks.where('event').equals('KubeCon NA 2021').toArray()).map((talk) => talk.playlist?.position).sort()).toEqual([1, 3]);
  });

  test('queueing again adds only new videos and overwrites nothing the user set', async () => {
    const db = freshDb();
    await queuePlaylist(db, playlist(FIRST), 'KubeCon NA 2021', NOW);
    await updateTalkDetails(db, 't_kc21talk001', { interest: 5, status: 'skipped', category: 'Networking', event: 'My KubeCon', title: 'Mine' }, NOW);
    const before = await getTalk(db, 't_kc21talk001');

    const grown = playlist([...FIRST, videoRow(6, 'kc21talk003'), videoRow(7, 'kc21talk004')]);
    expect(await queuePlaylist(db, grown, 'KubeCon NA 2021', LATER)).toEqual({ queued: 2, alreadyInLibrary: 2, skipped: 3, deletedBefore: 0 });
    expect(await getTalk(db, 't_kc21talk001')).toEqual(before);
    expect(await db.talks.count()).toBe(4);
    expect(await queuePlaylist(db, grown, 'KubeCon NA 2021', LATER)).toEqual({ queued: 0, alreadyInLibrary: 4, skipped: 3, deletedBefore: 0 });
    expect(await db.talks.count()).toBe(4);
  });

  test('a talk clipped before keeps what the user set, learns its place in the playlist and joins the event', async () => {
    const db = freshDb();
    await clipTalk(db, capturedTalk({ videoId: 'kc21talk002', url: 'https://www.youtube.com/watch?v=kc21talk002' }), NOW);
    await queuePlaylist(db, playlist(FIRST), 'KubeCon NA 2021', LATER);
    expect(await getTalk(db, 't_kc21talk002')).toMatchObject({
      title: 'Evolving Prometheus for More Use Cases',
      status: 'watching',
      event: 'KubeCon NA 2021',
      playlist: { id: 'PLkc21NAconfPlaylist01', position: 3 },
      updatedAt: LATER.toISOString(),
    });
  });
});

test('a talk clipped alone joins the event queued, though the clip gave it the last event used', async () => {
  const db = freshDb();
  await queuePlaylist(db, playlist(FIRST), 'KubeCon NA 2021', NOW);
  // Watching a talk of the next conference from its playlist's page: the popup clipped it with the last event.
  await clipTalk(db, capturedTalk({ videoId: 'eu23talk003', url: 'https://www.youtube.com/watch?v=eu23talk003' }), NOW);
  expect((await getTalk(db, 't_eu23talk003'))?.event).toBe('KubeCon NA 2021');
  const europe = { ...playlist([videoRow(1, 'eu23talk001'), videoRow(2, 'eu23talk003'), videoRow(3, 'kc21talk002')]), id: 'PLeu23confPlaylist001' };
  await queuePlaylist(db, europe, 'KubeCon EU 2023', LATER);
  expect(await getTalk(db, 't_eu23talk003')).toMatchObject({ event: 'KubeCon EU 2023', playlist: { id: 'PLeu23confPlaylist001', position: 2 } });
  expect((await eventQueueOf(db, 'eu23talk003')).anchor?.event).toBe('KubeCon EU 2023');
  // A talk of the conference before (in both playlists) stays in its queue.
  expect(await getTalk(db, 't_kc21talk002')).toMatchObject({ event: 'KubeCon NA 2021', playlist: { id: 'PLkc21NAconfPlaylist01', position: 3 } });
});

test('a talk still to watch whose video is now deleted or private is skipped as the playlist is queued again', async () => {
  const db = freshDb();
  await queuePlaylist(
    db,
    playlist([videoRow(1, 'kc21talk001'), videoRow(2, 'kc21talk002'), videoRow(3, 'kc21talk003'), videoRow(4, 'kc21talk004')]),
    'KubeCon NA 2021',
    NOW,
  );
  await updateTalkDetails(db, 't_kc21talk003', { status: 'watched' }, NOW);
  const private1 = { ...videoRow(1, 'kc21talk001'), title: '[Private video]', unavailable: 'private' as const };
  const deleted3 = { ...videoRow(3, 'kc21talk003'), title: '[Deleted video]', unavailable: 'deleted' as const };
  const deleted4 = { ...videoRow(4, 'kc21talk004'), title: '[Deleted video]', unavailable: 'deleted' as const };
  await queuePlaylist(db, playlist([private1, videoRow(2, 'kc21talk002'), deleted3, deleted4, videoRow(5, 'kc21talk004')]), 'KubeCon NA 2021', LATER);
  const statuses = (await db.talks.toArray()).map((talk) => [talk.videoId, talk.status]);
  // Watched stays watched; a video listed again further on is not gone.
  expect(statuses).toEqual([
    ['kc21talk001', 'skipped'],
    ['kc21talk002', 'to-watch'],
    ['kc21talk003', 'watched'],
    ['kc21talk004', 'to-watch'],
  ]);
  expect((await eventQueueOf(db, 'kc21talk002')).queued.map((talk) => talk.videoId)).toEqual(['kc21talk002', 'kc21talk004']);
});

describe('a queued talk the user deleted', () => {
  const THREE = [videoRow(1, 'kc21talk001'), videoRow(2, 'kc21talk002'), videoRow(3, 'kc21talk003')];

  test('stays out when the playlist is queued again, and the counts say so', async () => {
    const db = freshDb();
    await queuePlaylist(db, playlist(THREE), 'KubeCon NA 2021', NOW);
    await deleteTalks(db, ['t_kc21talk002']);
    const grown = playlist([...THREE, videoRow(4, 'kc21talk004')]);
    expect(await queuePlaylist(db, grown, 'KubeCon NA 2021', LATER)).toEqual({ queued: 1, alreadyInLibrary: 2, skipped: 0, deletedBefore: 1 });
    expect((await db.talks.toArray()).map((talk) => talk.videoId)).toEqual(['kc21talk001', 'kc21talk003', 'kc21talk004']);
    // Another playlist holding it leaves it out as well: the user deleted the talk, not its place.
    const other = { ...playlist([videoRow(1, 'kc21talk002')]), id: 'PLbestOfKubeCon000001' };
    expect(await queuePlaylist(db, other, 'Best of', LATER)).toEqual({ queued: 0, alreadyInLibrary: 0, skipped: 0, deletedBefore: 1 });
  });

  test('is queued again after its delete is undone, or once clipped again', async () => {
    const db = freshDb();
    await queuePlaylist(db, playlist(THREE), 'KubeCon NA 2021', NOW);
    await restoreDeleted(db, await deleteTalks(db, ['t_kc21talk001']));
    expect(await db.deletedFromQueue.count()).toBe(0);
    await deleteTalks(db, ['t_kc21talk002']);
    await clipTalk(db, capturedTalk({ videoId: 'kc21talk002', url: 'https://www.youtube.com/watch?v=kc21talk002' }), LATER);
    expect(await queuePlaylist(db, playlist(THREE), 'KubeCon NA 2021', LATER)).toEqual({ queued: 0, alreadyInLibrary: 3, skipped: 0, deletedBefore: 0 });
    expect(await getTalk(db, 't_kc21talk002')).toMatchObject({ playlist: { id: 'PLkc21NAconfPlaylist01', position: 2 } });
  });

  test('deleted last as a clip, it is queued again: the last deletion decides', async () => {
    const db = freshDb();
    await queuePlaylist(db, playlist(THREE), 'KubeCon NA 2021', NOW);
    await deleteTalks(db, ['t_kc21talk003']);
    await clipTalk(db, capturedTalk({ videoId: 'kc21talk003', url: 'https://www.youtube.com/watch?v=kc21talk003' }), LATER);
    await deleteTalks(db, ['t_kc21talk003']);
    expect(await queuePlaylist(db, playlist(THREE), 'KubeCon NA 2021', LATER)).toMatchObject({ queued: 1, deletedBefore: 0 });
  });
});

describe('markWatched', () => {
  test('a saved talk becomes watched once; a video not saved is left alone', async () => {
    const db = freshDb();
    await queuePlaylist(db, playlist(FIRST), 'KubeCon NA 2021', NOW);
    expect(await markWatched(db, 'kc21talk002', LATER)).toBe(true);
    expect(await getTalk(db, 't_kc21talk002')).toMatchObject({ status: 'watched', updatedAt: LATER.toISOString() });
    expect(await markWatched(db, 'kc21talk002', LATER)).toBe(false);
    expect(await markWatched(db, 'kc21talk999', LATER)).toBe(false);
    expect(await db.talks.count()).toBe(2);
  });

  test('a skipped talk stays skipped', async () => {
    const db = freshDb();
    await queuePlaylist(db, playlist(FIRST), 'KubeCon NA 2021', NOW);
    await updateTalkDetails(db, 't_kc21talk002', { status: 'skipped' }, NOW);
    expect(await markWatched(db, 'kc21talk002', LATER)).toBe(false);
    expect(await getTalk(db, 't_kc21talk002')).toMatchObject({ status: 'skipped', updatedAt: NOW.toISOString() });
  });
});

describe('eventQueueOf', () => {
  /** A talk of `event` in `status`, `durationSec` long. */
  async function savedTalk(db: ReturnType<typeof freshDb>, videoId: string, event: string | null, status: TalkStatus, durationSec: number | null) {
    const talk = await clipTalk(db, capturedTalk({ videoId, url: `https://www.youtube.com/watch?v=${videoId}`, durationSec }), NOW);
    return updateTalkDetails(db, talk.id, { event, status }, NOW);
  }

  test('reads the event’s talks still to watch, and counts how far through it the user is as every talk of it says', async () => {
    const db = freshDb();
    const event = 'KubeCon NA 2021';
    const talks = [
      await savedTalk(db, 'kc21watch01', event, 'watched', 1500),
      await savedTalk(db, 'kc21watch02', event, 'watched', null),
      await savedTalk(db, 'kc21going01', event, 'watching', 1200),
      await savedTalk(db, 'kc21queue01', event, 'to-watch', 1800),
      await savedTalk(db, 'kc21queue02', event, 'to-watch', null),
      await savedTalk(db, 'kc21skipd01', event, 'skipped', 900),
    ];
    await savedTalk(db, 'otherevent1', 'PromCon 2023', 'to-watch', 600);

    const queue = await eventQueueOf(db, 'kc21watch01');
    expect(queue.anchor?.id).toBe('t_kc21watch01');
    expect(queue.queued.map((talk) => talk.id).sort()).toEqual(['t_kc21going01', 't_kc21queue01', 't_kc21queue02']);
    expect(queue.progress).toEqual(eventProgress(talks));
    expect(queue.progress).toEqual({ watched: 2, total: 6, secondsLeft: 3000 });
  });

  test('a talk of no event, or a video not saved, has no queue', async () => {
    const db = freshDb();
    await savedTalk(db, 'noevent0001', null, 'to-watch', 600);
    const none = { watched: 0, total: 0, secondsLeft: 0 };
    expect(await eventQueueOf(db, 'noevent0001')).toEqual({ anchor: expect.objectContaining({ id: 't_noevent0001' }), queued: [], progress: none });
    expect(await eventQueueOf(db, 'notsaved001')).toEqual({ anchor: undefined, queued: [], progress: none });
    expect(await eventQueueOf(db, null)).toEqual({ anchor: undefined, queued: [], progress: none });
  });

  test('with no video, a playlist’s queue is the event it was queued as, though its first video is in another', async () => {
    const db = freshDb();
    const keynotes = { ...playlist([videoRow(1, 'keynote0001'), videoRow(2, 'keynote0002')]), id: 'PLkeynotes2024playlist' };
    await queuePlaylist(db, keynotes, 'Keynotes 2024', NOW);
    // conftalk002 comes before conftalk001 in the playlist (the videoId index has them the other way).
    const conf = { ...playlist([videoRow(1, 'keynote0001'), videoRow(2, 'conftalk002'), videoRow(3, 'conftalk001')]), id: 'PLconf2024playlist001' };
    expect((await eventQueueOf(db, null, conf)).anchor).toBeUndefined();
    await queuePlaylist(db, conf, 'Conf 2024', LATER);
    const queue = await eventQueueOf(db, null, conf);
    expect(queue.anchor).toMatchObject({ id: 't_conftalk002', event: 'Conf 2024' });
    expect(queue.queued.map((talk) => talk.id).sort()).toEqual(['t_conftalk001', 't_conftalk002']);
    // The talk in the tab comes first.
    expect((await eventQueueOf(db, 'keynote0001', conf)).anchor?.event).toBe('Keynotes 2024');
  });
});
