import { lazyComponent } from './lazy-component';

/**
 * A note rendered as markdown, with the renderer loaded once the page is painted, so that it stays out of
 * the popup's first load (its 50 kB budget) and its first keystroke's way; until then the note shows as
 * the text it was typed as.
 */
export const LazyMarkdown = lazyComponent(
  () => import('./Markdown').then((module) => module.Markdown),
  ({ source }) => (
    <p class="markdown markdown--pending" dir="auto">
      {source}
    </p>
  ),
  { afterPaint: true },
);
