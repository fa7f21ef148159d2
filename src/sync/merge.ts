/**
 * The merge at the heart of sync (pure). One talk at a time: this device's talk, notes and
 * deletions since the last sync, against the talk's file on the server. Per note and per talk
 * field the later stamp wins; an edit made here and another made elsewhere to the same note since
 * this device last synced both survive, the earlier as a conflict copy beside the note.
 */

import type { Note, Talk } from '../talk/model';
import { compareStamps, laterStamp, sameStamp, timeAfter, type Stamp } from './stamp';
import { mergeSlides, type SyncedSlide } from './synced-slides';
import { FIXED_TALK_FIELDS, TALK_FILE_FORMAT, talkFileVersion, type SyncedNote, type TalkFile, type Tombstone } from './talk-file';

/** Deleted notes are remembered this long; a device offline for longer may bring one back. */
export const TOMBSTONE_DAYS = 180;

/** A talk or note deleted here since the last sync (the talk's own id for the talk). */
export interface LocalDeletion {
  id: string;
  talkId: string;
  deletedAt: string;
}

/** One talk as this device holds it. */
export interface LocalTalk {
  talk: Talk | undefined;
  notes: Note[];
  deletions: LocalDeletion[];
  /** The talk's file as this device last synced it; null before its first sync. */
  base: TalkFile | null;
  /** The slides of its notes held here (not those of a note still being written); none when absent. */
  slides?: SyncedSlide[];
}

export interface MergeResult {
  /** Null when neither side holds the talk. */
  file: TalkFile | null;
  /** Notes edited on two devices since they last met; each left a conflict copy. */
  conflicts: number;
}

type Entry = { note: SyncedNote } | { tombstone: Tombstone };

interface LocalEntry {
  entry: Entry;
  /** Written here since the last sync. */
  changed: boolean;
}

interface TalkSide {
  talk: Talk;
  stamps: Record<string, Stamp>;
  deleted: Stamp | null;
  changedFields: ReadonlySet<string>;
}

export function mergeTalk(local: LocalTalk, remote: TalkFile | null, device: string, now: Date): MergeResult {
  const talkSide = localTalkSide(local, device);
  const talk = mergeTalkSides(talkSide, remote, local.base, device);
  if (!talk) return { file: null, conflicts: 0 };

  const mine = localEntries(local, device);
  const theirs = fileEntries(remote);
  const base = fileEntries(local.base);
  const merged = new Map<string, Entry>();
  const slidesMoved = new Map<string, string>();
  let conflicts = 0;
  const keep = (entry: Entry) => {
    const id = entryId(entry);
    const existing = merged.get(id);
    merged.set(id, existing ? laterEntry(existing, entry) : entry);
  };
  for (const id of new Set([...mine.keys(), ...theirs.keys()])) {
    const { kept, conflict, slidesTo } = mergeEntry(mine.get(id), theirs.get(id), base.get(id), device);
    kept.forEach(keep);
    if (conflict) conflicts++;
    if (slidesTo) slidesMoved.set(id, slidesTo);
  }

  const expiry = now.getTime() - TOMBSTONE_DAYS * 86_400_000;
  const entries = [...merged.values()];
  const notes = entries.flatMap((entry) => ('note' in entry ? [entry.note] : [])).sort(byId);
  const tombstones = entries.flatMap((entry) => ('tombstone' in entry && Date.parse(entry.tombstone.deletedAt) >= expiry ? [entry.tombstone] : [])).sort(byId);
  const slides = mergeSlides(local.slides ?? [], remote?.slides ?? [], new Set(notes.map((note) => note.id)), slidesMoved);
  return {
    file: {
      format: TALK_FILE_FORMAT,
      version: talkFileVersion(slides),
      talk: talk.talk,
      talkStamps: talk.stamps,
      talkDeleted: talk.deleted,
      notes,
      tombstones,
      ...(slides.length > 0 && { slides }),
    },
    conflicts,
  };
}

/** What this device should hold of a merged file: the talk and its notes, or nothing when the talk was deleted. */
export function localRecords(file: TalkFile): { talk: Talk | null; notes: Note[] } {
  if (!isTalkLive(file)) return { talk: null, notes: [] };
  return { talk: file.talk, notes: file.notes.map(({ by: _by, ...note }) => note) };
}

/** A deleted talk stays deleted unless a field or a note was written after the deletion. */
export function isTalkLive(file: TalkFile): boolean {
  return file.notes.length > 0 || !talkFieldsDeleted(file);
}

function talkFieldsDeleted(file: TalkFile): boolean {
  const deleted = file.talkDeleted;
  return deleted !== null && Object.values(file.talkStamps).every((stamp) => compareStamps(stamp, deleted) < 0);
}

/** Marks a conflict copy's id: the original note's id, then whose version and when. */
const CONFLICT_MARK = '~conflict~';

