import { observeWindowOffset, observeWindowRect, Virtualizer, windowScroll, type VirtualizerOptions } from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

type WindowOptions = Omit<
  VirtualizerOptions<Window, HTMLElement>,
  'getScrollElement' | 'observeElementRect' | 'observeElementOffset' | 'scrollToFn' | 'onChange' | 'initialOffset' | 'scrollMargin'
>;

/**
 * A list drawn only where the page is scrolled to, with TanStack's virtualizer over the window's
 * scroll (what its React adapter does, for Preact); rows are measured as they are drawn. Offsets
 * are the list's own: the window's scroll less where the list starts in the page, read when the
 * page scrolls (bars appearing above the list move it, and need no render of the list).
 */
export function useWindowVirtualizer(list: RefObject<HTMLElement | null>, options: WindowOptions): Virtualizer<Window, HTMLElement> {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const listTop = () => (list.current ? list.current.getBoundingClientRect().top + window.scrollY : 0);
  const full: VirtualizerOptions<Window, HTMLElement> = {
    ...options,
    getScrollElement: () => window,
    observeElementRect: observeWindowRect,
    observeElementOffset: (instance, report) => observeWindowOffset(instance, (offset, scrolling) => report(offset - listTop(), scrolling)),
    scrollToFn: (offset, scrollOptions, instance) => windowScroll(offset + listTop(), scrollOptions, instance),
    initialOffset: () => window.scrollY - listTop(),
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer(full));
  virtualizer.setOptions(full);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  // After every render: the virtualizer picks up a changed count or scroll element.
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}
