import {
  defaultRangeExtractor,
  observeWindowOffset,
  observeWindowRect,
  Virtualizer,
  windowScroll,
  type Range,
  type VirtualizerOptions,
} from '@tanstack/virtual-core';
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
    rangeExtractor: (range) => (virtualizerOptions.rangeExtractor ?? defaultRangeExtractor)(withoutSlivers(range, virtualizer)),
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

/** The rows in the window (indexes in the list), as `virtualizer.range` has them but without slivers (see below). */
export function rowsInView(virtualizer: Virtualizer<Window, HTMLElement>): { startIndex: number; endIndex: number } | null {
  return virtualizer.range && withoutSlivers(virtualizer.range, virtualizer);
}

/**
 * The range without a row at either end that the window's edge cuts less than a pixel into. A key's scroll brings a row's
 * edge to the window's, at a fraction of a pixel; the browser then sets the scroll to a whole pixel, and the next row
 * was counted as in view by the part of a pixel it was off: it was drawn, and a row beyond it too.
 */
function withoutSlivers<R extends Pick<Range, 'startIndex' | 'endIndex'>>(range: R, virtualizer: Virtualizer<Window, HTMLElement>): R {
  const top = virtualizer.scrollOffset;
  const height = virtualizer.scrollRect?.height;
  if (top === null || height === undefined) return range;
  const rows = virtualizer.measurementsCache;
  let { startIndex, endIndex } = range;
  const bottom = top + height;
  if (endIndex > startIndex && rows[endIndex].start > bottom - 1 && rows[endIndex].end > bottom) endIndex--;
  if (startIndex < endIndex && rows[startIndex].end < top + 1 && rows[startIndex].start < top) startIndex++;
  return { ...range, startIndex, endIndex };
}