export function isConflictCopy(note: Pick<Note, 'id'>): boolean {
  return note.id.includes(CONFLICT_MARK);
}

/** The same on every device, so merging again (after a 412, or elsewhere) never makes a second copy. */
function conflictCopy(note: SyncedNote): SyncedNote {
  return { ...note, id: `${note.id}${CONFLICT_MARK}${note.by}~${Date.parse(note.updatedAt).toString(36)}` };
}

interface MergedEntry {
  kept: Entry[];
  conflict: boolean;
  /** The conflict copy that the note's slides go with: its text survived a deletion as that copy. */
  slidesTo?: string;
}

function mergeEntry(mine: LocalEntry | undefined, theirs: Entry | undefined, base: Entry | undefined, device: string): MergedEntry {
  if (!mine) return { kept: theirs ? [theirs] : [], conflict: false };
  if (!theirs) return { kept: [mine.entry], conflict: false };
  const theirStamp = entryStamp(theirs);
  const ours = mine.entry;
  if (!mine.changed) {
    // Unchanged here: the server's version, once it moved on from this device's.
    if (compareStamps(theirStamp, entryStamp(ours)) >= 0) return { kept: [theirs], conflict: false };
    // Older: the server was put back as it was (a restored backup). This device's own older version is one it
    // replaced since; another's may have been written on top of the restored file, which cannot be told from one
    // replaced since, so both are kept as for two edits that never met, and the newer stays the note.
    if (theirStamp.by === device) return { kept: [ours], conflict: false };
  } else {
    // Their version is the one this device's edit was made on, or this device's own earlier one.
    const concurrent = !(base && sameStamp(theirStamp, entryStamp(base))) && theirStamp.by !== device;
    if (!concurrent) return { kept: [ours], conflict: false };
  }
  if ('note' in ours && 'note' in theirs) {
    if (ours.note.body === theirs.note.body && ours.note.atSec === theirs.note.atSec) return { kept: [laterEntry(ours, theirs)], conflict: false };
    const [winner, loser] = compareStamps(entryStamp(ours), theirStamp) >= 0 ? [ours, theirs] : [theirs, ours];
    return { kept: [winner, { note: conflictCopy(loser.note) }], conflict: true };
  }
  if ('tombstone' in ours && 'tombstone' in theirs) return { kept: [laterEntry(ours, theirs)], conflict: false };
  // A deletion on one side, an edit the deleting device never saw on the other: a newer edit
  // wins; an older one loses its place to the tombstone but its text stays, as a copy.
  const [edit, deletion] = 'note' in ours ? [ours as { note: SyncedNote }, theirs] : [theirs as { note: SyncedNote }, ours];
  if (compareStamps(entryStamp(edit), entryStamp(deletion)) > 0) return { kept: [edit], conflict: false };
  const copy = conflictCopy(edit.note);
  return { kept: [deletion, { note: copy }], conflict: true, slidesTo: copy.id };
}

function localEntries(local: LocalTalk, device: string): Map<string, LocalEntry> {
  const base = fileEntries(local.base);
  const entries = new Map<string, LocalEntry>();
  for (const note of local.notes) {
    const before = base.get(note.id);
    if (before && 'note' in before && sameNoteVersion(before.note, note)) {
      entries.set(note.id, { entry: before, changed: false });
    } else {
      const updatedAt = timeAfter(note.updatedAt, before && entryStamp(before));
      entries.set(note.id, { entry: { note: { ...note, updatedAt, by: device } }, changed: true });
    }
  }
  for (const deletion of local.deletions) {
    if (deletion.id === deletion.talkId || entries.has(deletion.id)) continue;
    const before = base.get(deletion.id);
    const deletedAt = timeAfter(deletion.deletedAt, before && entryStamp(before));
    entries.set(deletion.id, { entry: { tombstone: { id: deletion.id, deletedAt, by: device } }, changed: true });
  }
  for (const [id, entry] of base) if (!entries.has(id)) entries.set(id, { entry, changed: false });
  return entries;
}

function sameNoteVersion(synced: SyncedNote, note: Note): boolean {
  return synced.body === note.body && synced.atSec === note.atSec && synced.updatedAt === note.updatedAt && synced.createdAt === note.createdAt;
}

