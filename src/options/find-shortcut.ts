import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/** What the browser's Find in page takes (Ctrl+F, ⌘F on a Mac), for `aria-keyshortcuts`. */
export const FIND_KEYS = 'Control+F Meta+F';

/** Whether `event` is the browser's Find in page shortcut. */
export function isFindShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'f';
}

/**
 * Find in page on the library goes to its Search box first: the list draws only the rows around where
 * the page is scrolled to, so the browser's own find would miss every talk further down, while the
 * Search box finds all of them and marks what matched. Pressed again in the Search box, it is the
 * browser's find, as on forums whose long threads are drawn the same way. Where the box cannot take
 * the focus (a modal dialog is open), the key is the browser's too.
 */
export function useFindGoesToSearch(search: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const input = search.current;
      if (!input || !isFindShortcut(event) || event.defaultPrevented || document.activeElement === input) return;
      input.focus();
      if (document.activeElement !== input) return;
      event.preventDefault();
      input.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [search]);
}
