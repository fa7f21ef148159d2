/** Indentation, block quote and list markers at a line's start (and digits that may not be a marker). */
const LINE_PREFIX = /^[ \t>*+\-.)\d]*/gm;

/**
 * Markdown parsers check each line against every list item and quote still open, so their work grows
 * with how deep these nest times the text's length: 50,000 `- ` on one line take commonmark.js nearly a
 * minute, 400 lines each one item deeper take marked 0.7 s. Past this, the deepest line prefix times
 * the length, a text is not parsed.
 */
const MAX_NESTED_WORK = 20_000_000;
/** Deeper than anyone writes, and than marked's recursion can be sure to go (2,000 `>` overflow its stack in Node). */
const MAX_PREFIX = 1_000;

/** Whether a markdown text nests too deep, or too deep for its length, to be parsed safely and in good time (a note may hold a million characters). */
export function nestsTooDeepToParse(text: string): boolean {
  let deepest = 0;
  for (const [prefix] of text.matchAll(LINE_PREFIX)) deepest = Math.max(deepest, prefix.length);
  return deepest > MAX_PREFIX || deepest * text.length > MAX_NESTED_WORK;
}
