import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { t } from '../i18n/t';
import { newNoteId } from '../talk/model';
import { draftSlidesOwner } from '../talk/slide-owner';
import { formatPlaybackTime } from '../talk/time';
import { type Announcement } from '../ui/Announcer';
import { errorMessage } from '../ui/error-message';
import { NoteTextarea } from '../ui/NoteTextarea';
import type { SlideCapture } from '../slides/capture-slide';
import { useNoteSlides } from '../ui/use-slide-thumbnails';
import { type DraftStore } from './drafts';
import type { EditTarget } from './edit-target';
import { typedSince, useSharedDraft, type BoxText } from './use-shared-draft';
import { useStartTime } from './use-start-time';
import { useStickyEditor } from './use-sticky-editor';

/** The writes of a save, loaded once something is typed: the popup opens without them. */
const loadSaveNote = () => import('./save-note');

interface NoteEditorProps {
  db: TalklogDb;
  drafts: DraftStore;
  talkId: string;
  /** The talk's title, kept with the draft. */
  title: string;
  editing: EditTarget | null;
  onEditDone: () => void;
  /** Puts the talk in the library (clipped, if it is not yet) before a new note, or an edit whose talk went, is saved; rejects to stop the save. */
  beforeSave: () => Promise<void>;
  /** Where the video is now; null when it cannot be told. */
  currentSec: () => Promise<number | null>;
  /** False when the tab no longer shows this talk. */
  captionOnScreen: () => Promise<string | null | false>;
  captureSlide: () => Promise<SlideCapture>;
  announce: (announcement: Announcement) => void;
}

/**
 * The `Note` box. A new note keeps the playback time at which typing started. What is typed is a
 * draft until it is saved, so closing the page and coming back finds it again.
 * Give it `key` by `editing?.id` so that starting or ending an edit starts afresh.
 */
