import { useEffect, useState } from 'preact/hooks';
import type { Markdown as MarkdownComponent } from './Markdown';

type MarkdownProps = Parameters<typeof MarkdownComponent>[0];

let loaded: typeof MarkdownComponent | null = null;
let loading: Promise<typeof MarkdownComponent> | null = null;

function loadMarkdown(): Promise<typeof MarkdownComponent> {
  loading ??= import('./Markdown').then((module) => (loaded = module.Markdown));
  return loading;
}

/**
 * A note rendered as markdown, with the renderer loaded on first use so that it stays out of the
 * popup's first load (its 50 kB budget); until then the note shows as the text it was typed as.
 */
export function LazyMarkdown(props: MarkdownProps) {
  const [Markdown, setMarkdown] = useState(() => loaded);
  useEffect(() => {
    if (!Markdown) void loadMarkdown().then((component) => setMarkdown(() => component));
  }, [Markdown]);
  return Markdown ? <Markdown {...props} /> : <p class="markdown markdown--pending">{props.source}</p>;
}
