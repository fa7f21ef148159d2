import { Parser, type Node } from 'commonmark';

/** The fenced code of a markdown text, by line (0-based, as `text.split('\n')`). */
export interface CodeFences {
  /** The lines of fenced code blocks, fences included: content to keep as typed. */
  verbatim: ReadonlySet<number>;
  /** For each fence left open, the line it ends at and the closing fence that belongs after it. */
  closers: ReadonlyMap<number, string>;
}

const NONE: CodeFences = { verbatim: new Set(), closers: new Map() };
/** A line that may open a fence, inside block quotes and list items or not: the only texts worth a parse. */
const MAY_OPEN_FENCE = /^[ \t>*+\-.)\d]*(?:`{3}|~{3})/m;

/**
 * Where fenced code is, as a CommonMark parser reads the text: a fence can sit in a list item or a
 * block quote, and it ends with its container, which a line-by-line look cannot tell.
 */
export function codeFences(text: string): CodeFences {
  if (!MAY_OPEN_FENCE.test(text)) return NONE;
  const lines = text.split('\n');
  const verbatim = new Set<number>();
  const closers = new Map<number, string>();
  const walker = new Parser().parse(text).walker();
  for (let step = walker.next(); step; step = walker.next()) {
    const block = step.node;
    // An indented code block has no info string; a fenced one has one, empty or not.
    if (!step.entering || block.type !== 'code_block' || block.info === null) continue;
    const [first, last] = lineRange(block);
    for (let line = first; line <= last; line++) verbatim.add(line);
    // Each content line ends with a line feed in the block's text.
    const contentLines = (block.literal ?? '').split('\n').length - 1;
    // Opening fence and content, no closing fence: it ran to the end of its container.
    if (last - first === contentLines) closers.set(last, closerFor(lines[first], block.sourcepos[0][1] - 1));
  }
  return { verbatim, closers };
}

function lineRange(block: Node): [number, number] {
  const [[startLine], [endLine]] = block.sourcepos;
  return [startLine - 1, endLine - 1];
}

/**
 * The closing fence for an opening one at `fenceAt` in `opener`, inside the same containers: block
 * quote markers kept, list markers and indentation as spaces (tabs kept, so as to end in the same column).
 */
function closerFor(opener: string, fenceAt: number): string {
  const [fence] = /^(?:`+|~+)/.exec(opener.slice(fenceAt))!;
  return opener.slice(0, fenceAt).replace(/[^>\t]/g, ' ') + fence;
}
