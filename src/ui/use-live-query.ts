import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

export interface LiveQueryState<T> {
  value: T | undefined;
  error: unknown;
  /** Whether the query has answered at least once (its value may be undefined: nothing found). */
  settled: boolean;
}

/**
 * The current result of a Dexie query, re-run whenever what it read changes, in this page or
 * in any other page of the extension. `undefined` until the first result.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): LiveQueryState<T> {
  const [state, setState] = useState<LiveQueryState<T>>({ value: undefined, error: undefined, settled: false });
  // A layout effect subscribes as soon as the component is in the DOM, not a frame later.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ value, error: undefined, settled: true }),
      error: (error: unknown) => setState((previous) => ({ value: previous.value, error, settled: true })),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}
