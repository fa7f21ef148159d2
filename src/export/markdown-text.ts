/**
 * Putting arbitrary text into CommonMark so it renders as exactly that text, escaping only the
 * characters that would otherwise start markup there, so the file reads as if written by hand.
 */

/** Where escaped text goes: link text ends at an unescaped `]`, a heading drops a trailing `#` run. */
export interface InlinePlace {
  linkText?: boolean;
  heading?: boolean;
}

const LINE_BREAKS = /\s*[\r\n]\s*/g;
/** `&` only matters where it would start an entity or numeric character reference. */
const ENTITY_START = /^&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;)/;
/** After `<`: a tag, closing tag, comment, declaration or processing instruction (raw HTML), or an autolink. */
const MARKUP_AFTER_LT = /^[A-Za-z/!?]/;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]/;
const WHITESPACE = /^[\s\p{Zs}]/u;
const PUNCTUATION = /^[\p{P}\p{S}]/u;

/**
 * Text for a heading, link text or paragraph: one line, trimmed, with `\` before each character
 * that would start inline markup here. Use `guardLineStart` too when it begins a line.
 */
export function escapeInline(text: string, place: InlinePlace = {}): string {
  const line = singleLine(text);
  let out = '';
  for (let i = 0; i < line.length;) {
    const char = line[i];
    if (char === '*' || char === '_' || char === '~') {
      let end = i;
      while (line[end] === char) end++;
      const run = line.slice(i, end);
      out += canOpenOrClose(char, line[i - 1], line[end]) ? run.replace(/./g, '\\$&') : run;
      i = end;
      continue;
    }
    if (needsEscape(line, i, place)) out += '\\';
    out += char;
    i++;
  }
  return place.heading ? out.replace(/(^|[ \t])(#+)$/, '$1\\$2') : out;
}

/** Text as `escapeInline` shows it: line breaks and the spaces around them become one space, ends trimmed. */
export function singleLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').trim();
}

function needsEscape(line: string, i: number, place: InlinePlace): boolean {
  const rest = line.slice(i + 1);
  switch (line[i]) {
    case '\\':
      // Before punctuation it would escape it; at the end, whatever follows the text.
      return rest === '' || ASCII_PUNCTUATION.test(rest);
    case '`':
      return true;
    case '[':
      return true;
    case ']':
      return place.linkText === true;
    case '<':
      return MARKUP_AFTER_LT.test(rest);
    case '&':
      return ENTITY_START.test(line.slice(i));
    default:
      return false;
  }
}

/**
 * Whether a run of `*` or `_` between `before` and `after` could open or close emphasis
 * (CommonMark's flanking rules), or a run of `~` strikethrough (GitHub's, on the same rules as `*`). Outside the text counts as punctuation, the case that lets
 * most runs open or close, so that whatever surrounds the text, nothing unescaped can.
 */
function canOpenOrClose(char: string, before = '!', after = '!'): boolean {
  const beforeSpace = WHITESPACE.test(before);
  const afterSpace = WHITESPACE.test(after);
  const beforePunct = PUNCTUATION.test(before);
  const afterPunct = PUNCTUATION.test(after);
  const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
  const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
  if (char !== '_') return left || right;
  return (left && (!right || beforePunct)) || (right && (!left || afterPunct));
}

/**
 * Keeps a line of `escapeInline` output from starting a block: a list item (`- x`, `+ x`,
 * `1. x`, `2) x`), a thematic break or setext underline (`---`, `===`), an ATX heading, a block
 * quote, a tilde fence. The others (`*`, `_`, backtick fences, HTML) are escaped inline already.
 */
export function guardLineStart(escapedLine: string): string {
  return escapedLine.replace(/^(?:[-+](?=[ \t]|$)|[-=](?=[-= \t]*$)|#{1,6}(?=[ \t]|$)|>|~{3})/, '\\$&').replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
}

/** A link destination that survives spaces, parentheses and angle brackets in the URL. */
export function escapeLinkDestination(url: string): string {
  if (/^[^\s\p{Cc}<>()\\]+$/u.test(url)) return url;
  const oneLine = url.replace(/[\r\n]/g, (c) => encodeURIComponent(c));
  return `<${oneLine.replace(/[\\<>]/g, '\\$&')}>`;
}
