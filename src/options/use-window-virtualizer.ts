import { observeWindowOffset, observeWindowRect, Virtualizer, windowScroll, type VirtualizerOptions } from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { whenPainted } from '../ui/when-idle';

type WindowOptions = Omit<
  VirtualizerOptions<Window, HTMLElement>,
  'getScrollElement' | 'observeElementRect' | 'observeElementOffset' | 'scrollToFn' | 'onChange' | 'initialOffset' | 'scrollMargin'
> & {
  /**
   * Whether the list, changed (scrolled, resized, a row measured), may be drawn again once the frame that shows the
   * change is painted rather than before it: when nothing in view would change. Asked at each change.
   */
  drawAfterPaint?: () => boolean;
};

/**
 * A list drawn only where the page is scrolled to, with TanStack's virtualizer over the window's
 * scroll (what its React adapter does, for Preact); rows are measured as they are drawn. Row
 * positions count from the top of the page: draw each at `start - options.scrollMargin` in the list.
 */
export function useWindowVirtualizer(list: RefObject<HTMLElement | null>, options: WindowOptions): Virtualizer<Window, HTMLElement> {
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  /** Cancels the draw waiting for a frame to be painted, if one is. */
  const drawLater = useRef<(() => void) | null>(null);
  useLayoutEffect(() => () => drawLater.current?.(), []);
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
  const { drawAfterPaint, ...virtualizerOptions } = options;
  const full: VirtualizerOptions<Window, HTMLElement> = {
    ...virtualizerOptions,
    scrollMargin,
    getScrollElement: () => window,
    observeElementRect: observeWindowRect,
    observeElementOffset: observeWindowOffset,
    scrollToFn: windowScroll,
    initialOffset: () => window.scrollY,
    onChange: () => {
      if (!drawAfterPaint?.()) rerender(0);
      else
        drawLater.current ??= whenPainted(() => {
          drawLater.current = null;
          rerender(0);
        });
    },
  };
  const [virtualizer] = useState(() => new Virtualizer(full));
  virtualizer.setOptions(full);
  useLayoutEffect(() => virtualizer._didMount(), [virtualizer]);
  // After every render: the virtualizer picks up a changed count or scroll element.
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}
