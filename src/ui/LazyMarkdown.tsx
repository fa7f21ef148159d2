import { lazyComponent } from './lazy-component';

/**
 * A note rendered as markdown, with the renderer loaded on first use so that it stays out of the
 * popup's first load (its budget); until then the note shows as the text it was typed as.
 */
export const LazyMarkdown = lazyComponent(
  () => import('./Markdown').then((module) => module.Markdown),
  (props) => <p class="markdown markdown--pending">{props.source}</p>,
);
