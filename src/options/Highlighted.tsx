import type { ComponentChildren } from 'preact';
import { matchRanges } from './search-text';
import './Highlighted.css';

/** Text with the searched words marked, built as nodes so that no text is ever read as markup. */
export function Highlighted({ text, words }: { text: string; words: string[] }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, words)) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
