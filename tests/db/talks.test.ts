import { describe, expect, test, vi } from 'vitest';
import { addNote } from '../../src/db/notes';
import { allTalksAndNotes, updateTalkDetails } from '../../src/db/library';
import { capturedByIdOnly, clipTalk, getTalk, listRecentTalks, talkWithNotes } from '../../src/db/talks';
import { saveTalkToWatch } from '../../src/db/watch-later';
import { deleteTalks, restoreDeleted } from '../../src/db/deletion';
import { capturedTalk, freshDb, writeLibrary } from './test-db';

describe('clipTalk', () => {
  test('saves a new talk keyed by its video id with every field of the backup format', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk(), new Date('2026-11-26T05:00:00Z'));
    expect(talk).toEqual({
      id: 't_Pr0meTheus1',
      videoId: 'Pr0meTheus1',
      url: 'https://www.youtube.com/watch?v=Pr0meTheus1',
      title: 'Evolving Prometheus for More Use Cases',
      youtubeTitle: 'Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat',
      channel: 'CNCF [Cloud Native Computing Foundation]',
      speakers: ['Bartłomiej Płotka, Red Hat'],
      durationSec: 1880,
      event: null,
      category: null,
      tags: [],
      interest: 0,
      status: 'watching',
      playlist: null,
      createdAt: '2026-11-26T05:00:00.000Z',
      updatedAt: '2026-11-26T05:00:00.000Z',
    });
    expect(await getTalk(db, 't_Pr0meTheus1')).toEqual(talk);
  });

  test('clipping the same video again opens the same talk and keeps what the user edited', async () => {
    const db = freshDb();
    const first = await clipTalk(db, capturedTalk());
    await writeLibrary(db, () => db.talks.update(first.id, { title: 'My own title', category: 'Observability' }));
    const second = await clipTalk(db, capturedTalk({ currentSec: 10 }));
    expect(await db.talks.count()).toBe(1);
    expect(second.id).toBe(first.id);
    expect(second.title).toBe('My own title');
    expect(second.category).toBe('Observability');
  });

  test('a later clip fills in what the first one could not read', async () => {
    const db = freshDb();
    await clipTalk(db, capturedTalk({ channel: null, durationSec: null }), new Date('2026-11-26T05:00:00Z'));
    const refreshed = await clipTalk(db, capturedTalk(), new Date('2026-11-26T06:00:00Z'));
    expect(refreshed.channel).toBe('CNCF [Cloud Native Computing Foundation]');
    expect(refreshed.durationSec).toBe(1880);
    expect(refreshed.updatedAt).toBe('2026-11-26T06:00:00.000Z');
  });

  test('a clip told the talk was missing when read, though saved since, still makes no duplicate and keeps the saved one', async () => {
    const db = freshDb();
    const first = await clipTalk(db, capturedTalk());
    await writeLibrary(db, () => db.talks.update(first.id, { title: 'My own title' }));
    const again = await clipTalk(db, capturedTalk(), new Date(), { saved: null });
    expect(await db.talks.count()).toBe(1);
    expect(again.title).toBe('My own title');
  });

  test('two clips of one video at the same moment still make one talk', async () => {
    const db = freshDb();
    const [a, b] = await Promise.all([clipTalk(db, capturedTalk()), clipTalk(db, capturedTalk())]);
    expect(a.id).toBe(b.id);
    expect(await db.talks.count()).toBe(1);
  });
});

describe('listing', () => {
  test('recent talks come newest first; the library reads every talk and note', async () => {
    const db = freshDb();
    const older = await clipTalk(db, capturedTalk(), new Date('2026-11-20T10:00:00Z'));
    const newer = await clipTalk(
      db,
      capturedTalk({ videoId: 'OpenMetr1cs', url: 'https://www.youtube.com/watch?v=OpenMetr1cs', title: 'OpenMetrics' }),
      new Date('2026-11-21T10:00:00Z'),
    );
    await addNote(db, older.id, 'one', 10);
    await addNote(db, older.id, 'two', null);
    expect((await listRecentTalks(db, 1)).map((talk) => talk.id)).toEqual([newer.id]);
    const everything = await allTalksAndNotes(db);
    expect(everything.talks).toHaveLength(2);
    expect(everything.notes).toHaveLength(2);
  });
});

