import { randomBytes } from 'node:crypto';
import { strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { TalklogDb } from '../../src/db/database';
import { importBackupFile } from '../../src/db/import-backup';
import { addNote, allNotes } from '../../src/db/notes';
import { addSlide } from '../../src/db/slides';
import { clipTalk } from '../../src/db/talks';
import { createBackup, serializeBackup } from '../../src/export/backup';
import { backupZip } from '../../src/export/backup-archive';
import { backupFile } from '../../src/options/backup-file';
import { draftSlidesOwner } from '../../src/talk/slide-owner';
import type { SlideType } from '../../src/talk/slide';
import { makeNote, makeTalk } from '../export/records';
import { capturedTalk, freshDb, nothingImported } from './test-db';

const NOW = new Date('2026-11-26T05:00:00.000Z');

/** Bytes that start as a WebP or a JPEG file does, then differ: what import sniffs and checksums. */
function imageBytes(type: SlideType, size = 2000): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(randomBytes(size));
  if (type === 'image/jpeg') body.set([0xff, 0xd8, 0xff, 0xe0]);
  else body.set([...strToU8('RIFF'), 0, 0, 0, 0, ...strToU8('WEBPVP8 ')]);
  return body;
}

/** A library with two talks, notes, three slides of notes (one JPEG) and one of a draft. */
async function libraryWithSlides(): Promise<{ db: TalklogDb; noteId: string }> {
  const db = freshDb();
  const talk = await clipTalk(db, capturedTalk());
  const other = await clipTalk(db, capturedTalk({ videoId: 'OpenMetr1cs', url: 'https://www.youtube.com/watch?v=OpenMetr1cs', title: 'OpenMetrics' }));
  const note = await addNote(db, talk.id, 'the architecture slide', 754);
  const otherNote = await addNote(db, other.id, 'counters', 95);
  const slide = (talkId: string, atSec: number, type: SlideType) => ({
    talkId,
    atSec,
    width: 1280,
    height: 720,
    type,
    image: new Blob([imageBytes(type, 50_000)], { type }),
    thumbnail: new Blob([imageBytes(type)], { type }),
  });
  await addSlide(db, note.id, slide(talk.id, 754.125, 'image/webp'), new Date('2026-11-20T10:04:12.000Z'));
  await addSlide(db, note.id, slide(talk.id, 760, 'image/webp'), new Date('2026-11-20T10:04:20.000Z'));
  await addSlide(db, otherNote.id, slide(other.id, 95.5, 'image/jpeg'), new Date('2026-11-20T11:00:00.000Z'));
  await addSlide(db, draftSlidesOwner(talk.id), slide(talk.id, 800, 'image/webp'));
  return { db, noteId: note.id };
}

/** Every table, images as their type and bytes: equal dumps mean an untouched database. */
async function dump(db: TalklogDb): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const records = await table.toArray();
    tables[table.name] = await Promise.all(
      records.map(async (record: Record<string, unknown>) =>
        Object.fromEntries(
          await Promise.all(
            Object.entries(record).map(async ([key, value]) => [
              key,
              value instanceof Blob ? `${value.type}:${Buffer.from(await value.arrayBuffer()).toString('hex')}` : value,
            ]),
          ),
        ),
      ),
    );
  }
  return JSON.stringify(tables);
}

async function zipOf(db: TalklogDb): Promise<Uint8Array> {
  const file = await backupFile(db, NOW);
  expect(file.data).toBeInstanceOf(Blob);
  return new Uint8Array(await (file.data as Blob).arrayBuffer());
}

/** The zip with its files changed as `change` says, written again. */
function rezipped(zip: Uint8Array, change: (files: Unzipped) => void): Blob {
  const files = unzipSync(zip);
  change(files);
  return new Blob([zipSync(files, { level: 0 }) as Uint8Array<ArrayBuffer>]);
}

