import { Parser, type Node } from 'commonmark';
import { nestsTooDeepToParse } from '../talk/markdown-nesting';

/** Lines from `first` to `last`, 0-based. */
export interface LineRange {
  first: number;
  last: number;
}

/** A block of a markdown text, of a CommonMark node type (`paragraph`, `code_block`…), by line. */
export interface Block extends LineRange {
  type: string;
}

/** The blocks that hold text, inlines and all. */
export const TEXT_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading']);

/** A code block of a markdown text, fenced or indented, by line (0-based), fences included. */
export interface CodeBlock extends LineRange {
  /** For a fence left open, the closing fence that belongs after its last line. */
  closer?: string;
  /** For an indented block, where each line's code starts: before it are its containers' markers and its indentation. */
  codeAt?: number[];
}

/** A line that may open a fence or be indented as code, inside block quotes and list items or not: the only texts worth a parse. */
const MAY_HOLD_CODE = /^[ \t>*+\-.)\d]*(?:`{3}|~{3}| {4}|\t)/m;

/**
 * Where code is, as a CommonMark parser reads the lines: a fence can sit in a list item or a block
 * quote, and it ends with its container, which a line-by-line look cannot tell; an indented line is
 * code only where no paragraph goes on. A text nested too deep to parse in good time is taken to hold
 * none (it is written as text, raw HTML in it defused like the rest).
 */
const CODE: ReadonlySet<string> = new Set(['code_block']);

export function codeBlocks(lines: string[]): CodeBlock[] {
  const text = lines.join('\n');
  if (!MAY_HOLD_CODE.test(text) || nestsTooDeepToParse(text)) return [];
  const blocks: CodeBlock[] = [];
  for (const block of nodesOf(blockParser().parse(text), CODE)) {
    const [[startLine, startColumn], [endLine]] = block.sourcepos;
    const code: CodeBlock = { first: startLine - 1, last: endLine - 1 };
    // Each content line ends with a line feed in the block's text.
    const contentLines = (block.literal ?? '').split('\n').slice(0, -1);
    // An indented code block has no info string; a fenced one has one, empty or not.
    if (block.info === null) code.codeAt = contentLines.map((content, line) => codeStart(lines[code.first + line], content));
    // Opening fence and content, no closing fence: it ran to the end of its container.
    else if (code.last - code.first === contentLines.length) code.closer = closerFor(lines[code.first], startColumn - 1);
    blocks.push(code);
  }
  return blocks;
}

/**
 * A CommonMark parser of blocks alone. Where code is does not depend on what paragraphs hold, and
 * commonmark.js's inline parse grows with the square of some texts: 200,000 characters of `[a](` take
 * it a minute, after its blocks took 2 ms.
 */
export function blockParser(): Parser {
  // `parse` reads the inlines of every paragraph and heading in this one method, once its blocks are done.
  return Object.assign(new Parser(), { processInlines: () => {} });
}

/** The nodes of these types a CommonMark parser read in `document`, in document order. */
export function nodesOf(document: Node, types: ReadonlySet<string>): Node[] {
  const nodes: Node[] = [];
  const walker = document.walker();
  for (let step = walker.next(); step; step = walker.next()) {
    if (step.entering && types.has(step.node.type)) nodes.push(step.node);
  }
  return nodes;
}

/** The blocks of these types a CommonMark parser read in `document`, each with its type and lines. */
export function blocksOf(document: Node, types: ReadonlySet<string>): Block[] {
  return nodesOf(document, types).map(({ type, sourcepos: [[startLine], [endLine]] }) => ({ type, first: startLine - 1, last: endLine - 1 }));
}

/** The lines of a paragraph's or heading's text: a heading over more than one line is a setext heading, whose last line is its underline. */
export function textLines({ type, first, last }: Block): LineRange {
  return { first, last: type === 'heading' && last > first ? last - 1 : last };
}

/** Whether every line of `lines` is in one of `blocks`. */
export function withinCode(lines: LineRange, blocks: CodeBlock[]): boolean {
  return blocks.some(({ first, last }) => first <= lines.first && lines.last <= last);
}

/** Where in `line` the code `content` starts: a tab only partly taken as indentation leaves the rest of its columns as spaces. */
function codeStart(line: string, content: string): number {
  let typed = content;
  while (!line.endsWith(typed)) typed = typed.slice(1);
  return line.length - typed.length;
}

/**
 * The closing fence for an opening one at `fenceAt` in `opener`, inside the same containers: block
 * quote markers kept, list markers and indentation as spaces (tabs kept, so as to end in the same column).
 */
function closerFor(opener: string, fenceAt: number): string {
  const [fence] = /^(?:`+|~+)/.exec(opener.slice(fenceAt))!;
  return opener.slice(0, fenceAt).replace(/[^>\t]/g, ' ') + fence;
}

/** Where the code span opened by the backtick run at `start` ends, or the run's end when no run of its length closes it. */
export function codeSpanAt(text: string, start: number): number {
  let end = start;
  while (text[end] === '`') end++;
  const run = end - start;
  for (let i = end; i < text.length;) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let close = i;
    while (text[close] === '`') close++;
    if (close - i === run) return close;
    i = close;
  }
  return end;
}
