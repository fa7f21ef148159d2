import { describe, expect, test } from 'vitest';
import { isConflictCopy, localRecords, mergeTalk, TOMBSTONE_DAYS, type LocalTalk } from '../../src/sync/merge';
import { parseTalkFile, serializeTalkFile, type TalkFile } from '../../src/sync/talk-file';
import type { Note, Talk } from '../../src/talk/model';
import { makeTalk } from '../export/records';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 10, minute)).toISOString();

const talk = (overrides: Partial<Talk> = {}): Talk =>
  makeTalk('Pr0meTheus1', { title: 'Evolving Prometheus', status: 'watching', createdAt: at(0), updatedAt: at(0), ...overrides });

const note = (id: string, body: string, minute: number): Note => ({ id, talkId: 't_Pr0meTheus1', body, atSec: 12, createdAt: at(1), updatedAt: at(minute) });

/** Syncs `local` against `remote` and returns the file written: what the next device reads. */
function sync(local: LocalTalk, remote: TalkFile | null, device: string) {
  return mergeTalk(local, remote, device, NOW);
}

/** A device that synced `file` and changed nothing since. */
const caughtUp = (file: TalkFile): LocalTalk => ({ ...localRecordsAsTalk(file), deletions: [], base: file });

function localRecordsAsTalk(file: TalkFile) {
  const { talk: saved, notes } = localRecords(file);
  return { talk: saved ?? undefined, notes };
}

function first(): TalkFile {
  return sync({ talk: talk(), notes: [note('n_1', 'first text', 1)], deletions: [], base: null }, null, 'd_a').file!;
}

