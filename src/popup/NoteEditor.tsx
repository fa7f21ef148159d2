import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { addNote, updateNoteBody } from '../db/notes';
import type { Note } from '../talk/model';
import { formatPlaybackTime } from '../talk/time';
import { errorMessage, type Announcement } from '../ui/Announcer';
import { draftKey, type DraftStore } from './drafts';
import { t } from '../i18n/t';

/** A note being edited, as it was when the edit began. */
export type EditTarget = Pick<Note, 'id' | 'talkId' | 'atSec' | 'updatedAt' | 'body'>;

interface NoteEditorProps {
  db: TalklogDb;
  drafts: DraftStore;
  talkId: string;
  editing: EditTarget | null;
  onEditDone: () => void;
  /** Where the video is now; null when it cannot be told. */
  currentSec: () => Promise<number | null>;
  captionOnScreen: () => Promise<string | null>;
  announce: (announcement: Announcement) => void;
}

/**
 * The `Note` box. A new note keeps the playback time at which typing started. What is typed is a
 * draft until it is saved, so closing the page and coming back finds it again.
 * Give it `key` by `editing?.id` so that starting or ending an edit starts afresh.
 */
export function NoteEditor({ db, drafts, talkId, editing, onEditDone, currentSec, captionOnScreen, announce }: NoteEditorProps) {
  const key = draftKey(talkId, editing ? 'edit' : 'new');
  // A leftover edit draft counts only for the note it was written for.
  const [initial] = useState(() => {
    const draft = drafts.load(key);
    return !editing || draft?.editing?.noteId === editing.id ? draft : null;
  });
  const [body, setBody] = useState(initial?.body ?? editing?.body ?? '');
  const [atSec, setAtSec] = useState<number | null>(initial?.atSec ?? null);
  const [saving, setSaving] = useState(false);
  const latest = useRef({ body, atSec });
  const startTime = useRef<Promise<number | null> | null>(initial?.atSec != null ? Promise.resolve(initial.atSec) : null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (editing) textarea.current?.focus();
  }, [editing]);

  const keepDraft = useCallback(() => {
    const { body: text, atSec: sec } = latest.current;
    if (text === '' && !editing) drafts.clear(key);
    else drafts.save(key, { body: text, atSec: sec, editing: editing ? { noteId: editing.id, openedAt: editing.updatedAt } : null });
  }, [drafts, key, editing]);

  // The popup and the side panel can both be open on this talk: what is typed in one shows in the
  // other. When the other page saves (its draft goes), this box empties only if nothing was typed
  // here since; otherwise this text stays, and becomes the shared draft again.
  const adopted = useRef<string | null>(null);
  useLayoutEffect(
    () =>
      drafts.onChangedElsewhere(key, (draft) => {
        if (editing && draft?.editing && draft.editing.noteId !== editing.id) return;
        if (draft) {
          adopted.current = draft.body;
          show(draft.body, draft.atSec);
        } else if (latest.current.body === adopted.current) {
          adopted.current = null;
          show(editing ? editing.body : '', null);
        } else {
          keepDraft();
        }
      }),
    [drafts, key, editing, keepDraft],
  );

  /** Puts text and its start time in the box, as if typed here, without writing the draft back. */
  const show = (text: string, sec: number | null) => {
    latest.current = { body: text, atSec: sec };
    startTime.current = sec === null ? null : Promise.resolve(sec);
    setBody(text);
    setAtSec(sec);
  };

  const onInput = (value: string) => {
    latest.current = { ...latest.current, body: value };
    setBody(value);
    if (!editing && value.trim() === '') {
      // An emptied box starts a new note: the next words get the moment they are typed at.
      startTime.current = null;
      latest.current.atSec = null;
      setAtSec(null);
    } else if (!editing && startTime.current === null) {
      const asked: Promise<number | null> = currentSec()
        .catch(() => null)
        .then((sec) => {
          // Only if this is still the note being typed (not emptied, saved or replaced meanwhile).
          if (startTime.current === asked) {
            latest.current.atSec = sec;
            setAtSec(sec);
            keepDraft();
          }
          return sec;
        });
      startTime.current = asked;
    }
    keepDraft();
  };

  const quoteCaption = async () => {
    const caption = await captionOnScreen();
    if (caption === null) {
      announce({ kind: 'status', text: t('captionsOff') });
      return;
    }
    const box = textarea.current;
    const text = latest.current.body; // what is in the box now, after the wait for the caption
    const at = box ? Math.min(box.selectionEnd, text.length) : text.length;
    const next = insertQuote(text, at, caption);
    onInput(next.text);
    box?.focus();
    box?.setSelectionRange(next.caret, next.caret);
  };

  const save = async () => {
    if (saving || body.trim() === '') return;
    setSaving(true);
    try {
      if (editing) {
        const { outcome } = await updateNoteBody(db, editing, body);
        drafts.clear(key);
        onEditDone();
        announce({
          kind: 'status',
          text: outcome === 'updated' ? t('noteUpdated') : t('noteKeptBoth'),
        });
        return;
      }
      const sec = startTime.current ? await startTime.current : null;
      await addNote(db, talkId, body, sec);
      // Whatever was typed while the note was being saved starts the next note.
      const typedSince = latest.current.body.startsWith(body) ? latest.current.body.slice(body.length).trimStart() : latest.current.body;
      show('', null);
      drafts.clear(key);
      if (typedSince !== '') onInput(typedSince);
      announce({ kind: 'status', text: sec === null ? t('noteSaved') : t('noteSavedAt', formatPlaybackTime(sec)) });
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotSaveNote', errorMessage(error)) });
    } finally {
      setSaving(false);
      textarea.current?.focus();
    }
  };

  const hint = editing ? t('editingNote') : atSec !== null ? t('noteStartsAt', formatPlaybackTime(atSec)) : t('noteKeepsMoment');

  return (
    <form
      class="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label for="note-body" class="note-editor__label">
        {t('note')}
      </label>
      <textarea
        id="note-body"
        ref={textarea}
        class="note-editor__box"
        rows={4}
        value={body}
        aria-describedby="note-hint"
        placeholder={t('notePlaceholder')}
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
          {t('ctrlEnterSaves', hint)}
        </span>
        <button type="button" class="button button--quiet" onClick={() => void quoteCaption()}>
          {t('quote')}
        </button>
        {editing && (
          <button
            type="button"
            class="button button--quiet"
            onClick={() => {
              drafts.clear(key);
              onEditDone();
            }}
          >
            {t('cancel')}
          </button>
        )}
        <button type="submit" class="button button--primary" disabled={saving}>
          {t('saveNote')}
        </button>
      </div>
    </form>
  );
}

/** Puts `> caption` on lines of its own at the caret; returns the text and where the caret goes. */
export function insertQuote(text: string, at: number, caption: string): { text: string; caret: number } {
  const before = text.slice(0, at);
  const after = text.slice(at);
  const opening = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const quote = `${opening}> ${caption}\n\n`;
  return { text: before + quote + after.replace(/^\n+/, ''), caret: before.length + quote.length };
}
