import { describe, expect, test } from 'vitest';
import { allNotes, putNotes } from '../../src/db/notes';
import type { TalklogDb } from '../../src/db/database';
import { deleteTalks } from '../../src/db/deletion';
import { importBackup, importBackupFile, type ImportProgress } from '../../src/db/import-backup';
import { queuePlaylist } from '../../src/db/queue';
import { recordChangesFromNowOn } from '../../src/db/sync-store';
import { createBackup, serializeBackup } from '../../src/export/backup';
import { backupZip } from '../../src/export/backup-archive';
import { backupFile } from '../../src/options/backup-file';
import type { Note, Talk } from '../../src/talk/model';
import { makeNote, makeTalk } from '../export/records';
import { CONFERENCE_LIST, conferenceRows } from '../talk/conference-rows';
import { freshDb, nothingImported, writeLibrary } from './test-db';

const EXPORTED = new Date('2026-11-26T05:00:00Z');

/** Everything stored, in key order, as text: equal dumps mean an untouched database. */
async function dump(db: TalklogDb): Promise<string> {
  return JSON.stringify({ talks: await db.talks.toArray(), notes: await allNotes(db) });
}

async function dumpNotes(db: TalklogDb): Promise<Note[]> {
  return (await allNotes(db)).sort((a, b) => a.id.localeCompare(b.id));
}

function importText(db: TalklogDb, text: string, onProgress?: (progress: ImportProgress) => void) {
  return importBackupFile(db, new Blob([text]), onProgress);
}

function backupText(talks: Talk[], notes: Note[]): string {
  return serializeBackup(createBackup(talks, notes, EXPORTED));
}

const prometheus = makeTalk('Pr0meTheus1', { title: 'Evolving Prometheus', updatedAt: '2026-01-01T00:00:00.000Z' });
const openMetrics = makeTalk('OpenMetr1cs', { title: 'OpenMetrics', updatedAt: '2026-01-01T00:00:00.000Z' });

