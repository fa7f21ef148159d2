/** The JSON backup that "Export backup" writes and "Import backup" reads (README and docs/design.md, "Backup format"). */

import { TALK_STATUSES, talkIdFor, type Interest, type Note, type PlaylistPlace, type Talk, type TalkStatus } from '../talk/model';
import { MAX_POSITION_SEC, NOTE_MAX_CHARS } from '../talk/limits';
import { SLIDE_TYPES, slideExtension, type Slide, type SlideType } from '../talk/slide';
import { isPlaylistId } from '../talk/playlist';
import { cutPastLimits } from '../talk/bounded-text';
import { canonicalVideoUrl, isVideoId } from '../talk/video-id';
import type { DeletedQueuedTalk } from '../db/database';
import { describeJson, readJsonFile, type JsonObject } from './backup-json';

export const BACKUP_FORMAT = 'talklog-backup';
/**
 * 2: talks may carry `playlist` and the status `skipped`. 3: `slides`, whose images travel beside
 * the JSON in a zip (backup-archive.ts). Files of versions 1 and 2 still import.
 */
export const BACKUP_VERSION = 3;
const READABLE_VERSIONS: readonly unknown[] = [1, 2, 3];

/** A slide as the backup lists it: its image and thumbnail are files in the zip, named for its id and checked by SHA-256. */
export interface BackupSlide extends Omit<Slide, 'owner' | 'image' | 'thumbnail'> {
  noteId: string;
  /** `slides/<id>.webp` (or `.jpg`), in the zip. */
  file: string;
  /** Of the image's bytes, as lowercase hex. */
  sha256: string;
  /** `slides/thumbnails/<id>.webp` (or `.jpg`). */
  thumbnailFile: string;
  thumbnailSha256: string;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  talks: Talk[];
  notes: Note[];
  /** Empty in a plain JSON backup, and in files of versions 1 and 2. */
  slides: BackupSlide[];
  /**
   * Queued talks the user deleted: queueing their playlist again leaves them out. Absent when there are none, so the
   * file of a library without any is as it was before the list; a Talklog from before it ignores it.
   */
  deletedFromQueue?: DeletedQueuedTalk[];
}

/** `talksCut`: talks whose speakers or event the file had past the limit, cut as they were read (readTalks). */
export type BackupParseResult = { ok: true; backup: Backup; talksCut: number } | { ok: false; error: string };

export function createBackup(talks: Talk[], notes: Note[], now: Date, slides: BackupSlide[] = [], deletedFromQueue: readonly DeletedQueuedTalk[] = []): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    talks: talks.map(copyTalk),
    notes: notes.map(copyNote),
    slides: slides.map(copySlide),
    ...withDeletedFromQueue(deletedFromQueue.map(({ talkId, deletedAt }) => ({ talkId, deletedAt }))),
  };
}

/** The backup's list of deleted queued talks, left out when empty. */
function withDeletedFromQueue(deletedFromQueue: DeletedQueuedTalk[]): Pick<Backup, 'deletedFromQueue'> {
  return deletedFromQueue.length > 0 ? { deletedFromQueue } : {};
}

/** Where a slide's image and thumbnail are in a backup zip: named for the slide's id, so names never clash. */
export function slideFiles(id: string, type: SlideType, thumbnailType: SlideType): { file: string; thumbnailFile: string } {
  return { file: `slides/${id}.${slideExtension(type)}`, thumbnailFile: `slides/thumbnails/${id}.${slideExtension(thumbnailType)}` };
}

export function serializeBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

/** Checks the whole file before anything is imported; a bad file gets one message naming the first bad place. */
export function parseBackup(text: string): BackupParseResult {
  const file = readJsonFile(text);
  if (!file.ok) return file;
  try {
    return { ok: true, ...readBackup(file.value) };
  } catch (error) {
    if (error instanceof InvalidBackup) return { ok: false, error: error.message };
    throw error;
  }
}

/** Talks and notes checked exactly as a backup's are, for other files that carry the same records (sync's talk files). */
export function readTalksAndNotes(root: JsonObject): { ok: true; talks: Talk[]; notes: Note[] } | { ok: false; error: string } {
  try {
    return { ok: true, talks: readTalks(root).talks, notes: readRecords(root, 'notes', 'note', readNote) };
  } catch (error) {
    if (error instanceof InvalidBackup) return { ok: false, error: error.message };
    throw error;
  }
}

