import type { Note } from '../talk/model';
import { TimeLink } from '../ui/TimeLink';

interface NoteListProps {
  notes: Note[];
  videoId: string;
  onSeek: (atSec: number) => void;
  onEdit: (note: Note) => void;
  onDelete: (note: Note) => void;
}

export function NoteList({ notes, videoId, onSeek, onEdit, onDelete }: NoteListProps) {
  if (notes.length === 0) return <p class="muted notes-empty">No notes yet. Start typing below: the note keeps the moment you began.</p>;
  return (
    <ol class="note-list" aria-label="Notes">
      {notes.map((note) => (
        <li key={note.id} class="note">
          {note.atSec !== null && <TimeLink videoId={videoId} atSec={note.atSec} onSeek={onSeek} />}
          <p class="note__body">{note.body}</p>
          <span class="note__actions">
            <button type="button" class="button button--quiet button--small" onClick={() => onEdit(note)}>
              Edit
            </button>
            <button type="button" class="button button--quiet button--small" onClick={() => onDelete(note)}>
              Delete
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
