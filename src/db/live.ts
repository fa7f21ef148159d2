import { liveQuery } from 'dexie';

export interface LiveQueryObserver<T> {
  next: (value: T) => void;
  error: (error: unknown) => void;
}

/**
 * Runs a database query now and again whenever what it read changes, in this page or in any other
 * page of the extension. Returns the function that stops watching.
 */
export function watchQuery<T>(query: () => Promise<T>, observer: LiveQueryObserver<T>): () => void {
  const subscription = liveQuery(query).subscribe(observer);
  return () => subscription.unsubscribe();
}
