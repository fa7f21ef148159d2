import type { Note } from '../talk/model';

/**
 * A talk's notes, kept together in one record (schema 7) in the order they were written: reading a
 * talk's notes is one request, and an import writes a record a talk, not one a note (IndexedDB
 * costs about the same per request whatever it holds). No record for a talk without notes.
 */
export interface TalkNotes {
  talkId: string;
  notes: Note[];
}

/** The order notes were written in: by creation time, then id (the order of the notes table's old `[talkId+createdAt]` index). */
export function byWrittenOrder(a: Note, b: Note): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Notes by their talk, each talk's in the order given. */
export function groupByTalk(notes: Iterable<Note>): Map<string, Note[]> {
  const groups = new Map<string, Note[]>();
  for (const note of notes) {
    const group = groups.get(note.talkId);
    if (group) group.push(note);
    else groups.set(note.talkId, [note]);
  }
  return groups;
}

/** `notes` with `changed` in place of those of the same id and the rest of `changed` added, in the order they were written. */
export function withNotes(notes: readonly Note[], changed: readonly Note[]): Note[] {
  const ids = new Set(changed.map((note) => note.id));
  return [...notes.filter((note) => !ids.has(note.id)), ...changed].sort(byWrittenOrder);
}
