/** What a talk and a note are. Field names match the backup format in the README. */

/** `skipped`: a queued talk the user decided not to watch (triage). */
export const TALK_STATUSES = ['to-watch', 'watching', 'watched', 'skipped'] as const;
export type TalkStatus = (typeof TALK_STATUSES)[number];

/** 0 = unrated, 1–5 stars. */
export type Interest = 0 | 1 | 2 | 3 | 4 | 5;

export interface Talk {
  /** `t_<videoId>`: one talk per video, on every device. */
  id: string;
  videoId: string;
  /** Always `https://www.youtube.com/watch?v=<videoId>`. */
  url: string;
  /** The title as shown (speaker suffix removed when it was split off). */
  title: string;
  /**
   * The title exactly as YouTube gave it, before speakers were split off; kept so a wrong split
   * can be undone. Null when unknown (saved from a link's text, or clipped before version 2).
   */
  youtubeTitle: string | null;
  channel: string | null;
  speakers: string[];
  durationSec: number | null;
  event: string | null;
  category: string | null;
  tags: string[];
  interest: Interest;
  status: TalkStatus;
  /** Where the talk was queued from: a YouTube playlist and its place there (1-based); null when clipped alone. */
  playlist: PlaylistPlace | null;
  /** ISO 8601 times. */
  createdAt: string;
  updatedAt: string;
}

export interface PlaylistPlace {
  id: string;
  position: number;
}

export interface Note {
  /** `n_<random>` */
  id: string;
  talkId: string;
  /** Markdown, as typed. */
  body: string;
  /** Playback second the note refers to, or null for a note taken away from the video. */
  atSec: number | null;
  createdAt: string;
  updatedAt: string;
}

/** What the content script reads off a watch page: everything needed to clip the talk. */
export interface CapturedTalk {
  videoId: string;
  url: string;
  title: string;
  /** The whole title as YouTube shows it (`title` has the speakers split off). */
  youtubeTitle: string;
  channel: string | null;
  speakers: string[];
  durationSec: number | null;
  /** Where the main player is now, in seconds; null when no player is there. */
  currentSec: number | null;
  chapters: Chapter[];
}

export interface Chapter {
  title: string;
  startSec: number;
}

export function talkIdFor(videoId: string): string {
  return `t_${videoId}`;
}

export function newNoteId(): string {
  return `n_${crypto.randomUUID()}`;
}

/** Why a tab holds no talk to clip; the popup says each one plainly. */
export type NoTalkReason = 'not-youtube' | 'not-a-watch-page' | 'unavailable' | 'live' | 'loading';

/** The answer to "what talk is here" for one tab. */
export type TalkHere = { kind: 'talk'; talk: CapturedTalk } | { kind: 'no-talk'; reason: NoTalkReason; videoId: string | null };
