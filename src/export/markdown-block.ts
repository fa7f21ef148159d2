/** User-written markdown (a note, the intro) placed in the talk log so that it stays where it is put. */

const LINE_ENDING = /\r\n|\r|\n/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})$/;
/** HTML blocks that only a marker ends (CommonMark types 1–5): left open, they hide everything after them. */
const HTML_BLOCKS: { start: RegExp; end: RegExp; closer?: string }[] = [
  { start: /^ {0,3}<(pre|script|style|textarea)(?:[ \t>]|$)/i, end: /<\/(?:pre|script|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/, closer: '-->' },
  { start: /^ {0,3}<\?/, end: /\?>/, closer: '?>' },
  { start: /^ {0,3}<![A-Za-z]/, end: />/, closer: '>' },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/, closer: ']]>' },
];
/** Indentation, block quote markers and list markers: where a tab's width depends on its column. */
const STRUCTURE_PREFIX = /^(?:[ \t]|>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))*/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)$/;
/** Indentation, heading, fence, quote, list item, setext underline, HTML, table row, link reference definition. */
const BLOCK_START = /^(?:[ \t]|#{1,6}(?:[ \t]|$)|`{3}|~{3}|>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|=+$|<|\||\[[^\]]*\]:)/;

/** A code fence or HTML block, whose lines are content to keep as they are. */
interface VerbatimBlock {
  endsAt(line: string): boolean;
  closer: string;
}

/**
 * A markdown body as lines ready to be nested: trailing whitespace, surrounding and
 * repeated blank lines dropped, a code fence or HTML block left open closed, and tabs
 * in indentation expanded (an indent prefix would move their tab stops).
 * Empty for a blank body.
 */
export function markdownLines(body: string): string[] {
  const lines: string[] = [];
  let verbatim: VerbatimBlock | null = null;
  for (const raw of body.split(LINE_ENDING)) {
    const line = raw.replace(/[ \t]+$/, '');
    // One blank line is as good as many in markdown; in code, keep up to two (Python puts two between functions).
    if (line === '' && lines.at(-1) === '' && (!verbatim || lines.at(-2) === '')) continue;
    if (verbatim) {
      lines.push(line);
      if (verbatim.endsAt(line)) verbatim = null;
    } else {
      lines.push(expandStructureTabs(line));
      verbatim = verbatimBlockStart(line);
    }
  }
  while (lines[0] === '') lines.shift();
  while (lines.at(-1) === '') lines.pop();
  if (verbatim && lines.length > 0) lines.push(verbatim.closer);
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
    return ownLine ? ['-', ...indentLines(body)] : [`- ${first}`, ...indentLines(rest)];
  }
  // After the lead, a block would be read as text (or as the lead's setext underline).
  return startsBlock(body) ? [`- ${lead}`, '', ...indentLines(body)] : [`- ${lead} ${first}`, ...indentLines(rest)];
}

function startsBlock([first = '', ...rest]: string[]): boolean {
  if (BLOCK_START.test(first) || THEMATIC_BREAK.test(first)) return true;
  const end = rest.indexOf('');
  return rest.slice(0, end === -1 ? undefined : end).some((line) => SETEXT_UNDERLINE.test(line));
}

function indentLines(lines: string[]): string[] {
  return lines.map((line) => (line === '' ? '' : `  ${line}`));
}

function verbatimBlockStart(line: string): VerbatimBlock | null {
  const fence = FENCE_OPEN.exec(line);
  // A backtick "fence" whose info string holds a backtick is inline code instead.
  if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
    const opener = fence[1];
    return { closer: opener, endsAt: (next) => FENCE_CLOSE.exec(next)?.[1].startsWith(opener) ?? false };
  }
  for (const { start, end, closer } of HTML_BLOCKS) {
    const match = start.exec(line);
    if (match) return end.test(line) ? null : { closer: closer ?? `</${match[1].toLowerCase()}>`, endsAt: (next) => end.test(next) };
  }
  return null;
}

function expandStructureTabs(line: string): string {
  const prefix = STRUCTURE_PREFIX.exec(line)![0];
  if (!prefix.includes('\t')) return line;
  let expanded = '';
  for (const char of prefix) expanded += char === '\t' ? ' '.repeat(4 - (expanded.length % 4)) : char;
  return expanded + line.slice(prefix.length);
}
