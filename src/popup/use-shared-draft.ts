import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { NOTE_MAX_CHARS } from '../talk/limits';
import { newNoteId } from '../talk/model';
import { draftKey, type Draft, type DraftStore } from './drafts';
import type { EditTarget } from './edit-target';

/** What the note box holds, as the draft sees it. */
export interface BoxText {
  /** The id the note gets when saved: a new one with each new note. */
  id: string;
  body: string;
  atSec: number | null;
  /** The talk's title, kept with the draft: a talk not in the library has it nowhere else. */
  title?: string;
}

/** The note box as the draft sees it; `show` puts text in the box as if typed there, without writing the draft back. */
export interface DraftBox {
  current: BoxText;
  show(text: BoxText): void;
}

/**
 * What a note box is told of its draft: the draft outgrew the storage; the edit it holds ended in another page;
 * another page's edit of another note holds the talk's one edit draft, so this edit is not kept.
 */
export interface DraftEvents {
  /** `alert`: what to tell the user, in their words. */
  onNotAllKept: (alert: string) => void;
  onEditEnded: () => void;
  onEditHeldElsewhere: () => void;
}

/**
 * The draft behind a note box, shared by every page open on the talk (popup, side panel): read
 * once, kept on every change, and followed when another page changes or saves it.
 */
export function useSharedDraft(
  drafts: DraftStore,
  talkId: string,
  editing: EditTarget | null,
  box: DraftBox,
  { onNotAllKept, onEditEnded, onEditHeldElsewhere }: DraftEvents,
) {
  const key = draftKey(talkId, editing ? 'edit' : 'new');
  // A leftover edit draft counts only for the note it was written for.
  const [initial] = useState(() => {
    const draft = drafts.load(key);
    return !editing || draft?.editing?.noteId === editing.id ? draft : null;
  });

  /** Whether the draft holds all the box does: what it does not is said once, not on every keystroke after. */
  const allKept = useRef(true);
  /**
   * Another page's edit of another note took the talk's one edit draft while this edit was open (both began while
   * it was free): its words are not written over, nor cleared, until that edit ends.
   */
  const heldElsewhere = useRef(false);
  const keep = () => {
    const { body } = box.current;
    if (body === '' && !editing) {
      drafts.clear(key);
      allKept.current = true;
      return;
    }
    if (heldElsewhere.current) {
      if (allKept.current) onEditHeldElsewhere();
      allKept.current = false;
      return;
    }
    const kept = drafts.save(key, { ...box.current, editing: editing ? { noteId: editing.id, openedAt: editing.updatedAt } : null });
    if (kept < body.length && allKept.current) onNotAllKept(notAllKeptAlert(kept, body.length));
    allKept.current = kept === body.length;
  };
  const latest = useRef({ box, keep, onEditEnded });
  latest.current = { box, keep, onEditEnded };

  // What is typed in one page shows in the other, unless this box was typed in since (its text is
  // not what the other page replaced): then the words typed here stay. When the other page saves
  // (its draft goes), what it saved leaves this box too; anything typed here since stays, as the
  // next note. An edit saved or cancelled there ends here too: left open on the text it began with,
  // it would save that text again over the note just saved, as a second note.
  useLayoutEffect(
    () =>
      drafts.onChangedElsewhere(key, (draft: Draft | null, previous: Draft | null) => {
        const { box: here, keep: keepHere, onEditEnded: endEdit } = latest.current;
        heldElsewhere.current = Boolean(editing && draft?.editing && draft.editing.noteId !== editing.id);
        if (heldElsewhere.current) return;
        const text = here.current.body;
        if (draft) {
          const inStep = text === (previous?.body ?? (editing ? editing.body : ''));
          if (inStep) here.show({ id: draft.id, body: draft.body, atSec: draft.atSec });
          return;
        }
        if (editing) {
          if (previous?.editing?.noteId === editing.id && text === previous.body) return endEdit();
        } else if (previous && text.startsWith(previous.body)) {
          here.show({ id: newNoteId(), body: typedSince(previous.body, text), atSec: null });
        }
        // Text unlike what was saved there was typed here: it stays, and is the shared draft again.
        if (here.current.body !== '' || editing) keepHere();
      }),
    [drafts, key, editing],
  );

  return {
    initial,
    keep,
    clear: () => {
      if (!heldElsewhere.current) drafts.clear(key);
    },
  };
}

/** What was typed in the box while `saved` was being saved: the start of the next note. */
export function typedSince(saved: string, now: string): string {
  return now.startsWith(saved) ? now.slice(saved.length).trimStart() : now;
}

/**
 * The draft outgrew the storage. Storage holds millions of characters, so a single draft outgrows it only when it is over
 * a note's limit too: then saving it, as the plain message advises, would be refused (notes.ts), and the message says so.
 */
function notAllKeptAlert(kept: number, length: number): string {
  return length > NOTE_MAX_CHARS
    ? t('draftTooLongForNote', length.toLocaleString(), NOTE_MAX_CHARS.toLocaleString(), kept.toLocaleString())
    : t('draftTooLong', kept.toLocaleString());
}
