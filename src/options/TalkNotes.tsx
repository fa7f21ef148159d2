import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { updateNoteBody } from '../db/notes';
import { withNotes } from '../db/talk-notes';
import { t, type MessageKey } from '../i18n/t';
import { isConflictCopy } from '../sync/merge';
import { newNoteId, type Note, type Talk } from '../talk/model';
import { type Announcement } from '../ui/Announcer';
import { errorMessage } from '../ui/error-message';
import { deleteNoteWithUndo } from '../ui/delete-with-undo';
import { Markdown } from '../ui/Markdown';
import { NoteTextarea } from '../ui/NoteTextarea';
import { TimeLink } from '../ui/TimeLink';
import { memo } from '../ui/memo';
import { useDrawnInSlices } from '../ui/use-drawn-in-slices';
import { useNoteSlides } from '../ui/use-slide-thumbnails';
import { useSharedDraft, type BoxText } from '../popup/use-shared-draft';
import { highlighted } from './Highlighted';
import { focusIsFree } from './focus-is-free';
import { editDraftKey, libraryDrafts, unsavedEdit, type UnsavedEdit } from './library-edit-draft';
import { SEARCH_BOX } from './search-box';
import './TalkNotes.css';

interface TalkNotesProps {
  db: TalklogDb;
  talk: Talk;
  /** Deleted elsewhere while one of its notes is edited here: saving the edit puts it back. */
  talkDeleted: boolean;
  notes: Note[];
  words: string[];
  onPlay: (videoId: string, atSec: number) => void;
  /** A note's edit begins or ends: while it lasts, the library keeps the row (and the text typed in it). */
  onEditing: (on: boolean) => void;
  announce: (announcement: Announcement) => void;
}

