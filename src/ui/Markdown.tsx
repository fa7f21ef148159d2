import type { ComponentChildren } from 'preact';
import { useId, useMemo } from 'preact/hooks';
import { Lexer, type Token, type Tokens } from 'marked';
import { t } from '../i18n/t';
import { nestsTooDeepToParse } from '../talk/markdown-nesting';
import { noteLink } from '../talk/note-links';
import { formatPlaybackTime } from '../talk/time';
import './Markdown.css';

interface MarkdownProps {
  source: string;
  /** The talk the text is about: links to its video at a time seek it (`onSeek`) instead of opening a page. */
  videoId?: string | null;
  onSeek?: (atSec: number) => void;
  /** How a run of plain text is shown, e.g. with search matches marked; as it is by default. */
  renderText?: (text: string) => ComponentChildren;
}

/**
 * Markdown shown rendered, built as nodes from marked's tokens: no HTML string is ever parsed.
 * Raw HTML shows as the text it was typed as, images as their description, and only http(s)
 * links are links (opening a new tab), besides links to the talk's own video at a time. Each block of the note's own
 * reads in the direction of its first letters (`dir="auto"`): a paragraph in Hebrew right to left, the next in English
 * left to right, a list, quote or table as its first words, what is in it with it.
 */
export function Markdown({ source, videoId = null, onSeek, renderText = (text) => text }: MarkdownProps) {
  const context: RenderContext = { videoId, onSeek, renderText, id: useId(), tasks: 0 };
  // Read once a text: the words marked in it change with each keystroke in the library's Search.
  const tokens = useMemo(() => tokensOf(source), [source]);
  return <div class="markdown">{tokens ? blocks(tokens, context, 0) : rawBlock(source, 0, context, 0)}</div>;
}

/**
 * marked's tokens for a note, or null for one it cannot read in good time or cannot read at all: marked
 * 18 throws on an empty item in a quote in an item with more after it (`- a\n  > -\n    b`).
 */
function tokensOf(source: string): Token[] | null {
  if (nestsTooDeepToParse(source)) return null;
  try {
    return Lexer.lex(source, { gfm: true, breaks: true });
  } catch {
    return null;
  }
}

interface RenderContext {
  videoId: string | null;
  onSeek?: (atSec: number) => void;
  renderText: (text: string) => ComponentChildren;
  /** The note's own, for the ids of its tasks' words. */
  id: string;
  /** The task boxes drawn so far: each one's words take the next id. */
  tasks: number;
}

/**
 * Quotes and lists nested deeper than this show as the text typed: no one writes them, and each level
 * costs the page a box and the renderer a call inside the one before.
 */
const MAX_NESTING = 16;

function blocks(tokens: Token[], context: RenderContext, depth: number): ComponentChildren[] {
  const [first, words, ...rest] = tokens;
  // A tight list's task item: its box, its words, then what nests in it.
  if (first?.type === 'checkbox' && words)
    return [task(first as Tokens.Checkbox, block(words as Tokens.Generic, 0, context, depth), context), ...blocks(rest, context, depth)];
  return tokens.map((token, key) => block(token as Tokens.Generic, key, context, depth));
}

/**
 * `auto` for a block of the note's own (depth 0), none for one in a list, quote or table: the browser finds a block's
 * direction in its words but skips those of any element with a `dir` of its own, so a list whose items each had one
 * would find none, read left to right and hang its Hebrew items' markers outside the note.
 */
function directionOf(depth: number): 'auto' | undefined {
  return depth === 0 ? 'auto' : undefined;
}

/** Text shown as it was typed (raw HTML, or what is nested too deep), line breaks kept. */
function rawBlock(text: string, key: number, context: RenderContext, depth: number): ComponentChildren {
  return (
    <p key={key} class="markdown__raw" dir={directionOf(depth)}>
      {context.renderText(text)}
    </p>
  );
}

function block(token: Tokens.Generic, key: number, context: RenderContext, depth: number): ComponentChildren {
  if ((token.type === 'blockquote' || token.type === 'list') && depth >= MAX_NESTING) return rawBlock(token.raw, key, context, depth);
  switch (token.type) {
    case 'paragraph':
      return (
        <p key={key} dir={directionOf(depth)}>
          {inline(token.tokens, context)}
        </p>
      );
    case 'heading': {
      // Notes sit under the page's own headings: theirs show as strong lines, not as page structure.
      return (
        <p key={key} class={`markdown__heading markdown__heading--${token.depth}`} dir={directionOf(depth)}>
          <strong>{inline(token.tokens, context)}</strong>
        </p>
      );
    }
    case 'code':
      return (
        <pre key={key}>
          <code>{context.renderText(token.text)}</code>
        </pre>
      );
    case 'blockquote':
      return (
        <blockquote key={key} dir={directionOf(depth)}>
          {blocks(token.tokens ?? [], context, depth + 1)}
        </blockquote>
      );
    case 'list': {
      const items = (token.items as Tokens.ListItem[]).map((item, i) => <li key={i}>{blocks(item.tokens, context, depth + 1)}</li>);
      return token.ordered ? (
        <ol key={key} start={token.start === '' ? undefined : Number(token.start)} dir={directionOf(depth)}>
          {items}
        </ol>
      ) : (
        <ul key={key} dir={directionOf(depth)}>
          {items}
        </ul>
      );
    }
    case 'hr':
      return <hr key={key} />;
    case 'table':
      return table(token as Tokens.Table, key, context, depth);
    case 'text':
      return <span key={key}>{token.tokens ? inline(token.tokens, context) : context.renderText(decodeEntities(token.text))}</span>;
    case 'space':
    case 'def':
      return null;
    default:
      // Raw HTML and anything unknown: the text as typed.
      return rawBlock(token.raw, key, context, depth);
  }
}

