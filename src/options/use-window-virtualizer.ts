import { observeWindowOffset, observeWindowRect, Virtualizer, windowScroll, type VirtualizerOptions } from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

type WindowOptions = Omit<
  VirtualizerOptions<Window, HTMLElement>,
  'getScrollElement' | 'observeElementRect' | 'observeElementOffset' | 'scrollToFn' | 'onChange' | 'initialOffset' | 'scrollMargin'
>;

/**
 * A list drawn only where the page is scrolled to, with TanStack's virtualizer over the window's
 * scroll (what its React adapter does, for Preact); rows are measured as they are drawn. Row
 * positions count from the top of the page: draw each at `start - options.scrollMargin` in the list.
 */
export function useWindowVirtualizer(list: RefObject<HTMLElement | null>, options: WindowOptions): Virtualizer<Window, HTMLElement> {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  // Where the list starts in the page: it moves when something above it changes height (a message,
  // the bulk actions bar, the storage summary), which changes the page's height too.
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setScrollMargin(list.current ? list.current.getBoundingClientRect().top + window.scrollY : 0);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [list]);
  const full: VirtualizerOptions<Window, HTMLElement> = {
    ...options,
    scrollMargin,
    getScrollElement: () => window,
    observeElementRect: observeWindowRect,
    observeElementOffset: observeWindowOffset,
    scrollToFn: windowScroll,
    initialOffset: () => window.scrollY,
    onChange: () => rerender(0),
  };
  const [virtualizer] = useState(() => new Virtualizer(full));
  virtualizer.setOptions(full);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  // After every render: the virtualizer picks up a changed count or scroll element.
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}
