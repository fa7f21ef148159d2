import { Parser } from 'commonmark';
import { Lexer, walkTokens, type TokensList } from 'marked';
import { nestsTooDeepToParse } from '../talk/markdown-nesting';

/**
 * Past this, a text is not parsed for the check: inline parsing grows with the square of some texts
 * (commonmark.js takes a minute on 200,000 characters of `[a](`), and notes are written far shorter.
 */
const MAX_CHECKED_LENGTH = 20_000;
/** Bare addresses (GFM) link to `mailto:`; nothing else but http(s). */
const SAFE_DESTINATION = /^(?:https?:\/\/|mailto:)/i;

/** What parsers read in a text: no raw HTML and no link but http(s) (`safe`), or not; `unread` past what can be parsed in good time. */
export type MarkupReading = 'safe' | 'unsafe' | 'unread';

/**
 * How `markdown` reads, both as CommonMark (commonmark.js) and as GitHub's markdown (marked with GFM: a
 * table splits its cells at `|` before it finds code spans, a bare link can run on into what follows, and
 * a tab after `>` can make an indented block of a fence).
 */
export function readMarkup(markdown: string): MarkupReading {
  if (!parsesInGoodTime(markdown)) return 'unread';
  const walker = new Parser().parse(markdown).walker();
  for (let step = walker.next(); step; step = walker.next()) {
    const { type, destination } = step.node;
    if (type === 'html_inline' || type === 'html_block') return 'unsafe';
    if ((type === 'link' || type === 'image') && !SAFE_DESTINATION.test(destination ?? '')) return 'unsafe';
  }
  const tokens = markedTokens(markdown);
  // What marked cannot read, it cannot vouch for.
  if (!tokens) return 'unsafe';
  let safe = true;
  walkTokens(tokens, (token) => {
    if (token.type === 'html' || ((token.type === 'link' || token.type === 'image') && !SAFE_DESTINATION.test(token.href))) safe = false;
  });
  return safe ? 'safe' : 'unsafe';
}

/**
 * What CommonMark (commonmark.js) reads in `markdown`: every block and inline, with its text, destination and title.
 * `lineBreaksAlike` reads a line break alone as a hard one, and no whitespace before either (CommonMark keeps a tab
 * before a line break alone, and a space before a backslash).
 */
export function commonMarkReading(markdown: string, { lineBreaksAlike = false } = {}): string {
  const nodes: string[] = [];
  const walker = new Parser().parse(markdown).walker();
  for (let step = walker.next(); step; step = walker.next()) {
    const { node, entering } = step;
    const type = lineBreaksAlike && node.type === 'softbreak' ? 'linebreak' : node.type;
    const literal = lineBreaksAlike && type === 'text' ? node.literal!.replace(/[ \t]+$/, '') : node.literal;
    if (literal !== '') nodes.push(JSON.stringify([entering, type, literal, node.destination, node.title, node.info, node.level]));
  }
  return nodes.join('\n');
}

/** Whether parsers read `markdown`, inlines and all, in good time. */
export function parsesInGoodTime(markdown: string): boolean {
  return markdown.length <= MAX_CHECKED_LENGTH && !nestsTooDeepToParse(markdown);
}

/** Whether marked (GFM) reads `markdown` without throwing. */
export function markedReads(markdown: string): boolean {
  return markedTokens(markdown) !== null;
}

/** marked's GFM tokens, or null where it throws (marked 18 does on a few shapes of quotes in list items: `- a\n  > -\n    b`). */
function markedTokens(markdown: string): TokensList | null {
  try {
    return Lexer.lex(markdown, { gfm: true });
  } catch {
    return null;
  }
}
