import { isDraftOwner, newSlideId, type Slide, type SlideThumbnail } from '../talk/slide';
import type { TalklogDb } from './database';
import { RECORDING_CHANGES } from './sync-log';

/** A frame just captured, before it is stored. */
export type NewSlide = Pick<Slide, 'talkId' | 'atSec' | 'width' | 'height' | 'type' | 'image' | 'thumbnail'>;

/** Keeps a captured frame for a note (or its draft: popup/drafts.ts); returns it as stored. */
export async function addSlide(db: TalklogDb, owner: string, slide: NewSlide, now = new Date()): Promise<Slide> {
  const stored: Slide = { ...slide, id: newSlideId(), owner, atSec: Math.round(slide.atSec * 1000) / 1000, takenAt: now.toISOString() };
  await db.slides.add(stored);
  return stored;
}

/**
 * Records as changed for sync, while one is connected, the talks whose saved notes were just given slides: their talk
 * files list them (synced-slides.ts), and a sync that read a talk before they came must not save over them. In the
 * caller's transaction over the sync tables. The recorder (sync-log.ts) watches only talks and notes: watching slides
 * too, to pass over a draft's, cost the popup's first load more than its budget holds.
 */
export async function recordSlidesForSync(db: TalklogDb, talkIds: string[]): Promise<void> {
  if (talkIds.length === 0 || (await db.syncMeta.get(RECORDING_CHANGES))?.value !== true) return;
  await db.syncChanges.bulkPut([...new Set(talkIds)].map((talkId) => ({ talkId, token: crypto.randomUUID() })));
}

function withoutImage({ image: _image, ...thumbnail }: Slide): SlideThumbnail {
  return thumbnail;
}

/**
 * The slides of a note (or a draft), in the order they were taken, without their full images:
 * IndexedDB hands Blobs out as references, so this reads only the small fields.
 */
export async function slideThumbnails(db: TalklogDb, owner: string): Promise<SlideThumbnail[]> {
  const slides = await db.slides.where('owner').equals(owner).toArray();
  return slides.sort((a, b) => a.takenAt.localeCompare(b.takenAt)).map(withoutImage);
}

export async function slideImage(db: TalklogDb, slideId: string): Promise<Blob | undefined> {
  return (await db.slides.get(slideId))?.image;
}

export function removeSlide(db: TalklogDb, slideId: string): Promise<void> {
  return db.slides.delete(slideId);
}

/** Drops the slides a draft holds: its note is not to be saved. */
export function removeDraftSlides(db: TalklogDb, owner: string): Promise<number> {
  return db.slides.where('owner').equals(owner).delete();
}

/** How many slides are stored, for the library's storage line. */
export function countSlides(db: TalklogDb): Promise<number> {
  return db.slides.count();
}

/** Every slide kept with a saved note (not a draft's), without its image: the export names and links them before it reads any. */
export async function savedSlides(db: TalklogDb): Promise<SlideThumbnail[]> {
  return (await db.slides.filter((slide) => !isDraftOwner(slide.owner)).toArray()).map(withoutImage);
}

/** The slides kept with these notes (a draft's are not), images included, in id order: what a backup holds. */
export async function slidesOfNotesWithImages(db: TalklogDb, noteIds: ReadonlySet<string>): Promise<Slide[]> {
  return (await db.slides.toArray()).filter((slide) => noteIds.has(slide.owner));
}
