import { foldLetters } from '../talk/fold-letters';

const ASCII = /^[^\u0080-\uffff]*$/;

/** Text as search compares it: case, accents and letter variants (`Płotka` ~ `plotka`) folded away. */
export function foldForSearch(text: string): string {
  // Most notes are plain ASCII: lower-casing is all the folding they need, and far cheaper.
  if (ASCII.test(text)) return text.toLowerCase();
  return foldLetters(text);
}

/** The folded words of a query, each of which must match. */
export function queryWords(query: string): string[] {
  return [...new Set(foldForSearch(query).split(/\s+/).filter(Boolean))];
}

/**
 * At most this many highlights in one text: a search for `a` in a megabyte of text would otherwise
 * make one element per match and freeze the page (issue 17). The first matches are marked.
 */
export const MAX_MARKS = 100;

/** Where the words occur in `text`, as sorted, merged `[start, end)` ranges of the original text: the first `limit`. */
export function matchRanges(text: string, words: string[], limit = MAX_MARKS): [number, number][] {
  if (words.length === 0) return [];
  const wholeFold = foldForSearch(text);
  const firstInWhole = firstOccurrences(wholeFold, words, limit);
  if (firstInWhole.length === 0) return [];
  if (ASCII.test(text)) return merged(firstInWhole, limit);
  // Anything but ASCII needs the way back from folded to original mapped, one character at a time:
  // only in the pieces of text where a word occurs, and only until the first matches are found.
  const longest = Math.max(...words.map((word) => word.length));
  const ranges: [number, number][] = [];
  for (let from = 0; from < text.length && ranges.length < limit;) {
    const to = edge(text, from + PIECE);
    // A match that starts in this piece may end in the next: look a little further (a folded letter
    // may come from a letter and several combining marks).
    const reach = edge(text, to + 4 * longest);
    const piece = text.slice(from, reach);
    const foldedPiece = foldForSearch(piece);
    if (words.some((word) => foldedPiece.includes(word))) {
      const { folded, starts, ends } = foldWithOrigins(piece);
      for (const [at, end] of firstOccurrences(folded, words, limit)) {
        if (starts[at] < to - from) ranges.push([from + starts[at], afterMarks(text, from + ends[end - 1])]);
      }
    }
    from = to;
  }
  return merged(ranges, limit);
}

/** Non-ASCII text is mapped back from its folded form in pieces of about this many characters. */
const PIECE = 4096;

/** `at`, moved past a low surrogate so that no astral character is cut in two; at most the text's end. */
function edge(text: string, at: number): number {
  if (at >= text.length) return text.length;
  return isLowSurrogate(text.charCodeAt(at)) ? at + 1 : at;
}

/** Up to `limit` occurrences of each word in folded text, as `[start, end)` in that text. */
function firstOccurrences(folded: string, words: string[], limit: number): [number, number][] {
  const found: [number, number][] = [];
  for (const word of words) {
    let count = 0;
    for (let at = folded.indexOf(word); at !== -1 && count < limit; at = folded.indexOf(word, at + word.length), count++) found.push([at, at + word.length]);
  }
  return found;
}

/** Sorted, overlapping ranges joined, the first `limit` kept. */
function merged(ranges: [number, number][], limit: number): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const result: [number, number][] = [];
  for (const range of ranges) {
    const previous = result.at(-1);
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else if (result.length === limit) break;
    else result.push([range[0], range[1]]);
  }
  return result;
}

/** Where the accents that follow a letter end: a highlight never splits `e` from a combining `´`. */
function afterMarks(text: string, end: number): number {
  while (end < text.length && /\p{M}/u.test(text[end])) end++;
  return end;
}

const LETTER_WITH_MARKS = /[\s\S]\p{M}*/uy;
const MARK = /\p{M}/u;

/** The folded text, with where in the original each folded character came from. */
function foldWithOrigins(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let index = 0; index < text.length;) {
    // A run of ASCII folds to itself lower-cased, a character for a character: at once, not one by one.
    let run = index;
    while (run < text.length && text.charCodeAt(run) < 0x80) run++;
    // The run's last letter goes with the marks that follow it (`e` and a combining `´`), folded as one.
    if (run < text.length && MARK.test(text[run])) run--;
    if (run > index) {
      folded += text.slice(index, run).toLowerCase();
      for (; index < run; index++) {
        starts.push(index);
        ends.push(index + 1);
      }
      continue;
    }
    // A letter with the marks over it: whether a mark folds away depends on its letter.
    LETTER_WITH_MARKS.lastIndex = index;
    const character = LETTER_WITH_MARKS.exec(text)![0];
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
  const [first] = matchRanges(text, words, 1);
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
