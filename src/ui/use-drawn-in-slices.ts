import { useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface DrawnInSlices<T> {
  /** What each item is drawn with, in the order of the keys given; undefined: not drawn yet. */
  drawnWith: (T | undefined)[];
  /** Draws every item with the current value in the next render, as the page's first frame has room for them all. */
  drawAll: () => void;
}

interface Slices<T> {
  current: T;
  /** The items drawn with `current`, from the first: Infinity once all of them are, so that one added is drawn at once. */
  reached: number;
  /** How many items the next slice draws. */
  size: number;
  /** When the slice being drawn began (0: none is). */
  began: number;
  /** What each item (by key) was last drawn with. */
  drawn: Map<string, T>;
  /** Whether the first slice after the `first` items has been let begin (`firstSliceAfter`). */
  begun: boolean;
  /** Calls off the wait for the first slice, while it waits: asked once, as drawing the list again would put it off. */
  callOffFirst: (() => void) | null;
}

/** Runs `run` in a task of its own later; the function returned calls it off. */
export type Later = (run: () => void) => () => void;

const nextTask: Later = (run) => {
  const timer = setTimeout(run);
  return () => clearTimeout(timer);
};

/**
 * A long list drawn a slice a task: `first` of its items with `current` at once, then (the first time, once
 * `firstSliceAfter` lets it: a task of its own by default) a slice more a task, each as
 * many as take about `SLICE_MS` to draw, until all are; when `current` changes (the words searched, the markdown
 * renderer loaded), again from the first. Items not reached yet stay as last drawn (or are not drawn at all), so the
 * list must draw each item memoised on what it is given here: a slice then draws only its own.
 * In one task, 80 notes of 3 kB each held the page for up to 1.3 s, and each keystroke behind it.
 */
export function useDrawnInSlices<T>(keys: readonly string[], current: T, first: number, firstSliceAfter: Later = nextTask): DrawnInSlices<T> {
  const slices = useRef<Slices<T>>({ current, reached: first, size: 1, began: 0, drawn: new Map(), begun: false, callOffFirst: null }).current;
  const [, drawMore] = useState(0);
  if (slices.current !== current) {
    // Sized anew: the pace of the last value tells little (notes drawn as typed go fast, rendered ten times slower).
    slices.current = current;
    slices.reached = first;
    slices.size = 1;
    slices.began = 0;
  }
  const drawn = new Map<string, T>();
  const drawnWith = keys.map((key, index) => {
    const value = index < slices.reached ? current : slices.drawn.get(key);
    if (value !== undefined) drawn.set(key, value);
    return value;
  });
  slices.drawn = drawn;
  const done = slices.reached >= keys.length;

  // After each render: a slice just drawn tells how many the next can draw in its time.
  useLayoutEffect(() => {
    if (slices.began !== 0) slices.size = nextSliceSize(slices.size, performance.now() - slices.began);
    slices.began = 0;
    if (done) {
      slices.reached = Infinity;
      slices.callOffFirst?.();
      slices.callOffFirst = null;
      return;
    }
    // A task of its own, not a frame's callback: a page behind another tab gets a frame a second or none (a row
    // stayed at 40 of its 80 notes), and input still goes before the next slice.
    const drawNext = () => {
      slices.begun = true;
      slices.began = performance.now();
      slices.reached += slices.size;
      drawMore((draws) => draws + 1);
    };
    if (slices.begun) return nextTask(drawNext);
    slices.callOffFirst ??= firstSliceAfter(drawNext);
  });
  useLayoutEffect(() => () => slices.callOffFirst?.(), [slices]);

  const drawAll = () => {
    if (slices.reached === Infinity) return;
    slices.reached = Infinity;
    drawMore((draws) => draws + 1);
  };
  return { drawnWith, drawAll };
}

/** About how long a slice may take to draw: well under the 50 ms a task may hold a keystroke. */
export const SLICE_MS = 8;

/**
 * How many items the next slice draws, after one of `size` took `tookMs`: as many as fit in `SLICE_MS` at that pace,
 * at least one, and at most twice as many as the last (a slice that took no measurable time tells little).
 */
export function nextSliceSize(size: number, tookMs: number): number {
  const fitting = tookMs > 0 ? Math.floor((size * SLICE_MS) / tookMs) : size * 2;
  return Math.max(1, Math.min(size * 2, fitting));
}
