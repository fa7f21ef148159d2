import type { LibraryEntry } from './library-filter';

/**
 * The talks shown, with those whose note is being edited in the library kept in place when they stop matching (the
 * edit changed the talk, or another page did): the row's editor holds the text typed so far, which would leave with
 * it. In the order of `sorted`, the list `shown` was filtered from; a talk no longer in the library is not kept.
 */
export function keptWhileEdited(shown: LibraryEntry[], sorted: LibraryEntry[], edited: ReadonlySet<string>): LibraryEntry[] {
  if (edited.size === 0 || shown === sorted) return shown;
  const missing = new Set(edited);
  for (const entry of shown) missing.delete(entry.talk.id);
  if (!sorted.some((entry) => missing.has(entry.talk.id))) return shown;
  const matching = new Set(shown);
  return sorted.filter((entry) => matching.has(entry) || missing.has(entry.talk.id));
}
