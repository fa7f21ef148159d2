import { TALK_STATUSES, type Interest, type Note, type Talk, type TalkStatus } from '../talk/model';
import { requireWithin } from '../talk/bounded-text';
import { NAME_MAX_CHARS, TITLE_MAX_CHARS } from '../talk/limits';
import { libraryTables, type TalklogDb } from './database';
import { allNotes } from './notes';
import { readInPages } from './read-in-pages';

/** What a person may change about a talk; everything else comes from YouTube. */
export type TalkDetails = Pick<Talk, 'title' | 'speakers' | 'event' | 'category' | 'tags' | 'interest' | 'status'>;

/** Loosely typed on purpose: it comes straight from form fields and is checked here. */
export interface TalkDetailsPatch {
  title?: string;
  speakers?: string[];
  event?: string | null;
  category?: string | null;
  tags?: string[];
  interest?: number;
  status?: string;
}

/** Saves edited details of one talk; returns the talk as stored. */
export async function updateTalkDetails(db: TalklogDb, talkId: string, patch: TalkDetailsPatch, now = new Date()): Promise<Talk> {
  const [talk] = (await updateTalksDetails(db, [talkId], patch, now)).after;
  if (!talk) throw new Error('This talk is no longer saved.');
  return talk;
}

/** A change made to several talks: each talk before and after it, in the same order, to undo it. */
export interface TalksChange {
  before: Talk[];
  after: Talk[];
}

/** The same change to several talks, in one transaction; talks that are gone are left out. */
export async function updateTalksDetails(db: TalklogDb, talkIds: string[], patch: TalkDetailsPatch, now = new Date()): Promise<TalksChange> {
  const details = cleanDetails(patch);
  return db.transaction('rw', libraryTables(db), async () => {
    const before = (await db.talks.bulkGet(talkIds)).filter((talk): talk is Talk => talk !== undefined);
    const after = before.map((talk) => ({ ...talk, ...details, updatedAt: now.toISOString() }));
    await db.talks.bulkPut(after);
    return { before, after };
  });
}

/** What an undo did: the talks put back, and those left as they are because they changed since (or are gone). */
export interface UndoneTalksChange {
  restored: Talk[];
  changedSince: Talk[];
}

/**
 * Puts back, field by field, what `change` replaced: a field still holding what the change wrote gets its value from
 * before, whatever else changed in the talk since (a rating given meanwhile stays). A talk with one such field changed
 * again since, or gone, is left as it is and counted in `changedSince`.
 */
export async function undoTalksChange(db: TalklogDb, change: TalksChange, now = new Date()): Promise<UndoneTalksChange> {
  return db.transaction('rw', libraryTables(db), async () => {
    const current = await db.talks.bulkGet(change.after.map((talk) => talk.id));
    const restored: Talk[] = [];
    const written: Talk[] = [];
    const changedSince: Talk[] = [];
    change.before.forEach((before, i) => {
      const stored = current[i];
      const wrote = pickDetails(change.after[i]);
      const was = pickDetails(before);
      const fields = DETAIL_FIELDS.filter((field) => !sameValue(was[field], wrote[field]));
      if (!stored || fields.some((field) => !sameValue(stored[field], wrote[field]))) return void changedSince.push(before);
      if (fields.length === 0) return void restored.push(stored);
      const back: Talk = { ...stored, ...Object.fromEntries(fields.map((field) => [field, was[field]])), updatedAt: now.toISOString() };
      restored.push(back);
      written.push(back);
    });
    await db.talks.bulkPut(written);
    return { restored, changedSince };
  });
}

const DETAIL_FIELDS = ['title', 'speakers', 'event', 'category', 'tags', 'interest', 'status'] as const satisfies readonly (keyof TalkDetails)[];

/** Equal as a detail: lists (speakers, tags) by their items, in order. */
function sameValue(a: TalkDetails[keyof TalkDetails], b: TalkDetails[keyof TalkDetails]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return a === b;
}

function pickDetails({ title, speakers, event, category, tags, interest, status }: Talk): TalkDetails {
  return { title, speakers, event, category, tags, interest, status };
}

/**
 * Trims and checks a patch; blank event and category become null, duplicate tags go (ignoring case). Throws what
 * is wrong with it (a title emptied, a name too long).
 */
export function cleanDetails(patch: TalkDetailsPatch): Partial<TalkDetails> {
  const details: Partial<TalkDetails> = {};
  if (patch.title !== undefined) {
    const title = patch.title.trim();
    if (title === '') throw new Error('A talk needs a title.');
    details.title = requireWithin(title, TITLE_MAX_CHARS, 'A title');
  }
  if (patch.speakers !== undefined) details.speakers = cleanList(patch.speakers, 'A speaker');
  if (patch.event !== undefined) details.event = requireWithin(patch.event?.trim() ?? '', NAME_MAX_CHARS, 'An event') || null;
  if (patch.category !== undefined) details.category = requireWithin(patch.category?.trim() ?? '', NAME_MAX_CHARS, 'A category') || null;
  if (patch.tags !== undefined) details.tags = cleanList(patch.tags, 'A tag');
  if (patch.interest !== undefined) {
    if (!isInterest(patch.interest)) throw new Error(`Interest is 0 (unrated) to 5 stars, not ${patch.interest}.`);
    details.interest = patch.interest;
  }
  if (patch.status !== undefined) {
    if (!isStatus(patch.status)) throw new Error(`A talk is ${TALK_STATUSES.join(', ')}; not “${patch.status}”.`);
    details.status = patch.status;
  }
  return details;
}

function cleanList(values: string[], what: string): string[] {
  const seen = new Set<string>();
  return values
    .map((value) => requireWithin(value.trim(), NAME_MAX_CHARS, what))
    .filter((value) => {
      const key = value.toLocaleLowerCase();
      if (value === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function isInterest(value: number): value is Interest {
  return Number.isInteger(value) && value >= 0 && value <= 5;
}

function isStatus(value: string): value is TalkStatus {
  return (TALK_STATUSES as readonly string[]).includes(value);
}

/** The categories, events and tags in use, each sorted: what the detail fields suggest. */
export interface TalkVocabulary {
  categories: string[];
  events: string[];
  tags: string[];
}

export async function talkVocabulary(db: TalklogDb): Promise<TalkVocabulary> {
  // Index keys: IndexedDB leaves null out of an index, so these are exactly the values in use.
  return db.transaction('r', db.talks, async () => ({
    categories: sortedText(await db.talks.orderBy('category').uniqueKeys()),
    events: sortedText(await db.talks.orderBy('event').uniqueKeys()),
    tags: sortedText(await db.talks.orderBy('tags').uniqueKeys()),
  }));
}

const COLLATOR = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Distinct strings in a people-friendly order. */
export function sortedText(values: Iterable<unknown>): string[] {
  const texts = new Set<string>();
  for (const value of values) if (typeof value === 'string' && value !== '') texts.add(value);
  return [...texts].sort(COLLATOR.compare);
}

/** Every talk and note, read in one transaction: what a backup, an export or a sync starts from. */
export async function allTalksAndNotes(db: TalklogDb): Promise<{ talks: Talk[]; notes: Note[] }> {
  return db.transaction('r', db.talks, db.talkNotes, async () => {
    const [talks, notes] = await Promise.all([readInPages(db.talks, (talk) => talk.id), allNotes(db)]);
    return { talks, notes };
  });
}
