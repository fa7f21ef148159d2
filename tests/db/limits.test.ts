import { expect, test } from 'vitest';
import { importBackupFile } from '../../src/db/import-backup';
import { updateTalkDetails } from '../../src/db/library';
import { addNote, updateNoteBody } from '../../src/db/notes';
import { allTalksAndNotes } from '../../src/db/library';
import { queuePlaylist } from '../../src/db/queue';
import { clipTalk, getTalk } from '../../src/db/talks';
import { saveTalkToWatch } from '../../src/db/watch-later';
import { createBackup, serializeBackup } from '../../src/export/backup';
import { NAME_MAX_CHARS, NOTE_MAX_CHARS, TITLE_MAX_CHARS } from '../../src/talk/limits';
import { capturedTalk, freshDb } from './test-db';
import { talkHere } from '../../src/content/talk-here';
import { boundedPageTalk } from '../../src/talk/bounded-text';

const NOW = new Date('2026-11-26T05:00:00.000Z');

test('the largest records a person or a page can make are exported and imported back whole', async () => {
  const db = freshDb();
  // A page says whatever it likes: the content script cuts its text to the limits and drops impossible numbers.
  const read = talkHere('Pr0meTheus1', 'T'.repeat(2_000_000), { channel: 'C'.repeat(5_000), durationSec: 1e308, currentSec: 1e308, chapters: [] });
  if (read.kind !== 'talk') throw new Error('a talk is read');
  expect(read.talk.currentSec).toBeNull();
  // (Its speakers come from the title; boundedPageTalk, which talkHere applies, cuts them too.)
  const { speakers } = boundedPageTalk(capturedTalk({ speakers: ['S'.repeat(5_000), 'Another'] }));
  const talk = await clipTalk(db, { ...read.talk, speakers }, NOW);
  expect([talk.title.length, talk.youtubeTitle?.length, talk.channel?.length, talk.speakers[0].length]).toEqual([
    TITLE_MAX_CHARS,
    TITLE_MAX_CHARS,
    NAME_MAX_CHARS,
    NAME_MAX_CHARS,
  ]);
  expect([talk.title.endsWith('…'), talk.durationSec]).toEqual([true, null]);
  const queued = await saveTalkToWatch(db, { videoId: 'Qu3u3dTa1k0', url: 'https://www.youtube.com/watch?v=Qu3u3dTa1k0', title: 'Q'.repeat(3_000) }, NOW);
  expect(queued.title.length).toBe(TITLE_MAX_CHARS);
  // A link's text whose speakers part runs on: the last speaker's company takes the rest, cut as any name is.
  const link = `Keynote: The Road Ahead - Jane Doe, Acme Corp and ${'the maintainers of every project '.repeat(20)}`;
  const linked = await saveTalkToWatch(db, { videoId: 'L1nkedTa1k0', url: 'https://www.youtube.com/watch?v=L1nkedTa1k0', title: link }, NOW);
  expect(linked.speakers.map((speaker) => speaker.length)).toEqual([NAME_MAX_CHARS]);
  // A playlist's rows are a page's text too: cut as a watch page's are.
  const row = { videoId: 'L0ngRowTa1k', position: 1, title: 'R'.repeat(3_000), channel: 'C'.repeat(500), durationSec: 1e308, unavailable: null };
  await queuePlaylist(db, { id: 'PLkc21NAconfPlaylist01', title: 'KubeCon NA 2021', size: 1, rows: [row], complete: true }, 'e'.repeat(NAME_MAX_CHARS), NOW);
  const fromRow = (await getTalk(db, 't_L0ngRowTa1k'))!;
  expect([fromRow.title.length, fromRow.youtubeTitle?.length, fromRow.channel?.length, fromRow.durationSec]).toEqual([
    TITLE_MAX_CHARS,
    TITLE_MAX_CHARS,
    NAME_MAX_CHARS,
    null,
  ]);
  // A person fills every field to its limit.
  await updateTalkDetails(db, talk.id, {
    event: 'e'.repeat(NAME_MAX_CHARS),
    category: 'c'.repeat(NAME_MAX_CHARS),
    tags: ['t'.repeat(NAME_MAX_CHARS), 'u'.repeat(NAME_MAX_CHARS)],
    speakers: ['s'.repeat(NAME_MAX_CHARS)],
  });
  await addNote(db, talk.id, 'n'.repeat(NOTE_MAX_CHARS), 86_400, NOW);
  await addNote(db, talk.id, 'from a page that claims a position of 1e308', 1e308, NOW);

  const { talks, notes } = await allTalksAndNotes(db);
  const restored = freshDb();
  await importBackupFile(restored, new Blob([serializeBackup(createBackup(talks, notes, NOW))]));
  expect(await allTalksAndNotes(restored)).toEqual({ talks, notes });
  expect(notes.map((note) => note.atSec).sort()).toEqual([86_400, null]);
});

test('what a person types past a limit is refused, saying the limit', async () => {
  const db = freshDb();
  const talk = await clipTalk(db, capturedTalk(), NOW);
  await expect(addNote(db, talk.id, 'n'.repeat(NOTE_MAX_CHARS + 1), 12)).rejects.toThrow('A note is at most 1,000,000 characters; this one has 1,000,001.');
  const note = await addNote(db, talk.id, 'short', 12);
  await expect(updateNoteBody(db, note, 'n'.repeat(NOTE_MAX_CHARS + 5))).rejects.toThrow('A note is at most 1,000,000 characters; this one has 1,000,005.');
  await expect(updateTalkDetails(db, talk.id, { title: 'x'.repeat(1_001) })).rejects.toThrow('A title is at most 1,000 characters; this one has 1,001.');
  await expect(updateTalkDetails(db, talk.id, { event: 'x'.repeat(201) })).rejects.toThrow('An event is at most 200 characters; this one has 201.');
  await expect(updateTalkDetails(db, talk.id, { category: 'x'.repeat(201) })).rejects.toThrow('A category is at most 200 characters; this one has 201.');
  await expect(updateTalkDetails(db, talk.id, { tags: ['ok', 'x'.repeat(300)] })).rejects.toThrow('A tag is at most 200 characters; this one has 300.');
  await expect(updateTalkDetails(db, talk.id, { speakers: ['x'.repeat(250)] })).rejects.toThrow('A speaker is at most 200 characters; this one has 250.');
  const row = { videoId: 'kc21talk001', position: 1, title: 'A talk - Jane Doe, Acme', channel: 'CNCF', durationSec: 1800, unavailable: null };
  const queue = { id: 'PLkc21NAconfPlaylist01', title: 'KubeCon NA 2021', size: 1, rows: [row], complete: true };
  await expect(queuePlaylist(db, queue, 'KubeCon '.repeat(30))).rejects.toThrow('An event is at most 200 characters; this one has 239.');
  expect(await getTalk(db, 't_kc21talk001')).toBeUndefined();
  expect((await allTalksAndNotes(db)).notes.map((stored) => stored.body)).toEqual(['short']);
});
