/** Putting arbitrary text into CommonMark so it renders as exactly that text. */

const INLINE_SPECIALS = /[\\`*_[\]<>#!|~]/g;
/** `&` only matters where it would start an entity or numeric character reference. */
const ENTITY_START = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;)/g;
const LINE_BREAKS = /\s*[\r\n]\s*/g;

/**
 * Text for a heading, link text or paragraph: one line, trimmed, every character that
 * could start inline markup escaped. Use `guardLineStart` too when it begins a line.
 */
export function escapeInline(text: string): string {
  return singleLine(text).replace(INLINE_SPECIALS, '\\$&').replace(ENTITY_START, '\\&');
}

/** Text as `escapeInline` shows it: line breaks and the spaces around them become one space, ends trimmed. */
export function singleLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').trim();
}

/**
 * Keeps a line of `escapeInline` output from starting a block: a list item (`- x`,
 * `+ x`, `1. x`, `2) x`), a thematic break or a setext underline (`---`, `===`).
 * The other block starters (`#`, `>`, `<`, fences) are already escaped inline.
 */
export function guardLineStart(escapedLine: string): string {
  return escapedLine.replace(/^(?:[-+](?=[ \t]|$)|[-=](?=[-= \t]*$))/, '\\$&').replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
}

/** A link destination that survives spaces, parentheses and angle brackets in the URL. */
export function escapeLinkDestination(url: string): string {
  if (/^[^\s\p{Cc}<>()\\]+$/u.test(url)) return url;
  const oneLine = url.replace(/[\r\n]/g, (c) => encodeURIComponent(c));
  return `<${oneLine.replace(/[\\<>]/g, '\\$&')}>`;
}
