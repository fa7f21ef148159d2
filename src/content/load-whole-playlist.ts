/**
 * Reads a long playlist whole. YouTube renders about 100 rows and loads the next ones when the
 * spinner after the last row scrolls into view; so does this, one batch at a time, watching only
 * for the rows it asked for and giving up on a batch that does not come. It runs only when asked
 * and leaves the page scrolled where the user had it. Meanwhile the rows read so far are what
 * readPlaylist gives: the popup's progress.
 */

import type { PlaylistHere } from '../talk/playlist';
import { playlistContinuation, readPlaylist } from './read-playlist';

/** How long one batch of rows may take to arrive before the reading stops with what it has. */
export const BATCH_WAIT_MS = 10_000;

/** Scrolls the spinner into view and resolves once the rows change (true) or the wait runs out (false). */
function nextBatch(doc: Document, spinner: Element, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const list = spinner.parentElement ?? doc.documentElement;
    // YouTube swaps the spinner for the next rows (and a new spinner while more remain).
    const finish = (arrived: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(arrived);
    };
    const observer = new MutationObserver(() => {
      if (!spinner.isConnected) finish(true);
    });
    observer.observe(list, { childList: true });
    const timer = setTimeout(() => finish(false), waitMs);
    spinner.scrollIntoView({ block: 'end' });
  });
}

export async function loadWholePlaylist(doc: Document, href: () => string, waitMs = BATCH_WAIT_MS): Promise<PlaylistHere> {
  const scroller = doc.scrollingElement;
  const scrolledTo = scroller ? { top: scroller.scrollTop, left: scroller.scrollLeft } : null;
  try {
    for (;;) {
      const url = href();
      const here = readPlaylist(doc, url);
      if (here.kind !== 'playlist') return here;
      const spinner = here.playlist.complete ? null : playlistContinuation(doc, url);
      if (!spinner || !(await nextBatch(doc, spinner, waitMs))) return here;
    }
  } finally {
    if (scroller && scrolledTo) scroller.scrollTo(scrolledTo);
  }
}
