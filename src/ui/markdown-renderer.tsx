import { lazyValue } from './lazy-value';

/**
 * The markdown renderer, loaded once the page is painted and idle, so that it stays out of the popup's first load
 * (its 50 kB budget) and its first keystroke's way; until then a note shows as the text it was typed as.
 */
export const markdownRenderer = lazyValue(() => import('./Markdown').then((module) => module.Markdown), { afterPaint: true });

/** A note as the text it was typed as, until the renderer is loaded. */
export function PendingMarkdown({ source }: { source: string }) {
  return (
    <p class="markdown markdown--pending" dir="auto">
      {source}
    </p>
  );
}
