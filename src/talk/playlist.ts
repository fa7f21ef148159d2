/** What a YouTube playlist is to Talklog: its id, title, size and rows, read off a page (pure). */

/**
 * Why a row of a playlist is not a talk that can be queued. Only YouTube's English titles say whether a video
 * was deleted or made private: in another language a row is known only as one YouTube does not play.
 */
export type UnavailableRow = 'deleted' | 'private' | 'unplayable';

export interface PlaylistRow {
  /** Null for a row YouTube no longer links to a video. */
  videoId: string | null;
  /** 1-based place in the playlist, as YouTube numbers it. */
  position: number;
  /** The whole title as YouTube gives it (speakers not yet split off). */
  title: string;
  channel: string | null;
  durationSec: number | null;
  unavailable: UnavailableRow | null;
}

export interface PlaylistSeen {
  /** The `list=` id, e.g. `PLj6h78yzYM2P…`. */
  id: string;
  title: string;
  /** How many videos YouTube says the playlist has; null when the page does not say. */
  size: number | null;
  rows: PlaylistRow[];
  /** Every row is read: YouTube has no more to load. */
  complete: boolean;
}

export type PlaylistHere = { kind: 'playlist'; playlist: PlaylistSeen } | { kind: 'no-playlist' };

/** The titles YouTube shows in place of a video that is gone (Invidious, ytextract and yt-dlp match these). */
const UNAVAILABLE_TITLES: Record<string, UnavailableRow> = {
  '[Deleted video]': 'deleted',
  '[Private video]': 'private',
};

export function unavailableByTitle(title: string): UnavailableRow | null {
  return UNAVAILABLE_TITLES[title.trim()] ?? null;
}

const PLAYLIST_ID = /^[A-Za-z0-9_-]{2,64}$/;

/** The shape of a YouTube playlist id (`PL…`, `UU…`, …). */
export const isPlaylistId = (id: unknown): id is string => typeof id === 'string' && PLAYLIST_ID.test(id);

/**
 * The playlist a YouTube URL shows or plays (`/playlist?list=…`, `/watch?v=…&list=…`), or null.
 * Mixes (`RD…`) and the user's own queues (`WL`, `LL`) are left out: they are not a conference.
 */
export function playlistIdFromUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.hostname !== 'www.youtube.com' && url.hostname !== 'm.youtube.com') return null;
  if (url.pathname !== '/playlist' && url.pathname !== '/watch') return null;
  const id = url.searchParams.get('list');
  if (!isPlaylistId(id) || id.startsWith('RD') || id === 'WL' || id === 'LL') return null;
  return id;
}

/** `1:02:03`, `31:20`, `0:45` → seconds; null for anything else (`LIVE`, `PREMIERE`, empty). */
export function parseClockTime(text: string | null | undefined): number | null {
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text?.trim() ?? '');
  if (!match) return null;
  const [hours, minutes, seconds] = [Number(match[1] ?? 0), Number(match[2]), Number(match[3])];
  return hours * 3600 + minutes * 60 + seconds;
}

/** The first whole number in a text such as `148 videos`, `1,204 videos`, `3 / 148` (after the slash); null when none. */
export function countInText(text: string | null | undefined, { afterSlash = false } = {}): number | null {
  const source = afterSlash ? (text?.split('/')[1] ?? '') : (text ?? '');
  const match = /\d[\d,.\u00a0\u202f ]*/.exec(source);
  if (!match) return null;
  const number = Number(match[0].replace(/[^\d]/g, ''));
  return Number.isSafeInteger(number) ? number : null;
}
