import { describe, expect, test } from 'vitest';
import { talkVocabulary, undoTalksChange, updateTalkDetails, updateTalksDetails } from '../../src/db/library';
import { clipTalk } from '../../src/db/talks';
import { makeTalk } from '../export/records';
import { capturedTalk, freshDb, writeLibrary } from './test-db';

const LATER = new Date('2026-11-27T08:00:00Z');

describe('updateTalkDetails', () => {
  test('stores trimmed details, blank event and category as none, tags without duplicates, and the time', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk(), new Date('2026-11-26T05:00:00Z'));
    const saved = await updateTalkDetails(
      db,
      talk.id,
      {
        title: '  Evolving Prometheus  ',
        speakers: [' Bartłomiej Płotka, Red Hat ', '', 'Richard Hartmann'],
        event: '  ',
        category: ' Observability ',
        tags: ['prometheus', ' Prometheus', 'metrics ', ''],
        interest: 4,
        status: 'watched',
      },
      LATER,
    );
    expect(saved).toMatchObject({
      title: 'Evolving Prometheus',
      speakers: ['Bartłomiej Płotka, Red Hat', 'Richard Hartmann'],
      event: null,
      category: 'Observability',
      tags: ['prometheus', 'metrics'],
      interest: 4,
      status: 'watched',
      createdAt: '2026-11-26T05:00:00.000Z',
      updatedAt: LATER.toISOString(),
    });
    expect(await db.talks.get(talk.id)).toEqual(saved);
  });

  test('changes only the fields given', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    await updateTalkDetails(db, talk.id, { event: 'KubeCon NA 2021' });
    const saved = await updateTalkDetails(db, talk.id, { interest: 5 });
    expect(saved).toMatchObject({ event: 'KubeCon NA 2021', interest: 5, title: talk.title, status: talk.status });
  });

  test.each([
    [{ interest: 6 }, 'Interest is 0 (unrated) to 5 stars'],
    [{ interest: 2.5 }, 'Interest is 0 (unrated) to 5 stars'],
    [{ interest: -1 }, 'Interest is 0 (unrated) to 5 stars'],
    [{ status: 'done' }, 'to-watch, watching, watched'],
    [{ title: '   ' }, 'A talk needs a title'],
  ])('refuses %o and leaves the talk as it was', async (patch, message) => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    await expect(updateTalkDetails(db, talk.id, patch)).rejects.toThrow(message);
    expect(await db.talks.get(talk.id)).toEqual(talk);
  });

  test('says so when the talk is gone', async () => {
    const db = freshDb();
    await expect(updateTalkDetails(db, 't_missingTalk', { interest: 1 })).rejects.toThrow('no longer saved');
  });
});

describe('updateTalksDetails', () => {
  test('changes several talks at once and leaves out those that are gone', async () => {
    const db = freshDb();
    await writeLibrary(db, () => db.talks.bulkAdd([makeTalk('aaaaaaaaaaa'), makeTalk('bbbbbbbbbbb'), makeTalk('ccccccccccc')]));
    const { after: updated } = await updateTalksDetails(
      db,
      ['t_aaaaaaaaaaa', 't_ccccccccccc', 't_goneeeeeeee'],
      { category: 'Security', status: 'to-watch' },
      LATER,
    );
    expect(updated.map((talk) => talk.id)).toEqual(['t_aaaaaaaaaaa', 't_ccccccccccc']);
    const stored = await db.talks.toArray();
    expect(stored.map((talk) => [talk.id, talk.category, talk.status, talk.updatedAt])).toEqual([
      ['t_aaaaaaaaaaa', 'Security', 'to-watch', LATER.toISOString()],
      ['t_bbbbbbbbbbb', null, 'watched', '2021-10-20T10:00:00.000Z'],
      ['t_ccccccccccc', 'Security', 'to-watch', LATER.toISOString()],
    ]);
  });
});

