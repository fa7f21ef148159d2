/**
 * `talks/<videoId>.json` on the sync server: one talk, its notes and the tombstones of deleted
 * notes, each stamped with when and by which device it was written (README, "Sync").
 */

import { readTalksAndNotes } from '../export/backup';
import type { Note, Talk } from '../talk/model';
import { isVideoId } from '../talk/video-id';
import type { Stamp } from './stamp';
import { parseSyncedSlides, type SyncedSlide } from './synced-slides';

export const TALK_FILE_FORMAT = 'talklog-talk';
/**
 * The newest format this reads. A file is written as version 2 only when it lists slides: a
 * Talklog without slides refuses those files (and would drop their list) but keeps syncing the rest.
 */
export const TALK_FILE_VERSION = 2;
type TalkFileVersion = 1 | 2;

/** The version a file with these slides is written as. */
export function talkFileVersion(slides: readonly unknown[]): TalkFileVersion {
  return slides.length > 0 ? 2 : 1;
}

/** A note as synced: who wrote this version of it (`updatedAt` says when). */
export interface SyncedNote extends Note {
  by: string;
}

/** A deleted note; wins over versions older than `deletedAt` and expires after TOMBSTONE_DAYS. */
export interface Tombstone {
  id: string;
  deletedAt: string;
  by: string;
}

export interface TalkFile {
  format: typeof TALK_FILE_FORMAT;
  version: TalkFileVersion;
  /** Kept after the talk is deleted, so a note edited elsewhere meanwhile still has its talk. */
  talk: Talk;
  /** When each of the talk's own fields (title, event, tags…) was last set, and by whom. */
  talkStamps: Record<string, Stamp>;
  /** When the talk was deleted; it is gone if no field and no note is newer. */
  talkDeleted: Stamp | null;
  notes: SyncedNote[];
  tombstones: Tombstone[];
  /** The notes' slides, their images beside the file (synced-slides.ts); absent when there are none. */
  slides?: SyncedSlide[];
}

/** Talk fields that are the talk's identity, not edits: never merged field by field. */
export const FIXED_TALK_FIELDS = new Set(['id', 'videoId', 'url', 'createdAt', 'updatedAt']);

export function talkFilePath(videoId: string): string {
  return `talks/${videoId}.json`;
}

/** The video id of a `talks/` entry's name, or null for anything that is not a talk file. */
export function videoIdOfTalkFile(name: string): string | null {
  const match = /^([A-Za-z0-9_-]{11})\.json$/.exec(name);
  return match && isVideoId(match[1]) ? match[1] : null;
}

export function serializeTalkFile(file: TalkFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

export type TalkFileParseResult = { ok: true; file: TalkFile } | { ok: false; error: string };

/** Reads a talk file as fetched; a file from a newer Talklog or damaged by hand is refused, never half read. */
export function parseTalkFile(text: string, videoId: string): TalkFileParseResult {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  if (!isObject(root) || root.format !== TALK_FILE_FORMAT) return { ok: false, error: 'not a Talklog talk file' };
  if (typeof root.version === 'number' && root.version > TALK_FILE_VERSION) {
    return { ok: false, error: `written by a newer Talklog (format version ${root.version}); update Talklog` };
  }
  if (root.version !== 1 && root.version !== 2) return { ok: false, error: `unknown format version ${JSON.stringify(root.version)}` };
  const records = readTalksAndNotes({ talks: [root.talk], notes: root.notes });
  if (!records.ok) return { ok: false, error: records.error.replace(/^talks\[0\]/, 'talk') };
  const [talk] = records.talks;
  if (talk.videoId !== videoId) return { ok: false, error: `talk.videoId: expected "${videoId}", the file's name` };
  const rawNotes = root.notes as unknown[];
  const notes: SyncedNote[] = [];
  for (const [i, note] of records.notes.entries()) {
    if (note.talkId !== talk.id) return { ok: false, error: `notes[${i}].talkId: expected "${talk.id}"` };
    const by = (rawNotes[i] as Record<string, unknown>).by;
    if (typeof by !== 'string') return { ok: false, error: `notes[${i}].by: expected a device id` };
    notes.push({ ...note, by });
  }
  const talkStamps: Record<string, Stamp> = {};
  if (!isObject(root.talkStamps)) return { ok: false, error: 'talkStamps: expected an object' };
  for (const [field, stamp] of Object.entries(root.talkStamps)) {
    if (!Object.hasOwn(talk, field) || FIXED_TALK_FIELDS.has(field) || !isStamp(stamp))
      return { ok: false, error: `talkStamps.${field}: expected a stamp of a talk field` };
    talkStamps[field] = { at: stamp.at, by: stamp.by };
  }
  if (root.talkDeleted !== null && !isStamp(root.talkDeleted)) return { ok: false, error: 'talkDeleted: expected a stamp or null' };
  if (!Array.isArray(root.tombstones)) return { ok: false, error: 'tombstones: expected a list' };
  const tombstones: Tombstone[] = [];
  for (const [i, tombstone] of root.tombstones.entries()) {
    if (!isObject(tombstone) || typeof tombstone.id !== 'string' || !isStamp({ at: tombstone.deletedAt, by: tombstone.by })) {
      return { ok: false, error: `tombstones[${i}]: expected a note id, deletedAt and by` };
    }
    tombstones.push({ id: tombstone.id, deletedAt: tombstone.deletedAt as string, by: tombstone.by as string });
  }
  const talkDeleted = root.talkDeleted === null ? null : { at: root.talkDeleted.at, by: root.talkDeleted.by };
  const file: TalkFile = { format: TALK_FILE_FORMAT, version: root.version, talk, talkStamps, talkDeleted, notes, tombstones };
  if (root.version === 1) return { ok: true, file };
  const slides = parseSyncedSlides(root.slides, new Set(notes.map((note) => note.id)));
  return slides.ok ? { ok: true, file: { ...file, slides: slides.slides } } : slides;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStamp(value: unknown): value is Stamp {
  return isObject(value) && typeof value.at === 'string' && !Number.isNaN(Date.parse(value.at)) && typeof value.by === 'string' && value.by !== '';
}