function table(token: Tokens.Table, key: number, context: RenderContext, depth: number): ComponentChildren {
  return (
    <table key={key} dir={directionOf(depth)}>
      <thead>
        <tr>
          {token.header.map((cell, i) => (
            <th key={i}>{inline(cell.tokens, context)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {token.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) => (
              <td key={i}>{inline(cell.tokens, context)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function inline(tokens: Token[] | undefined, context: RenderContext): ComponentChildren[] {
  const [first, ...words] = tokens ?? [];
  // A loose list's task item: its first paragraph starts with the box.
  if (first?.type === 'checkbox') return [task(first as Tokens.Checkbox, inline(words, context), context)];
  return (tokens ?? []).map((token, key) => span(token as Tokens.Generic, key, context));
}

function span(token: Tokens.Generic, key: number, context: RenderContext): ComponentChildren {
  switch (token.type) {
    case 'text':
      return token.tokens ? <span key={key}>{inline(token.tokens, context)}</span> : <span key={key}>{context.renderText(decodeEntities(token.text))}</span>;
    case 'escape':
      return <span key={key}>{context.renderText(token.text)}</span>;
    case 'strong':
      return <strong key={key}>{inline(token.tokens, context)}</strong>;
    case 'em':
      return <em key={key}>{inline(token.tokens, context)}</em>;
    case 'del':
      return <del key={key}>{inline(token.tokens, context)}</del>;
    case 'codespan':
      return <code key={key}>{context.renderText(token.text)}</code>;
    case 'br':
      return <br key={key} />;
    case 'link':
      return link(token as Tokens.Link, key, context);
    case 'image':
      // A note never loads a picture from elsewhere (that would tell a server it was read): its description shows.
      return <span key={key}>{context.renderText(token.text)}</span>;
    default:
      // Raw HTML (and anything unknown) shows as the text it was typed as.
      return <span key={key}>{context.renderText(token.raw)}</span>;
  }
}

/**
 * A task list item's box (`- [x] …`), ticked or not, on the line of its words, which name it: one name for every box
 * ("Task") would not tell them apart. Changed by editing the note, not here.
 */
function task(box: Tokens.Checkbox, words: ComponentChildren, context: RenderContext): ComponentChildren {
  const wordsId = `${context.id}-task-${context.tasks++}`;
  return [
    <input key="box" type="checkbox" class="markdown__task" checked={box.checked} disabled aria-labelledby={wordsId} />,
    <span key="words" id={wordsId}>
      {words}
    </span>,
  ];
}

function link(token: Tokens.Link, key: number, context: RenderContext): ComponentChildren {
  const target = noteLink(token.href, context.videoId);
  const content = inline(token.tokens, context);
  if (target === null) return <span key={key}>{context.renderText(token.raw)}</span>;
  if (target.kind === 'seek' && context.onSeek) {
    const { onSeek } = context;
    const time = formatPlaybackTime(target.atSec);
    // Words written for the link are its name, what is read and what voice control is told (WCAG 2.5.3); the time, its description.
    const playFrom = t('playFrom', time);
    return (
      <a
        key={key}
        class="time-link"
        href={token.href}
        target="_blank"
        rel="noopener noreferrer"
        {...(token.text === time ? { 'aria-label': playFrom } : { title: playFrom })}
        onClick={(event) => {
          if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
          event.preventDefault();
          onSeek(target.atSec);
        }}
      >
        {content}
      </a>
    );
  }
  return (
    <a key={key} href={target.kind === 'web' ? target.href : token.href} target="_blank" rel="noopener noreferrer">
      {content}
    </a>
  );
}

/** The character references marked leaves in text, decoded as the HTML standard reads them: named and numeric. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));/g, (reference, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return namedCharacter(name) ?? reference;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  });
}

/** Names read so far, with what they stand for (null: no reference); a few in practice, bounded against a note of made-up ones. */
const namedCharacters = new Map<string, string | null>();
const MAX_NAMES_KEPT = 1024;

/**
 * `mdash` → `—`: the browser's own table of the 2,231 names, read through an inert document (a parser's, where
 * nothing runs or loads) from `&<name>;`, which, letters and digits only, holds no markup.
 */
function namedCharacter(name: string): string | null {
  let character = namedCharacters.get(name);
  if (character === undefined) {
    const reference = `&${name};`;
    const text = new DOMParser().parseFromString(reference, 'text/html').body.textContent ?? reference;
    // Unknown, or only a legacy name's start (`&notit;` reads as `¬it;`): not a reference in markdown.
    character = text === reference || (text.length > 1 && text.endsWith(';')) ? null : text;
    if (namedCharacters.size >= MAX_NAMES_KEPT) namedCharacters.clear();
    namedCharacters.set(name, character);
  }
  return character;
}
