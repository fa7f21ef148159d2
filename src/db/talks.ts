import type { CapturedTalk, Note, Talk } from '../talk/model';
import { talkIdFor } from '../talk/model';
import { canonicalVideoUrl, isVideoId } from '../talk/video-id';
import { libraryTables, type TalklogDb } from './database';
import { notesForTalk } from './notes';

/**
 * Saves the talk on this page, or refreshes the one already saved for its video:
 * clipping twice never makes a duplicate, and what the user edited (speakers, event, …) stays.
 * A new talk gets the event the settings name (`settingsEvent`, asked only then), else the last
 * one used.
 */
export async function clipTalk(
  db: TalklogDb,
  captured: CapturedTalk,
  now = new Date(),
  { settingsEvent, saved: known }: { settingsEvent?: () => Promise<string>; saved?: Talk | null } = {},
): Promise<Talk> {
  // Opening the popup on a talk already saved is the common case: a read (none when the caller has
  // just read it: `saved`, null for none), no write lock.
  const saved = known === undefined ? await db.talks.get(talkIdFor(captured.videoId)) : (known ?? undefined);
  if (saved && !refreshedByClip(saved, captured)) return saved;
  const event = saved ? null : (await settingsEvent?.()) || (await lastUsedEvent(db));
  return db.transaction('rw', libraryTables(db), async () => {
    const existing = await db.talks.get(talkIdFor(captured.videoId));
    if (existing) {
      const refreshed = refreshedByClip(existing, captured);
      if (!refreshed) return existing;
      const updated = { ...refreshed, updatedAt: now.toISOString() };
      await db.talks.put(updated);
      return updated;
    }
    const talk: Talk = { ...newTalk({ ...captured, youtubeTitle: titleOnPage(captured) }, now), event };
    await db.talks.add(talk);
    return talk;
  });
}

/**
 * What a new clip of a saved talk changes in it, or null when nothing. A talk saved from a link and never open since
 * takes the page's title and speakers: the link's text, or the placeholder of a link with none, may say anything
 * ("Watch the video"). Such a talk has neither YouTube's title nor a channel nor a length, which every clip gives.
 */
function refreshedByClip(existing: Talk, captured: CapturedTalk): Talk | null {
  const placeholder = untitledTalk(existing.videoId);
  const pageTitle = titleOnPage(captured);
  const untitled = existing.title === placeholder;
  const retitled = pageTitle !== null && (untitled || (existing.youtubeTitle === null && existing.channel === null && existing.durationSec === null));
  const refreshed: Talk = {
    ...existing,
    title: retitled ? captured.title : existing.title,
    // Speakers typed on an untitled talk stay.
    speakers: retitled && !(untitled && existing.speakers.length) ? captured.speakers : existing.speakers,
    youtubeTitle: (existing.youtubeTitle === placeholder ? null : existing.youtubeTitle) ?? pageTitle,
    channel: existing.channel ?? captured.channel,
    durationSec: captured.durationSec ?? existing.durationSec,
    // Queued from a link, now open on its watch page: being watched.
    status: existing.status === 'to-watch' ? 'watching' : existing.status,
  };
  return JSON.stringify(refreshed) === JSON.stringify(existing) ? null : refreshed;
}

/** YouTube's whole title, unless the page gave none (a video it does not play: `capturedByIdOnly`). */
function titleOnPage(captured: CapturedTalk): string | null {
  return isCapturedByIdOnly(captured) ? null : captured.youtubeTitle;
}

/** Whether the talk is known by its id alone (`capturedByIdOnly`): YouTube plays it nowhere, and has no time to give. */
export function isCapturedByIdOnly(captured: CapturedTalk): boolean {
  return captured.youtubeTitle === untitledTalk(captured.videoId);
}

/** A video known by its id alone (YouTube does not play it): clipped, it is an untitled talk a later clip fills in. */
export function capturedByIdOnly(videoId: string): CapturedTalk {
  return {
    videoId,
    url: canonicalVideoUrl(videoId),
    title: untitledTalk(videoId),
    youtubeTitle: untitledTalk(videoId),
    channel: null,
    speakers: [],
    durationSec: null,
    currentSec: null,
    chapters: [],
  };
}

/** The title of a talk saved from a link that had no text; the first clip replaces it. */
export function untitledTalk(videoId: string): string {
  return `YouTube video ${videoId}`;
}

/** The talk saved under this id, or undefined when there is none (any more). */
export function getTalk(db: TalklogDb, talkId: string): Promise<Talk | undefined> {
  return db.talks.get(talkId);
}

/** A talk as the library holds it (undefined: not there) and its notes in the order they were written. */
export interface TalkWithNotes {
  talkId: string;
  talk: Talk | undefined;
  notes: Note[];
}

/**
 * A talk and its notes, all the popup shows of the library. Two reads at once, each answered as soon
 * as it is read: an explicit transaction would answer only once it commits, a round trip later, and
 * the popup waits for this read. A write between the two is seen by the live query that follows.
 */
export async function talkWithNotes(db: TalklogDb, talkId: string): Promise<TalkWithNotes> {
  const [talk, notes] = await Promise.all([db.talks.get(talkId), notesForTalk(db, talkId)]);
  return { talkId, talk, notes };
}

/** The event of the talk clipped last that has one: people watch a conference's talks in a row. */
async function lastUsedEvent(db: TalklogDb): Promise<string | null> {
  const talk = await db.talks
    .orderBy('createdAt')
    .reverse()
    .filter((candidate) => candidate.event !== null)
    .first();
  return talk?.event ?? null;
}

/** Newest clipped first. */
export function listRecentTalks(db: TalklogDb, limit: number): Promise<Talk[]> {
  return db.talks.orderBy('createdAt').reverse().limit(limit).toArray();
}

export function newTalk(seen: Pick<Talk, 'videoId' | 'title' | 'youtubeTitle' | 'channel' | 'speakers' | 'durationSec'>, now: Date): Talk {
  // What a tab reported is checked where it is stored: the id names sync files, the URL is opened.
  if (!isVideoId(seen.videoId)) throw new Error('Not a YouTube video id');
  return {
    id: talkIdFor(seen.videoId),
    videoId: seen.videoId,
    url: canonicalVideoUrl(seen.videoId),
    title: seen.title,
    youtubeTitle: seen.youtubeTitle,
    channel: seen.channel,
    speakers: seen.speakers,
    durationSec: seen.durationSec,
    event: null,
    category: null,
    tags: [],
    interest: 0,
    status: 'watching',
    playlist: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}
