import type { LibraryEntry } from './library-filter';

/** How a row is being edited: opened (its details, its notes), or with one of its notes in an editor. */
export type RowEdit = 'open' | 'note';

/**
 * The talks shown, with those whose row is open (its details, its notes) kept in place when they stop matching (a
 * change made there, or by another page): the row holds the focus and what is typed in it, which would leave with it.
 * In the order of `sorted`, the list `shown` was filtered from. A talk no longer in the library is kept, where it was
 * in `before` (the list shown last), while one of its notes is edited, and then while its row stays open (a Save puts
 * it back, and the library's update comes after): marked `deleted`, so that the edit can say so and not be lost.
 */
export function keptWhileEdited(
  shown: LibraryEntry[],
  sorted: LibraryEntry[],
  edited: ReadonlyMap<string, RowEdit>,
  before: readonly LibraryEntry[],
): LibraryEntry[] {
  if (edited.size === 0) return shown;
  const missing = new Set(edited.keys());
  for (const entry of shown) missing.delete(entry.talk.id);
  if (missing.size === 0) return shown;
  const matching = new Set(shown);
  // Those missing from `shown` but in the library leave `missing` as they are kept: what stays in it is gone.
  const kept = shown === sorted ? shown : sorted.filter((entry) => matching.has(entry) || missing.delete(entry.talk.id));
  const gone = before.flatMap((entry, at) => (missing.has(entry.talk.id) && (entry.deleted || edited.get(entry.talk.id) === 'note') ? [{ at, entry }] : []));
  if (gone.length === 0) return kept.length === shown.length ? shown : kept;
  const list = kept === shown ? [...shown] : kept;
  for (const { at, entry } of gone) list.splice(Math.min(at, list.length), 0, entry.deleted ? entry : { ...entry, deleted: true });
  return list;
}