/**
 * The first note whose talk is neither in the backup nor among `knownTalkIds` (the
 * talks already stored), as a message naming its place; null when every note has its talk.
 */
export function danglingNoteTalkIds(backup: Backup, knownTalkIds: Set<string>): string | null {
  const inFile = new Set(backup.talks.map((talk) => talk.id));
  const index = backup.notes.findIndex((note) => !inFile.has(note.talkId) && !knownTalkIds.has(note.talkId));
  if (index === -1) return null;
  return `notes[${index}].talkId: no talk ${describeJson(backup.notes[index].talkId)} in this file or in Talklog`;
}

/**
 * The first slide whose note is neither in the backup nor stored, or belongs to another talk than
 * the slide says, as a message naming its place; null when every slide is where it says.
 * `storedNoteTalks` maps each stored note the slides name to its talk.
 */
export function misplacedSlide(backup: Backup, storedNoteTalks: Map<string, string>): string | null {
  const inFile = new Map(backup.notes.map((note) => [note.id, note.talkId]));
  for (const [i, slide] of backup.slides.entries()) {
    const talkId = inFile.get(slide.noteId) ?? storedNoteTalks.get(slide.noteId);
    if (talkId === undefined) return `slides[${i}].noteId: no note ${describeJson(slide.noteId)} in this file or in Talklog`;
    if (talkId !== slide.talkId) return `slides[${i}].talkId: expected "${talkId}", the talk of its note, found ${describeJson(slide.talkId)}`;
  }
  return null;
}

/**
 * What importing `incoming` does to the stored record with its id: the newer `updatedAt` wins, a tie changes nothing.
 * Not newer, it is `same` as the stored one, or `older`: another version, the stored one kept (the user is told).
 */
export function mergeByUpdatedAt<T extends { id: string; updatedAt: string }>(existing: T | undefined, incoming: T): 'insert' | 'update' | 'same' | 'older' {
  if (existing === undefined) return 'insert';
  if (Date.parse(incoming.updatedAt) > Date.parse(existing.updatedAt)) return 'update';
  return sameFields(existing, incoming) ? 'same' : 'older';
}

/** The same record but for when it was last written. */
function sameFields(a: object, b: object): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  fields.delete('updatedAt');
  return [...fields].every((field) => JSON.stringify((a as Record<string, unknown>)[field]) === JSON.stringify((b as Record<string, unknown>)[field]));
}

/** Why this Talklog cannot read the file, made by a newer one; null when it is not newer. Told before anything else in it. */
export function newerVersionProblem(root: JsonObject): string | null {
  const version = root.version;
  if (!Number.isInteger(version) || (version as number) <= BACKUP_VERSION) return null;
  return `version: this backup was made by a newer Talklog (backup version ${version}); update Talklog to import it`;
}

class InvalidBackup extends Error {}

function fail(place: string, problem: string): never {
  throw new InvalidBackup(`${place}: ${problem}`);
}

function readBackup(root: JsonObject): { backup: Backup; talksCut: number } {
  if (!Object.hasOwn(root, 'format')) fail('format', 'missing: this is not a Talklog backup');
  if (root.format !== BACKUP_FORMAT) {
    fail('format', `expected "${BACKUP_FORMAT}", found ${describeJson(root.format)}: this is not a Talklog backup`);
  }
  const newer = newerVersionProblem(root);
  if (newer) throw new InvalidBackup(newer);
  const version = root.version;
  if (!READABLE_VERSIONS.includes(version))
    fail('version', `expected ${READABLE_VERSIONS.slice(0, -1).join(', ')} or ${READABLE_VERSIONS.at(-1)}, found ${describeJson(version)}`);

  const exportedAt = isoTime(root, 'exportedAt', '');
  const { talks, talksCut } = readTalks(root);
  const notes = readRecords(root, 'notes', 'note', readNote);
  // New in version 3, where every file has the list (empty without slides).
  const slides = version === 3 ? readRecords(root, 'slides', 'slide', readSlide) : [];
  // Optional in any version: written only when there is one.
  const deletedFromQueue = Object.hasOwn(root, 'deletedFromQueue') ? readRecords(root, 'deletedFromQueue', 'deleted talk', readDeletedTalk, 'talkId') : [];
  return {
    backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, talks, notes, slides, ...withDeletedFromQueue(deletedFromQueue) },
    talksCut,
  };
}

