import type englishMessages from '../../public/_locales/en/messages.json';

/** Every UI string's key; the English text is in public/_locales/en/messages.json. */
export type MessageKey = keyof typeof englishMessages;

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
}

/**
 * Messages as read once, by key and number of substitutions: a page's language is fixed while it is
 * open, and the library draws the same labels and counts some hundred times a keystroke (each read
 * crosses into the browser's bindings, a few to tens of µs). A message with substitutions is read
 * with a hole in the place of each (`HOLE`, `HOLE + 1`, …), which are then filled in.
 */
const read = new Map<string, string>();
/** The first hole: a character of Unicode's private use area, which no message of ours holds. */
const HOLE = 0xe000;
const HOLES = /[\ue000-\ue008]/g;

/**
 * A UI string in the browser's language (English until a translation is added to _locales).
 * Read through the browser's own i18n API, so no strings are bundled into the pages.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const i18n = (globalThis as { chrome?: { i18n?: I18nApi } }).chrome?.i18n;
  if (!i18n) return key;
  const count = substitutions.length;
  const readAs = count === 0 ? key : `${key} ${count}`;
  let message = read.get(readAs);
  if (message === undefined) {
    const holes = Array.from({ length: count }, (_, i) => String.fromCharCode(HOLE + i));
    read.set(readAs, (message = i18n.getMessage(key, holes) || key));
  }
  // The browser puts each substitution in as it is; so does this, once, never looking inside it again.
  return count === 0 ? message : message.replace(HOLES, (hole) => String(substitutions[hole.charCodeAt(0) - HOLE]));
}
