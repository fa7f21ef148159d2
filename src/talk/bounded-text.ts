/** Text and numbers from a page or a person, held to the limits in `limits.ts`. */

import { MAX_POSITION_SEC, NAME_MAX_CHARS, TITLE_MAX_CHARS } from './limits';
import type { Talk } from './model';

/** `text` cut to `max` characters, with `…` at the end when cut; never half a surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/**
 * The talk with the text older Talklogs stored past the limits cut, as a page's text is, or null when none was: before
 * a0c9b76 nothing bounded a title, channel, category or tag when written; the speakers split off a link's text, which
 * the last one ran on into, and an event typed to queue a playlist, came later.
 */
export function cutPastLimits(talk: Talk): Talk | null {
  const long = (text: string | null, max = NAME_MAX_CHARS) => text !== null && text.length > max;
  const names = [talk.channel, talk.event, talk.category, ...talk.speakers, ...talk.tags];
  if (!long(talk.title, TITLE_MAX_CHARS) && !long(talk.youtubeTitle, TITLE_MAX_CHARS) && !names.some((name) => long(name))) return null;
  const clipName = (name: string) => clipText(name, NAME_MAX_CHARS);
  return {
    ...talk,
    title: clipText(talk.title, TITLE_MAX_CHARS),
    youtubeTitle: talk.youtubeTitle && clipText(talk.youtubeTitle, TITLE_MAX_CHARS),
    channel: talk.channel && clipName(talk.channel),
    speakers: talk.speakers.map(clipName),
    event: talk.event && clipName(talk.event),
    category: talk.category && clipName(talk.category),
    tags: talk.tags.map(clipName),
  };
}

/** What a page says about a talk, within the limits: a page's text is never refused, only cut; an impossible length is dropped. */
export function boundedPageTalk<T extends Pick<Talk, 'title' | 'youtubeTitle' | 'channel' | 'speakers' | 'durationSec'>>(seen: T): T {
  return {
    ...seen,
    title: clipText(seen.title, TITLE_MAX_CHARS),
    youtubeTitle: seen.youtubeTitle === null ? null : clipText(seen.youtubeTitle, TITLE_MAX_CHARS),
    channel: seen.channel === null ? null : clipText(seen.channel, NAME_MAX_CHARS),
    speakers: seen.speakers.map((speaker) => clipText(speaker, NAME_MAX_CHARS)),
    durationSec: realSeconds(seen.durationSec),
  };
}

/** A position or length that can be real, or null. */
export function realSeconds(sec: number | null): number | null {
  return sec !== null && sec >= 0 && sec <= MAX_POSITION_SEC ? sec : null;
}

/** Refuses what a person typed past a limit, saying so: `A note is at most 1,000,000 characters; this one has 1,000,001.` */
export function requireWithin(text: string, max: number, what: string): string {
  if (text.length > max) throw new Error(`${what} is at most ${max.toLocaleString('en')} characters; this one has ${text.length.toLocaleString('en')}.`);
  return text;
}
