// What Export markdown computes from the whole library: run in the export worker
// in the browser, so that the library page stays free, and in-process in unit tests.
import type { TalklogDb } from '../db/database';
import { allTalksAndNotes } from '../db/library';
import { onLibraryWritten } from '../db/live';
import { renderTalkLog, type TalkLogOptions } from '../export/talk-log';
import type { Note, Talk } from '../talk/model';

/** A talk log to render, the talks named by id: the page sends this, not the records, which the worker reads itself. */
export interface TalkLogRequest {
  talkIds: string[];
  /** The talks of `Not watched yet`. */
  queuedIds: string[];
  options: Omit<TalkLogOptions, 'notWatchedYet'>;
}

export interface LogLibrary {
  talks: Map<string, Talk>;
  notes: Note[];
}

export interface RenderProgress {
  /** Talks written so far, of `total`. */
  done: number;
  total: number;
}

/** Long logs are previewed in part (a huge log would put megabytes in the page): the whole document is what Download and Copy give. */
const PREVIEW_CHARS = 20_000;

/** The part of a log the dialog previews: its beginning. */
export function logPreview(markdown: string): string {
  return markdown.length > PREVIEW_CHARS ? `${markdown.slice(0, PREVIEW_CHARS)}\n…` : markdown;
}

async function readLogLibrary(db: TalklogDb): Promise<LogLibrary> {
  const { talks, notes } = await allTalksAndNotes(db);
  return { talks: new Map(talks.map((talk) => [talk.id, talk])), notes };
}

/**
 * The library as a dialog's logs need it: read once for all of its renders, and read again only
 * after a talk or note changed (here or in another page), so the log never misses a note.
 */
export function logLibrary(db: TalklogDb): { read: () => Promise<LogLibrary>; close: () => void } {
  let library: Promise<LogLibrary> | null = null;
  const stop = onLibraryWritten(db, () => {
    library = null;
  });
  return { read: () => (library ??= readLogLibrary(db)), close: stop };
}

export function renderRequestedLog(library: LogLibrary, request: TalkLogRequest, onTalk?: (done: number, total: number) => void): string {
  const talksOf = (ids: string[]) => ids.flatMap((id) => library.talks.get(id) ?? []);
  return renderTalkLog(talksOf(request.talkIds), library.notes, { ...request.options, notWatchedYet: talksOf(request.queuedIds) }, onTalk);
}