describe('deleting talks', () => {
  test('takes their notes with them in one go, and Undo puts everything back', async () => {
    const db = freshDb();
    const a = await clipTalk(db, capturedTalk());
    const b = await clipTalk(db, capturedTalk({ videoId: 'OpenMetr1cs', url: 'https://www.youtube.com/watch?v=OpenMetr1cs' }));
    await addNote(db, a.id, 'a1', 1);
    await addNote(db, a.id, 'a2', 2);
    await addNote(db, b.id, 'b1', 3);
    const before = await allTalksAndNotes(db);
    const deleted = await deleteTalks(db, [a.id]);
    expect(deleted.talks.map((talk) => talk.id)).toEqual([a.id]);
    expect(deleted.notes).toHaveLength(2);
    expect((await allTalksAndNotes(db)).notes.map((note) => note.body)).toEqual(['b1']);
    await restoreDeleted(db, deleted);
    const after = await allTalksAndNotes(db);
    expect(after.talks).toEqual(expect.arrayContaining(before.talks));
    expect(after.notes).toHaveLength(3);
  });
});

describe('saving a talk from a link to watch later', () => {
  test('keeps it as to-watch with the link text as title, speakers split off', async () => {
    const db = freshDb();
    const talk = await saveTalkToWatch(db, {
      videoId: 'OpenMetr1cs',
      url: 'https://www.youtube.com/watch?v=OpenMetr1cs',
      title: 'What You Need to Know About OpenMetrics - Richard Hartmann & Ben Kochie',
    });
    expect(talk).toMatchObject({ status: 'to-watch', title: 'What You Need to Know About OpenMetrics', speakers: ['Richard Hartmann', 'Ben Kochie'] });
  });

  test('a link with no text gets a placeholder title that the first clip replaces', async () => {
    const db = freshDb();
    await saveTalkToWatch(db, { videoId: 'Pr0meTheus1', url: 'https://www.youtube.com/watch?v=Pr0meTheus1', title: null });
    expect((await getTalk(db, 't_Pr0meTheus1'))?.title).toBe('YouTube video Pr0meTheus1');
    const clipped = await clipTalk(db, capturedTalk());
    expect(clipped).toMatchObject({ title: 'Evolving Prometheus for More Use Cases', speakers: ['Bartłomiej Płotka, Red Hat'], status: 'watching' });
  });

  test('the first clip of the video gives it YouTube’s title: a link’s text may say anything', async () => {
    const db = freshDb();
    await saveTalkToWatch(db, { videoId: 'Pr0meTheus1', url: 'https://www.youtube.com/watch?v=Pr0meTheus1', title: 'Watch the video - Free Prizes' });
    expect(await clipTalk(db, capturedTalk())).toMatchObject({
      title: 'Evolving Prometheus for More Use Cases',
      speakers: ['Bartłomiej Płotka, Red Hat'],
      youtubeTitle: 'Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat',
      channel: 'CNCF [Cloud Native Computing Foundation]',
    });
    // Once opened, a title the user gives it stays.
    await updateTalkDetails(db, 't_Pr0meTheus1', { title: 'Prometheus, evolved' });
    expect((await clipTalk(db, capturedTalk())).title).toBe('Prometheus, evolved');
  });

  test('a video YouTube would not play keeps no placeholder as YouTube’s title; the clip once it plays gives the real one', async () => {
    const db = freshDb();
    expect((await clipTalk(db, capturedByIdOnly('Pr0meTheus1'))).youtubeTitle).toBeNull();
    expect(await clipTalk(db, capturedTalk())).toMatchObject({
      title: 'Evolving Prometheus for More Use Cases',
      youtubeTitle: 'Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat',
    });
    // A clip of it blocked again takes nothing back.
    expect((await clipTalk(db, capturedByIdOnly('Pr0meTheus1'))).title).toBe('Evolving Prometheus for More Use Cases');
    // Stored by an older version with the placeholder as YouTube's title: the next clip replaces it.
    await writeLibrary(db, () => db.talks.update('t_Pr0meTheus1', { title: 'Mine', youtubeTitle: 'YouTube video Pr0meTheus1' }));
    expect(await clipTalk(db, capturedTalk())).toMatchObject({
      title: 'Mine',
      youtubeTitle: 'Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat',
    });
  });

  test('a talk already saved is left as it is', async () => {
    const db = freshDb();
    const clipped = await clipTalk(db, capturedTalk());
    expect(await saveTalkToWatch(db, { videoId: 'Pr0meTheus1', url: clipped.url, title: 'Other' })).toEqual(clipped);
  });
});

