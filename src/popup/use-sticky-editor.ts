import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/** Room left between a focused control and the editor. */
const CLEARANCE_PX = 8;
/** Past this share of the view the editor scrolls with the page: the talk and its notes keep some room. */
const STICKY_SHARE = 0.6;

/**
 * The editor stays at the bottom of the view of the page it scrolls in (popup.css), unless it is taller than
 * `STICKY_SHARE` of that view (a draft holding a few slides): then it scrolls with the page, `data-scrolls` set.
 * The browser knows the editor covers the view's bottom by the page's scroll padding, as tall as the editor
 * (`--sticky-editor-height`): it brings a control focused by Tab clear of the editor, and Page Down and Page Up
 * page by the view above it.
 */
export function useStickyEditor(editor: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const box = editor.current;
    const page = box?.parentElement;
    if (!box || !page) return;
    const sizes = new ResizeObserver(() => {
      box.toggleAttribute('data-scrolls', box.offsetHeight > page.clientHeight * STICKY_SHARE);
      page.style.setProperty('--sticky-editor-height', `${box.offsetHeight + CLEARANCE_PX}px`);
    });
    sizes.observe(box);
    sizes.observe(page);
    return () => sizes.disconnect();
  }, [editor]);
}
