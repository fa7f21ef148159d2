/**
 * A conference as a queue of talks (pure): which rows of a playlist can be queued, in what order the
 * queued talks are watched, and how far the user has got.
 */
import type { PlaylistPlace, Talk, TalkStatus } from './model';
import type { PlaylistRow } from './playlist';

/** A row that is a video to queue. */
export type QueueRow = PlaylistRow & { videoId: string };

export interface QueuePlan {
  /** One row per video, at its first place in the playlist. */
  rows: QueueRow[];
  /** Rows left out: deleted or private videos, and a video's second and later places. */
  skipped: number;
}

/** What queueing a playlist did. */
export interface QueueCounts {
  /** New talks, `to-watch`. */
  queued: number;
  /** Videos already saved: left as the user has them. */
  alreadyInLibrary: number;
  /** Deleted or private videos and second places of a video. */
  skipped: number;
  /** Talks once queued that the user deleted: left out. */
  deletedBefore: number;
}

/** Queueing a playlist read off a tab: the counts, and how much of the playlist YouTube let be read. */
export interface QueueResult extends QueueCounts {
  read: number;
  size: number | null;
  complete: boolean;
}

export function planQueue(rows: readonly PlaylistRow[]): QueuePlan {
  const seen = new Set<string>();
  const kept: QueueRow[] = [];
  for (const row of rows) {
    const { videoId } = row;
    if (row.unavailable || !videoId || seen.has(videoId)) continue;
    seen.add(videoId);
    kept.push({ ...row, videoId });
  }
  return { rows: kept, skipped: rows.length - kept.length };
}

/** The statuses of a talk still to watch (what the `[event+status]` index is asked for). */
export const STILL_QUEUED: readonly TalkStatus[] = ['to-watch', 'watching'];

/** Still to watch: neither watched nor skipped. */
export function isStillQueued(talk: Pick<Talk, 'status'>): boolean {
  return STILL_QUEUED.includes(talk.status);
}

/** Highest interest first (unrated last), then each playlist's order; talks from no playlist after. */
export function compareInterestThenPlace(a: Pick<Talk, 'interest' | 'playlist'>, b: Pick<Talk, 'interest' | 'playlist'>): number {
  return b.interest - a.interest || comparePlaylistPlaces(a.playlist, b.playlist);
}

/**
 * By playlist, then place in it; talks from no playlist last. One playlist after another: an event queued from two
 * (a conference's days) would otherwise alternate between them, each one's second talk tied with the other's.
 */
export function comparePlaylistPlaces(a: PlaylistPlace | null, b: PlaylistPlace | null): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.position - b.position;
}

/** Highest interest first (unrated last), then the playlist's order, then the order they were saved in. */
export function compareByInterestThenPlace(a: Talk, b: Talk): number {
  return compareInterestThenPlace(a, b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** What to watch after `currentId` among an event's talks; null when nothing is left. */
export function upNext(talks: readonly Talk[], currentId: string | null): Talk | null {
  return talks.filter((talk) => talk.id !== currentId && isStillQueued(talk)).sort(compareByInterestThenPlace)[0] ?? null;
}

export interface EventProgress {
  watched: number;
  total: number;
  /** Seconds of the talks neither watched nor skipped (unknown lengths count as 0). */
  secondsLeft: number;
}

export function eventProgress(talks: readonly Talk[]): EventProgress {
  const watched = talks.reduce((count, talk) => count + (talk.status === 'watched' ? 1 : 0), 0);
  return { watched, total: talks.length, secondsLeft: secondsLeft(talks) };
}

/** `EventProgress.secondsLeft` of these talks. */
export function secondsLeft(talks: readonly Talk[]): number {
  return talks.reduce((sum, talk) => sum + (isStillQueued(talk) ? (talk.durationSec ?? 0) : 0), 0);
}

/** `9 h 40 min`, `40 min`, `0 min`: a length of time to watch, to the minute. */
export function formatHoursMinutes(totalSec: number): string {
  const minutes = Math.round(Math.max(0, totalSec) / 60);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}
