/**
 * One sync with the server: one PROPFIND of `talks/` says which files changed since the last
 * sync; only those are read, only talks changed on either side are merged and written back
 * (conditionally), and their markdown mirrors rewritten. A sync with nothing to do is that one request.
 */

import type { TalklogDb } from '../db/database';
import { readTalkForSync, saveSyncedTalk, syncSnapshot } from '../db/sync-store';
import { allTalksAndNotes } from '../db/talks';
import { renderTalkLog } from '../export/talk-log';
import { talkIdFor } from '../talk/model';
import { MARKDOWN_FOLDER, TALK_LOG_PATH, talkMarkdownFile, talkMarkdownPath } from './markdown-mirror';
import { localRecords, mergeTalk } from './merge';
import { parseTalkFile, serializeTalkFile, talkFilePath, videoIdOfTalkFile, type TalkFile } from './talk-file';
import { DavError, etagValue, type DavClient } from './webdav';

export interface SyncReport {
  /** Talks written to the server or changed here by what came from it. */
  changes: number;
  /** Notes edited on two devices since they last met: both texts kept. */
  conflicts: number;
  /** Talk files on the server that could not be read (from a newer Talklog, or damaged), left as they are. */
  unreadable: string[];
}

export interface SyncOptions {
  device: string;
  now?: () => Date;
  /** How a write waits out Apache's first second of weak ETags. */
  wait?: (ms: number) => Promise<void>;
}

const MARKDOWN_TYPE = 'text/markdown; charset=utf-8';
/** Talks synced at once: enough to hide latency, few enough to be kind to a home NAS. */
const PARALLEL = 4;
const MAX_ATTEMPTS = 6;

export async function syncWithServer(db: TalklogDb, dav: DavClient, options: SyncOptions): Promise<SyncReport> {
  const listing = await dav.list('talks/');
  if (listing === null) await dav.makeFolder('talks/');
  const remoteEtags = new Map<string, string | null>();
  for (const [name, etag] of listing ?? []) {
    const videoId = videoIdOfTalkFile(name);
    if (videoId) remoteEtags.set(talkIdFor(videoId), etag);
  }
  const snapshot = await syncSnapshot(db);
  const toVisit = new Set(snapshot.changes.keys());
  for (const talkId of snapshot.talkIds) if (!snapshot.etags.has(talkId)) toVisit.add(talkId);
  for (const talkId of snapshot.etags.keys()) if (!remoteEtags.has(talkId)) toVisit.add(talkId);
  for (const [talkId, etag] of remoteEtags) if (etag === null || etagValue(etag) !== snapshot.etags.get(talkId)) toVisit.add(talkId);

  const report: SyncReport = { changes: 0, conflicts: 0, unreadable: [] };
  const queue = [...toVisit];
  // A failed talk stops the others from starting, but the sync ends only once those in flight
  // have: a straggler must not write while the next sync runs.
  const failures: unknown[] = [];
  const worker = async () => {
    for (let talkId = queue.shift(); talkId !== undefined && failures.length === 0; talkId = queue.shift()) {
      try {
        await syncTalk(db, dav, talkId, remoteEtags.get(talkId), options, report);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
  if (failures.length > 0) throw failures[0];
  if (report.changes > 0) {
    const { talks, notes } = await allTalksAndNotes(db);
    await putCreatingFolders(dav, TALK_LOG_PATH, renderTalkLog(talks, notes));
  }
  return report;
}

async function syncTalk(db: TalklogDb, dav: DavClient, talkId: string, listedEtag: string | null | undefined, options: SyncOptions, report: SyncReport) {
  const now = options.now ?? (() => new Date());
  const wait = options.wait ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const videoId = talkId.slice(2);
  const path = talkFilePath(videoId);
  const state = await readTalkForSync(db, talkId);

  let remote: TalkFile | null = null;
  let etag: string | null = null;
  const read = async (): Promise<boolean> => {
    const fetched = await dav.get(path);
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
    if (state.base && listedEtag !== null && etagValue(listedEtag) === state.etag) [remote, etag] = [state.base, listedEtag];
    else if (!(await read())) return;
  }

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { file, conflicts } = mergeTalk(state, remote, options.device, now());
    if (!file) {
      await saveSyncedTalk(db, talkId, { file: null, etag: null, markdownPath: null }, state.token);
      return;
    }
    const text = serializeTalkFile(file);
    const remoteText = remote === null ? null : serializeTalkFile(remote);
    let writtenEtag = etag;
    if (text !== remoteText) {
      // Apache gives a file written within the last second a weak ETag, which If-Match never
      // matches; a second later the same value is strong.
      if (etag?.startsWith('W/')) await wait(1100);
      const put = await dav.putIf(path, text, etag);
      if (!put.written) {
        if (!(await read())) return;
        continue;
      }
      writtenEtag = put.etag ?? (await dav.etagOf(path));
    }
    const baseText = state.base === null ? null : serializeTalkFile(state.base);
    const markdownPath = text === baseText ? state.markdownPath : await mirrorTalk(dav, file, state.markdownPath);
    await saveSyncedTalk(db, talkId, { file, etag: etagValue(writtenEtag), markdownPath }, state.token);
    if (text !== remoteText || remoteText !== baseText) report.changes++;
    report.conflicts += conflicts;
    return;
  }
  throw new DavError('server-error', `${path} kept changing while it was being written`);
}

async function mirrorTalk(dav: DavClient, file: TalkFile, oldPath: string | null): Promise<string | null> {
  const { talk, notes } = localRecords(file);
  const path = talk && talkMarkdownPath(talk);
  if (talk && path) await putCreatingFolders(dav, path, talkMarkdownFile(talk, notes));
  if (oldPath && oldPath !== path) await dav.delete(oldPath);
  return path;
}

async function putCreatingFolders(dav: DavClient, path: string, text: string): Promise<void> {
  if (await dav.put(path, text, MARKDOWN_TYPE)) return;
  const parts = path.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) await dav.makeFolder(`${parts.slice(0, i).join('/')}/`);
  if (!(await dav.put(path, text, MARKDOWN_TYPE))) throw new DavError('not-webdav', `PUT ${path}: 409 after creating ${MARKDOWN_FOLDER}`);
}