describe('importBackup', () => {
  test('into an empty database adds every talk and note', async () => {
    const db = freshDb();
    const notes = [makeNote(prometheus, 'scrape limits', { atSec: 252 }), makeNote(openMetrics, 'exemplars')];
    const counts = await importText(db, backupText([prometheus, openMetrics], notes));
    expect(counts).toEqual({ talksAdded: 2, talksUpdated: 0, notesAdded: 2, notesUpdated: 0, slidesAdded: 0, talksCut: 0, skipped: 0, older: 0 });
    expect(await db.talks.toArray()).toEqual([openMetrics, prometheus]);
    expect((await allNotes(db)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(notes);
  });

  test('merges by id: the newer updatedAt wins, an older or equal one changes nothing', async () => {
    const db = freshDb();
    const note = makeNote(prometheus, 'stored note', { updatedAt: '2026-01-01T00:00:00.000Z' });
    await writeLibrary(db, () => db.talks.bulkAdd([prometheus, openMetrics]));
    await writeLibrary(db, () => putNotes(db, [note]));
    const newerTalk = { ...prometheus, title: 'Renamed in the file', updatedAt: '2026-02-01T00:00:00.000Z' };
    const olderTalk = { ...openMetrics, title: 'Older title', updatedAt: '2025-12-01T00:00:00.000Z' };
    const sameTimeNote = { ...note, body: 'same time, other text' };
    const counts = await importText(db, backupText([newerTalk, olderTalk], [sameTimeNote]));
    expect(counts).toEqual({ talksAdded: 0, talksUpdated: 1, notesAdded: 0, notesUpdated: 0, slidesAdded: 0, talksCut: 0, skipped: 0, older: 2 });
    expect((await db.talks.get(prometheus.id))?.title).toBe('Renamed in the file');
    expect((await db.talks.get(openMetrics.id))?.title).toBe('OpenMetrics');
    expect((await allNotes(db)).find((stored) => stored.id === note.id)?.body).toBe('stored note');
  });

  test('a talk’s notes from the file join its stored notes in one record, in the order they were written', async () => {
    const db = freshDb();
    const stored = makeNote(prometheus, 'stored, edited later', { createdAt: '2026-01-02T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z' });
    const kept = makeNote(prometheus, 'stored only', { createdAt: '2026-01-04T00:00:00.000Z', updatedAt: '2026-01-04T00:00:00.000Z' });
    await writeLibrary(db, () => db.talks.add(prometheus));
    await writeLibrary(db, () => putNotes(db, [stored, kept]));
    const earlier = makeNote(prometheus, 'from the file, earlier', { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
    const between = makeNote(prometheus, 'from the file, between', { createdAt: '2026-01-03T00:00:00.000Z', updatedAt: '2026-01-03T00:00:00.000Z' });
    const edited = { ...stored, body: 'edited on another device', updatedAt: '2026-01-05T00:00:00.000Z' };
    const counts = await importText(db, backupText([prometheus], [between, edited, earlier]));
    expect(counts).toEqual({ talksAdded: 0, talksUpdated: 0, notesAdded: 2, notesUpdated: 1, slidesAdded: 0, talksCut: 0, skipped: 1, older: 0 });
    expect(await db.talkNotes.toArray()).toEqual([{ talkId: prometheus.id, notes: [earlier, edited, between, kept] }]);
  });

  test('importing the same file twice changes nothing the second time', async () => {
    const db = freshDb();
    const text = backupText([prometheus, openMetrics], [makeNote(prometheus, 'one'), makeNote(openMetrics, 'two')]);
    await importText(db, text);
    const afterFirst = await dump(db);
    expect(await importText(db, text)).toEqual(nothingImported(4));
    expect(await dump(db)).toBe(afterFirst);
  });

  test('a backup an older Talklog made, a speaker past the limit in it, imports with the speaker cut, and says how many talks were', async () => {
    // Saved to watch later from a link's text (before 860ca6c): its last speaker ran on into the rest of it.
    const runOn = `Acme Corp and ${'the maintainers of every project '.repeat(20)}`;
    const linked = makeTalk('L1nkedTa1k0', { title: 'Keynote: The Road Ahead', speakers: ['Jane Doe', runOn], status: 'to-watch' });
    const note = makeNote(linked, 'watch this first');
    const cut = { ...linked, speakers: ['Jane Doe', `${runOn.slice(0, 199)}…`] };
    const db = freshDb();
    const counts = await importText(db, backupText([linked, prometheus], [note]));
    expect(counts).toEqual({ talksAdded: 2, talksUpdated: 0, notesAdded: 1, notesUpdated: 0, slidesAdded: 0, talksCut: 1, skipped: 0, older: 0 });
    expect(await db.talks.get(linked.id)).toEqual(cut);
    expect(await allNotes(db)).toEqual([note]);
    // The same file again: the talk cut as it is stored, nothing to update; the zip a backup with slides is, the same.
    expect(await importText(db, backupText([linked], []))).toMatchObject({ talksUpdated: 0, talksCut: 1, skipped: 1 });
    const zip = new Blob([(await backupZip([linked], [note], [], EXPORTED)) as Uint8Array<ArrayBuffer>]);
    expect(await importBackupFile(freshDb(), zip)).toMatchObject({ talksAdded: 1, talksCut: 1 });
  });

  test('a library an older Talklog filled, a title, channel, category or tag past its limit in it, backs up to a file that imports', async () => {
    // Written as Talklog wrote them before a0c9b76, which bounded them when written.
    const long = (word: string, chars: number) => `${word} `.repeat(chars).slice(0, chars);
    const old = makeTalk('0ldL1brary1', {
      title: long('Title', 1200),
      youtubeTitle: long('YouTube', 1100),
      channel: long('Channel', 300),
      category: long('Category', 250),
      tags: ['kept', long('Tag', 201)],
      speakers: ['Jane Doe'],
      status: 'to-watch',
    });
    const notes = [makeNote(old, 'every word of this note'), makeNote(prometheus, 'a talk within every limit')];
    const source = freshDb();
    await writeLibrary(source, () => source.talks.bulkAdd([old, prometheus]));
    await writeLibrary(source, () => putNotes(source, notes));
    const file = await backupFile(source, EXPORTED);

    const db = freshDb();
    const counts = await importBackupFile(db, new Blob([file.data]));
    expect(counts).toMatchObject({ talksAdded: 2, notesAdded: 2, talksCut: 1 });
    expect(await db.talks.get(prometheus.id)).toEqual(prometheus);
    expect(await db.talks.get(old.id)).toEqual({
      ...old,
      title: `${old.title.slice(0, 999)}…`,
      youtubeTitle: `${old.youtubeTitle!.slice(0, 999)}…`,
      channel: `${old.channel!.slice(0, 199)}…`,
      category: `${old.category!.slice(0, 199)}…`,
      tags: ['kept', `${old.tags[1].slice(0, 199)}…`],
    });
    expect(await dumpNotes(db)).toEqual(await dumpNotes(source));
  });

  test('a note may belong to a talk that is only in the database', async () => {
    const db = freshDb();
    await writeLibrary(db, () => db.talks.add(prometheus));
    const counts = await importText(db, backupText([], [makeNote(prometheus, 'note for a stored talk')]));
    expect(counts.notesAdded).toBe(1);
  });

  test('a note whose talk is neither in the file nor stored fails the import, and nothing is written', async () => {
    const db = freshDb();
    await writeLibrary(db, () => db.talks.add(prometheus));
    const before = await dump(db);
    const text = backupText([openMetrics], [makeNote(openMetrics, 'fine'), makeNote(makeTalk('L0stTalk123'), 'orphan')]);
    await expect(importText(db, text)).rejects.toThrow('notes[1].talkId: no talk "t_L0stTalk123" in this file or in Talklog');
    expect(await dump(db)).toBe(before);
  });

  test('is one transaction: a failure after the first chunk undoes the chunks before it', async () => {
    const db = freshDb();
    const talks = Array.from({ length: 1500 }, (_, i) => makeTalk(`v${String(i).padStart(10, '0')}`));
    let calls = 0;
    await expect(
      importBackup(db, { backup: createBackup(talks, [], EXPORTED), slides: [] }, () => {
        calls += 1;
        if (calls === 3) throw new Error('interrupted');
      }),
    ).rejects.toThrow('interrupted');
    expect(await db.talks.count()).toBe(0);
  });

  test('20,000 notes import in one go, with progress after every chunk of 1,000', async () => {
    const db = freshDb();
    const talks = Array.from({ length: 200 }, (_, i) => makeTalk(`t${String(i).padStart(10, '0')}`));
    const notes = Array.from({ length: 20_000 }, (_, i) => makeNote(talks[i % talks.length], `note ${i}`, { id: `n_${i}` }));
    const progress: ImportProgress[] = [];
    const counts = await importText(db, backupText(talks, notes), (step) => progress.push(step));
    expect(counts).toEqual({ talksAdded: 200, talksUpdated: 0, notesAdded: 20_000, notesUpdated: 0, slidesAdded: 0, talksCut: 0, skipped: 0, older: 0 });
    expect(await allNotes(db)).toHaveLength(20_000);
    expect(progress[0]).toEqual({ done: 0, total: 20_200 });
    expect(progress.at(-1)).toEqual({ done: 20_200, total: 20_200 });
    expect(progress).toHaveLength(1 + 1 + 20);
    expect(progress.every((step, i) => i === 0 || step.done > progress[i - 1].done)).toBe(true);
  }, 30_000);

  test('records each talk for sync about twice (its talk, its notes), not again for every chunk its notes are spread over', async () => {
    const db = freshDb();
    // Below the sync log, it sees the sync changes that the log writes.
    let recorded = 0;
    db.use({
      stack: 'dbcore',
      name: 'CountSyncChanges',
      level: 1,
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'syncChanges') return table;
          return {
            ...table,
            mutate: (request) => {
              if (request.type === 'put') recorded += request.values.length;
              return table.mutate(request);
            },
          };
        },
      }),
    });
    await recordChangesFromNowOn(db);
    const talks = Array.from({ length: 300 }, (_, i) => makeTalk(`s${String(i).padStart(10, '0')}`));
    // As a file lists them, in id order: every chunk of 1,000 notes holds notes of every talk.
    const notes = Array.from({ length: 3_000 }, (_, i) => makeNote(talks[i % talks.length], `note ${i}`, { id: `n_${String(i).padStart(5, '0')}` }));
    await importText(db, backupText(talks, notes));
    expect(await db.syncChanges.count()).toBe(300);
    // Once with the talks, once with their notes, and once more for a talk whose notes two chunks share.
    expect(recorded).toBeLessThanOrEqual(2 * 300 + 3);
  });
});