describe('mergeTalk', () => {
  test('a new talk becomes a file that reads back the same', () => {
    const file = first();
    expect(parseTalkFile(serializeTalkFile(file), 'Pr0meTheus1')).toEqual({ ok: true, file });
    expect(localRecords(file).notes.map((n) => n.body)).toEqual(['first text']);
  });

  test('an edit made on one device replaces the text on the other', () => {
    const base = first();
    const edited = sync({ ...caughtUp(base), notes: [note('n_1', 'edited on A', 5)] }, base, 'd_a').file!;
    const onB = sync(caughtUp(base), edited, 'd_b');
    expect(localRecords(onB.file!).notes.map((n) => n.body)).toEqual(['edited on A']);
    expect(onB.conflicts).toBe(0);
  });

  test('the same note edited on two devices keeps both texts, the later as the note', () => {
    const base = first();
    const fromA = sync({ ...caughtUp(base), notes: [note('n_1', 'A says', 5)] }, base, 'd_a').file!;
    const merged = sync({ ...caughtUp(base), notes: [note('n_1', 'B says', 6)] }, fromA, 'd_b');
    expect(merged.conflicts).toBe(1);
    const notes = localRecords(merged.file!).notes;
    expect(notes.find((n) => n.id === 'n_1')?.body).toBe('B says');
    expect(notes.filter(isConflictCopy).map((n) => n.body)).toEqual(['A says']);
    // Merging the same again (a 412 retry) makes no second copy.
    expect(sync({ ...caughtUp(base), notes: [note('n_1', 'B says', 6)] }, merged.file, 'd_b').file).toEqual(merged.file);
  });

  test('a deletion wins over an older copy and is kept as a tombstone', () => {
    const base = first();
    const deleted = sync({ ...caughtUp(base), notes: [], deletions: [{ id: 'n_1', talkId: 't_Pr0meTheus1', deletedAt: at(7) }] }, base, 'd_a').file!;
    expect(deleted.tombstones.map((t) => t.id)).toEqual(['n_1']);
    expect(localRecords(sync(caughtUp(base), deleted, 'd_b').file!).notes).toEqual([]);
  });

  test('an edit the deleting device never saw survives the deletion', () => {
    const base = first();
    const deleted = sync({ ...caughtUp(base), notes: [], deletions: [{ id: 'n_1', talkId: 't_Pr0meTheus1', deletedAt: at(7) }] }, base, 'd_a').file!;
    const older = sync({ ...caughtUp(base), notes: [note('n_1', 'edited before the deletion', 5)] }, deleted, 'd_b');
    expect(localRecords(older.file!).notes.map((n) => [n.body, isConflictCopy(n)])).toEqual([['edited before the deletion', true]]);
    const newer = sync({ ...caughtUp(base), notes: [note('n_1', 'edited after the deletion', 9)] }, deleted, 'd_b');
    expect(localRecords(newer.file!).notes.map((n) => [n.id, n.body])).toEqual([['n_1', 'edited after the deletion']]);
  });

  test('talk fields merge one by one; ties go to the larger device id', () => {
    const base = first();
    const fromA = sync({ ...caughtUp(base), talk: talk({ event: 'KubeCon', updatedAt: at(5) }) }, base, 'd_a').file!;
    const merged = sync({ ...caughtUp(base), talk: talk({ interest: 4, updatedAt: at(5) }) }, fromA, 'd_b').file!;
    expect([merged.talk.event, merged.talk.interest]).toEqual(['KubeCon', 4]);
    const tie = sync({ ...caughtUp(base), talk: talk({ event: 'DevConf', updatedAt: at(5) }) }, fromA, 'd_b').file!;
    expect(tie.talk.event).toBe('DevConf');
  });

  test('a first sync of a talk both devices hold keeps what either set where the other set nothing', () => {
    // Two libraries kept apart until sync is connected: rated and filed on one, marked watched later on the other.
    const fromA = sync(
      { talk: talk({ interest: 5, category: 'Observability', tags: ['metrics'], updatedAt: at(5) }), notes: [], deletions: [], base: null },
      null,
      'd_a',
    ).file!;
    const merged = sync({ talk: talk({ status: 'watched', event: 'KubeCon', updatedAt: at(9) }), notes: [], deletions: [], base: null }, fromA, 'd_b').file!;
    expect([merged.talk.interest, merged.talk.category, merged.talk.tags, merged.talk.status, merged.talk.event]).toEqual([
      5,
      'Observability',
      ['metrics'],
      'watched',
      'KubeCon',
    ]);
    // Where both set a field, the later wins, as ever.
    const both = sync({ talk: talk({ interest: 2, updatedAt: at(9) }), notes: [], deletions: [], base: null }, fromA, 'd_b').file!;
    expect(both.talk.interest).toBe(2);
    // With a base, a field cleared since is a change like any other.
    const cleared = sync({ ...caughtUp(merged), talk: { ...localRecords(merged).talk!, category: null, updatedAt: at(20) } }, merged, 'd_a').file!;
    expect(cleared.talk.category).toBeNull();
  });

  test('a deleted talk is gone on the other device, and comes back when clipped again', () => {
    const base = first();
    const deletions = [
      { id: 'n_1', talkId: 't_Pr0meTheus1', deletedAt: at(7) },
      { id: 't_Pr0meTheus1', talkId: 't_Pr0meTheus1', deletedAt: at(7) },
    ];
    const deleted = sync({ talk: undefined, notes: [], deletions, base }, base, 'd_a').file!;
    expect(localRecords(sync(caughtUp(base), deleted, 'd_b').file!)).toEqual({ talk: null, notes: [] });
    const again = sync({ talk: talk({ createdAt: at(8), updatedAt: at(8) }), notes: [], deletions: [], base: deleted }, deleted, 'd_a').file!;
    expect(localRecords(again).talk?.title).toBe('Evolving Prometheus');
  });

  test('a talk held again after its deletion was synced is back, though its updatedAt and a faster clock say otherwise', () => {
    const base = sync({ talk: talk({ interest: 4, updatedAt: at(5) }), notes: [], deletions: [], base: null }, null, 'd_a').file!;
    // B's clock runs ahead: its deletion is stamped later than A's clock will read for a while.
    const deleted = sync(
      { talk: undefined, notes: [], deletions: [{ id: 't_Pr0meTheus1', talkId: 't_Pr0meTheus1', deletedAt: at(50) }], base },
      base,
      'd_b',
    ).file!;
    const onA = sync(caughtUp(base), deleted, 'd_a').file!;
    expect(localRecords(onA).talk).toBeNull();
    // Undo (or an import) on A puts the talk back as it was, updatedAt and all.
    const restored = sync({ talk: talk({ interest: 4, updatedAt: at(5) }), notes: [], deletions: [], base: onA }, deleted, 'd_a').file!;
    expect(localRecords(restored).talk?.interest).toBe(4);
    expect(localRecords(sync(caughtUp(deleted), restored, 'd_b').file!).talk?.interest).toBe(4);
  });

  test('an older file put back on the server (a restored server backup) undoes no note this device synced', () => {
    const older = first();
    const edited = sync(
      { ...caughtUp(older), talk: talk({ event: 'KubeCon', updatedAt: at(5) }), notes: [note('n_1', 'edited on A', 5), note('n_2', 'added on A', 5)] },
      older,
      'd_a',
    ).file!;
    const deleted = sync(
      { ...caughtUp(edited), notes: [note('n_1', 'edited on A', 5)], deletions: [{ id: 'n_2', talkId: 't_Pr0meTheus1', deletedAt: at(6) }] },
      edited,
      'd_a',
    ).file!;
    // The server is put back as it was before all of that; A, unchanged since, syncs: its own older text is one it
    // replaced, the deletion stands. A talk's own fields take the server's, as ever.
    const onA = sync(caughtUp(deleted), older, 'd_a');
    const texts = (file: TalkFile) => localRecords(file).notes.map((n) => [n.body, isConflictCopy(n)]);
    expect(texts(onA.file!)).toEqual([['edited on A', false]]);
    expect(onA.file!.tombstones.map((t) => t.id)).toEqual(['n_2']);
    expect(onA.conflicts).toBe(0);
    // B had seen the edits, not the deletion, and edits meanwhile: its edit stays the note, and the older text that
    // came back, which B cannot tell from one written on the restored file, stays beside it.
    const onB = sync({ ...caughtUp(edited), notes: [note('n_1', 'edited on B', 9), note('n_2', 'added on A', 5)] }, older, 'd_b');
    expect(texts(onB.file!)).toEqual([
      ['edited on B', false],
      ['first text', true],
      ['added on A', false],
    ]);
    // Synced again, nothing changes.
    expect(sync(caughtUp(onA.file!), onA.file, 'd_a').file).toEqual(onA.file);
  });

  test('words typed while a sync ran, on a device whose clock is behind, survive the next sync', () => {
    const base = first();
    // B, whose clock is ahead, edits the note; A takes it.
    const fromB = sync({ ...caughtUp(base), notes: [note('n_1', 'B edit', 10)] }, base, 'd_b').file!;
    // A edits it: its stamp is moved to just after B's. The write lands, but the user went on typing, so A's
    // records were not replaced by what it wrote and its base is still B's file: both versions get that stamp.
    const written = sync({ ...caughtUp(fromB), notes: [note('n_1', 'A v1', 8)] }, fromB, 'd_a').file!;
    const next = sync({ ...caughtUp(fromB), notes: [note('n_1', 'A v1 and the words typed during the sync', 9)] }, written, 'd_a').file!;
    expect(localRecords(next).notes.map((n) => n.body)).toEqual(['A v1 and the words typed during the sync']);
  });

  test('a talk field an older Talklog kept at a first sync, stamped before the value it kept it over, stays', () => {
    const fromA = sync({ talk: talk({ event: null, updatedAt: at(10) }), notes: [], deletions: [], base: null }, null, 'd_a').file!;
    const fromOlderB: TalkFile = { ...fromA, talk: { ...fromA.talk, event: 'KubeCon' }, talkStamps: { ...fromA.talkStamps, event: { at: at(5), by: 'd_b' } } };
    expect(sync(caughtUp(fromA), fromOlderB, 'd_a').file!.talk.event).toBe('KubeCon');
  });

  test(`tombstones older than ${TOMBSTONE_DAYS} days are dropped`, () => {
    const base = first();
    const local = { ...caughtUp(base), notes: [], deletions: [{ id: 'n_1', talkId: 't_Pr0meTheus1', deletedAt: at(7) }] };
    const daysLater = (days: number) => new Date(Date.parse(at(7)) + days * 86_400_000);
    expect(mergeTalk(local, base, 'd_a', daysLater(TOMBSTONE_DAYS - 1)).file!.tombstones.map((t) => t.id)).toEqual(['n_1']);
    expect(mergeTalk(local, base, 'd_a', daysLater(TOMBSTONE_DAYS + 1)).file!.tombstones).toEqual([]);
  });
});

