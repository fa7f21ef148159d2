/**
 * User-written markdown (a note, the intro) placed in the talk log so that it stays where it is
 * put, and so that a published log carries no raw HTML and no link other than http(s).
 */

import type { Node } from 'commonmark';
import { blockParser, blocksOf, codeBlocks, nodesOf, codeSpanAt, textLines, TEXT_BLOCKS, withinCode, type CodeBlock, type LineRange } from './code-blocks';
import { nestsTooDeepToParse } from '../talk/markdown-nesting';
import { withOwnReferences } from './link-references';
import { guardLineStart } from './markdown-text';
import { commonMarkReading, markedReads, parsesInGoodTime, readMarkup, type MarkupReading } from './safe-markup';

const LINE_ENDING = /\r\n|\r|\n/;
const BLANK_LINE = /^[ \t]*$/;
const TRAILING_WHITESPACE = /[ \t]+$/;
/** After `<`: a tag, closing tag, comment, declaration, processing instruction or autolink. */
const MARKUP_AFTER_LT = /^[A-Za-z/!?]/;
const HTTP_AUTOLINK = /^<https?:\/\//i;
/** Where a bare link (GFM) may start; marked runs one on through a `\\` before `<`: `https://a.example\\<b>` is a link, then `<b>`. */
const BARE_LINK_START = /https?:\/\/|ftp:\/\/|www\./iy;
/** A link's or definition's destination, after its `](` or `]:`, that may stay a link. */
const HTTP_DESTINATION = /^[ \t]*<?https?:\/\//i;
/** Indentation, block quote markers and list markers: where a tab's width depends on its column. */
const STRUCTURE_PREFIX = /^(?:[ \t]|>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))*/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)$/;
/** A quote holding an empty list item (`> -`, `> > 1.`): the quote's markers, then the item's marker. */
const EMPTY_QUOTED_ITEM = /^((?:[ \t]*>)+[ \t]*\d{0,9})([-+*.)])[ \t]*$/;
const HTML_START_DEFUSED = /^ {0,3}\\</;
/** Indentation, heading, fence, quote, list item, setext underline, HTML, table row, link reference definition. */
const BLOCK_START = /^(?:[ \t]|#{1,6}(?:[ \t]|$)|`{3}|~{3}|>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|=+$|<|\||\[[^\]]*\]:)/;

/** Raw HTML's block (CommonMark 4.6), whose lines after the first were HTML, not markdown. */
interface DefusedHtmlBlock {
  /** Whether this line is the block's last. */
  endsAt(line: string): boolean;
}

/** CommonMark's HTML block start conditions 1–5, each with its end condition. */
const HTML_BLOCKS_WITH_END: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** Condition 6's tag names; condition 7 (any other tag) cannot interrupt a paragraph. */
const HTML_BLOCK_TAG =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;

/** The HTML block a raw line starts, or null when it starts none (`paragraphOpen`: it would continue a paragraph). */
function htmlBlockAt(line: string, paragraphOpen: boolean): DefusedHtmlBlock | null {
  const withEnd = HTML_BLOCKS_WITH_END.find(([start]) => start.test(line));
  if (withEnd) {
    const [start, end] = withEnd;
    const opener = start.exec(line)![0];
    return end.test(line.slice(opener.length)) ? null : { endsAt: (next) => end.test(next) };
  }
  if (paragraphOpen && !HTML_BLOCK_TAG.test(line)) return null;
  return { endsAt: (next) => next === '' };
}

/** A line kept as the text it was typed as, where it would start a block of its own. */
function guardBlockStart(line: string): string {
  const [indent] = /^ {0,3}/.exec(line)!;
  const rest = line.slice(indent.length);
  return indent + (/^(?:`{3}|\||\*(?=[* \t]|$)|_(?=[_ \t]*$))/.test(rest) ? `\\${rest}` : guardLineStart(rest));
}

/**
 * A markdown body as lines ready to be nested: trailing whitespace that means nothing (all but
 * code's and a hard line break's), surrounding and repeated blank lines dropped, a code fence left
 * open closed, tabs in indentation expanded (an indent prefix would move their tab stops), and raw
 * HTML and links other than http(s) outside code turned into the text they were typed as
 * (`defuseLine`). Empty for a blank body. Written under a heading of level `belowHeading` (a note under its
 * talk's), its own headings go below it (`headingsBelow`).
 */
export function markdownLines(body: string, { belowHeading = 0 }: { belowHeading?: number } = {}): string[] {
  const written = readableByMarked(safeLinesInParts(withOwnReferences(body.split(LINE_ENDING))));
  return withLineBreaks(belowHeading > 0 ? headingsBelow(written, belowHeading) : written);
}

/** A backslash that ends a line as a hard line break: after an even run of backslashes, which are escaped ones. */
const HARD_BREAK_BACKSLASH = /(?<!\\)((?:\\\\)*)\\$/;
/** Where a backslash after a line changes what it reads: `*` before it could open emphasis, a bare link (GFM) would take it in. */
const BACKSLASH_CHANGES_END = /[*_~]$|(?:https?:\/\/|ftp:\/\/|www\.)\S*$/i;
/** A table's delimiter row (GFM), which makes the lines around it a table's rows where CommonMark reads a paragraph. */
const TABLE_DELIMITER_ROW = /^[ \t>]*(?=[^|]*\|)(?=[^-]*-)[-|: \t]+$/;

/**
 * Written `lines` with each line a paragraph or heading goes on after ending in a hard line break, as the pages show
 * a note (marked's `breaks`): to CommonMark and GitHub a line break alone is a space, and notes are typed line by
 * line. Not where the line ends in a code span, where a newline is a space, nor in a table's rows. A backslash, which
 * shows what it is for, or two spaces where a backslash would change what the line reads.
 */
function withLineBreaks(lines: string[]): string[] {
  const ends = lineEndsToBreak(lines);
  if (ends.length === 0) return lines;
  const broken = [...lines];
  for (const at of ends) {
    // Whitespace after a backslash keeps it from breaking the line: it stays, or the backslash would be taken for the break.
    const line = lines[at].replace(/(?<!\\)[ \t]+$/, '');
    broken[at] = line + (BACKSLASH_CHANGES_END.test(line) ? '  ' : '\\');
  }
  return breaksReadAsWritten(lines, broken) ? broken : lines;
}

/** The lines (0-based) a paragraph or heading goes on after, outside code spans and tables, that do not end in a hard line break. */
function lineEndsToBreak(lines: string[]): number[] {
  if (lines.length < 2) return [];
  return paragraphsAndHeadings(lines).flatMap(({ first, last }) => {
    const block = lines.slice(first, last + 1);
    if (block.some((line) => TABLE_DELIMITER_ROW.test(line))) return [];
    const spans = codeSpansIn(block.join('\n'));
    let lineEnd = -1;
    return block.slice(0, -1).flatMap((line, offset) => {
      lineEnd += line.length + 1;
      const inCode = spans.some(([start, end]) => start < lineEnd && lineEnd < end);
      const endsInHardBreak = line.endsWith('  ') || HARD_BREAK_BACKSLASH.test(line);
      return inCode || endsInHardBreak ? [] : [first + offset];
    });
  });
}

/**
 * Whether `broken` reads as `lines` to CommonMark, a hard line break for each line break: a link's destination or title
 * may go on over lines, and a backtick may not open the code span it seems to. A text too long to parse in good time
 * is taken to; there a backslash could show at most in a code span or a title.
 */
function breaksReadAsWritten(lines: string[], broken: string[]): boolean {
  const text = lines.join('\n');
  return !parsesInGoodTime(text) || commonMarkReading(text, { lineBreaksAlike: true }) === commonMarkReading(broken.join('\n'), { lineBreaksAlike: true });
}

/** A line that may be an ATX heading or a setext heading's underline, in containers or not: the only texts worth a parse. */
const MAY_HOLD_HEADING = /^[ \t>*+\-.)\d]*(?:#|(?:=+|-+)[ \t]*$)/m;
const DEEPEST_HEADING = 6;
const HEADINGS: ReadonlySet<string> = new Set(['heading']);

/**
 * Written `lines` placed under a heading of `level`: their headings as many levels deeper as puts the highest of them
 * just below it (to 6 at most), so that none outranks the headings it sits under, nor stands in the document's outline
 * beside them, and the rest keep their ranks below it. A setext heading becomes an ATX one, its lines joined as its
 * text reads (code spans over lines too).
 */
function headingsBelow(lines: string[], level: number): string[] {
  const text = lines.join('\n');
  if (!MAY_HOLD_HEADING.test(text) || nestsTooDeepToParse(text)) return lines;
  const headings = nodesOf(blockParser().parse(text), HEADINGS);
  const deeper = Math.max(0, level + 1 - Math.min(...headings.map((heading) => heading.level)));
  const written = [...lines];
  const joined = new Set<number>();
  for (const heading of headings) {
    const [[startLine, startColumn], [endLine]] = heading.sourcepos;
    const line = lines[startLine - 1];
    const prefix = line.slice(0, startColumn - 1);
    const marker = '#'.repeat(Math.min(heading.level + deeper, DEEPEST_HEADING));
    if (startLine === endLine) {
      written[startLine - 1] = prefix + line.slice(startColumn - 1).replace(/^#+/, marker);
    } else {
      written[startLine - 1] = `${prefix}${marker} ${setextText(heading)}`;
      for (let at = startLine; at < endLine; at++) joined.add(at);
    }
  }
  return written.filter((_, at) => !joined.has(at));
}

/**
 * A setext heading's text as one line of an ATX heading: its lines joined by spaces (a hard line break's backslash
 * dropped, which would show on one line), a closing `#` run kept as text.
 */
function setextText(heading: Node): string {
  // commonmark.js keeps a block's text, its containers' markers taken off, until it parses its inlines, which `blockParser` does not.
  const { _string_content: content } = heading as Node & { _string_content: string };
  const lines = content
    .trimEnd()
    .split('\n')
    .map((line) => line.trim());
  return lines
    .map((line, at) => (at < lines.length - 1 ? line.replace(HARD_BREAK_BACKSLASH, '$1') : line))
    .join(' ')
    .replace(/(^|[ \t])(#+)$/, '$1\\$2');
}

/**
 * A long text's parts are this long at most where it can be cut: each is then read (`readMarkup`) in good time, the
 * escapes written in it and a list item's indentation added.
 */
const PART_LENGTH = 16_000;
/** Past this, a text is not cut into parts, which would take too long to read all. */
const MAX_PARTED_LENGTH = 200_000;
/** Blocks that go on over blank lines: a part does not start inside one. */
const CUT_NOT_INSIDE: ReadonlySet<string> = new Set(['code_block', 'html_block']);

/**
 * `safeLines` of `body`, a text too long to be read whole in good time written in parts read one by one, so that
 * its code spans stay as typed where a parser read them as code (a text not read has them escaped as the rest).
 */
function safeLinesInParts(body: string[]): string[] {
  const written: string[] = [];
  for (const part of partsOf(body)) {
    const lines = safeLines(part);
    if (written.length > 0 && lines.length > 0) written.push('');
    written.push(...lines);
  }
  return written;
}

/**
 * `lines` cut where a line at the start of a block follows a blank line, outside code and raw HTML, which alone go on
 * over blank lines: nothing in one part changes what the next reads, written fences are closed within their part.
 */
function partsOf(lines: string[]): string[][] {
  const text = lines.join('\n');
  if (text.length <= PART_LENGTH || text.length > MAX_PARTED_LENGTH || nestsTooDeepToParse(text)) return [lines];
  const goingOn = blocksOf(blockParser().parse(text), CUT_NOT_INSIDE);
  const startsPart = (at: number) => BLANK_LINE.test(lines[at - 1]) && /^\S/.test(lines[at]) && !goingOn.some(({ first, last }) => first < at && at <= last);
  const parts: string[][] = [];
  let partLength = Infinity;
  for (let start = 0, end = 1; start < lines.length; end++) {
    if (end < lines.length && !startsPart(end)) continue;
    const piece = lines.slice(start, end);
    const length = piece.join('\n').length;
    if (partLength + length > PART_LENGTH) {
      parts.push([]);
      partLength = 0;
    }
    parts.at(-1)!.push(...piece);
    partLength += length + 1;
    start = end;
  }
  return parts;
}

function safeLines(typed: string[]): string[] {
  const source = typed.map((line) => (BLANK_LINE.test(line) ? '' : line));
  while (source[0] === '') source.shift();
  while (source.at(-1) === '') source.pop();
  const expanded = source.map(expandStructureTabs);
  const inline = inlineBlocks(expanded);
  // Trailing whitespace where a paragraph or heading goes on may mean something: a hard line break, or code in a span.
  const whitespaceKept = new Set(inline.flatMap(({ first, last }) => lineNumbers(first, last - 1).filter((at) => TRAILING_WHITESPACE.test(source[at]))));
  // What is kept as typed, code blocks and code spans, is code as far as CommonMark's blocks and a
  // look at backtick runs can tell; parsers of whole texts have the last word. A code span's backtick
  // may be in a link or raw HTML before it, and a table splits its cells at `|` first; marked reads a
  // tab after `>` otherwise than CommonMark.
  const kept = writtenLines(source, codeSpansByLine(expanded, inline), whitespaceKept);
  const keptReading = readWritten(kept);
  if (keptReading === 'safe') return kept;
  const escaped = source.some((line) => line.includes('`')) ? writtenLines(source, [], whitespaceKept) : kept;
  const escapedReading = escaped === kept ? keptReading : readWritten(escaped);
  if (escapedReading === 'safe' || escapedReading === 'unread') return escaped;
  // Every line as text: nothing raw left for any parser to read as markup.
  return tidied(source, [], [], new Set()).lines;
}

/**
 * marked (18.2) throws on some quotes holding an empty list item inside a list item (`- a\n  > -\n    b`), as every
 * note sits in the log: where it would, the empty items in quotes are written as text (the marker, as typed).
 */
function readableByMarked(lines: string[]): string[] {
  const readable = (written: string[]) => markedReads(nestedInItem(written).join('\n'));
  if (!lines.some((line) => EMPTY_QUOTED_ITEM.test(line)) || readable(lines)) return lines;
  // Written as text, an item can make the lines after it, code among them, a paragraph's: trailing whitespace goes.
  const asText = (at: Set<number>) =>
    lines.map((line, index) => (at.has(index) ? line.replace(EMPTY_QUOTED_ITEM, '$1\\$2') : line.replace(TRAILING_WHITESPACE, '')));
  const items = asText(emptyQuotedItems(lines));
  if (readable(items)) return items;
  // marked reads the lines otherwise than CommonMark (an indented `> -` it takes for a quote): every such line
  // outside code.
  const code = codeBlocks(lines);
  return asText(new Set(lines.flatMap((line, at) => (EMPTY_QUOTED_ITEM.test(line) && !withinCode({ first: at, last: at }, code) ? [at] : []))));
}

const ITEMS: ReadonlySet<string> = new Set(['item']);

/** The lines (0-based) a CommonMark parser reads as an empty list item in a block quote: not code, nor a heading's underline. */
function emptyQuotedItems(lines: string[]): Set<number> {
  const text = lines.join('\n');
  const found = new Set<number>();
  if (nestsTooDeepToParse(text)) return found;
  for (const node of nodesOf(blockParser().parse(text), ITEMS)) {
    if (node.firstChild) continue;
    for (let container = node.parent; container; container = container.parent) {
      if (container.type === 'block_quote') {
        found.add(node.sourcepos[0][0] - 1);
        break;
      }
    }
  }
  return found;
}

/** How lines written read, alone and nested in a note's item: `safe` at once where nothing in them is left raw. */
function readWritten(lines: string[]): MarkupReading {
  if (lines.every((line) => defuseLine(line, []) === line)) return 'safe';
  const alone = readMarkup(lines.join('\n'));
  return alone === 'safe' ? readMarkup(nestedInItem(lines).join('\n')) : alone;
}

/** `markdownLines` of `source`, with `codeSpans` kept as typed, and the trailing whitespace of `whitespaceKept`'s lines. */
function writtenLines(source: string[], codeSpans: CodeSpans, whitespaceKept: ReadonlySet<number>): string[] {
  let code = codeBlocks(source);
  let kept = whitespaceKept;
  for (;;) {
    const { lines, lastWrittenFor } = tidied(source, code, codeSpans, kept);
    if (code.length === 0 && kept.size === 0) return lines;
    // Raw HTML shown as text no longer holds the lines after it, which can then join a list item or quote
    // above it; and a tab kept in a line's indentation spans fewer columns once the line is nested in a
    // note's item. Code in the text typed may not be code in the text written, alone or nested: only
    // code stays as typed. Nor may a paragraph go on after other lines, and trailing whitespace
    // elsewhere means nothing (or another block: `- ` and `-` differ in a list item).
    const nested = nestedInItem(lines);
    const [written, writtenNested] = code.length === 0 ? [[], []] : [codeBlocks(lines), codeBlocks(nested)];
    const stillCode = code.filter((block) => {
      const [from, to] = [lastWrittenFor[block.first], lastWrittenFor[block.last]];
      // Code of the other kind holds other text: a fence read as indented code shows its backticks.
      const alike = (blocks: CodeBlock[]) => blocks.filter(({ codeAt }) => (codeAt === undefined) === (block.codeAt === undefined));
      return withinCode({ first: from, last: to }, alike(written)) && withinCode({ first: from + 1, last: to + 1 }, alike(writtenNested));
    });
    const [goingOn, goingOnNested] = kept.size === 0 ? [new Set(), new Set()] : [linesGoingOn(lines), linesGoingOn(nested)];
    const stillKept = new Set([...kept].filter((at) => goingOn.has(lastWrittenFor[at]) && goingOnNested.has(lastWrittenFor[at] + 1)));
    if (stillCode.length === code.length && stillKept.size === kept.size) return lines;
    code = stillCode;
    kept = stillKept;
  }
}

/** The lines (0-based) a paragraph or heading goes on after. */
function linesGoingOn(lines: string[]): Set<number> {
  return new Set(inlineBlocks(lines).flatMap(({ first, last }) => lineNumbers(first, last - 1)));
}

function lineNumbers(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, offset) => first + offset);
}

/**
 * `source` as `markdownLines` writes it with `code` kept as typed, and the trailing whitespace of the
 * lines in `whitespaceKept`; for each source line, the last line written by then.
 */
function tidied(source: string[], code: CodeBlock[], codeSpans: CodeSpans, whitespaceKept: ReadonlySet<number>): { lines: string[]; lastWrittenFor: number[] } {
  const verbatim = codeLines(source, code);
  const closers = new Map(code.flatMap(({ last, closer }) => (closer === undefined ? [] : [[last, closer] as const])));
  const lines: string[] = [];
  const lastWrittenFor: number[] = [];
  // Raw HTML swallows the lines after it as HTML; shown as text, they would start headings,
  // lists or fences of their own (`<!--` then `# x`), so they stay text until its block ends.
  let defusedHtml: DefusedHtmlBlock | null = null;
  for (const [index, typed] of source.entries()) {
    const line = whitespaceKept.has(index) ? typed : typed.replace(TRAILING_WHITESPACE, '');
    const codeLine = verbatim.get(index);
    // One blank line is as good as many in markdown; in code, keep up to two (Python puts two between functions).
    const repeatedBlank = line === '' && lines.at(-1) === '' && (codeLine === undefined || lines.at(-2) === '');
    if (codeLine !== undefined) {
      defusedHtml = null;
      if (!repeatedBlank) lines.push(codeLine);
    } else if (defusedHtml) {
      if (!repeatedBlank) lines.push(line === '' ? '' : guardBlockStart(defuseLine(expandStructureTabs(line), codeSpans[index] ?? [])));
      if (defusedHtml.endsAt(line)) defusedHtml = null;
    } else if (!repeatedBlank) {
      const expanded = expandStructureTabs(line);
      const defused = defuseLine(expanded, codeSpans[index] ?? []);
      lines.push(defused);
      const paragraphOpen = lines.length > 1 && lines.at(-2) !== '';
      defusedHtml = HTML_START_DEFUSED.test(defused) && defused !== expanded ? htmlBlockAt(expanded, paragraphOpen) : null;
    }
    lastWrittenFor.push(lines.length - 1);
    const closer = closers.get(index);
    if (closer !== undefined) lines.push(closer);
  }
  return { lines, lastWrittenFor };
}

/** The lines of `code` as written: as typed, but an indented block's indentation in spaces, where a tab would span fewer columns nested deeper. */
function codeLines(source: string[], code: CodeBlock[]): Map<number, string> {
  const lines = new Map<number, string>();
  for (const { first, last, codeAt } of code) {
    for (let at = first; at <= last; at++) {
      const start = codeAt?.[at - first];
      lines.set(at, start === undefined ? source[at] : expandStructureTabs(source[at].slice(0, start)) + source[at].slice(start));
    }
  }
  return lines;
}

/**
 * One bullet list item holding `body` (from `markdownLines`), after `lead` (inline
 * markdown such as a timestamp link) when given. Every line after the first is
 * indented to the item's content, so nothing in the body can end the item early.
 */
export function listItemLines(lead: string | null, body: string[]): string[] {
  const [first = '', ...rest] = body;
  if (lead === null) {
    // `- ---` or `- - -` would be one thematic break, and leading spaces would move the item's content column.
    const ownLine = THEMATIC_BREAK.test(`- ${first}`) || /^[ \t]/.test(first);
    return ownLine ? nestedInItem(body) : [`- ${first}`, ...indentLines(rest)];
  }
  // Nothing after the lead, or what follows it in a paragraph of its own.
  if (first === '') return [`- ${lead}`, ...indentLines(body)];
  // After the lead, a block would be read as text (or as the lead's setext underline).
  return startsBlock(body) ? [`- ${lead}`, '', ...indentLines(body)] : [`- ${lead} ${first}`, ...indentLines(rest)];
}

function startsBlock([first = '', ...rest]: string[]): boolean {
  if (BLOCK_START.test(first) || THEMATIC_BREAK.test(first)) return true;
  const end = rest.indexOf('');
  return rest.slice(0, end === -1 ? undefined : end).some((line) => SETEXT_UNDERLINE.test(line));
}

/** `lines` as a note's body sits in the log: the content of a list item, after a line of its own. */
function nestedInItem(lines: string[]): string[] {
  return ['-', ...indentLines(lines)];
}

function indentLines(lines: string[]): string[] {
  return lines.map((line) => (line === '' ? '' : `  ${line}`));
}

/** Where a code span is on a line, its backticks included. */
type Span = [start: number, end: number];

/**
 * For each line (tabs in its indentation expanded), the code spans on it to leave as typed: `markdownLines`
 * checks that they are code. What a line has none listed for is escaped as the rest, code spans too.
 */
type CodeSpans = Span[][];

/** The code spans of each line: a span runs on over the lines of its paragraph or heading (`inline`). */
function codeSpansByLine(lines: string[], inline: LineRange[]): CodeSpans {
  const spans: CodeSpans = lines.map(() => []);
  for (const { first, last } of inline) {
    let line = first;
    let lineStart = 0;
    for (const [start, end] of codeSpansIn(lines.slice(first, last + 1).join('\n'))) {
      for (; start > lineStart + lines[line].length; line++) lineStart += lines[line].length + 1;
      for (let at = line, atStart = lineStart; atStart < end; atStart += lines[at].length + 1, at++) {
        spans[at].push([Math.max(start, atStart) - atStart, Math.min(end, atStart + lines[at].length) - atStart]);
      }
    }
  }
  return spans;
}

/**
 * The lines of each paragraph and heading's text, and each other line alone. Only a text where a code
 * span or trailing whitespace may go on to the next line is parsed.
 */
function inlineBlocks(lines: string[]): LineRange[] {
  const blocks: LineRange[] = [];
  let next = 0;
  const eachAlone = (end: number) => {
    for (; next < end; next++) blocks.push({ first: next, last: next });
  };
  if (lines.length > 1 && /`|[ \t]\n./.test(lines.join('\n'))) {
    for (const block of paragraphsAndHeadings(lines)) {
      eachAlone(block.first);
      blocks.push(block);
      next = block.last + 1;
    }
  }
  eachAlone(lines.length);
  return blocks;
}

/** The lines of each paragraph's and heading's text, as a CommonMark parser reads `lines`; none in a text nested too deep to parse. */
function paragraphsAndHeadings(lines: string[]): LineRange[] {
  const text = lines.join('\n');
  if (nestsTooDeepToParse(text)) return [];
  return blocksOf(blockParser().parse(text), TEXT_BLOCKS).map(textLines);
}

/** The code spans of a paragraph's text: a backtick run that closes none is a span of its own, text all the same. */
function codeSpansIn(text: string): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < text.length;) {
    if (text[i] === '\\') {
      i += 2;
    } else if (text[i] === '`') {
      const end = codeSpanAt(text, i);
      spans.push([i, end]);
      i = end;
    } else {
      i++;
    }
  }
  return spans;
}

/**
 * A line outside code with `\` before each `<` that would start raw HTML (or an autolink other
 * than http(s)), and before each `]` that would end a link, image or link reference definition
 * pointing anywhere but http(s): they show as typed instead. A `<` right after a bare link is
 * written `&lt;`, which no link runs on through. The line's `codeSpans` are left as they are;
 * an escape where no markup would have started changes nothing that renders.
 */
export function defuseLine(line: string, codeSpans: Span[]): string {
  let out = '';
  let bareLinks: boolean[] | null = null;
  const lessThan = (at: number) => ((bareLinks ??= afterBareLink(line))[at] ? '&lt;' : '\\<');
  let span = 0;
  for (let i = 0; i < line.length;) {
    const rest = line.slice(i);
    const char = line[i];
    if (i === codeSpans[span]?.[0]) {
      out += line.slice(i, codeSpans[span][1]);
      i = codeSpans[span++][1];
    } else if (char === '\\') {
      out += line[i + 1] === '<' ? lessThan(i) : line.slice(i, i + 2);
      i += 2;
    } else {
      const link = char === ']' && (line[i + 1] === '(' || line[i + 1] === ':') && !HTTP_DESTINATION.test(line.slice(i + 2));
      const html = char === '<' && MARKUP_AFTER_LT.test(line.slice(i + 1)) && !HTTP_AUTOLINK.test(rest);
      out += html ? lessThan(i) : link ? `\\${char}` : char;
      i++;
    }
  }
  return out;
}

/** For each position of `line`, whether a bare link may have started before it in its word. */
function afterBareLink(line: string): boolean[] {
  const after: boolean[] = [];
  let linked = false;
  for (let i = 0; i < line.length; i++) {
    after.push(linked);
    if (/\s/.test(line[i])) linked = false;
    else if (!linked) {
      BARE_LINK_START.lastIndex = i;
      linked = BARE_LINK_START.test(line);
    }
  }
  return after;
}

function expandStructureTabs(line: string): string {
  const prefix = STRUCTURE_PREFIX.exec(line)![0];
  if (!prefix.includes('\t')) return line;
  let expanded = '';
  for (const char of prefix) expanded += char === '\t' ? ' '.repeat(4 - (expanded.length % 4)) : char;
  return expanded + line.slice(prefix.length);
}