/**
 * The file's talks, with how many had a text past its limit: older Talklogs stored some (cutPastLimits),
 * and a library holding them backs them up still, so these are cut, not refused: its own file must import. The file's
 * own limit bounds them until then (backup-json.ts).
 */
function readTalks(root: JsonObject): { talks: Talk[]; talksCut: number } {
  let talksCut = 0;
  const talks = readRecords(root, 'talks', 'talk', (record, place) => {
    const talk = readTalk(record, place);
    const cut = cutPastLimits(talk);
    if (cut) talksCut++;
    return cut ?? talk;
  });
  return { talks, talksCut };
}

function readTalk(talk: JsonObject, place: string): Talk {
  const id = text(talk, 'id', place);
  const videoId = field(talk, 'videoId', place, 'an 11-character YouTube video id', isVideoId);
  if (id !== talkIdFor(videoId)) fail(`${place}.id`, `expected "${talkIdFor(videoId)}" (t_ and the video id), found ${describeJson(id)}`);
  const url = text(talk, 'url', place);
  if (url !== canonicalVideoUrl(videoId)) {
    fail(`${place}.url`, `expected the video's URL "${canonicalVideoUrl(videoId)}", found ${describeJson(url)}`);
  }
  return {
    id,
    videoId,
    url,
    // Titles and names of any length: cut past the limit, not refused (readTalks).
    title: title(talk, place),
    // Optional within version 1 of the format: a file without it stays valid, its talks get null.
    youtubeTitle: 'youtubeTitle' in talk ? nullableText(talk, 'youtubeTitle', place) : null,
    channel: nullableText(talk, 'channel', place),
    speakers: strings(talk, 'speakers', place),
    durationSec: nullable(talk, 'durationSec', place, SECONDS, isSeconds),
    event: nullableText(talk, 'event', place),
    category: nullableText(talk, 'category', place),
    tags: strings(talk, 'tags', place),
    interest: field(talk, 'interest', place, 'a whole number from 0 to 5', isInterest),
    status: field(talk, 'status', place, ONE_OF_STATUSES, isStatus),
    // New in version 2; a talk without it was clipped alone.
    playlist: 'playlist' in talk ? readPlaylistPlace(nullable(talk, 'playlist', place, 'an object {"id", "position"}', isObject), `${place}.playlist`) : null,
    createdAt: isoTime(talk, 'createdAt', place),
    updatedAt: isoTime(talk, 'updatedAt', place),
  };
}

function readNote(note: JsonObject, place: string): Note {
  return {
    id: field(note, 'id', place, 'a note id starting with "n_"', isNoteId),
    talkId: text(note, 'talkId', place),
    body: text(note, 'body', place, NOTE_MAX_CHARS),
    atSec: nullable(note, 'atSec', place, SECONDS, isSeconds),
    createdAt: isoTime(note, 'createdAt', place),
    updatedAt: isoTime(note, 'updatedAt', place),
  };
}

function readDeletedTalk(deleted: JsonObject, place: string): DeletedQueuedTalk {
  return {
    talkId: field(deleted, 'talkId', place, 'a talk id: "t_" and an 11-character YouTube video id', isTalkId),
    deletedAt: isoTime(deleted, 'deletedAt', place),
  };
}

function readSlide(slide: JsonObject, place: string): BackupSlide {
  const id = field(slide, 'id', place, 'a slide id: "s_" and up to 100 letters, digits or "-"', isSlideId);
  const type = field(slide, 'type', place, `one of ${SLIDE_TYPES.map((s) => `"${s}"`).join(', ')}`, isSlideType);
  const file = text(slide, 'file', place);
  const thumbnailFile = text(slide, 'thumbnailFile', place);
  const expected = [slideFiles(id, type, 'image/webp'), slideFiles(id, type, 'image/jpeg')];
  if (file !== expected[0].file) fail(`${place}.file`, `expected "${expected[0].file}" (named for its id and type), found ${describeJson(file)}`);
  if (!expected.some((files) => files.thumbnailFile === thumbnailFile)) {
    fail(`${place}.thumbnailFile`, `expected "${expected[0].thumbnailFile}" or "${expected[1].thumbnailFile}", found ${describeJson(thumbnailFile)}`);
  }
  return {
    id,
    noteId: field(slide, 'noteId', place, 'a note id starting with "n_"', isNoteId),
    talkId: text(slide, 'talkId', place),
    atSec: field(slide, 'atSec', place, SECONDS, isSeconds),
    takenAt: isoTime(slide, 'takenAt', place),
    width: field(slide, 'width', place, PIXELS, isPixels),
    height: field(slide, 'height', place, PIXELS, isPixels),
    type,
    file,
    sha256: field(slide, 'sha256', place, SHA256, isSha256),
    thumbnailFile,
    thumbnailSha256: field(slide, 'thumbnailSha256', place, SHA256, isSha256),
  };
}