describe('parseTalkFile', () => {
  test('reads a talk an older Talklog synced with a speaker past the limit, the speaker cut as import cuts it', () => {
    const runOn = `Jane Doe, Acme Corp and ${'the maintainers of every project '.repeat(20)}`;
    const file = sync({ talk: talk({ speakers: [runOn] }), notes: [], deletions: [], base: null }, null, 'd_a').file!;
    const read = parseTalkFile(serializeTalkFile(file), 'Pr0meTheus1');
    expect(read.ok && read.file.talk?.speakers).toEqual([`${runOn.slice(0, 199)}…`]);
  });

  test('reads a talk an older Talklog synced with a title, channel, category or tag past its limit, each cut as import cuts it', () => {
    const long = { title: 'T'.repeat(1001), channel: 'C'.repeat(201), category: 'K'.repeat(300), tags: ['ok', 'G'.repeat(250)] };
    const file = sync({ talk: talk(long), notes: [], deletions: [], base: null }, null, 'd_a').file!;
    const read = parseTalkFile(serializeTalkFile(file), 'Pr0meTheus1');
    expect(read.ok && read.file.talk).toMatchObject({
      title: `${'T'.repeat(999)}…`,
      channel: `${'C'.repeat(199)}…`,
      category: `${'K'.repeat(199)}…`,
      tags: ['ok', `${'G'.repeat(199)}…`],
    });
  });

  test.each(['__proto__', 'hasOwnProperty', 'toString'])('refuses a stamp of %s, which no talk has as a field of its own', (field) => {
    const base = first();
    const deletions = [
      { id: 'n_1', talkId: 't_Pr0meTheus1', deletedAt: at(7) },
      { id: 't_Pr0meTheus1', talkId: 't_Pr0meTheus1', deletedAt: at(7) },
    ];
    const deleted = sync({ talk: undefined, notes: [], deletions, base }, base, 'd_a').file!;
    // A stamp later than the deletion: read as a talk field's, it would bring the deleted talk back.
    const text = serializeTalkFile(deleted).replace(/"talkStamps": \{/, `$&"${field}": {"at": "${at(9)}", "by": "d_b"},`);
    expect(text).toContain(`"${field}": {`);
    expect(parseTalkFile(text, 'Pr0meTheus1')).toEqual({ ok: false, error: `talkStamps.${field}: expected a stamp of a talk field` });
  });
});
