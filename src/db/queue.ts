import { boundedPageTalk, requireWithin } from '../talk/bounded-text';
import { NAME_MAX_CHARS } from '../talk/limits';
import type { PlaylistSeen } from '../talk/playlist';
import { talkIdFor, type Talk } from '../talk/model';
import { planQueue, type QueueCounts, type QueueRow } from '../talk/queue';
import { splitSpeakers } from '../talk/speakers';
import { canonicalVideoUrl } from '../talk/video-id';
import { libraryTables, type TalklogDb } from './database';
import { deletedAfterQueueing } from './deleted-from-queue';
import { newTalk } from './talks';

export type { QueueCounts } from '../talk/queue';

/**
 * Adds every video of a playlist as a talk to watch, for `event`. Queueing again adds only what is
 * new: a talk already saved keeps everything the user set (interest, status, category, notes); it
 * learns its place in this playlist when it had none, or when the playlist moved it. A talk clipped
 * alone joins the event queued (its event was often only the last one used, taken as it was clipped:
 * the talk being watched on the playlist's page stayed in the conference before); a talk queued from
 * another playlist stays in its own. A talk of this playlist still to watch whose video is now
 * deleted or private is skipped: it can no longer be watched. A queued talk the user deleted stays out
 * (clipping it brings it back). One transaction.
 */
export async function queuePlaylist(db: TalklogDb, playlist: PlaylistSeen, event: string | null, now = new Date()): Promise<QueueCounts> {
  const plan = planQueue(playlist.rows);
  // Typed by a person (prefilled with the playlist's title, cut): refused past the limit, as in the talk details.
  const eventName = requireWithin(event?.trim() ?? '', NAME_MAX_CHARS, 'An event') || null;
  return db.transaction('rw', [...libraryTables(db), db.deletedFromQueue], async () => {
    const talkIds = plan.rows.map((row) => talkIdFor(row.videoId));
    const stored = await db.talks.bulkGet(talkIds);
    const deleted = await deletedAfterQueueing(
      db,
      talkIds.filter((_, i) => !stored[i]),
    );
    const added: Talk[] = [];
    const placed: Talk[] = await goneFromPlaylist(db, playlist, plan.rows, now);
    plan.rows.forEach((row, i) => {
      const place = { id: playlist.id, position: row.position };
      const existing = stored[i];
      if (deleted.has(talkIds[i])) return;
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
        // A row's text comes from a page: cut to the limits, as a watch page's is.
        added.push({ ...newTalk(boundedPageTalk(seen), now), event: eventName, status: 'to-watch', playlist: place });
      } else if (!existing.playlist) {
        placed.push({ ...existing, playlist: place, event: eventName ?? existing.event, updatedAt: now.toISOString() });
      } else if (existing.playlist.id === place.id && existing.playlist.position !== place.position) {
        placed.push({ ...existing, playlist: place, updatedAt: now.toISOString() });
      }
    });
    await db.talks.bulkAdd(added);
    await db.talks.bulkPut(placed);
    return { queued: added.length, alreadyInLibrary: plan.rows.length - added.length - deleted.size, skipped: plan.skipped, deletedBefore: deleted.size };
  });
}

/** The talks of this playlist still to watch whose videos YouTube now lists as deleted or private, skipped. */
async function goneFromPlaylist(db: TalklogDb, playlist: PlaylistSeen, queued: QueueRow[], now: Date): Promise<Talk[]> {
  const listed = new Set(queued.map((row) => row.videoId));
  const gone = playlist.rows.flatMap((row) => (row.unavailable && row.videoId && !listed.has(row.videoId) ? [talkIdFor(row.videoId)] : []));
  if (gone.length === 0) return [];
  return (await db.talks.bulkGet(gone))
    .filter((talk): talk is Talk => talk?.playlist?.id === playlist.id && talk.status === 'to-watch')
    .map((talk) => ({ ...talk, status: 'skipped', updatedAt: now.toISOString() }));
}
