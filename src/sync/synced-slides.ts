/**
 * Slides in sync (pure): each one an image file of its own in `talks/slides/`, beside the talk
 * files, listed in its talk's file under the note it belongs to. A slide never changes once taken,
 * so its file is named for its id and written once; it goes when its note goes.
 */

import { slideExtension, SLIDE_TYPES, type Slide, type SlideType } from '../talk/slide';

export const SLIDES_FOLDER = 'talks/slides/';

/** A slide as its talk's file lists it: everything but the image, which is its file. */
export interface SyncedSlide {
  id: string;
  /** The note it belongs to, one of the file's notes. */
  note: string;
  atSec: number;
  takenAt: string;
  width: number;
  height: number;
  type: SlideType;
}

const SLIDE_ID = /^s_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Larger than any frame a browser encodes (an 8K WebP is a few MB): a bigger file is not a slide. */
export const MAX_SLIDE_BYTES = 32 * 1024 * 1024;

/**
 * `talks/slides/<videoId>-<second>-<id>.webp`: named like the export's `slides/<videoId>-<second>.webp`
 * so the folder sorts by talk and time, plus the start of the slide's id, so the name never
 * depends on the other slides and is never written twice.
 */
export function slideFilePath(videoId: string, slide: Pick<SyncedSlide, 'id' | 'atSec' | 'type'>): string {
  return `${SLIDES_FOLDER}${videoId}-${Math.floor(slide.atSec)}-${slide.id.slice(2, 10)}.${slideExtension(slide.type)}`;
}

export function syncedSlide({ id, owner, atSec, takenAt, width, height, type }: Omit<Slide, 'image' | 'thumbnail' | 'talkId'>): SyncedSlide {
  return { id, note: owner, atSec, takenAt, width, height, type };
}

/**
 * Both sides' slides, each once, of the notes the merged file keeps: a slide is only ever added,
 * and deleted with its note (the note's tombstone takes it along everywhere), unless the note's
 * text lives on as a conflict copy (`moved`: the note's id to the copy's): then it goes with the copy.
 */
export function mergeSlides(
  mine: readonly SyncedSlide[],
  theirs: readonly SyncedSlide[],
  noteIds: ReadonlySet<string>,
  moved: ReadonlyMap<string, string> = new Map(),
): SyncedSlide[] {
  const merged = new Map<string, SyncedSlide>();
  for (const slide of [...theirs, ...mine]) {
    const note = moved.get(slide.note) ?? slide.note;
    if (noteIds.has(note)) merged.set(slide.id, { ...slide, note });
  }
  return [...merged.values()].sort((a, b) => a.takenAt.localeCompare(b.takenAt) || (a.id < b.id ? -1 : 1));
}

/** A talk file's `slides`, checked whole: a malformed entry refuses the file (never half read). */
export function parseSyncedSlides(raw: unknown, noteIds: ReadonlySet<string>): { ok: true; slides: SyncedSlide[] } | { ok: false; error: string } {
  if (!Array.isArray(raw)) return { ok: false, error: 'slides: expected a list' };
  const slides: SyncedSlide[] = [];
  for (const [i, entry] of raw.entries()) {
    const fail = (what: string) => ({ ok: false as const, error: `slides[${i}].${what}` });
    if (typeof entry !== 'object' || entry === null) return { ok: false, error: `slides[${i}]: expected an object` };
    const slide = entry as Record<string, unknown>;
    if (typeof slide.id !== 'string' || !SLIDE_ID.test(slide.id)) return fail('id: expected a slide id');
    if (typeof slide.note !== 'string' || !noteIds.has(slide.note)) return fail("note: expected one of the file's notes");
    if (!isCount(slide.atSec, 0)) return fail('atSec: expected a second');
    if (typeof slide.takenAt !== 'string' || Number.isNaN(Date.parse(slide.takenAt))) return fail('takenAt: expected a time');
    if (!isCount(slide.width, 1) || !isCount(slide.height, 1)) return fail('width, height: expected a size in pixels');
    if (!SLIDE_TYPES.includes(slide.type as SlideType)) return fail('type: expected image/webp or image/jpeg');
    slides.push({
      id: slide.id,
      note: slide.note,
      atSec: slide.atSec as number,
      takenAt: slide.takenAt,
      width: slide.width as number,
      height: slide.height as number,
      type: slide.type as SlideType,
    });
  }
  return { ok: true, slides };
}

function isCount(value: unknown, min: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= min;
}
