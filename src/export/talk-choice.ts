/** Which talks a talk log holds: a person's log is what they watched or wrote about, not their queue. */

import type { Note, Talk } from '../talk/model';

export const TALK_CHOICES = ['all', 'watched-or-noted', 'noted'] as const;
export type TalkChoice = (typeof TALK_CHOICES)[number];

export const DEFAULT_TALK_CHOICE: TalkChoice = 'watched-or-noted';

/** A talk and whether one of its notes holds text (an empty note is left out of the log anyway). */
export interface TalkToChoose {
  talk: Talk;
  noted: boolean;
}

/**
 * The talks of `entries` that `choice` keeps, in their order. A talk counts as watched when it is
 * being watched or watched, or is a clipped talk to watch with a rating (nobody rates a talk they
 * clipped without seeing it; a talk queued from a playlist is rated to triage it, unseen). A
 * skipped talk was not watched.
 */
export function chooseTalks(entries: readonly TalkToChoose[], choice: TalkChoice): Talk[] {
  const chosen: Talk[] = [];
  for (const { talk, noted } of entries) if (choice === 'all' || noted || (choice === 'watched-or-noted' && countsAsWatched(talk))) chosen.push(talk);
  return chosen;
}

/** Each talk with whether one of `notes` holds text for it. */
export function talksToChoose(talks: readonly Talk[], notes: readonly Note[]): TalkToChoose[] {
  const noted = new Set(notes.flatMap((note) => (holdsText(note) ? [note.talkId] : [])));
  return talks.map((talk) => ({ talk, noted: noted.has(talk.id) }));
}

/** Whether a note counts for `chooseTalks`: one that holds text. */
export function holdsText(note: Pick<Note, 'body'>): boolean {
  return note.body.trim() !== '';
}

function countsAsWatched(talk: Talk): boolean {
  return talk.status === 'watching' || talk.status === 'watched' || (talk.status === 'to-watch' && talk.interest > 0 && talk.playlist === null);
}

/** An event's talks still to watch that the log leaves out: its `Not watched yet` section. */
export function notWatchedYet(eventTalks: readonly TalkToChoose[], inLog: Talk[]): Talk[] {
  const logged = new Set(inLog.map((talk) => talk.id));
  return eventTalks.flatMap(({ talk }) => (talk.status === 'to-watch' && !logged.has(talk.id) ? [talk] : []));
}