describe('a hostile file leaves the database exactly as it was', () => {
  const good = JSON.parse(backupText([prometheus], [makeNote(prometheus, 'kept')]));
  const variant = (change: (backup: any) => void) => {
    const copy = structuredClone(good);
    change(copy);
    return JSON.stringify(copy);
  };

  test.each([
    ['an empty file', '', 'The file is empty'],
    ['not JSON', 'hello, world', 'not JSON'],
    ['truncated JSON', backupText([prometheus], []).slice(0, 120), 'cut short'],
    ['the wrong format', variant((b) => (b.format = 'other-app')), 'format: expected "talklog-backup"'],
    ['the wrong version', variant((b) => (b.version = 0)), 'version: expected 1'],
    ['a missing field', variant((b) => delete b.talks[0].title), 'talks[0].title: missing'],
    ['a mistyped field', variant((b) => (b.talks[0].interest = '5')), 'talks[0].interest'],
    ['a bad video id', variant((b) => (b.talks[0].videoId = 'short')), 'talks[0].videoId'],
    ['duplicate ids', variant((b) => b.notes.push(b.notes[0])), 'notes[1].id'],
    ['a dangling talkId', variant((b) => (b.notes[0].talkId = 't_N0whereToB')), 'notes[0].talkId'],
    ['a __proto__ key', backupText([prometheus], []).replace('"title":', '"__proto__": {"polluted": true}, "title":'), '__proto__'],
    ['a constructor key', variant((b) => (b.talks[0].constructor = { prototype: {} })), 'constructor'],
    ['a 50 MB string', variant((b) => (b.notes[0].body = 'x'.repeat(50_000_000))), 'notes[0].body: longer than 1,000,000 characters'],
  ])('%s', async (_, text, message) => {
    const db = freshDb();
    await writeLibrary(db, () => db.talks.add(openMetrics));
    await writeLibrary(db, () => putNotes(db, [makeNote(openMetrics, 'already here')]));
    const before = await dump(db);
    await expect(importText(db, text)).rejects.toThrow(message);
    expect(await dump(db)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

test('the queued talks the user deleted travel in the backup: queueing their playlist where it is imported leaves them out', async () => {
  const conference = { id: CONFERENCE_LIST, title: 'KubeCon NA 2021', size: 2, rows: conferenceRows(2), complete: true };
  const source = freshDb();
  await queuePlaylist(source, conference, 'KubeCon NA 2021');
  await deleteTalks(source, ['t_kc21talk002']);
  const file = await backupFile(source, EXPORTED);

  const db = freshDb();
  await importBackupFile(db, new Blob([file.data]));
  expect(await queuePlaylist(db, conference, 'KubeCon NA 2021')).toMatchObject({ queued: 0, alreadyInLibrary: 1, deletedBefore: 1 });
  // Exported again, the same bytes.
  expect((await backupFile(db, EXPORTED)).data).toBe(file.data);
});
