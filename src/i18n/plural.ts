import { t, type MessageKey } from './t';

const COUNT = new Intl.NumberFormat();

/** The messages of each counted thing: chrome.i18n has no plural rules, so one and many are two messages. */
const COUNTED = {
  talk: ['talkCountOne', 'talkCountMany'],
  note: ['noteCountOne', 'noteCountMany'],
  slide: ['slideCountOne', 'slideCountMany'],
  record: ['recordCountOne', 'recordCountMany'],
  change: ['syncChangeCountOne', 'syncChangeCountMany'],
} as const satisfies Record<string, readonly [one: MessageKey, many: MessageKey]>;

/** `1 talk`, `12 notes`, `2,000 records`. */
export function plural(count: number, thing: keyof typeof COUNTED): string {
  const [one, many] = COUNTED[thing];
  return count === 1 ? t(one) : t(many, COUNT.format(count));
}
