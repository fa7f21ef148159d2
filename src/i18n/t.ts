import type englishMessages from '../../public/_locales/en/messages.json';

/** Every UI string's key; the English text is in public/_locales/en/messages.json. */
export type MessageKey = keyof typeof englishMessages;

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
}

/**
 * Messages without substitutions, as read once: a page's language is fixed while it is open, and the
 * library draws the same labels some hundred times a keystroke (each read crosses into the browser).
 */
const plain = new Map<MessageKey, string>();

/**
 * A UI string in the browser's language (English until a translation is added to _locales).
 * Read through the browser's own i18n API, so no strings are bundled into the pages.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const i18n = (globalThis as { chrome?: { i18n?: I18nApi } }).chrome?.i18n;
  if (substitutions.length > 0 || !i18n) return i18n?.getMessage(key, substitutions.map(String)) || key;
  let message = plain.get(key);
  if (message === undefined) plain.set(key, (message = i18n.getMessage(key, []) || key));
  return message;
}
