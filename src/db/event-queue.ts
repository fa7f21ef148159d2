import type { Talk } from '../talk/model';
import type { PlaylistSeen } from '../talk/playlist';
import { secondsLeft, STILL_QUEUED, type EventProgress } from '../talk/queue';
import { libraryTables, type TalklogDb } from './database';

/**
 * A video's talk, through the unique videoId index rather than its id (talkIdFor): this module is
 * read by the popup's lazy conference panel, and importing the model there splits a shared chunk.
 */
function talkOfVideo(db: TalklogDb, videoId: string): Promise<Talk | undefined> {
  return db.talks.where('videoId').equals(videoId).first();
}

/**
 * The first talk queued from this playlist, in its order. Its first video may be saved from another
 * playlist: queuePlaylist leaves such a talk in its own event, not in the one queued here.
 */
async function talkOfPlaylist(db: TalklogDb, playlist: PlaylistSeen): Promise<Talk | undefined> {
  const videoIds = playlist.rows.flatMap((row) => row.videoId ?? []);
  const talks = await db.talks
    .where('videoId')
    .anyOf(videoIds)
    .filter((talk) => talk.playlist?.id === playlist.id)
    .sortBy('playlist.position');
  return talks[0];
}

/** The event of the talks queued before from this playlist, if any: queued again, its new talks belong there too. */
export async function eventOfPlaylist(db: TalklogDb, playlist: PlaylistSeen): Promise<string | null> {
  return (await talkOfPlaylist(db, playlist))?.event ?? null;
}

export interface EventQueue {
  /** The talk whose event it is; undefined when that video is not saved. */
  anchor: Talk | undefined;
  /** The talks of that event still to watch, in no particular order (none when the anchor has no event). */
  queued: Talk[];
  /** How far through that event the user is. */
  progress: EventProgress;
}

/**
 * The queue a video belongs to (else, with no video, the playlist's): its talk, that event's talks still to
 * watch, and how far through it the user is. Only the talks still to watch are read; the watched and all are
 * counted through the indexes.
 */
export async function eventQueueOf(db: TalklogDb, videoId: string | null, playlist?: PlaylistSeen | null): Promise<EventQueue> {
  return db.transaction('r', db.talks, async () => {
    const anchor = videoId ? await talkOfVideo(db, videoId) : playlist ? await talkOfPlaylist(db, playlist) : undefined;
    const event = anchor?.event;
    if (!event) return { anchor, queued: [], progress: { watched: 0, total: 0, secondsLeft: 0 } };
    const [queued, watched, total] = await Promise.all([
      db.talks
        .where('[event+status]')
        .anyOf(STILL_QUEUED.map((status) => [event, status]))
        .toArray(),
      db.talks.where('[event+status]').equals([event, 'watched']).count(),
      db.talks.where('event').equals(event).count(),
    ]);
    return { anchor, queued, progress: { watched, total, secondsLeft: secondsLeft(queued) } };
  });
}

/**
 * The talk for a video becomes `watched`, seen to the end; returns whether it changed. A talk not
 * saved is left alone, and so is a skipped one: the user decided against it, and a player left at
 * its end is no reason to put it back in the log.
 */
export async function markWatched(db: TalklogDb, videoId: string, now = new Date()): Promise<boolean> {
  return db.transaction('rw', libraryTables(db), async () => {
    const talk = await talkOfVideo(db, videoId);
    if (!talk || talk.status === 'watched' || talk.status === 'skipped') return false;
    await db.talks.put({ ...talk, status: 'watched', updatedAt: now.toISOString() });
    return true;
  });
}
