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
  return count === 1 ? t(one) : t(many, countText(count));
}

/**
 * `2,000`: what `count.toLocaleString()` says, from one formatter made once. `toLocaleString` makes one at each
 * call (tens of µs in Chromium), and the library's list says how many talks are shown at every keystroke.
 */
export function countText(count: number): string {
  return COUNT.format(count);
}
