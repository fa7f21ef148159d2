import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { watchQuery } from '../db/live';
import { whenPaintedAndIdle } from './when-idle';

export interface LiveQueryState<T> {
  value: T | undefined;
  error: unknown;
  /** Whether the query has answered at least once (its value may be undefined: nothing found). */
  settled: boolean;
}

/**
 * The current result of a Dexie query, re-run whenever what it read changes, in this page or
 * in any other page of the extension. `undefined` until the first result, unless the caller has
 * just read it (`first`, shown at once).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[], first?: T): LiveQueryState<T> {
  const [state, setState] = useState<LiveQueryState<T>>(() => ({ value: first, error: undefined, settled: first !== undefined }));
  const shown = useRef(state.value);
  shown.current = state.value;
  // A layout effect: without a value in hand, the watch (and its first read) starts as soon as the component
  // is in the DOM, not a frame later.
  useLayoutEffect(
    () => {
      // With a value in hand the first answer reads it again: the same data is not drawn again (a popup's
      // whole note list, which could otherwise be drawn twice before its first paint).
      let rereading = first !== undefined;
      const watch = () =>
        watchQuery(query, {
          next: (value) => {
            const same = rereading && sameData(value, shown.current);
            rereading = false;
            if (!same) setState({ value, error: undefined, settled: true });
          },
          error: (error: unknown) => setState((previous) => ({ value: previous.value, error, settled: true })),
        });
      if (!rereading) return watch();
      // The watch then waits until the page is painted and idle, out of the way of the first keystroke: its first
      // read finds whatever was written meanwhile (here or in another page), and draws it.
      let stop: (() => void) | undefined;
      const cancel = whenPaintedAndIdle(() => (stop = watch()));
      return () => {
        cancel();
        stop?.();
      };
    },
    // The query is re-made on every render: the caller's deps say when it reads something else
    // (callers are checked by exhaustive-deps through its additionalHooks option).
    // oxlint-disable-next-line react-hooks/exhaustive-deps
    deps,
  );
  return state;
}

/** Records as read from the database (plain data, keys in the order stored): equal when they serialise alike. */
function sameData(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
