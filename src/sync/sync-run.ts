/**
 * One sync with the server: one PROPFIND of `talks/` says which files changed since the last
 * sync; only those are read, only talks changed on either side are merged and written back
 * (conditionally), and their markdown mirrors rewritten, unless edited outside Talklog (mirror-file.ts). A sync with
 * nothing to do is that one request. The mirror is a copy: a file of it that cannot be written (locked while open in
 * another app) is reported and written by the next sync, and stops no note from syncing.
 * The whole talk log, stale once talks changed, is rewritten only by the syncs that ask (`talkLog`).
 * A talk's new slides are uploaded before the file that lists them, those listed but not held here
 * downloaded, and those of deleted notes deleted (synced-slides.ts).
 */

import type { TalklogDb } from '../db/database';
import { slideImage } from '../db/slides';
import {
  isTalkLogMarked,
  isTalkLogStale,
  readTalkForSync,
  recordChangesFromNowOn,
  saveSyncedTalk,
  setTalkLogMarked,
  setTalkLogStale,
  syncSnapshot,
  type TalkSyncState,
} from '../db/sync-store';
import { allTalksAndNotes } from '../db/library';
import { chooseTalks, DEFAULT_TALK_CHOICE, notWatchedYet, talksToChoose } from '../export/talk-choice';
import { renderTalkLog } from '../export/talk-log';
import { talkIdFor } from '../talk/model';
import { isDraftOwner, isSlideImage, type Slide } from '../talk/slide';
import { mirrorSlideLinks, TALK_LOG_PATH, talkMarkdownFile, talkMarkdownPath } from './markdown-mirror';
import { deleteMirrorFile, writeMirrorFile } from './mirror-file';
import { localRecords, mergeTalk } from './merge';
import { MAX_SLIDE_BYTES, slideFilePath, syncedSlide } from './synced-slides';
import { parseTalkFile, serializeTalkFile, talkFilePath, videoIdOfTalkFile, type TalkFile } from './talk-file';
import { DavError, etagValue, readAfterRefusal, sameEtag, sleep, untilStrong, writeCreatingFolders, type DavClient, type DavProblem } from './webdav';

export interface SyncReport {
  /** Talks written to the server or changed here by what came from it. */
  changes: number;
  /** Notes edited on two devices since they last met: both texts kept. */
  conflicts: number;
  /** Talk files on the server that could not be read (from a newer Talklog, or damaged), left as they are. */
  unreadable: string[];
  /** Markdown mirror files edited outside Talklog, left as they are (mirror-file.ts). */
  kept: string[];
  /** Markdown mirror files the server refused to write as locked (open in another app), to be written by the next sync. */
  locked: string[];
  /** Markdown mirror files that could not be written otherwise, each with why, to be written by the next sync. */
  unwritten: string[];
}

export interface SyncOptions {
  device: string;
  /** The small copy lists show of a slide that arrived (slides/encode.ts in the browser). */
  thumbnail: (image: Blob) => Promise<Blob>;
  now?: () => Date;
  /** How a write waits out Apache's first second of weak ETags. */
  wait?: (ms: number) => Promise<void>;
  /**
   * `later`: leave `markdown/talk-log.md` stale, to be rewritten by a sync with `now` (the default).
   * The whole log grows with the library (40 MB at 20,000 talks): the syncs a few seconds after each
   * change must not render and send it each time.
   */
  talkLog?: 'now' | 'later';
}

/** Talks synced at once: enough to hide latency, few enough to be kind to a home NAS. */
const PARALLEL = 4;
const MAX_ATTEMPTS = 6;
/** Failures of the server as a whole, which stop a sync wherever they come; any other failure to write a mirror file is that file's. */
const SERVER_WIDE: ReadonlySet<DavProblem> = new Set(['unreachable', 'unauthorized', 'busy', 'storage-full']);