function changeJson(files: Unzipped, change: (json: any) => void): void {
  const json = JSON.parse(new TextDecoder().decode(files['talklog-backup.json']));
  change(json);
  files['talklog-backup.json'] = strToU8(JSON.stringify(json));
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

describe('Export backup', () => {
  test('without slides is the plain JSON, version 3 with an empty list of slides', async () => {
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk());
    await addNote(db, talk.id, 'no slide here', 1);
    await addSlide(db, draftSlidesOwner(talk.id), {
      talkId: talk.id,
      atSec: 2,
      width: 2,
      height: 2,
      type: 'image/webp',
      image: new Blob(['x']),
      thumbnail: new Blob(['x']),
    });
    const file = await backupFile(db, NOW);
    expect(file).toMatchObject({ name: 'talklog-backup.json', type: 'application/json', talks: 1, notes: 1, slides: 0 });
    const json = JSON.parse(file.data as string);
    expect(json).toMatchObject({ format: 'talklog-backup', version: 3, slides: [] });
  });

  test('with slides more than one backup can hold is the JSON of every talk and note, saying which slides are left out and why', async () => {
    const { db, noteId } = await libraryWithSlides();
    await addSlide(db, noteId, {
      talkId: 't_Pr0meTheus1',
      atSec: 4,
      width: 3840,
      height: 2160,
      type: 'image/webp',
      image: new Blob([imageBytes('image/webp', 33 * 1024 * 1024)], { type: 'image/webp' }),
      thumbnail: new Blob([imageBytes('image/webp')], { type: 'image/webp' }),
    });
    const file = await backupFile(db, NOW);
    expect(file).toMatchObject({
      name: 'talklog-backup.json',
      type: 'application/json',
      talks: 2,
      notes: 2,
      slides: 0,
      slidesLeftOut: { count: 4, why: 'the slide at 4 s of t_Pr0meTheus1 is larger than the 32 MiB one image may be in a backup' },
    });
    const imported = freshDb();
    await importBackupFile(imported, new File([file.data], file.name));
    expect((await allNotes(imported)).map((note) => note.body).sort()).toEqual(['counters', 'the architecture slide']);
  });

  test('with slides is a zip: the JSON first, then each image and thumbnail stored, as the JSON lists them', async () => {
    const { db } = await libraryWithSlides();
    const file = await backupFile(db, NOW);
    expect(file).toMatchObject({ name: 'talklog-backup-2026-11-26.zip', type: 'application/zip', talks: 2, notes: 2, slides: 3 });
    const files = unzipSync(new Uint8Array(await (file.data as Blob).arrayBuffer()));
    const json = JSON.parse(new TextDecoder().decode(files['talklog-backup.json']));
    const stored = (await db.slides.orderBy('id').toArray()).filter((slide) => slide.owner.startsWith('n_'));
    expect(json.slides.map((slide: { id: string }) => slide.id)).toEqual(stored.map((slide) => slide.id));
    expect(Object.keys(files)).toEqual([
      'talklog-backup.json',
      ...stored.flatMap((slide) => [
        json.slides.find((s: { id: string }) => s.id === slide.id).file,
        `slides/thumbnails/${slide.id}.${slide.type === 'image/jpeg' ? 'jpg' : 'webp'}`,
      ]),
    ]);
    for (const slide of stored) {
      const listed = json.slides.find((s: { id: string }) => s.id === slide.id);
      const image = new Uint8Array(await slide.image.arrayBuffer());
      expect(listed).toMatchObject({
        noteId: slide.owner,
        talkId: slide.talkId,
        atSec: slide.atSec,
        takenAt: slide.takenAt,
        width: 1280,
        height: 720,
        type: slide.type,
      });
      expect(files[listed.file]).toEqual(image);
      expect(listed.sha256).toBe(await sha256(image));
      expect(listed.thumbnailSha256).toBe(await sha256(new Uint8Array(await slide.thumbnail.arrayBuffer())));
    }
  });

  test('round trip: imported into an empty library and exported again, the zip is byte for byte the same', async () => {
    const { db } = await libraryWithSlides();
    // A queued talk deleted: the zip carries that too.
    await db.deletedFromQueue.put({ talkId: 't_kc21talk002', deletedAt: '2026-11-21T10:00:00.000Z' });
    const first = await zipOf(db);
    const restored = freshDb();
    const counts = await importBackupFile(restored, new Blob([first as Uint8Array<ArrayBuffer>]));
    expect(counts).toEqual({ talksAdded: 2, talksUpdated: 0, notesAdded: 2, notesUpdated: 0, slidesAdded: 3, talksCut: 0, skipped: 0, older: 0 });
    const again = await zipOf(restored);
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(await restored.deletedFromQueue.toArray()).toEqual([{ talkId: 't_kc21talk002', deletedAt: '2026-11-21T10:00:00.000Z' }]);
    const imported = await restored.slides.orderBy('id').toArray();
    expect(imported.map((slide) => slide.image.type)).toEqual(imported.map((slide) => slide.type));
  });

  test('importing the same zip twice changes nothing the second time', async () => {
    const { db } = await libraryWithSlides();
    const zip = new Blob([(await zipOf(db)) as Uint8Array<ArrayBuffer>]);
    const restored = freshDb();
    await importBackupFile(restored, zip);
    const after = await dump(restored);
    expect(await importBackupFile(restored, zip)).toEqual(nothingImported(7));
    expect(await dump(restored)).toBe(after);
  });
  test('refuses to write what import would refuse: too many slides, or an image too large', async () => {
    const slide = (image: Blob) => ({
      id: 's_1',
      noteId: 'n_1',
      talkId: 't_Pr0meTheus1',
      atSec: 4,
      takenAt: NOW.toISOString(),
      width: 2,
      height: 2,
      type: 'image/webp' as const,
      image,
      thumbnail: image,
    });
    const small = new Blob([imageBytes('image/webp', 20)]);
    await expect(
      backupZip(
        [],
        [],
        Array.from({ length: 10_001 }, () => slide(small)),
        NOW,
      ),
    ).rejects.toThrow('10,001 slides are more than one backup can hold (10,000): delete some slides, or export the talk log with its slides instead.');
    await expect(backupZip([], [], [slide(small), slide(new Blob([new Uint8Array(33 * 1024 * 1024)]))], NOW)).rejects.toThrow(
      'the slide at 4 s of t_Pr0meTheus1 is larger than the 32 MiB one image may be in a backup',
    );
  });
});

