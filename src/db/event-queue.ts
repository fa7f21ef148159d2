import type { Talk } from '../talk/model';
import { libraryTables, type TalklogDb } from './database';

/**
 * A video's talk, through the unique videoId index rather than its id (talkIdFor): this module is
 * read by the popup's lazy conference panel, and importing the model there splits a shared chunk.
 */
function talkOfVideo(db: TalklogDb, videoId: string): Promise<Talk | undefined> {
  return db.talks.where('videoId').equals(videoId).first();
}

/** An event's talks, in no particular order. */
export function talksOfEvent(db: TalklogDb, event: string): Promise<Talk[]> {
  return db.talks.where('event').equals(event).toArray();
}

export interface EventQueue {
  /** The talk whose event it is; undefined when that video is not saved. */
  anchor: Talk | undefined;
  /** Every talk of that event (none when the anchor has no event). */
  talks: Talk[];
}

/** The queue a video belongs to: its talk, and every talk of that talk's event. */
export async function eventQueueOf(db: TalklogDb, videoId: string | null): Promise<EventQueue> {
  const anchor = videoId ? await talkOfVideo(db, videoId) : undefined;
  return { anchor, talks: anchor?.event ? await talksOfEvent(db, anchor.event) : [] };
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
