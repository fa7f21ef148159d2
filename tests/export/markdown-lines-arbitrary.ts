import fc from 'fast-check';

/**
 * Markdown as lines, each some of `prefixes` (indentation, quote and list markers) then one of `bodies`:
 * fences, quotes, list items and markup meet at line starts far more often than in random strings.
 */
export function markdownLinesOf({ prefixes, bodies, prefixesALine, lines }: { prefixes: string[]; bodies: string[]; prefixesALine: number; lines: number }) {
  return fc
    .array(fc.tuple(fc.array(fc.constantFrom(...prefixes), { maxLength: prefixesALine }), fc.constantFrom(...bodies)), { maxLength: lines })
    .map((parts) => parts.map(([prefix, body]) => prefix.join('') + body).join('\n'));
}

/** Line bodies where raw HTML and links meet fences, code spans, autolinks and tables: what must never reach a log as markup. */
export const MARKUP_LINE_BODIES = [
  '',
  'text',
  '```',
  '~~~',
  '````',
  '```js',
  '# h',
  '---',
  '<b>x</b>',
  '<img src=x onerror=y>',
  '<!--',
  '-->',
  '<div>',
  '[a](javascript:b)',
  '[r]: javascript:c',
  '`',
  'x ` <b>',
  '`<b>` `',
  '<https://a.example/`>',
  '[a](https://a.example/`)',
  '| a | b |',
  '| - | - |',
  '| `x | <b> ` |',
];