function field<T>(record: JsonObject, key: string, place: string, expected: string, is: (value: unknown) => value is T): T {
  if (!Object.hasOwn(record, key)) fail(fieldPlace(place, key), `missing (expected ${expected})`);
  const value = record[key];
  if (!is(value)) fail(fieldPlace(place, key), `expected ${expected}, found ${describeJson(value)}`);
  return value;
}

/** A string of at most `max` characters (the limit Talklog writes with; ids are bounded by the file's own limit). */
function text(record: JsonObject, key: string, place: string, max = Infinity): string {
  const value = field(record, key, place, 'a string', isString);
  if (value.length > max) tooLong(value, fieldPlace(place, key), max);
  return value;
}

function nullableText(record: JsonObject, key: string, place: string): string | null {
  return nullable(record, key, place, 'a string', isString);
}

function tooLong(value: string, place: string, max: number): never {
  fail(place, `longer than ${max.toLocaleString('en')} characters (${value.length.toLocaleString('en')})`);
}

function title(talk: JsonObject, place: string): string {
  const value = text(talk, 'title', place);
  if (value.trim() === '') fail(`${place}.title`, 'empty (a talk needs a title)');
  return value;
}

function nullable<T>(record: JsonObject, key: string, place: string, expected: string, is: (value: unknown) => value is T): T | null {
  return record[key] === null && Object.hasOwn(record, key) ? null : field(record, key, place, `${expected} or null`, is);
}

/** A list of names (speakers, tags). */
function strings(record: JsonObject, key: string, place: string): string[] {
  const values = field(record, key, place, 'a list of strings', Array.isArray) as unknown[];
  values.forEach((value, i) => {
    if (!isString(value)) fail(`${fieldPlace(place, key)}[${i}]`, `expected a string, found ${describeJson(value)}`);
  });
  return [...(values as string[])];
}

/** A real moment, read in one canonical UTC form (`toISOString()`), so that times compare as text. */
function isoTime(record: JsonObject, key: string, place: string): string {
  // What Talklog writes, and so nearly every time of a backup, is already in that form.
  const written = record[key];
  if (typeof written === 'string' && Object.hasOwn(record, key) && isCanonicalTime(written)) return written;
  const value = field(record, key, place, 'an ISO 8601 time such as "2021-10-14T17:05:00.000Z"', isIsoTime);
  const canonical = canonicalTime(value);
  if (canonical === null) fail(fieldPlace(place, key), `no such time: ${describeJson(value)}`);
  return canonical;
}

/** A list of records, each read as `read` says and its id (`idKey`) checked against the ones before it. */
function readRecords<T extends Record<K, string>, K extends string = 'id'>(
  root: JsonObject,
  key: 'talks' | 'notes' | 'slides' | 'deletedFromQueue',
  noun: string,
  read: (record: JsonObject, place: string) => T,
  idKey = 'id' as K,
): T[] {
  const values = field(root, key, '', `a list of ${noun}s`, Array.isArray) as unknown[];
  const firstIndex = new Map<string, number>();
  return values.map((value, i) => {
    const place = `${key}[${i}]`;
    if (!isObject(value)) fail(place, `expected a ${noun} (an object), found ${describeJson(value)}`);
    const record = read(value, place);
    const id = record[idKey];
    const earlier = firstIndex.get(id);
    if (earlier !== undefined) fail(`${place}.${idKey}`, `${describeJson(id)} is already used by ${key}[${earlier}]`);
    firstIndex.set(id, i);
    return record;
  });
}

function copyTalk(talk: Talk): Talk {
  return {
    id: talk.id,
    videoId: talk.videoId,
    url: talk.url,
    title: talk.title,
    youtubeTitle: talk.youtubeTitle,
    channel: talk.channel,
    speakers: [...talk.speakers],
    durationSec: talk.durationSec,
    event: talk.event,
    category: talk.category,
    tags: [...talk.tags],
    interest: talk.interest,
    status: talk.status,
    playlist: talk.playlist && { id: talk.playlist.id, position: talk.playlist.position },
    createdAt: talk.createdAt,
    updatedAt: talk.updatedAt,
  };
}

