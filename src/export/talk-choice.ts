/** Which talks a talk log holds: a person's log is what they watched or wrote about, not their queue. */

import type { Note, Talk } from '../talk/model';

export const TALK_CHOICES = ['all', 'watched-or-noted', 'noted'] as const;
export type TalkChoice = (typeof TALK_CHOICES)[number];

export const DEFAULT_TALK_CHOICE: TalkChoice = 'watched-or-noted';

/**
 * The talks of `talks` that `choice` keeps, in their order. A talk counts as watched when it is
 * being watched or watched, or has a rating (nobody rates what they have not seen); it has notes
 * when one of them holds text (an empty note is left out of the log anyway).
 */
export function chooseTalks(talks: Talk[], notes: Note[], choice: TalkChoice): Talk[] {
  if (choice === 'all') return talks;
  const noted = new Set<string>();
  for (const note of notes) if (note.body.trim() !== '') noted.add(note.talkId);
  return talks.filter((talk) => noted.has(talk.id) || (choice === 'watched-or-noted' && (talk.status !== 'to-watch' || talk.interest > 0)));
}
