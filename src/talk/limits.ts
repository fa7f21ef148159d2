/**
 * How long a text Talklog stores may be: the same limits where it is written (by a person or read
 * off a page) and where a backup is imported, so that whatever Talklog writes it can read back.
 */

/** A note, in characters: about 400 pages. The import accepted nothing longer before these limits. */
export const NOTE_MAX_CHARS = 1_000_000;
/** A talk's title and YouTube's title for it (YouTube allows 100). */
export const TITLE_MAX_CHARS = 1_000;
/** A channel, a speaker, an event, a category, a tag. */
export const NAME_MAX_CHARS = 200;

/** `text` cut to `max` characters, with `…` at the end when cut; never half a surrogate pair. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 2] ?? '') ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}