test('a new talk gets the event the settings name, else the event of the latest clip that has one', async () => {
  const db = freshDb();
  const first = await clipTalk(db, capturedTalk(), new Date('2026-11-20T00:00:00Z'));
  expect(first.event).toBeNull();
  await clipTalk(db, capturedTalk({ videoId: 'OpenMetr1cs', url: 'https://www.youtube.com/watch?v=OpenMetr1cs' }), new Date('2026-11-21T00:00:00Z'), {
    settingsEvent: async () => 'KubeCon NA 2021',
  });
  const third = await clipTalk(
    db,
    capturedTalk({ videoId: 'ThirdTalk01', url: 'https://www.youtube.com/watch?v=ThirdTalk01' }),
    new Date('2026-11-22T00:00:00Z'),
    {
      settingsEvent: async () => '',
    },
  );
  expect(third.event).toBe('KubeCon NA 2021');
});

test('the settings’ event is asked only for a new talk, and an unchanged talk is not rewritten', async () => {
  const db = freshDb();
  let asked = 0;
  const settingsEvent = async () => {
    asked++;
    return 'KubeCon EU 2024';
  };
  const first = await clipTalk(db, capturedTalk(), new Date('2026-11-20T00:00:00Z'), { settingsEvent });
  const again = await clipTalk(db, capturedTalk(), new Date('2026-11-21T00:00:00Z'), { settingsEvent });
  expect(asked).toBe(1);
  expect(first.event).toBe('KubeCon EU 2024');
  expect(again).toEqual(first);
});

test('a talk without YouTube’s whole title (saved from a link, or before version 2) gets it on the next clip', async () => {
  const db = freshDb();
  await clipTalk(db, capturedTalk());
  await writeLibrary(db, () => db.talks.update('t_Pr0meTheus1', { youtubeTitle: null }));
  expect((await clipTalk(db, capturedTalk())).youtubeTitle).toBe('Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat');
});

describe('talkWithNotes', () => {
  test('reads a talk and its notes in the order they were written; a talk not saved has none', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    await addNote(db, talk.id, 'second', 20, new Date('2026-11-26T05:02:00Z'));
    await addNote(db, talk.id, 'first', 10, new Date('2026-11-26T05:01:00Z'));
    const read = await talkWithNotes(db, talk.id);
    expect([read.talkId, read.talk, read.notes.map((note) => note.body)]).toEqual([talk.id, talk, ['first', 'second']]);
    expect(await talkWithNotes(db, 't_OpenMetr1cs')).toEqual({ talkId: 't_OpenMetr1cs', talk: undefined, notes: [] });
  });

  test('answers as soon as it has read, not once its reads commit (the popup waits for it)', async () => {
    const seen: string[] = [];
    // Dexie takes the connection's transaction method when it opens: watched from before then.
    const transaction = IDBDatabase.prototype.transaction;
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args) {
      const opened = transaction.apply(this, args);
      opened.addEventListener('complete', () => seen.push('committed'));
      return opened;
    });
    try {
      const db = freshDb();
      const talk = await clipTalk(db, capturedTalk());
      await addNote(db, talk.id, 'a note', 10);
      await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
      seen.length = 0;
      const read = await talkWithNotes(db, talk.id);
      seen.push('answered');
      expect(read.notes.map((note) => note.body)).toEqual(['a note']);
      await vi.waitFor(() => expect(seen).toContain('committed'));
      expect(seen[0]).toBe('answered');
    } finally {
      spy.mockRestore();
    }
  });
});

test('what a tab reports is checked where it is stored: a video id names files, a URL is opened', async () => {
  const db = freshDb();
  // A content script's reply comes from the page's own process; a page that took it over could say anything.
  await expect(clipTalk(db, capturedTalk({ videoId: '../../../x' }))).rejects.toThrow('Not a YouTube video id');
  expect(await db.talks.count()).toBe(0);
  const talk = await clipTalk(db, capturedTalk({ url: 'javascript:alert(1)' }));
  expect(talk.url).toBe('https://www.youtube.com/watch?v=Pr0meTheus1');
});
