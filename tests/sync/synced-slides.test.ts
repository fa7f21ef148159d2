import { describe, expect, test } from 'vitest';
import { mergeTalk } from '../../src/sync/merge';
import { mergeSlides, parseSyncedSlides, slideFilePath, type SyncedSlide } from '../../src/sync/synced-slides';
import { isSlideImage } from '../../src/talk/slide';
import { parseTalkFile, serializeTalkFile } from '../../src/sync/talk-file';
import type { Note } from '../../src/talk/model';
import { makeTalk } from '../export/records';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const slide = (id: string, note: string, minute: number): SyncedSlide => ({
  id: `s_${id}-1111-4111-8111-111111111111`,
  note,
  atSec: 254.5,
  takenAt: new Date(Date.UTC(2026, 10, 29, 10, minute)).toISOString(),
  width: 1280,
  height: 720,
  type: 'image/webp',
});
const note = (id: string): Note => ({ id, talkId: 't_Pr0meTheus1', body: id, atSec: 12, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
const talk = makeTalk('Pr0meTheus1', { createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });

describe('slides in sync', () => {
  test('a file is named for its video, second and id, so it never depends on the other slides', () => {
    expect(slideFilePath('Pr0meTheus1', slide('0a1b2c3d', 'n_1', 1))).toBe('talks/slides/Pr0meTheus1-254-0a1b2c3d.webp');
    expect(slideFilePath('Pr0meTheus1', { ...slide('0a1b2c3d', 'n_1', 1), type: 'image/jpeg' })).toBe('talks/slides/Pr0meTheus1-254-0a1b2c3d.jpg');
  });

  test("both sides' slides are kept once each, in the order taken, unless their note is gone", () => {
    const [mine, theirs, both, ofDeleted] = [
      slide('00000001', 'n_1', 3),
      slide('00000002', 'n_2', 1),
      slide('00000003', 'n_1', 2),
      slide('00000004', 'n_3', 0),
    ];
    expect(mergeSlides([mine, both], [theirs, both, ofDeleted], new Set(['n_1', 'n_2']))).toEqual([theirs, both, mine]);
  });

  test('a merged file lists its notes’ slides as version 2, and reads back the same; without slides it stays version 1', () => {
    const slides = [slide('00000001', 'n_1', 1)];
    const { file } = mergeTalk({ talk, notes: [note('n_1')], deletions: [], base: null, slides }, null, 'd_a', NOW);
    expect([file!.version, file!.slides]).toEqual([2, slides]);
    expect(parseTalkFile(serializeTalkFile(file!), 'Pr0meTheus1')).toEqual({ ok: true, file });
    const { file: plain } = mergeTalk({ talk, notes: [note('n_1')], deletions: [], base: null }, null, 'd_a', NOW);
    expect(plain!.version).toBe(1);
    expect(serializeTalkFile(plain!)).not.toContain('slides');
  });

  test('the slides of a note deleted on one device and edited earlier on the other go with the copy its text is kept as', () => {
    const edited = { ...note('n_1'), body: 'edited on A', updatedAt: new Date(Date.UTC(2026, 10, 29, 11, 0)).toISOString() };
    const base = mergeTalk({ talk, notes: [note('n_1')], deletions: [], base: null, slides: [slide('00000001', 'n_1', 1)] }, null, 'd_a', NOW).file!;
    // B deleted the note after A's edit, and synced first.
    const deletion = { id: 'n_1', talkId: talk.id, deletedAt: new Date(Date.UTC(2026, 10, 29, 11, 30)).toISOString() };
    const fromB = mergeTalk({ talk, notes: [], deletions: [deletion], base }, base, 'd_b', NOW).file!;
    expect(fromB.slides).toBeUndefined();

    const { file, conflicts } = mergeTalk({ talk, notes: [edited], deletions: [], base, slides: base.slides }, fromB, 'd_a', NOW);
    expect(conflicts).toBe(1);
    const [copy] = file!.notes;
    expect([copy.body, file!.tombstones.map((tombstone) => tombstone.id)]).toEqual(['edited on A', ['n_1']]);
    expect(file!.slides).toEqual([{ ...slide('00000001', 'n_1', 1), note: copy.id }]);
    expect(parseTalkFile(serializeTalkFile(file!), 'Pr0meTheus1')).toEqual({ ok: true, file });
  });

  test('a malformed slide entry refuses the whole file', () => {
    const notes = new Set(['n_1']);
    const good = slide('00000001', 'n_1', 1);
    expect(parseSyncedSlides([good], notes)).toEqual({ ok: true, slides: [good] });
    expect(parseSyncedSlides('no', notes)).toEqual({ ok: false, error: 'slides: expected a list' });
    expect(parseSyncedSlides([{ ...good, id: '../../etc/passwd' }], notes)).toEqual({ ok: false, error: 'slides[0].id: expected a slide id' });
    expect(parseSyncedSlides([{ ...good, note: 'n_2' }], notes)).toEqual({ ok: false, error: "slides[0].note: expected one of the file's notes" });
    expect(parseSyncedSlides([{ ...good, width: 0 }], notes)).toEqual({ ok: false, error: 'slides[0].width, height: expected a size in pixels' });
    expect(parseSyncedSlides([{ ...good, type: 'image/svg+xml' }], notes)).toEqual({ ok: false, error: 'slides[0].type: expected image/webp or image/jpeg' });
  });

  test('a downloaded file must start as the image it is said to be', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(isSlideImage(bytes('RIFF\x10\x00\x00\x00WEBPVP8 '), 'image/webp')).toBe(true);
    expect(isSlideImage(bytes('<html>'), 'image/webp')).toBe(false);
    expect(isSlideImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg')).toBe(true);
    expect(isSlideImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'image/webp')).toBe(false);
  });
});
