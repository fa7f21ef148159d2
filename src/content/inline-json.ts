/**
 * Reads the objects YouTube assigns in inline scripts on a full page load, e.g.
 * `var ytInitialPlayerResponse = {…};` or `window["ytInitialData"] = {…};`.
 * The isolated-world content script cannot see page globals, but it can read script text.
 * These objects describe the page as first loaded: callers must check which video they are for.
 */

import { inlineJsonNames, selectors } from './selectors';

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const IDENTIFIER_CHAR = /[\w$]/;

/**
 * Index just past the `}` that closes the object opening at `start`, or -1.
 * Braces inside JSON strings (`"{"`, `"\"}"`) do not count.
 */
export function objectEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = stringEnd(text, i);
      if (i === -1) return -1;
    } else if (code === OPEN_BRACE) {
      depth++;
    } else if (code === CLOSE_BRACE) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Index of the quote closing the string that opens at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === QUOTE) return i;
  }
  return -1;
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/**
 * The next assignment of an object to `name` in `text` from `from` on (`name = {`, `["name"] = {`):
 * where its `{` is and where to search after it; null when there is none. Reads of the name
 * (`a.ytInitialData,`) and longer names (`ytInitialDataX`) are skipped.
 */
function assignmentStart(text: string, name: string, from: number): { objectAt: number; next: number } | null {
  let found = text.indexOf(name, from);
  while (found !== -1) {
    const next = found + name.length;
    const before = found > 0 ? text[found - 1]! : '';
    if (!IDENTIFIER_CHAR.test(before)) {
      let i = next;
      if ((text[i] === '"' || text[i] === "'") && text[i - name.length - 1] === text[i] && text[i + 1] === ']') i += 2;
      else if (IDENTIFIER_CHAR.test(text[i] ?? '')) i = -1;
      if (i !== -1) {
        i = skipSpaces(text, i);
        if (text[i] === '=' && text[i + 1] !== '=') {
          i = skipSpaces(text, i + 1);
          if (text.charCodeAt(i) === OPEN_BRACE) return { objectAt: i, next };
        }
      }
    }
    found = text.indexOf(name, next);
  }
  return null;
}

/** The object assigned to `name` in one script's text, or undefined. */
export function assignedObject(scriptText: string, name: string): unknown {
  let from = 0;
  for (let match = assignmentStart(scriptText, name, from); match; match = assignmentStart(scriptText, name, from)) {
    from = match.next;
    const end = objectEnd(scriptText, match.objectAt);
    if (end === -1) continue;
    try {
      return JSON.parse(scriptText.slice(match.objectAt, end)) as unknown;
    } catch {
      // Not JSON after all (a JS object literal, say): look for a later assignment.
    }
  }
  return undefined;
}

/**
 * Objects already parsed, by script element: the page is read again on every DOM change while
 * YouTube switches videos, and a full page's inline JSON takes milliseconds to parse. Only
 * complete objects are kept (a script still streaming in is parsed again next time).
 */
const parsedByScript = new WeakMap<Element, Map<string, unknown>>();

/** The first object assigned to `name` in the document's inline scripts, or undefined. */
export function readInlineObject(doc: Document, name: string): unknown {
  for (const script of doc.querySelectorAll(selectors.inlineScript)) {
    const cached = parsedByScript.get(script);
    if (cached?.has(name)) return cached.get(name);
    const text = script.textContent ?? '';
    if (!text.includes(name)) continue;
    const value = assignedObject(text, name);
    if (value === undefined) continue;
    parsedByScript.set(script, (cached ?? new Map<string, unknown>()).set(name, value));
    return value;
  }
  return undefined;
}

export function readInlinePlayerResponse(doc: Document): unknown {
  return readInlineObject(doc, inlineJsonNames.playerResponse);
}

export function readInlineInitialData(doc: Document): unknown {
  return readInlineObject(doc, inlineJsonNames.initialData);
}
