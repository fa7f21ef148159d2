import { describe, expect, test } from 'vitest';
import { foldForSearch, matchRanges, matchSnippet, MAX_MARKS, queryWords } from '../../src/options/search-text';

describe('foldForSearch', () => {
  test('ignores case, accents and letter variants', () => {
    expect(foldForSearch('Bartłomiej Płotka')).toBe('bartlomiej plotka');
    expect(foldForSearch('Ångström CAFÉ Straße Ærø')).toBe('angstrom cafe strasse aero');
    expect(foldForSearch('ΟΔΟΣ')).toBe(foldForSearch('οδοσ'));
  });

  test('keeps the marks that are letters of a word: vowel signs, the kana voicing', () => {
    expect(foldForSearch('काम')).not.toBe(foldForSearch('कम')); // work, less
    expect(foldForSearch('กิน')).not.toBe(foldForSearch('กัน')); // eat, together
    expect(foldForSearch('தமிழ்')).toBe('தமிழ்'.normalize('NFKD'));
    expect(foldForSearch('が')).not.toBe(foldForSearch('か'));
    // Optional points still fold away, as accents do.
    expect(foldForSearch('מִלָּה')).toBe('מלה');
    expect(foldForSearch('كَلِمَة')).toBe('كلمة');
  });

  test('finds styled letters and symbols by the lower-case words they stand for', () => {
    expect(foldForSearch('𝐊𝐮𝐛𝐞𝐂𝐨𝐧 2024')).toBe('kubecon 2024');
    expect(foldForSearch('Acme™')).toBe('acmetm');
  });
});

describe('queryWords', () => {
  test('splits on any space, folds, and drops repeats', () => {
    expect(queryWords('  Płotka\tPROMETHEUS plotka ')).toEqual(['plotka', 'prometheus']);
    expect(queryWords('   ')).toEqual([]);
  });
});

describe('matchRanges', () => {
  test('finds every occurrence of every word in the original text, merged', () => {
    expect(matchRanges('Prometheus Agent, based on Grafana Agent', ['agent'])).toEqual([
      [11, 16],
      [35, 40],
    ]);
    expect(matchRanges('OpenMetrics', ['open', 'penme'])).toEqual([[0, 6]]);
    expect(matchRanges('anything', [])).toEqual([]);
  });

  test('maps folded matches back onto accented and decomposed text', () => {
    const name = 'Bartłomiej Płotka';
    const [[start, end]] = matchRanges(name, ['plotka']);
    expect(name.slice(start, end)).toBe('Płotka');
    const decomposed = 'Cafe\u0301 au lait';
    const [[from, to]] = matchRanges(decomposed, ['cafe']);
    expect(decomposed.slice(from, to)).toBe('Cafe\u0301');
    const ligature = 'Ærøskøbing';
    const [[a, b]] = matchRanges(ligature, ['aero']);
    expect(ligature.slice(a, b)).toBe('Ærø');
  });

  test('maps matches back onto text whose accents are marks of their own, as macOS and PDFs write them', () => {
    const text = 'Crème brûlée at Café'.normalize('NFD');
    const [[start, end]] = matchRanges(text, queryWords('brulee'));
    expect(text.slice(start, end)).toBe('brûlée'.normalize('NFD'));
    expect(matchSnippet(text, queryWords('cafe'))).toBe(text);
  });

  test('marks the word, not another that differs from it by a vowel sign', () => {
    const text = 'कमल और काम';
    const [[start, end]] = matchRanges(text, queryWords('काम'));
    expect(text.slice(start, end)).toBe('काम');
    const styled = 'What is new in 𝐊𝐮𝐛𝐞𝐂𝐨𝐧';
    const [[from, to]] = matchRanges(styled, queryWords('kubecon'));
    expect(styled.slice(from, to)).toBe('𝐊𝐮𝐛𝐞𝐂𝐨𝐧');
  });

  test('never splits an emoji', () => {
    const text = '🚀 launch 🚀';
    expect(matchRanges(text, ['🚀'])).toEqual([
      [0, 2],
      [10, 12],
    ]);
  });
});

describe('matchRanges on a huge text (issue 17: a 1 MB title froze search)', () => {
  test('marks only the first matches', () => {
    const title = 'ab '.repeat(350_000);
    const ranges = matchRanges(title, ['a']);
    expect(ranges).toHaveLength(MAX_MARKS);
    expect(ranges[0]).toEqual([0, 1]);
    expect(ranges.at(-1)).toEqual([3 * (MAX_MARKS - 1), 3 * (MAX_MARKS - 1) + 1]);
  });

  test('accented text too, and a single match far in is still found', () => {
    const accented = 'é '.repeat(500_000);
    const ranges = matchRanges(accented, ['e']);
    expect(ranges).toHaveLength(MAX_MARKS);
    expect(accented.slice(...ranges[1])).toBe('é');
    const late = `${'ł'.repeat(999_999)}Ω`;
    expect(matchRanges(late, ['ω'])).toEqual([[999_999, 1_000_000]]);
  });

  test('ranges of several words are merged before the limit is applied', () => {
    expect(matchRanges('prometheus '.repeat(500), ['prom', 'metheus'], 2)).toEqual([
      [0, 10],
      [11, 21],
    ]);
  });
});

describe('matchSnippet', () => {
  test('shows the words around the first match on one line', () => {
    const body = `${'intro '.repeat(30)}the new\nscrape limits matter${' outro'.repeat(30)}`;
    const snippet = matchSnippet(body, ['scrape'], 20)!;
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('the new scrape limits');
    expect(matchSnippet('short note', ['short'])).toBe('short note');
    expect(matchSnippet('short note', ['absent'])).toBeNull();
  });

  test('does not cut an astral character at its edges', () => {
    const snippet = matchSnippet('🚀🚀🚀 x 🚀🚀🚀', ['x'], 2)!;
    // encodeURIComponent throws on half a surrogate pair.
    expect(() => encodeURIComponent(snippet)).not.toThrow();
    expect(snippet).toContain('🚀 x 🚀');
  });
});
