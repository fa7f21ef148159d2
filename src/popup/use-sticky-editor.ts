import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/** Room left between a focused control and the editor. */
const CLEARANCE_PX = 8;
/** Past this share of the view the editor scrolls with the page: the talk and its notes keep some room. */
const STICKY_SHARE = 0.6;

/**
 * The editor stays at the bottom of the view of the page it scrolls in (popup.css), unless it is taller than
 * `STICKY_SHARE` of that view (a draft holding a few slides): then it scrolls with the page, `data-scrolls` set.
 * The browser brings a focused control into view not knowing the editor covers the view's bottom: a note's buttons
 * or a details field reached with Tab would stay under it. Such a control, above the editor in the page, is
 * scrolled up until it is clear of the editor.
 */
export function useStickyEditor(editor: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const box = editor.current;
    const page = box?.parentElement;
    if (!box || !page) return;
    const sizes = new ResizeObserver(() => box.toggleAttribute('data-scrolls', box.offsetHeight > page.clientHeight * STICKY_SHARE));
    sizes.observe(box);
    sizes.observe(page);
    const onFocusIn = ({ target }: FocusEvent) => {
      if (!(target instanceof Element) || !(target.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING)) return;
      // A control hidden in its label, as a star of the rating is, shows where the label is.
      const shown = target.closest('label') ?? target;
      const under = shown.getBoundingClientRect().bottom + CLEARANCE_PX - box.getBoundingClientRect().top;
      if (under > 0) page.scrollBy({ top: under, behavior: 'instant' });
    };
    page.addEventListener('focusin', onFocusIn);
    return () => {
      sizes.disconnect();
      page.removeEventListener('focusin', onFocusIn);
    };
  }, [editor]);
}
