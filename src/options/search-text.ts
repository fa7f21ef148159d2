/** Text as search compares it: case, accents and letter variants (`Płotka` ~ `plotka`) folded away. */

const LETTER_VARIANTS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  // Lower-casing a whole word gives a final sigma, one letter at a time does not: fold both to σ.
  ς: 'σ',
};
const VARIANT = /[łøæœßđðþıς]/g;
const MARKS = /\p{M}/gu;

const ASCII = /^[^\u0080-\uffff]*$/;

export function foldForSearch(text: string): string {
  // Most notes are plain ASCII: lower-casing is all the folding they need, and far cheaper.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(VARIANT, (letter) => LETTER_VARIANTS[letter]);
}

/** The folded words of a query, each of which must match. */
export function queryWords(query: string): string[] {
  return [...new Set(foldForSearch(query).split(/\s+/).filter(Boolean))];
}

/** Where the words occur in `text`, as sorted, merged `[start, end)` ranges of the original text. */
export function matchRanges(text: string, words: string[]): [number, number][] {
  if (words.length === 0) return [];
  const wholeFold = foldForSearch(text);
  if (!words.some((word) => wholeFold.includes(word))) return [];
  // ASCII folds one character to one character; anything else needs the way back mapped.
  const origins = ASCII.test(text) ? null : foldWithOrigins(text);
  const folded = origins?.folded ?? wholeFold;
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      const last = at + word.length - 1;
      ranges.push(origins ? [origins.starts[at], afterMarks(text, origins.ends[last])] : [at, last + 1]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const previous = merged.at(-1);
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/** Where the accents that follow a letter end: a highlight never splits `e` from a combining `´`. */
function afterMarks(text: string, end: number): number {
  while (end < text.length && /\p{M}/u.test(text[end])) end++;
  return end;
}

/** The folded text, with where in the original each folded character came from. */
function foldWithOrigins(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const character of text) {
    const end = index + character.length;
    for (const piece of foldForSearch(character)) {
      // A piece may be two UTF-16 units (an astral letter): both map to the same character.
      for (let unit = 0; unit < piece.length; unit++) {
        starts.push(index);
        ends.push(end);
      }
      folded += piece;
    }
    index = end;
  }
  return { folded, starts, ends };
}

/** About `radius` characters either side of the first match in `text`, on one line; null when nothing matches. */
export function matchSnippet(text: string, words: string[], radius = 60): string | null {
  const [first] = matchRanges(text, words);
  if (!first) return null;
  let start = Math.max(0, first[0] - radius);
  let end = Math.min(text.length, first[1] + radius);
  // Never cut an emoji or other astral character in half.
  if (isLowSurrogate(text.charCodeAt(start))) start--;
  if (isLowSurrogate(text.charCodeAt(end))) end++;
  const excerpt = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${excerpt}${end < text.length ? '…' : ''}`;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
