import { Parser } from 'commonmark';
import { nestsTooDeepToParse } from '../talk/markdown-nesting';

/** A fenced code block of a markdown text, by line (0-based), fences included. */
export interface CodeFence {
  first: number;
  last: number;
  /** For a fence left open, the closing fence that belongs after its last line. */
  closer?: string;
}

/** A line that may open a fence, inside block quotes and list items or not: the only texts worth a parse. */
const MAY_OPEN_FENCE = /^[ \t>*+\-.)\d]*(?:`{3}|~{3})/m;

/**
 * Where fenced code is, as a CommonMark parser reads the lines: a fence can sit in a list item or a
 * block quote, and it ends with its container, which a line-by-line look cannot tell. A text nested
 * too deep to parse in good time is taken to hold none (it is written as text, raw HTML in it
 * defused like the rest).
 */
export function codeFences(lines: string[]): CodeFence[] {
  const text = lines.join('\n');
  if (!MAY_OPEN_FENCE.test(text) || nestsTooDeepToParse(text)) return [];
  const fences: CodeFence[] = [];
  const walker = blockParser().parse(text).walker();
  for (let step = walker.next(); step; step = walker.next()) {
    const block = step.node;
    // An indented code block has no info string; a fenced one has one, empty or not.
    if (!step.entering || block.type !== 'code_block' || block.info === null) continue;
    const [[startLine, startColumn], [endLine]] = block.sourcepos;
    const fence: CodeFence = { first: startLine - 1, last: endLine - 1 };
    // Each content line ends with a line feed in the block's text. Opening fence and content, no
    // closing fence: it ran to the end of its container.
    const contentLines = (block.literal ?? '').split('\n').length - 1;
    if (fence.last - fence.first === contentLines) fence.closer = closerFor(lines[fence.first], startColumn - 1);
    fences.push(fence);
  }
  return fences;
}

/**
 * A CommonMark parser of blocks alone. Where fences are does not depend on what paragraphs hold, and
 * commonmark.js's inline parse grows with the square of some texts: 200,000 characters of `[a](` take
 * it a minute, after its blocks took 2 ms.
 */
export function blockParser(): Parser {
  // `parse` reads the inlines of every paragraph and heading in this one method, once its blocks are done.
  return Object.assign(new Parser(), { processInlines: () => {} });
}

/** Whether every line of `fence` is in one of `fences`. */
export function withinFences(fence: CodeFence, fences: CodeFence[]): boolean {
  return fences.some(({ first, last }) => first <= fence.first && fence.last <= last);
}

/**
 * The closing fence for an opening one at `fenceAt` in `opener`, inside the same containers: block
 * quote markers kept, list markers and indentation as spaces (tabs kept, so as to end in the same column).
 */
function closerFor(opener: string, fenceAt: number): string {
  const [fence] = /^(?:`+|~+)/.exec(opener.slice(fenceAt))!;
  return opener.slice(0, fenceAt).replace(/[^>\t]/g, ' ') + fence;
}
