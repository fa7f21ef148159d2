import { useLayoutEffect } from 'preact/hooks';
import { lazyComponent } from '../ui/lazy-component';
import { useLiveQuery } from '../ui/use-live-query';
import type { ConferencePanelProps } from './ConferencePanel';
import './conference.css';

/** The conference panel (queue a playlist, play next), loaded apart: the popup must open fast. */
const Panel = lazyComponent(() => import('./ConferencePanel').then((module) => module.ConferencePanel), { afterPaint: true });

/**
 * The connectors and the live-query hook are handed to the panel from the popup, which has loaded them
 * already: imported by the lazy chunk, they would make the bundler split the popup's shared chunks, about
 * 0.5 kB more loaded at open.
 */
export function ConferenceSlot({ main, ...props }: Omit<ConferencePanelProps, 'useLiveQuery'> & { main: boolean }) {
  // Below a talk's note editor the panel loads once the popup is painted and idle, out of the first keystroke's
  // way. On a page with no talk (a playlist) it is what the popup is for, drawn first, above the recent talks:
  // it loads at once, as the page is drawn.
  useLayoutEffect(() => {
    if (main) void Panel.preload();
  }, [main]);
  return <Panel {...props} useLiveQuery={useLiveQuery} />;
}