function localTalkSide(local: LocalTalk, device: string): TalkSide | null {
  const { base } = local;
  const baseSide = base && { talk: base.talk, stamps: base.talkStamps, deleted: base.talkDeleted, changedFields: new Set<string>() };
  const deletion = local.deletions.find((candidate) => candidate.id === candidate.talkId);
  if (local.talk) {
    // The last sync left no talk here (deleted, no note kept it), yet here it is: written again since, by
    // Undo, an import or a new clip, whatever its updatedAt (Undo and import keep the old one) and
    // whatever the deleting device's clock said. Like a note written over its tombstone, it is stamped
    // after the deletion.
    const writtenAgain = base !== null && !isTalkLive(base);
    const recreated = writtenAgain || (base !== null && talkFieldsDeleted(base) && Date.parse(local.talk.updatedAt) > Date.parse(base.talkDeleted!.at));
    // Kept by a note though its fields were deleted, and not edited since the deletion: the fields stay deleted.
    if (base && talkFieldsDeleted(base) && !recreated) return baseSide;
    const known = recreated ? null : base;
    const stamps: Record<string, Stamp> = {};
    const changedFields = new Set<string>();
    for (const field of talkFields(local.talk)) {
      const before = recreated ? base!.talkDeleted : known?.talkStamps[field];
      if (known && before && sameValue(known.talk, local.talk, field)) {
        stamps[field] = before;
      } else {
        stamps[field] = { at: timeAfter(local.talk.updatedAt, before), by: device };
        changedFields.add(field);
      }
    }
    return { talk: local.talk, stamps, deleted: base?.talkDeleted ?? null, changedFields };
  }
  if (deletion && baseSide) {
    const newest = Object.values(baseSide.stamps).reduce<Stamp | null>((a, b) => (a ? laterStamp(a, b) : b), baseSide.deleted);
    return { ...baseSide, deleted: { at: timeAfter(deletion.deletedAt, newest), by: device } };
  }
  return baseSide;
}

function mergeTalkSides(mine: TalkSide | null, theirs: TalkFile | null, base: TalkFile | null, device: string): TalkSide | null {
  if (!theirs) return mine;
  const remote: TalkSide = { talk: theirs.talk, stamps: theirs.talkStamps, deleted: theirs.talkDeleted, changedFields: new Set() };
  if (!mine) return remote;
  const talk: Record<string, unknown> = { ...mine.talk, ...theirs.talk };
  const stamps: Record<string, Stamp> = {};
  for (const field of new Set([...talkFields(mine.talk), ...talkFields(theirs.talk)])) {
    const ours = mine.stamps[field];
    const their = theirs.talkStamps[field];
    let useOurs: boolean;
    if (!their || !(field in theirs.talk)) useOurs = true;
    // Unchanged here: theirs. (Older than this device's, it may be a server put back as it was, or an older Talklog's
    // first-sync rule, which kept a value with its own older stamp: that one must stay.)
    else if (!ours || !mine.changedFields.has(field)) useOurs = false;
    else if (sameStamp(their, base?.talkStamps[field]) || their.by === device) useOurs = true;
    // A first sync of a talk both devices held: without a base, a field one side left unset says nothing against the other's.
    else if (!base && isUnset(mine.talk, field) !== isUnset(theirs.talk, field)) useOurs = !isUnset(mine.talk, field);
    else useOurs = compareStamps(ours, their) > 0;
    const winner = useOurs ? mine : remote;
    talk[field] = (winner.talk as unknown as Record<string, unknown>)[field];
    stamps[field] = useOurs ? ours : their;
  }
  const deleted = mine.deleted && theirs.talkDeleted ? laterStamp(mine.deleted, theirs.talkDeleted) : (mine.deleted ?? theirs.talkDeleted);
  const newest = Object.values(stamps).reduce((a, b) => laterStamp(a, b));
  const createdAt = Date.parse(mine.talk.createdAt) <= Date.parse(theirs.talk.createdAt) ? mine.talk.createdAt : theirs.talk.createdAt;
  return { talk: { ...(talk as unknown as Talk), createdAt, updatedAt: newest.at }, stamps, deleted, changedFields: new Set() };
}

function talkFields(talk: Talk): string[] {
  return Object.keys(talk).filter((field) => !FIXED_TALK_FIELDS.has(field));
}

/** A field as a new talk has it: no event, category, tags, rating, playlist or known length. */
function isUnset(talk: Talk, field: string): boolean {
  const value = (talk as unknown as Record<string, unknown>)[field];
  return value === null || value === '' || (Array.isArray(value) && value.length === 0) || (field === 'interest' && value === 0);
}

function sameValue(a: Talk, b: Talk, field: string): boolean {
  return JSON.stringify((a as unknown as Record<string, unknown>)[field]) === JSON.stringify((b as unknown as Record<string, unknown>)[field]);
}

function fileEntries(file: TalkFile | null): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  if (!file) return entries;
  for (const tombstone of file.tombstones) entries.set(tombstone.id, { tombstone });
  for (const note of file.notes) entries.set(note.id, { note });
  return entries;
}

function entryId(entry: Entry): string {
  return 'note' in entry ? entry.note.id : entry.tombstone.id;
}

function entryStamp(entry: Entry): Stamp {
  return 'note' in entry ? { at: entry.note.updatedAt, by: entry.note.by } : { at: entry.tombstone.deletedAt, by: entry.tombstone.by };
}

function laterEntry(a: Entry, b: Entry): Entry {
  return compareStamps(entryStamp(a), entryStamp(b)) >= 0 ? a : b;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
