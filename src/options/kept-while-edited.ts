import type { LibraryEntry } from './library-filter';

/**
 * The talks shown, with those whose row is open (its details, its notes) kept in place when they stop matching (a
 * change made there, or by another page): the row holds the focus and what is typed in it, which would leave with it.
 * In the order of `sorted`, the list `shown` was filtered from; a talk no longer in the library is not kept.
 */
export function keptWhileEdited(shown: LibraryEntry[], sorted: LibraryEntry[], edited: ReadonlySet<string>): LibraryEntry[] {
  if (edited.size === 0 || shown === sorted) return shown;
  const missing = new Set(edited);
  for (const entry of shown) missing.delete(entry.talk.id);
  if (!sorted.some((entry) => missing.has(entry.talk.id))) return shown;
  const matching = new Set(shown);
  return sorted.filter((entry) => matching.has(entry) || missing.has(entry.talk.id));
}
