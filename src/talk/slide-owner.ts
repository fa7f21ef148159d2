/**
 * Slides captured while a note is written belong to its draft until the note is saved; while a note is edited, to
 * the edit of that note (`editedNoteId`): an edit left unsaved keeps its slides for that note's next edit, not another's.
 */
export function draftSlidesOwner(talkId: string, editedNoteId?: string): string {
  return `draft:${talkId}:${editedNoteId ? `edit:${editedNoteId}` : 'new'}`;
}
