import Dexie, { liveQuery, type ObservabilitySet } from 'dexie';
import type { TalklogDb } from './database';

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

/**
 * Calls back after each write to the talks or notes of `db`, made in this page or in any other page
 * or worker of the extension. Returns the function that stops listening.
 */
export function onLibraryWritten(db: TalklogDb, listener: () => void): () => void {
  const tables = [`idb://${db.name}/talks/`, `idb://${db.name}/talkNotes/`];
  const onMutation = (parts: ObservabilitySet) => {
    // `all`: Dexie's word for "anything may have changed" (a page back from the back-forward cache).
    if (Object.keys(parts).some((part) => part === 'all' || tables.some((table) => part.startsWith(table)))) listener();
  };
  Dexie.on('storagemutated', onMutation);
  return () => Dexie.on('storagemutated').unsubscribe(onMutation);
}
