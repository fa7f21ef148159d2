import type { ComponentChildren } from 'preact';
import { matchRanges } from './search-text';
import './Highlighted.css';

/**
 * Text with the searched words marked, built as nodes so that no text is ever read as markup. A plain
 * call, not a component: a row draws seven of these on every keystroke, most of them with no match,
 * which are then the text alone.
 */
export function highlighted(text: string, words: string[]): ComponentChildren {
  const ranges = matchRanges(text, words);
  if (ranges.length === 0) return text;
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}