function copyNote(note: Note): Note {
  return {
    id: note.id,
    talkId: note.talkId,
    body: note.body,
    atSec: note.atSec,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
  };
}

function copySlide(slide: BackupSlide): BackupSlide {
  return {
    id: slide.id,
    noteId: slide.noteId,
    talkId: slide.talkId,
    atSec: slide.atSec,
    takenAt: slide.takenAt,
    width: slide.width,
    height: slide.height,
    type: slide.type,
    file: slide.file,
    sha256: slide.sha256,
    thumbnailFile: slide.thumbnailFile,
    thumbnailSha256: slide.thumbnailSha256,
  };
}

const ONE_OF_STATUSES = `one of ${TALK_STATUSES.map((s) => `"${s}"`).join(', ')}`;
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_TIME = /^(?:\d{4}|[+-]\d{6})-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const TIME_PARTS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;
const SECONDS = `a number of seconds from 0 to ${MAX_POSITION_SEC} (a day)`;
/** Wider than any video YouTube plays (8K is 7680). */
const MAX_PIXELS = 16_384;
const PIXELS = `a whole number of pixels from 1 to ${MAX_PIXELS}`;
const SHA256 = 'a SHA-256 checksum: 64 lowercase hex digits';

function isIsoTime(value: unknown): value is string {
  return isString(value) && ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * An ISO time as `toISOString()` writes it, or null when it names no real moment: a day the
 * month lacks (Date.parse reads `2021-02-30` as 2 March), hour 24, a year outside 1 to 9999.
 */
function canonicalTime(iso: string): string | null {
  const parts = TIME_PARTS.exec(iso);
  if (!parts) return null;
  const [year, month, day, hour, minute, second = 0] = parts.slice(1).map(Number);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  const time = new Date(Date.parse(iso));
  return time.getUTCFullYear() >= 1 && time.getUTCFullYear() <= 9999 ? time.toISOString() : null;
}

/** Whether `iso` is a real moment as `toISOString()` writes it (years 1 to 9999), told without making a Date. */
function isCanonicalTime(iso: string): boolean {
  if (!CANONICAL_TIME.test(iso)) return false;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 7);
  const day = digits(iso, 8, 10);
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    digits(iso, 11, 13) <= 23 &&
    digits(iso, 14, 16) <= 59 &&
    digits(iso, 17, 19) <= 59
  );
}

/** The number that the digits of `text` from `from` to `to` write. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/** A field's place in a message; spelled out only then: a file of 200,000 notes has over a million fields. */
function fieldPlace(place: string, key: string): string {
  return place === '' ? key : `${place}.${key}`;
}

/** The days of `month` (1 to 12) in `year`. */
function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** A talk's id as talkIdFor makes it from a video id. */
function isTalkId(value: unknown): value is string {
  return typeof value === 'string' && isVideoId(value.slice(2)) && value === talkIdFor(value.slice(2));
}

function isNoteId(value: unknown): value is string {
  return isString(value) && /^n_./s.test(value);
}

/** The id names the slide's files in the zip, so it holds nothing a path could misread. */
function isSlideId(value: unknown): value is string {
  return isString(value) && /^s_[A-Za-z0-9-]{1,100}$/.test(value);
}

function isSlideType(value: unknown): value is SlideType {
  return (SLIDE_TYPES as readonly unknown[]).includes(value);
}

function isPixels(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_PIXELS;
}

function isSha256(value: unknown): value is string {
  return isString(value) && /^[0-9a-f]{64}$/.test(value);
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && value >= 0 && value <= MAX_POSITION_SEC;
}

function isInterest(value: unknown): value is Interest {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 5;
}

function isStatus(value: unknown): value is TalkStatus {
  return (TALK_STATUSES as readonly unknown[]).includes(value);
}

function readPlaylistPlace(value: JsonObject | null, place: string): PlaylistPlace | null {
  if (value === null) return null;
  return {
    id: field(value, 'id', place, 'a YouTube playlist id', isPlaylistId),
    position: field(value, 'position', place, 'a place in the playlist (1 or more)', (n): n is number => Number.isInteger(n) && (n as number) >= 1),
  };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
