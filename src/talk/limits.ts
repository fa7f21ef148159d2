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

/** A position in or length of a talk, in seconds: YouTube plays nothing longer than 12 hours; a day is generous. */
export const MAX_POSITION_SEC = 86_400;
