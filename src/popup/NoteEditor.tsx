import { useEffect, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { addNote, updateNoteBody } from '../db/notes';
import type { Note } from '../talk/model';
import { formatPlaybackTime } from '../talk/time';
import { errorMessage, type Announcement } from '../ui/Announcer';

interface NoteEditorProps {
  db: TalklogDb;
  talkId: string;
  /** The note being edited, or null for a new one. */
  editing: Note | null;
  onEditDone: () => void;
  /** Where the video is now; null when it cannot be told. */
  currentSec: () => Promise<number | null>;
  announce: (announcement: Announcement) => void;
}

/**
 * The `Note` box. A new note keeps the playback time at which typing started.
 * Give it `key={editing?.id}` so that starting or ending an edit starts afresh.
 */
export function NoteEditor({ db, talkId, editing, onEditDone, currentSec, announce }: NoteEditorProps) {
  const [body, setBody] = useState(editing?.body ?? '');
  const [startedAt, setStartedAt] = useState<Promise<number | null> | null>(null);
  const [startedAtSec, setStartedAtSec] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (editing) textarea.current?.focus();
  }, [editing]);

  const onInput = (value: string) => {
    setBody(value);
    if (!editing && startedAt === null && value.trim() !== '') {
      const asked = currentSec().catch(() => null);
      setStartedAt(asked);
      void asked.then(setStartedAtSec);
    }
  };

  const save = async () => {
    if (saving || body.trim() === '') return;
    setSaving(true);
    try {
      if (editing) {
        await updateNoteBody(db, editing.id, body);
        onEditDone();
        announce({ kind: 'status', text: 'Note updated.' });
      } else {
        const atSec = startedAt ? await startedAt : null;
        await addNote(db, talkId, body, atSec);
        announce({ kind: 'status', text: atSec === null ? 'Note saved.' : `Note saved at ${formatPlaybackTime(atSec)}.` });
      }
      setBody('');
      setStartedAt(null);
      setStartedAtSec(null);
    } catch (error) {
      announce({ kind: 'alert', text: `Could not save the note, it is still in the box: ${errorMessage(error)}` });
    } finally {
      setSaving(false);
      textarea.current?.focus();
    }
  };

  const hint = editing
    ? 'Editing a note'
    : startedAtSec !== null
      ? `At ${formatPlaybackTime(startedAtSec)}`
      : 'Keeps the moment you start typing';

  return (
    <form
      class="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label for="note-body" class="note-editor__label">
        Note
      </label>
      <textarea
        id="note-body"
        ref={textarea}
        class="note-editor__box"
        rows={4}
        value={body}
        aria-describedby="note-hint"
        placeholder="What was worth remembering? Markdown works."
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          }
        }}
      />
      <div class="note-editor__row">
        <span id="note-hint" class="muted">
          {hint} · Ctrl+Enter saves
        </span>
        {editing && (
          <button type="button" class="button button--quiet" onClick={onEditDone}>
            Cancel
          </button>
        )}
        <button type="submit" class="button button--primary" disabled={saving}>
          Save note
        </button>
      </div>
    </form>
  );
}
