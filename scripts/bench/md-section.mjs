// BENCHMARKS.md holds the sections of more than one bench: each rewrites only its own, marked by
// HTML comments, and keeps the others.
import { readFileSync, writeFileSync } from 'node:fs';

/** @param {string} name */
const markers = (name) => [`<!-- bench section: ${name} -->`, `<!-- end of bench section: ${name} -->`];

/**
 * The marked section `name` of `text`, markers included, or '' when it has none.
 * @param {string} text @param {string} name
 */
export function sectionOf(text, name) {
  const [start, end] = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  return from === -1 || to === -1 ? '' : text.slice(from, to + end.length);
}

/**
 * `text` with section `name` set to `body` (appended at the end when it has none yet).
 * @param {string} text @param {string} name @param {string} body
 */
export function withSection(text, name, body) {
  const [start, end] = markers(name);
  const section = `${start}\n${body.trim()}\n${end}`;
  const old = sectionOf(text, name);
  return old ? text.replace(old, () => section) : `${text.trimEnd()}\n\n${section}\n`;
}

/**
 * Sets section `name` of the markdown file at `path` to `body`, keeping the rest of the file.
 * @param {string} path @param {string} name @param {string} body
 */
export function writeSection(path, name, body) {
  writeFileSync(path, withSection(readFileSync(path, 'utf8'), name, body));
}

/**
 * Every marked section of `text`, markers included, in order.
 * @param {string} text
 */
export function markedSections(text) {
  return [...text.matchAll(/<!-- bench section: (\S+) -->[\s\S]*?<!-- end of bench section: \1 -->/g)].map((match) => match[0]);
}
