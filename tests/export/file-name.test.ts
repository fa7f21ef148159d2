import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fileNameSlug } from '../../src/export/file-name';
import { talkLogFileName } from '../../src/export/talk-log';
import { talkMarkdownPath } from '../../src/sync/markdown-mirror';
import { makeTalk } from './records';

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('fileNameSlug', () => {
  test('keeps the letters and digits of any script, in lower case', () => {
    expect(fileNameSlug('Goの並行処理入門')).toBe('goの並行処理入門');
    expect(fileNameSlug('ХолиДжС 2023')).toBe('холиджс-2023');
    expect(fileNameSlug('ΛΌΓΟΣ Ελλάδα')).toBe('λόγος-ελλάδα');
    expect(fileNameSlug('हिन्दी कार्यक्रम')).toBe('हिन्दी-कार्यक्रम');
    expect(fileNameSlug('한국어 발표')).toBe('한국어-발표');
    // Compatibility forms as what they stand for.
    expect(fileNameSlug('ｶﾀｶﾅ Ｆｕｌｌ')).toBe('カタカナ-full');
  });

  test('names Latin text as before, without accents, so that its files stay where they are', () => {
    expect(fileNameSlug('KubeCon + CloudNativeCon Europe 2024 (Paris)!')).toBe('kubecon-cloudnativecon-europe-2024-paris');
    expect(fileNameSlug('Łódź Ærø Straße Kraków İstanbul')).toBe('lodz-aero-strasse-krakow-istanbul');
    expect(fileNameSlug('x'.repeat(200))).toBe('x'.repeat(60));
  });

  test('leaves out what Windows or macOS refuse in a name', () => {
    expect(fileNameSlug('a<b>c:d"e/f\\g|h?i*j\u0000k\u001fl. ')).toBe('a-b-c-d-e-f-g-h-i-j-k-l');
    expect(fileNameSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileNameSlug('CON')).toBe('con_');
    expect(fileNameSlug('Lpt1')).toBe('lpt1_');
    expect(fileNameSlug('conf')).toBe('conf');
    expect(fileNameSlug('🚀 ¨ ?')).toBe('');
  });

  test('is at most 60 characters and 105 bytes, no character cut in two', () => {
    expect(fileNameSlug('日本語'.repeat(40))).toBe(`${'日本語'.repeat(11)}日本`);
    expect(fileNameSlug('𠀋'.repeat(60))).toBe('𠀋'.repeat(26));
  });

  test("keeps a mirror file's whole name within 120 bytes, for file systems that take 143 (eCryptfs, Synology's encrypted shares)", () => {
    const fileName = (title: string) =>
      talkMarkdownPath(makeTalk('Pr0meTheus1', { title, event: title }))
        .split('/')
        .slice(1);
    for (const title of ['日本語の発表'.repeat(20), 'Ελληνικά '.repeat(20), '𠀋'.repeat(60), 'x'.repeat(200)]) {
      for (const name of fileName(title)) expect(bytes(name)).toBeLessThanOrEqual(120);
      expect(bytes(talkLogFileName(title, new Date()))).toBeLessThanOrEqual(120);
    }
    // A Latin name under 60 characters is named as before: its files stay where they are.
    expect(fileName('Observability Observability Observability Observability')).toEqual([
      'observability-observability-observability-observability',
      'observability-observability-observability-observability-Pr0meTheus1.md',
    ]);
  });

  test('any text gives words of letters and digits joined by `-`, that fit a file name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const slug = fileNameSlug(text);
        const device = /^(con|prn|aux|nul|com\d|lpt\d)$/;
        // A name Windows keeps for a device takes a `_`, the one character words are not made of.
        const words = device.test(slug.slice(0, -1)) && slug.endsWith('_') ? slug.slice(0, -1) : slug;
        expect(words).toMatch(/^([\p{L}\p{N}][\p{L}\p{M}\p{N}]*(-[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*)?$/u);
        expect([...slug].length).toBeLessThanOrEqual(60);
        expect(bytes(slug)).toBeLessThanOrEqual(105);
        expect(slug).not.toMatch(device);
      }),
      { numRuns: 200 },
    );
  });
});
