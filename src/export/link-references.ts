/**
 * A note's link reference definitions (`[1]: https://a.example`) kept to the note. The pages show each note alone;
 * in a talk log every note is part of one document, where a definition applies to all of them and the first of a
 * label wins: one talk's `[deck][1]` would link to another talk's slides, and a plain `[docs]` become a link.
 */

import type { Node, Parser } from 'commonmark';
import { blockParser, blocksOf, codeSpanAt, textLines, TEXT_BLOCKS, type LineRange } from './code-blocks';
import { escapeLinkDestination } from './markdown-text';
import { commonMarkReading, parsesInGoodTime } from './safe-markup';

interface Definition {
  destination: string;
  title: string;
}

/** Definitions by normalized label, as commonmark.js keeps them while it parses. */
type Definitions = Record<string, Definition | undefined>;

/** Indentation, block quote markers and list markers at a line's start. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))*[ \t]*/;
/** Blocks that hold lines of text; a line in none of them, but for its containers' markers, is a definition's. */
const LEAF_BLOCKS = new Set(['paragraph', 'heading', 'code_block', 'html_block', 'thematic_break']);
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
/** A label opening as a GFM footnote's (`[^1]`), which CommonMark reads as a link's. */
const FOOTNOTE_LABEL = /\[\^/g;

/**
 * `lines` (a note's) with each link that refers to a definition of theirs (`[deck][1]`, `[1][]`, `[1]`) written as an
 * inline link to where it points, and the definitions left out, their containers' markers kept. Where the text would
 * not read the same so, or is too long to read in good time, `lines` as they are: the definitions then apply to the
 * whole log, but no link is lost.
 */
export function withOwnReferences(lines: string[]): string[] {
  const text = lines.join('\n');
  if (!text.includes(']:') || !parsesInGoodTime(text)) return lines;
  const parser = blockParser();
  // GFM reads `[^1]: …` as a footnote, and `[^1]` as a reference to it: escaped, their `[` opens no definition to
  // write inline or leave out. An escape reads as the character in a definition's destination and title.
  const { definitionLines, inlineText } = linesByBlock(parser.parse(text.replace(FOOTNOTE_LABEL, '\\[^')), lines);
  if (definitionLines.size === 0) return lines;
  // commonmark.js keeps the definitions it found in the parse.
  const { refmap: definitions } = parser as Parser & { refmap: Definitions };
  // Each line as written, a paragraph's or heading's text as one, written from its first line: a link's text or label may go on over lines.
  const written: string[][] = lines.map((line, at) => [definitionLines.has(at) ? CONTAINER_PREFIX.exec(line)![0].trimEnd() : line]);
  for (const { first, last } of inlineText) {
    written[first] = inlineLinks(lines.slice(first, last + 1).join('\n'), definitions).split('\n');
    for (let at = first + 1; at <= last; at++) written[at] = [];
  }
  const linked = written.flat();
  return commonMarkReading(linked.join('\n')) === commonMarkReading(text) ? linked : lines;
}

/** The lines (0-based) of definitions, and those of each paragraph's and heading's text. */
function linesByBlock(document: Node, lines: string[]): { definitionLines: Set<number>; inlineText: LineRange[] } {
  const blocks = blocksOf(document, LEAF_BLOCKS);
  const inBlocks = new Set<number>();
  for (const { first, last } of blocks) for (let at = first; at <= last; at++) inBlocks.add(at);
  const definitionLines = new Set(lines.flatMap((line, at) => (!inBlocks.has(at) && CONTAINER_PREFIX.exec(line)![0] !== line ? [at] : [])));
  const inlineText = blocks.filter(({ type }) => TEXT_BLOCKS.has(type)).map(textLines);
  return { definitionLines, inlineText };
}

/** `text` with each reference to one of `definitions` written as an inline link; code spans left as they are. */
function inlineLinks(text: string, definitions: Definitions): string {
  let written = '';
  let copied = 0;
  const openers: number[] = [];
  for (let i = 0; i < text.length;) {
    const char = text[i];
    if (char === '\\') {
      i += 2;
    } else if (char === '`') {
      i = codeSpanAt(text, i);
    } else if (char === '[') {
      openers.push(i++);
    } else if (char !== ']' || openers.length === 0) {
      i++;
    } else {
      const opener = openers.pop()!;
      const linkText = text.slice(opener + 1, i);
      const reference = referenceAfter(text, i + 1, linkText);
      const definition = reference && definitions[normalizedLabel(reference.label)];
      if (!reference || !definition) {
        i++;
        continue;
      }
      written += `${text.slice(copied, opener)}[${linkText}](${linkTarget(definition)})`;
      copied = i = reference.end;
      // A link holds no link: the brackets before it open none.
      openers.length = 0;
    }
  }
  return written + text.slice(copied);
}

/** The label a link text that ends before `at` refers by (`[label]` after it, or its own text after `[]` or alone), and where the reference ends. */
function referenceAfter(text: string, at: number, linkText: string): { label: string; end: number } | null {
  if (text[at] === '(') return null;
  const label = /^\[((?:[^\\[\]]|\\.){0,999})\]/.exec(text.slice(at));
  if (label) return { label: label[1] === '' ? linkText : label[1], end: at + label[0].length };
  return { label: linkText, end: at };
}

/** A label as CommonMark matches it: trimmed, its whitespace runs one space, case folded. */
function normalizedLabel(label: string): string {
  return label
    .trim()
    .replace(/[ \t\r\n]+/g, ' ')
    .toLowerCase()
    .toUpperCase();
}

function linkTarget({ destination, title }: Definition): string {
  return title === '' ? escapeLinkDestination(destination) : `${escapeLinkDestination(destination)} "${title.replace(ASCII_PUNCTUATION, '\\$&')}"`;
}
