import { Parser, type Node } from 'commonmark';
import { Lexer, walkTokens } from 'marked';
import { expect } from 'vitest';

/** A rendered talk log read back through a CommonMark parser: top-level headings and what lies between them. */
export interface LogOutline {
  title: string | null;
  /** Blocks between the title and the first category (the intro). */
  preamble: Node[];
  categories: { name: string | null; talks: TalkSection[] }[];
}

export interface TalkSection {
  heading: Node;
  /** Every top-level block up to the next heading of level 1–3. */
  blocks: Node[];
}

export function outlineOf(markdown: string): LogOutline {
  const outline: LogOutline = { title: null, preamble: [], categories: [] };
  let talk: TalkSection | null = null;
  for (const node of childrenOf(new Parser().parse(markdown))) {
    if (node.type === 'heading' && node.level === 1) {
      outline.title = plainText(node);
    } else if (node.type === 'heading' && node.level === 2) {
      outline.categories.push({ name: plainText(node), talks: [] });
      talk = null;
    } else if (node.type === 'heading' && node.level === 3) {
      if (outline.categories.length === 0) outline.categories.push({ name: null, talks: [] });
      talk = { heading: node, blocks: [] };
      outline.categories.at(-1)!.talks.push(talk);
    } else if (talk) {
      talk.blocks.push(node);
    } else {
      outline.preamble.push(node);
    }
  }
  return outline;
}

export function childrenOf(node: Node): Node[] {
  const children: Node[] = [];
  for (let child = node.firstChild; child; child = child.next) children.push(child);
  return children;
}

/** The text a reader sees in an inline container (heading, paragraph, link). */
export function plainText(node: Node): string {
  if (node.type === 'softbreak' || node.type === 'linebreak') return '\n';
  if (node.literal !== null && !node.isContainer) return node.literal;
  return childrenOf(node).map(plainText).join('');
}

/** Block structure, e.g. `list:bullet > item > paragraph`, one entry per block in document order. */
export function blockShape(nodes: Node[]): string[] {
  return nodes.flatMap((node) => {
    const label = node.type === 'heading' ? `heading${node.level}` : node.type === 'list' ? `list:${node.listType}` : node.type;
    const inner = ['block_quote', 'list', 'item'].includes(node.type) ? blockShape(childrenOf(node)) : [];
    return [label, ...inner.map((entry) => `  ${entry}`)];
  });
}

/** Every literal (text, code, HTML) below `nodes`, whitespace removed: what a note says, however it is laid out. */
export function squashedText(nodes: Node[]): string {
  const literals: string[] = [];
  for (const node of nodes) {
    const walker = node.walker();
    for (let step = walker.next(); step; step = walker.next()) {
      if (step.entering && step.node.literal !== null) literals.push(step.node.literal);
    }
  }
  return literals.join('').replace(/\s+/g, '');
}

export function parseBlocks(markdown: string): Node[] {
  return childrenOf(new Parser().parse(markdown));
}

/** No raw HTML anywhere below `nodes`, and every link and image goes to an http(s) address. */
export function expectOnlySafeMarkup(nodes: Node[]): void {
  for (const node of nodes) {
    const walker = node.walker();
    for (let step = walker.next(); step; step = walker.next()) {
      if (!step.entering) continue;
      expect(step.node.type, step.node.literal ?? '').not.toMatch(/^html/);
      if (step.node.type === 'link' || step.node.type === 'image') expect(step.node.destination).toMatch(/^https?:\/\//i);
    }
  }
}

/**
 * No raw HTML in `markdown` and no link but http(s), read both as CommonMark (commonmark.js) and as
 * GitHub's markdown (marked with GFM: tables, whose cells split at `|` before code spans are found,
 * and bare addresses, which may link to `mailto:`).
 */
export function expectOnlySafeMarkdown(markdown: string): void {
  expectOnlySafeMarkup(parseBlocks(markdown));
  walkTokens(gfmTokens(markdown), (token) => {
    expect(token.type, token.raw).not.toBe('html');
    if (token.type === 'link' || token.type === 'image') expect(token.href, token.raw).toMatch(/^(?:https?:\/\/|mailto:)/i);
  });
}

/** marked's GFM tokens: a log marked throws on (marked 18 does on `- a\n  > -\n    b`) fails too, as no renderer built on it could show it. */
function gfmTokens(markdown: string) {
  return Lexer.lex(markdown, { gfm: true });
}