export function NoteEditor({
  db,
  drafts,
  talkId,
  title,
  editing,
  onEditDone,
  beforeSave,
  currentSec,
  captionOnScreen,
  captureSlide,
  announce,
}: NoteEditorProps) {
  const latest = useRef<BoxText>({ id: '', body: '', atSec: null });
  const draft = useSharedDraft(
    drafts,
    talkId,
    editing,
    { current: latest.current, show: (text) => show(text) },
    {
      onNotAllKept: (text) => announce({ kind: 'alert', text }),
      onEditEnded: onEditDone,
      onEditHeldElsewhere: () => announce({ kind: 'alert', text: t('editHeldElsewhere') }),
    },
  );
  const [body, setBody] = useState(() => draft.initial?.body ?? editing?.body ?? '');
  // An edit keeps its note's time, in its draft too: a resumed edit saved as a second version keeps it.
  const start = useStartTime(currentSec, draft.initial?.atSec ?? editing?.atSec ?? null);
  const [noteId] = useState(() => draft.initial?.id ?? newNoteId());
  if (latest.current.id === '') latest.current.id = noteId;
  const [saving, setSaving] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useStickyEditor(form);
  const boxId = useId();
  latest.current.body = body;
  latest.current.title = title;
  latest.current.atSec = start.atSec;

  // Open and type: the box has the focus from the start (a new note, or the note just opened to edit).
  useEffect(() => textarea.current?.focus(), []);

  /** Puts text, its start time and its note's id in the box, as if typed here, without writing the draft back. */
  const show = (text: BoxText) => {
    Object.assign(latest.current, text);
    start.set(text.atSec);
    setBody(text.body);
  };

  const onInput = (value: string) => {
    void loadSaveNote(); // fetched while the note is typed, ready by the time it is saved
    latest.current.body = value;
    setBody(value);
    if (!editing && value.trim() === '') {
      // An emptied box starts a new note: the next words get the moment they are typed at, and a new id.
      latest.current.id = newNoteId();
      latest.current.atSec = null;
      start.set(null);
    } else if (!editing) {
      start.begin((sec) => {
        latest.current.atSec = sec;
        draft.keep();
      });
    }
    draft.keep();
  };

  const quoteCaption = async () => {
    // Loaded on demand with its markdown escaping: the popup must open within its size budget.
    const [caption, { insertQuote }] = await Promise.all([captionOnScreen(), import('./quote')]);
    if (!caption) {
      announce(caption === null ? { kind: 'status', text: t('captionsOff') } : { kind: 'alert', text: t('quoteNoPlayer') });
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

  // Slides taken while the note is written belong to its draft until it is saved (save-note.ts).
  const slidesOwner = draftSlidesOwner(talkId, editing?.id);
  const renderSlides = useNoteSlides();
  // Save is busy while a capture is under way: saved before the slide is in, the note would go without it.
  const [capturing, setCapturing] = useState(0);
  // And Capture slide is busy while the note is saved: its slide would come in after the note, onto the next one.
  const captureSlideHere = async () => {
    if (saving) return;
    setCapturing((count) => count + 1);
    try {
      const [capture, { keepCapturedSlide }] = await Promise.all([captureSlide(), import('../slides/keep-captured-slide')]);
      announce(await keepCapturedSlide(db, capture, slidesOwner));
    } finally {
      setCapturing((count) => count - 1);
    }
  };

  const save = async () => {
    if (saving || capturing) return;
    // Not in silence: slides captured without words (the shortcut, in full screen) wait in the box for them.
    if (body.trim() === '') {
      announce({ kind: 'alert', text: t('noteNeedsWords') });
      textarea.current?.focus();
      return;
    }
    setSaving(true);
    try {
      const { saveNoteText } = await loadSaveNote();
      const confirmation = await saveNoteText(db, talkId, editing, { id: latest.current.id, body, atSec: start.settled }, slidesOwner, beforeSave);
      const next = editing ? '' : typedSince(body, latest.current.body);
      show({ id: newNoteId(), body: '', atSec: null });
      draft.clear();
      if (editing) onEditDone();
      else if (next !== '') onInput(next);
      announce({ kind: 'status', text: confirmation });
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotSaveNote', errorMessage(error)) });
    } finally {
      setSaving(false);
      textarea.current?.focus();
    }
  };

  const hint = editing ? t('editingNote') : start.atSec !== null ? t('noteStartsAt', formatPlaybackTime(start.atSec)) : t('noteKeepsMoment');

  return (
    <form
      ref={form}
      class="note-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label for={boxId} class="note-editor__label">
        {t('note')}
      </label>
      <NoteTextarea
        id={boxId}
        boxRef={textarea}
        class="note-editor__box"
        rows={4}
        value={body}
        aria-describedby={`${boxId}-hint`}
        placeholder={t('notePlaceholder')}
        onValue={onInput}
        onSubmit={() => void save()}
      />
      {renderSlides?.({ db, owner: slidesOwner, noteText: '', removable: { focusWhenNoneLeft: () => textarea.current?.focus() } })}
      <div class="note-editor__row">
        <span id={`${boxId}-hint`} class="muted">
          {t('ctrlEnterSaves', hint)}
        </span>
        <button type="button" class="button button--quiet" onClick={() => void quoteCaption()}>
          {t('quote')}
        </button>
        <button type="button" class="button button--quiet" aria-disabled={saving} onClick={() => void captureSlideHere()}>
          {t('captureSlide')}
        </button>
        {editing && (
          <button
            type="button"
            class="button button--quiet"
            onClick={() => {
              draft.clear();
              void import('../db/slides').then((slides) => slides.removeDraftSlides(db, slidesOwner));
              onEditDone();
            }}
          >
            {t('cancel')}
          </button>
        )}
        <button type="submit" class="button button--primary" disabled={saving} aria-disabled={capturing > 0}>
          {t('saveNote')}
        </button>
      </div>
    </form>
  );
}