describe('undoTalksChange', () => {
  const EVEN_LATER = new Date('2026-11-28T08:00:00Z');
  const UNDONE_AT = new Date('2026-11-29T08:00:00Z');

  test('puts back the field changed, also in a talk changed since in other fields, and leaves one whose field was changed since', async () => {
    const db = freshDb();
    await writeLibrary(db, () =>
      db.talks.bulkAdd([
        { ...makeTalk('aaaaaaaaaaa'), category: 'Observability' },
        { ...makeTalk('bbbbbbbbbbb'), category: 'Security', interest: 2 },
        { ...makeTalk('ccccccccccc'), category: null },
      ]),
    );
    const change = await updateTalksDetails(db, ['t_aaaaaaaaaaa', 't_bbbbbbbbbbb', 't_ccccccccccc'], { category: 'Bulk Cat' }, LATER);
    // Since: b rated (another field), c's category changed again.
    await updateTalkDetails(db, 't_bbbbbbbbbbb', { interest: 5 }, EVEN_LATER);
    await updateTalkDetails(db, 't_ccccccccccc', { category: 'Platform' }, EVEN_LATER);

    const undone = await undoTalksChange(db, change, UNDONE_AT);

    expect(undone.restored.map((talk) => talk.id)).toEqual(['t_aaaaaaaaaaa', 't_bbbbbbbbbbb']);
    expect(undone.changedSince.map((talk) => talk.id)).toEqual(['t_ccccccccccc']);
    const stored = await db.talks.orderBy('id').toArray();
    expect(stored.map((talk) => [talk.id, talk.category, talk.interest, talk.updatedAt])).toEqual([
      ['t_aaaaaaaaaaa', 'Observability', 0, UNDONE_AT.toISOString()],
      ['t_bbbbbbbbbbb', 'Security', 5, UNDONE_AT.toISOString()],
      ['t_ccccccccccc', 'Platform', 0, EVEN_LATER.toISOString()],
    ]);
  });

  test('a talk deleted since counts as changed since; one the change left as it was is undone without a write', async () => {
    const db = freshDb();
    await writeLibrary(db, () =>
      db.talks.bulkAdd([
        { ...makeTalk('aaaaaaaaaaa'), status: 'watched' },
        { ...makeTalk('bbbbbbbbbbb'), status: 'to-watch' },
      ]),
    );
    const change = await updateTalksDetails(db, ['t_aaaaaaaaaaa', 't_bbbbbbbbbbb'], { status: 'to-watch' }, LATER);
    await writeLibrary(db, () => db.talks.delete('t_aaaaaaaaaaa'));

    const undone = await undoTalksChange(db, change, UNDONE_AT);

    expect(undone.restored.map((talk) => talk.id)).toEqual(['t_bbbbbbbbbbb']);
    expect(undone.changedSince.map((talk) => talk.id)).toEqual(['t_aaaaaaaaaaa']);
    expect(await db.talks.toArray()).toEqual([expect.objectContaining({ id: 't_bbbbbbbbbbb', status: 'to-watch', updatedAt: LATER.toISOString() })]);
  });

  test('puts back a list field (tags) only while it holds what the change wrote', async () => {
    const db = freshDb();
    await writeLibrary(db, () =>
      db.talks.bulkAdd([
        { ...makeTalk('aaaaaaaaaaa'), tags: ['old'] },
        { ...makeTalk('bbbbbbbbbbb'), tags: ['old'] },
      ]),
    );
    const change = await updateTalksDetails(db, ['t_aaaaaaaaaaa', 't_bbbbbbbbbbb'], { tags: ['new'] }, LATER);
    await updateTalkDetails(db, 't_bbbbbbbbbbb', { tags: ['new', 'more'] }, EVEN_LATER);

    const undone = await undoTalksChange(db, change, UNDONE_AT);

    expect(undone.changedSince.map((talk) => talk.id)).toEqual(['t_bbbbbbbbbbb']);
    const stored = await db.talks.orderBy('id').toArray();
    expect(stored.map((talk) => talk.tags)).toEqual([['old'], ['new', 'more']]);
  });
});

describe('talkVocabulary', () => {
  test('lists the categories, events and tags in use, each once, in a friendly order', async () => {
    const db = freshDb();
    await writeLibrary(db, () =>
      db.talks.bulkAdd([
        makeTalk('aaaaaaaaaaa', { category: 'Security', event: 'KubeCon EU 2022', tags: ['supply chain', 'sbom'] }),
        makeTalk('bbbbbbbbbbb', { category: 'observability', event: 'KubeCon NA 2021', tags: ['prometheus', 'sbom'] }),
        makeTalk('ccccccccccc', { category: 'Security', event: null, tags: [] }),
        makeTalk('ddddddddddd', { category: null, event: 'KubeCon NA 2021', tags: ['Tracing'] }),
      ]),
    );
    expect(await talkVocabulary(db)).toEqual({
      categories: ['observability', 'Security'],
      events: ['KubeCon EU 2022', 'KubeCon NA 2021'],
      tags: ['prometheus', 'sbom', 'supply chain', 'Tracing'],
    });
  });
});