export async function syncWithServer(db: TalklogDb, dav: DavClient, options: SyncOptions): Promise<SyncReport> {
  const listing = await dav.list('talks/');
  if (listing === null) await dav.makeFolder('talks/');
  const remoteEtags = new Map<string, string | null>();
  for (const [name, etag] of listing ?? []) {
    const videoId = videoIdOfTalkFile(name);
    if (videoId) remoteEtags.set(talkIdFor(videoId), etag);
  }
  await recordChangesFromNowOn(db);
  const snapshot = await syncSnapshot(db);
  const toVisit = new Set(snapshot.changes.keys());
  for (const talkId of snapshot.talkIds) if (!snapshot.etags.has(talkId)) toVisit.add(talkId);
  for (const talkId of snapshot.etags.keys()) if (!remoteEtags.has(talkId)) toVisit.add(talkId);
  for (const [talkId, etag] of remoteEtags) if (!sameEtag(etag, snapshot.etags.get(talkId))) toVisit.add(talkId);
  for (const talkId of snapshot.mirrorsUnwritten) toVisit.add(talkId);

  const report: SyncReport = { changes: 0, conflicts: 0, unreadable: [], kept: [], locked: [], unwritten: [] };
  const queue = [...toVisit];
  // A failed talk stops the others from starting, but the sync ends only once those in flight
  // have: a straggler must not write while the next sync runs.
  const failures: unknown[] = [];
  const worker = async () => {
    for (let talkId = queue.shift(); talkId !== undefined && failures.length === 0; talkId = queue.shift()) {
      try {
        await syncTalk(db, dav, talkId, remoteEtags.get(talkId), snapshot.mirrorsUnwritten.has(talkId), options, report);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
  if (failures.length > 0) throw failures[0];
  if (report.changes > 0) await setTalkLogStale(db, true);
  // Left stale when it could not be written, to be written by the next sync that asks.
  if ((options.talkLog ?? 'now') === 'now' && (await isTalkLogStale(db)) && (await writeMirror(report, () => writeTalkLog(db, dav, waitOf(options), report)))) {
    await setTalkLogStale(db, false);
  }
  return report;
}

/**
 * Runs a write of markdown mirror files: whether it went through. A file it could not write is reported, and the sync
 * goes on; a failure of the server as a whole stops it.
 */
async function writeMirror(report: SyncReport, write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (!(error instanceof DavError) || SERVER_WIDE.has(error.problem)) throw error;
    (error.problem === 'locked' ? report.locked : report.unwritten).push(error.message);
    return false;
  }
}

const waitOf = (options: SyncOptions) => options.wait ?? sleep;

/**
 * Rewrites the whole talk log, of the talks Export markdown chooses by default (talk-choice.ts), the rest of the queue
 * linked under `Not watched yet`; the files edited outside Talklog it kept go in the report.
 */
async function writeTalkLog(db: TalklogDb, dav: DavClient, wait: (ms: number) => Promise<void>, report: SyncReport): Promise<void> {
  const library = await allTalksAndNotes(db);
  const entries = talksToChoose(library.talks, library.notes);
  const talks = chooseTalks(entries, DEFAULT_TALK_CHOICE);
  // In the order taken, as the talks' own files list them (mergeSlides): the table hands them out by their random ids.
  const held = (await db.slides.toArray())
    .filter((slide) => !isDraftOwner(slide.owner))
    .sort((a, b) => a.takenAt.localeCompare(b.takenAt) || (a.id < b.id ? -1 : 1));
  const slides = mirrorSlideLinks(
    TALK_LOG_PATH,
    talks,
    held.map((slide) => ({ ...syncedSlide(slide), talkId: slide.talkId })),
  );
  const log = renderTalkLog(talks, library.notes, { slides, notWatchedYet: notWatchedYet(entries, talks) });
  // Until this device wrote the log with its mark here, a log without one is taken for that of a Talklog from before the mark.
  const earlier = (await isTalkLogMarked(db)) ? [] : 'any';
  report.kept.push(...(await writeMirrorFile(dav, TALK_LOG_PATH, log, { earlier, lastWritten: TALK_LOG_PATH, wait })).kept);
  await setTalkLogMarked(db);
}

async function syncTalk(
  db: TalklogDb,
  dav: DavClient,
  talkId: string,
  listedEtag: string | null | undefined,
  mirrorUnwritten: boolean,
  options: SyncOptions,
  report: SyncReport,
) {
  const now = options.now ?? (() => new Date());
  const wait = waitOf(options);
  const videoId = talkId.slice(2);
  const path = talkFilePath(videoId);
  const state = await readTalkForSync(db, talkId);

  let remote: TalkFile | null = null;
  let etag: string | null = null;
  /** What the GET that gave `remote` and `etag` found; null when they came from elsewhere. */
  let found: { text: string; etag: string } | null = null;
  /** Takes what a GET found as the file on the server; false when it cannot be read. */
  const take = (fetched: { text: string; etag: string } | null): boolean => {
    found = fetched;
    if (!fetched) {
      [remote, etag] = [null, null];
      return true;
    }
    const parsed = parseTalkFile(fetched.text, videoId);
    if (!parsed.ok) {
      report.unreadable.push(`${path}: ${parsed.error}`);
      return false;
    }
    [remote, etag] = [parsed.file, fetched.etag];
    return true;
  };
  if (listedEtag !== undefined) {
    if (state.base && listedEtag !== null && state.etag !== null && sameEtag(listedEtag, state.etag)) {
      // If-Match carries the ETag as the server's ETag header gave it, kept here: a listing may lack its quotes.
      [remote, etag] = [state.base, listedEtag.startsWith('W/') ? `W/${state.etag}` : state.etag];
    } else if (!take(await dav.get(path))) return;
  }

  const uploaded = new Set<string>();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { file, conflicts } = mergeTalk(state, remote, options.device, now());
    if (!file) {
      await saveSyncedTalk(db, talkId, { file: null, etag: null, markdownPath: null }, state.token);
      return;
    }
    await uploadSlides(db, dav, file, remote, state, uploaded);
    const text = serializeTalkFile(file);
    const remoteText = remote === null ? null : serializeTalkFile(remote);
    let writtenEtag = etag;
    if (text !== remoteText) {
      await untilStrong(etag, wait);
      const put = await dav.putIf(path, text, etag);
      if (!put.written) {
        if (!take(await readAfterRefusal(dav, path, found))) return;
        continue;
      }
      if (put.etag !== null) writtenEtag = put.etag;
      else {
        // Apache answers a PUT without an ETag. The one read after it is this file's only if the file
        // still holds what was written: another device may have written in between, and its ETag kept
        // with this file as the base would have the next syncs skip its write and overwrite it.
        const after = await dav.get(path);
        if (after?.text !== text) {
          if (!take(after)) return;
          continue;
        }
        writtenEtag = after.etag;
      }
    }
    const arrived = await downloadSlides(dav, file, state, options.thumbnail, report);
    // The files of slides whose note is gone; a second device deleting the same file finds it gone, which is fine.
    const listed = new Set(file.slides?.map((slide) => slide.id));
    for (const slide of remote?.slides ?? []) if (!listed.has(slide.id)) await dav.delete(slideFilePath(videoId, slide));
    const baseText = state.base === null ? null : serializeTalkFile(state.base);
    // Where Talklog's version still is when the mirror could not be written: the next sync writes it from there.
    let markdownPath = state.markdownPath;
    const mirrored =
      (text === baseText && !mirrorUnwritten) ||
      (await writeMirror(report, async () => {
        markdownPath = await mirrorTalk(dav, file, [remote, state.base], state.markdownPath, wait, report);
      }));
    await saveSyncedTalk(db, talkId, { file, etag: etagValue(writtenEtag), markdownPath, mirrorUnwritten: !mirrored }, state.token, arrived);
    if (text !== remoteText || remoteText !== baseText) report.changes++;
    report.conflicts += conflicts;
    return;
  }
  throw new DavError('server-error', `${path} kept changing while it was being written`);
}

/**
 * Uploads the slides held here that the file lists and the server's file does not: each image once, before the file
 * that lists it. A slide listed by the server's file has its image there (uploaded before it was listed, deleted
 * after it was not); one this device synced before may have been deleted since with its note, yet come back with
 * that note's conflict copy.
 */
async function uploadSlides(db: TalklogDb, dav: DavClient, file: TalkFile, remote: TalkFile | null, state: TalkSyncState, uploaded: Set<string>) {
  const onServer = new Set(remote?.slides?.map((slide) => slide.id));
  const mine = new Set(state.slides?.map((slide) => slide.id));
  for (const slide of file.slides ?? []) {
    if (!mine.has(slide.id) || onServer.has(slide.id) || uploaded.has(slide.id)) continue;
    const path = slideFilePath(file.talk.videoId, slide);
    const image = await slideImage(db, slide.id);
    // Deleted since this sync read it: the talk changed, so the file is not saved here and the next sync leaves the slide out.
    if (!image) throw new Error(`${path}: the slide was deleted while it was being synced`);
    // Written already (`exists`), by this device before or by another one: the same file either way.
    await writeCreatingFolders(dav, path, () => dav.create(path, image, image.type || 'application/octet-stream'));
    uploaded.add(slide.id);
  }
}

/** The slides the file lists and this device does not hold yet, checked, each with its thumbnail. */
async function downloadSlides(dav: DavClient, file: TalkFile, state: TalkSyncState, thumbnail: SyncOptions['thumbnail'], report: SyncReport): Promise<Slide[]> {
  const held = new Set(state.slides?.map((slide) => slide.id));
  const arrived: Slide[] = [];
  for (const slide of file.slides ?? []) {
    if (held.has(slide.id)) continue;
    const path = slideFilePath(file.talk.videoId, slide);
    const bytes = await dav.getBlob(path);
    const problem = !bytes
      ? 'missing'
      : bytes.size > MAX_SLIDE_BYTES
        ? 'too large for a slide'
        : !isSlideImage(new Uint8Array(await bytes.slice(0, 12).arrayBuffer()), slide.type) && `not a ${slide.type} image`;
    if (problem || !bytes) {
      report.unreadable.push(`${path}: ${problem}`);
      continue;
    }
    const image = new Blob([bytes], { type: slide.type });
    const { note, ...fields } = slide;
    arrived.push({ ...fields, owner: note, talkId: file.talk.id, image, thumbnail: await thumbnail(image) });
  }
  return arrived;
}

/**
 * Writes the talk's markdown mirror and deletes the one at `oldPath` when it moved, leaving any edited outside Talklog
 * as they are; where Talklog's version now is. `before`: the talk files whose mirrors Talklog may have written before
 * files carried their mark (the server's, and this device's last).
 */
async function mirrorTalk(
  dav: DavClient,
  file: TalkFile,
  before: (TalkFile | null)[],
  oldPath: string | null,
  wait: (ms: number) => Promise<void>,
  report: SyncReport,
): Promise<string | null> {
  const mirror = talkMirror(file);
  const earlier = before.flatMap((earlierFile) => {
    const earlierMirror = earlierFile && talkMirror(earlierFile);
    return earlierMirror ? [earlierMirror.text] : [];
  });
  const context = { earlier, lastWritten: oldPath, wait };
  const written = mirror ? await writeMirrorFile(dav, mirror.path, mirror.text, context) : { path: null, kept: [] };
  report.kept.push(...written.kept);
  // The file at the talk's own path, when Talklog writes beside it, is the one edited outside it.
  const moved = oldPath !== null && oldPath !== written.path && oldPath !== mirror?.path && !written.kept.includes(oldPath);
  if (moved && (await deleteMirrorFile(dav, oldPath, context))) report.kept.push(oldPath);
  return written.path;
}

/** A talk file's markdown mirror, as Talklog writes it; none for a deleted talk. */
function talkMirror(file: TalkFile): { path: string; text: string } | null {
  const { talk, notes } = localRecords(file);
  if (!talk) return null;
  const path = talkMarkdownPath(talk);
  const slides = mirrorSlideLinks(
    path,
    [talk],
    (file.slides ?? []).map((slide) => ({ ...slide, talkId: talk.id })),
  );
  return { path, text: talkMarkdownFile(talk, notes, slides) };
}
