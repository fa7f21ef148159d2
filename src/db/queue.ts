import type { PlaylistSeen } from '../talk/playlist';
import { talkIdFor, type Talk } from '../talk/model';
import { planQueue } from '../talk/queue';
import { splitSpeakers } from '../talk/speakers';
import { canonicalVideoUrl } from '../talk/video-id';
import type { TalklogDb } from './database';
import { newTalk } from './talks';

export interface QueueCounts {
  /** New talks, `to-watch`. */
  queued: number;
  /** Videos already saved: left as the user has them. */
  alreadyInLibrary: number;
  /** Deleted or private videos and second places of a video. */
  skipped: number;
}

/**
 * Adds every video of a playlist as a talk to watch, for `event`. Queueing again adds only what is
 * new: a talk already saved keeps everything the user set (interest, status, category, notes,
 * event); it only learns its place in this playlist when it had none, or when the playlist moved it.
 * One transaction: a read of the playlist's talks and one write.
 */
export async function queuePlaylist(db: TalklogDb, playlist: PlaylistSeen, event: string | null, now = new Date()): Promise<QueueCounts> {
  const plan = planQueue(playlist.rows);
  const eventName = event?.trim() || null;
  return db.transaction('rw', db.talks, async () => {
    const stored = await db.talks.bulkGet(plan.rows.map((row) => talkIdFor(row.videoId)));
    const added: Talk[] = [];
    const placed: Talk[] = [];
    plan.rows.forEach((row, i) => {
      const place = { id: playlist.id, position: row.position };
      const existing = stored[i];
      if (!existing) {
        const { title, speakers } = splitSpeakers(row.title);
        const seen = {
          videoId: row.videoId,
          url: canonicalVideoUrl(row.videoId),
          title,
          youtubeTitle: row.title,
          channel: row.channel,
          speakers,
          durationSec: row.durationSec,
        };
        added.push({ ...newTalk(seen, now), event: eventName, status: 'to-watch', playlist: place });
      } else if (!existing.playlist || (existing.playlist.id === place.id && existing.playlist.position !== place.position)) {
        placed.push({ ...existing, playlist: place, event: existing.event ?? eventName, updatedAt: now.toISOString() });
      }
    });
    await db.talks.bulkAdd(added);
    await db.talks.bulkPut(placed);
    return { queued: added.length, alreadyInLibrary: plan.rows.length - added.length, skipped: plan.skipped };
  });
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
  const anchor = videoId ? await db.talks.get(talkIdFor(videoId)) : undefined;
  return { anchor, talks: anchor?.event ? await talksOfEvent(db, anchor.event) : [] };
}

/** The talk for a video becomes `watched` (a talk not saved is left alone); returns whether it changed. */
export async function markWatched(db: TalklogDb, videoId: string, now = new Date()): Promise<boolean> {
  return db.transaction('rw', db.talks, async () => {
    const talk = await db.talks.get(talkIdFor(videoId));
    if (!talk || talk.status === 'watched') return false;
    await db.talks.put({ ...talk, status: 'watched', updatedAt: now.toISOString() });
    return true;
  });
}
