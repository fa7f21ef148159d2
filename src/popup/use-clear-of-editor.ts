import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/** Room left between a focused control and the editor. */
const CLEARANCE_PX = 8;

/**
 * The editor stays at the bottom of the view of the page it scrolls in (popup.css). The browser brings a focused
 * control into that view, not knowing the editor covers its bottom: a note's buttons or a details field reached
 * with Tab would stay under it. Such a control is scrolled up until it is clear of the editor.
 */
export function useClearOfEditor(editor: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const box = editor.current;
    const page = box?.parentElement;
    if (!box || !page) return;
    const onFocusIn = ({ target }: FocusEvent) => {
      if (!(target instanceof Element) || box.contains(target)) return;
      // A control hidden in its label, as a star of the rating is, shows where the label is.
      const shown = target.closest('label') ?? target;
      const under = shown.getBoundingClientRect().bottom + CLEARANCE_PX - box.getBoundingClientRect().top;
      if (under > 0) page.scrollBy({ top: under, behavior: 'instant' });
    };
    page.addEventListener('focusin', onFocusIn);
    return () => page.removeEventListener('focusin', onFocusIn);
  }, [editor]);
}
