import { afterEach, describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/t';
import { getMessage } from '../i18n-stand-in';

const browser = (globalThis as unknown as { chrome: { i18n: { getMessage: typeof getMessage } } }).chrome.i18n;

afterEach(() => {
  browser.getMessage = getMessage;
});

describe('t', () => {
  test('reads a message with substitutions from the browser once, and fills each in as the browser does', () => {
    const reads: string[] = [];
    browser.getMessage = (key, substitutions) => {
      reads.push(key);
      return getMessage(key, substitutions);
    };
    // Titles holding what a message has: dollars, quotes, and the character that stands for a hole.
    for (const title of ['Evolving Prometheus', 'Costs in $1 and $$', '“Quoted” \ue001 \ue000', '']) {
      expect(t('selectTalk', title)).toBe(getMessage('selectTalk', [title]));
      expect(t('clippedTalkWithNotes', title, 3)).toBe(getMessage('clippedTalkWithNotes', [title, '3']));
    }
    expect(t('clippedTalkWithNotes', 'One', 'Two')).toBe('Clipped “One” · notes: Two');
    expect(reads).toEqual(['selectTalk', 'clippedTalkWithNotes']);
  });

  test('a key the browser does not know reads as the key', () => {
    browser.getMessage = () => '';
    expect(t('nothing here' as Parameters<typeof t>[0], 'a')).toBe('nothing here');
  });
});