/** A talk's notes in the library, each editable and deletable in place. Timestamps play the video from there. */
export function TalkNotes({ db, talk, talkDeleted, notes, words, onPlay, onEditing, announce }: TalkNotesProps) {
  /** Words left unsaved in an edit of one of these notes, by a page that closed (an update closes it unasked) or one still open. */
  const unsavedNow = (): UnsavedEdit | null => unsavedEdit(libraryDrafts().load(editDraftKey(talk.id)), notes);
  const [editing, setEditing] = useState<Note | null>(null);
  // Opened again, the row carries on with an edit its page left unsaved, once its notes are there to edit.
  const resumeLooked = useRef(false);
  useEffect(() => {
    if (resumeLooked.current || notes.length === 0) return;
    resumeLooked.current = true;
    const unsaved = unsavedNow();
    if (unsaved) setEditing((current) => current ?? unsaved.opened);
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- looked at once, when the notes first come
  }, [notes]);
  /** A talk has one edit draft: while it holds another note's unsaved words, that edit is shown, to be ended first. */
  const edit = (note: Note) => {
    const unsaved = unsavedNow();
    setEditing(unsaved?.opened ?? note);
    if (unsaved && unsaved.opened.id !== note.id) announce({ kind: 'alert', text: t('endEditFirst') });
  };
  const isEditing = editing !== null;
  // In the task that opens or closes the editor: a list drawn in between would not keep the row.
  useLayoutEffect(() => {
    if (!isEditing) return;
    onEditing(true);
    return () => onEditing(false);
  }, [isEditing, onEditing]);
  /** The note whose Edit button takes the focus once drawn: its edit ended, or Undo brought it back. */
  const [focusedNote, setFocusedNote] = useState<string | null>(null);
  const editEnded = (noteId: string | null) => {
    setEditing(null);
    setFocusedNote(noteId);
  };
  const renderSlides = useNoteSlides();
  // A note deleted elsewhere (another page, a sync) while it is edited here stays in place with its editor until
  // the edit ends: what was typed is not lost with it.
  const gone = editing !== null && !notes.some((note) => note.id === editing.id);
  const shown = gone ? withNotes(notes, [editing]) : notes;
  const { drawnWith: wordsMarked } = useDrawnInSlices(
    shown.map((note) => note.id),
    words,
    notesAtOnce(shown),
  );
  if (shown.length === 0) return <p class="muted">{t('noNotesOnTalk')}</p>;

  return (
    <ol class="plain-list" aria-label={t('notesOnTalk', talk.title)}>
      {shown.map((note, index) => {
        const marked = wordsMarked[index];
        if (marked === undefined && editing?.id !== note.id) return null;
        return (
          <li key={note.id} class="library-note">
            {note.atSec !== null ? (
              <TimeLink videoId={talk.videoId} atSec={note.atSec} onSeek={(atSec) => onPlay(talk.videoId, atSec)} />
            ) : (
              <span class="library-note__no-time" />
            )}
            {editing?.id === note.id ? (
              <NoteBodyEditor
                db={db}
                note={editing}
                title={talk.title}
                gone={gone}
                deletedTalk={talkDeleted ? talk : null}
                announce={announce}
                onDone={editEnded}
              />
            ) : (
              <>
                <div class="library-note__body">
                  {isConflictCopy(note) && <p class="library-note__conflict">{t('conflictCopy')}</p>}
                  <NoteMarkdown source={note.body} videoId={talk.videoId} onPlay={onPlay} words={marked ?? words} />
                  {renderSlides?.({ db, owner: note.id, noteText: note.body })}
                </div>
                <span class="library-note__actions">
                  <EditNoteButton takesFocus={note.id === focusedNote} onFocused={() => setFocusedNote(null)} onClick={() => edit(note)} />
                  <button
                    type="button"
                    class="button button--quiet button--small"
                    aria-label={t('deleteNote')}
                    onClick={() => void deleteNoteWithUndo(db, note, announce, () => setFocusedNote(note.id))}
                  >
                    {t('delete')}
                  </button>
                </span>
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * How many of the first notes are drawn when the row opens, or marked with the words as they are typed, in the task
 * that does it: those that begin within the first `TEXT_AT_ONCE` characters. The others follow a few a task. A long
 * note takes its renderer milliseconds, and a row of 80 held each keystroke in Search for up to 0.6 s.
 */
function notesAtOnce(notes: Note[]): number {
  let count = 0;
  for (let length = 0; count < notes.length && length <= TEXT_AT_ONCE; count++) length += notes[count].body.length;
  return Math.max(1, count);
}

const TEXT_AT_ONCE = 4000;

interface NoteMarkdownProps {
  source: string;
  videoId: string;
  onPlay: (videoId: string, atSec: number) => void;
  /** The words marked in it: those searched, or, for a note not reached yet since they changed, those before. */
  words: string[];
}

/** A note's text, drawn again only when it or the words marked in it change. */
const NoteMarkdown = memo(({ source, videoId, onPlay, words }: NoteMarkdownProps) => (
  <Markdown source={source} videoId={videoId} onSeek={(atSec) => onPlay(videoId, atSec)} renderText={(text) => highlighted(text, words)} />
));

interface EditNoteButtonProps {
  /** Given the focus once drawn, unless the user moved it on meanwhile (Undo leaves it in Search till then). */
  takesFocus: boolean;
  onFocused: () => void;
  onClick: () => void;
}

function EditNoteButton({ takesFocus, onFocused, onClick }: EditNoteButtonProps) {
  const button = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (!takesFocus) return;
    if (focusIsFree(document.querySelector(SEARCH_BOX))) button.current?.focus();
    onFocused();
  }, [takesFocus, onFocused]);
  return (
    <button ref={button} type="button" class="button button--quiet button--small" aria-label={t('editNote')} onClick={onClick}>
      {t('edit')}
    </button>
  );
}

interface NoteBodyEditorProps {
  db: TalklogDb;
  /** The note as it was when the edit began: a change made elsewhere since is kept, not overwritten. */
  note: Note;
  /** The talk's title, kept with the draft. */
  title: string;
  /** The note was deleted elsewhere since: saving keeps the text as a note again. */
  gone: boolean;
  /** The note's talk, deleted elsewhere since (with the note): saving puts it back with the note. */
  deletedTalk: Talk | null;
  announce: (announcement: Announcement) => void;
  /** The edit is over, saved or not: given the note that holds the text now, if one does. */
  onDone: (noteId: string | null) => void;
}

function NoteBodyEditor({ db, note, title, gone, deletedTalk, announce, onDone }: NoteBodyEditorProps) {
  const id = useId();
  const goneId = useId();
  const [opened] = useState(note);
  // What is typed is kept as the popup keeps it, on every keystroke, in the talk's one edit draft that the popup and
  // side panel share: the page can close without asking (an update, a crash), and beforeunload does not run then.
  // Edited in two pages at once, the note follows the other page as a second popup would.
  const typed = useRef<BoxText>({ id: '', body: '', atSec: opened.atSec, title });
  const draft = useSharedDraft(
    libraryDrafts(),
    opened.talkId,
    opened,
    {
      current: typed.current,
      show: (text) => {
        Object.assign(typed.current, text);
        setBody(text.body);
      },
    },
    {
      onNotAllKept: (text) => announce({ kind: 'alert', text }),
      onEditEnded: () => onDone(opened.id),
      onEditHeldElsewhere: () => announce({ kind: 'alert', text: t('editHeldElsewhere') }),
    },
  );
  const [body, setBody] = useState(draft.initial?.body ?? note.body);
  if (typed.current.id === '') typed.current.id = draft.initial?.id ?? newNoteId();
  typed.current.body = body;
  typed.current.title = title;
  const type = (text: string) => {
    typed.current.body = text;
    setBody(text);
    draft.keep();
  };
  const box = useRef<HTMLTextAreaElement>(null);
  // A ref, not state: a second Ctrl+Enter or click can come before the page is drawn again.
  const saving = useRef(false);
  const changed = body !== opened.body;

  useEffect(() => box.current?.focus(), []);
  const goneNotice = deletedTalk ? t('talkDeletedWhileEditing') : gone ? t('noteDeletedWhileEditing') : null;
  // Heard where the text box has the focus: its description changed, which is not read out by itself.
  useEffect(() => {
    if (goneNotice) announce({ kind: 'status', text: goneNotice });
  }, [goneNotice, announce]);

  useEffect(() => {
    if (!changed) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [changed]);

  /** Saves what is typed, ends the edit, and returns what to say about it. */
  const saveText = async (): Promise<MessageKey> => {
    if (deletedTalk) {
      const { restoreDeleted } = await import('../db/deletion');
      const saved = { ...opened, body, updatedAt: new Date().toISOString() };
      await restoreDeleted(db, { talks: [], notes: [saved], slides: [], talksOfNotes: [deletedTalk] });
      draft.clear(); // saved or cancelled: never offered back
      onDone(saved.id);
      return 'noteSavedWithTalk';
    }
    const { outcome, note: saved } = await updateNoteBody(db, opened, body);
    draft.clear();
    onDone(saved.id);
    return outcome === 'updated' ? 'noteUpdated' : gone ? 'noteSavedAgain' : 'noteKeptBoth';
  };

  const save = async () => {
    if (saving.current) return;
    if (!changed && !gone) {
      draft.clear();
      return onDone(opened.id);
    }
    if (body.trim() === '') {
      announce({ kind: 'alert', text: t('noteEmpty') });
      return;
    }
    saving.current = true;
    try {
      announce({ kind: 'status', text: t(await saveText()) });
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotSaveNote', errorMessage(error)) });
    } finally {
      saving.current = false;
    }
  };

  // A note deleted elsewhere is let go: no note holds the text, and the focus is not kept for one that comes back later.
  const cancel = () => {
    draft.clear();
    onDone(gone ? null : opened.id);
  };

  return (
    <form
      class="library-note__editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label for={id} class="visually-hidden">
        {t('note')}
      </label>
      {goneNotice && (
        <p id={goneId} class="library-note__conflict">
          {goneNotice}
        </p>
      )}
      <NoteTextarea
        id={id}
        aria-describedby={goneNotice ? goneId : undefined}
        rows={Math.min(12, body.split('\n').length + 1)}
        value={body}
        boxRef={box}
        onValue={type}
        onSubmit={() => void save()}
      />
      <span class="library-note__actions">
        <button type="submit" class="button button--primary button--small">
          {t('save')}
        </button>
        <button type="button" class="button button--quiet button--small" onClick={cancel}>
          {t('cancel')}
        </button>
      </span>
    </form>
  );
}