describe('Import backup', () => {
  test('old JSON backups, versions 1 and 2, still import', async () => {
    const talk = makeTalk('Pr0meTheus1', { title: 'Evolving Prometheus' });
    const note = makeNote(talk, 'scrape limits', { atSec: 252 });
    for (const version of [1, 2]) {
      const json = JSON.parse(serializeBackup(createBackup([talk], [note], NOW)));
      json.version = version;
      delete json.slides;
      if (version === 1) delete json.talks[0].playlist;
      const db = freshDb();
      expect(await importBackupFile(db, new Blob([JSON.stringify(json)]))).toMatchObject({ talksAdded: 1, notesAdded: 1 });
      expect(await db.talks.toArray()).toEqual([talk]);
      expect(await allNotes(db)).toEqual([note]);
    }
  });

  const tooManyFiles = (files: Unzipped) => {
    for (let i = 0; i < 20_001; i++) files[`slides/thumbnails/s_${i}.webp`] = new Uint8Array(0);
  };
  const firstImage = (files: Unzipped) => Object.keys(files).find((name) => /^slides\/s_.*\.webp$/.test(name))!;

  test.each<[string, (files: Unzipped) => void | Promise<void>, string | RegExp]>([
    ['a missing image', (files) => void delete files[firstImage(files)], /^slides\[\d\]: its file "slides\/s_.*\.webp" is not in the zip\.$/],
    [
      'a missing thumbnail',
      (files) => void delete files[Object.keys(files).find((name) => name.startsWith('slides/thumbnails/'))!],
      /^slides\[\d\]: its file "slides\/thumbnails\/s_.*" is not in the zip\.$/,
    ],
    [
      'a corrupt image',
      (files) => void files[firstImage(files)].fill(0, 100, 200),
      /^slides\[\d\]: "slides\/s_.*\.webp" is damaged \(its SHA-256 checksum is not the one the backup lists\)\.$/,
    ],
    [
      'an image that is no WebP, its checksum made to match',
      async (files) => {
        const name = firstImage(files);
        files[name] = strToU8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
        const hash = await sha256(files[name] as Uint8Array<ArrayBuffer>);
        changeJson(files, (json) => (json.slides.find((slide: { file: string }) => slide.file === name).sha256 = hash));
      },
      /^slides\[\d\]: "slides\/s_.*\.webp" is not a WebP image\.$/,
    ],
    [
      'a path with ../',
      (files) => void (files['../../.bashrc'] = strToU8('evil')),
      '"../../.bashrc" in the zip climbs out of the backup with "..": Talklog never writes such a path.',
    ],
    [
      'an absolute path',
      (files) => void (files['/tmp/evil.webp'] = strToU8('evil')),
      '"/tmp/evil.webp" in the zip is an absolute path: Talklog never writes such a path.',
    ],
    ['an unknown file', (files) => void (files['README.txt'] = strToU8('hello')), '"README.txt" in the zip is not part of a Talklog backup.'],
    [
      'an image no slide lists',
      (files) => void (files['slides/s_stowaway.webp'] = files[firstImage(files)]),
      '"slides/s_stowaway.webp" in the zip belongs to no slide of talklog-backup.json.',
    ],
    ['too many files', tooManyFiles, 'The zip holds more than 20,001 files, more than any Talklog backup.'],
    [
      'a zip bomb',
      (files) => void (files[firstImage(files)] = new Uint8Array(40 * 1024 * 1024)),
      /^"slides\/s_.*\.webp" in the zip says it unpacks to 40 MiB, more than the 32 MiB it may hold\.$/,
    ],
    [
      'no JSON',
      (files) => void delete files['talklog-backup.json'],
      'The zip holds no talklog-backup.json, so it is not a Talklog backup: choose the talklog-backup-….zip that "Export backup" saved.',
    ],
    [
      'a bad JSON',
      (files) => changeJson(files, (json) => (json.talks[0].videoId = 'short')),
      /^talks\[0\]\.videoId: expected an 11-character YouTube video id/,
    ],
    [
      'a slide of no note',
      (files) => changeJson(files, (json) => (json.slides[2].noteId = 'n_gone')),
      'slides[2].noteId: no note "n_gone" in this file or in Talklog',
    ],
  ])('refuses %s, and the library stays exactly as it was', async (_name, change, message) => {
    const { db: source } = await libraryWithSlides();
    const zip = await zipOf(source);
    const db = freshDb();
    const talk = await clipTalk(db, capturedTalk({ videoId: 'K33pMeHere1', url: 'https://www.youtube.com/watch?v=K33pMeHere1' }));
    const note = await addNote(db, talk.id, 'already here', 3);
    await addSlide(db, note.id, {
      talkId: talk.id,
      atSec: 3,
      width: 4,
      height: 3,
      type: 'image/webp',
      image: new Blob([imageBytes('image/webp')]),
      thumbnail: new Blob([imageBytes('image/webp')]),
    });
    const before = await dump(db);
    const files = unzipSync(zip);
    await change(files);
    const hostile = new Blob([zipSync(files, { level: 0 }) as Uint8Array<ArrayBuffer>]);
    await expect(importBackupFile(db, hostile)).rejects.toThrow(message);
    expect(await dump(db)).toBe(before);
  });

  test('a zip from a newer Talklog, with a file this one does not know, says to update Talklog', async () => {
    const { db: source } = await libraryWithSlides();
    const zip = rezipped(await zipOf(source), (files) => {
      changeJson(files, (json) => (json.version = 4));
      files['slides/audio/s_1.opus'] = strToU8('a kind of file a later version writes');
    });
    const db = freshDb();
    await expect(importBackupFile(db, zip)).rejects.toThrow('version: this backup was made by a newer Talklog (backup version 4); update Talklog to import it');
    expect(await db.talks.count()).toBe(0);
  });

  test('a JSON file that lists slides asks for the zip they came in', async () => {
    const { db: source } = await libraryWithSlides();
    const json = new TextDecoder().decode(unzipSync(await zipOf(source))['talklog-backup.json']);
    const db = freshDb();
    await expect(importBackupFile(db, new Blob([json]))).rejects.toThrow(
      'slides: this file lists 3 slides, whose images are in the talklog-backup-….zip that "Export backup" saved with it: import the zip.',
    );
    expect(await db.talks.count()).toBe(0);
  });

  test('a slide whose note is already stored imports beside it', async () => {
    const { db: source, noteId } = await libraryWithSlides();
    const db = freshDb();
    await importBackupFile(db, new Blob([(await zipOf(source)) as Uint8Array<ArrayBuffer>]));
    await db.slides.where('owner').equals(noteId).delete();
    const zip = rezipped(await zipOf(source), (files) =>
      changeJson(files, (json) => (json.notes = json.notes.filter((note: { id: string }) => note.id !== noteId))),
    );
    expect(await importBackupFile(db, zip)).toMatchObject({ slidesAdded: 2 });
  });
});
