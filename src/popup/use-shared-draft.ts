import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { draftKey, type Draft, type DraftStore } from './drafts';
import type { EditTarget } from './edit-target';

/** The note box's text as the draft sees it; `show` puts text in the box as if typed there. */
export interface DraftBox {
  current: { body: string; atSec: number | null };
  show(body: string, atSec: number | null): void;
}

/**
 * The draft behind a note box, shared by every page open on the talk (popup, side panel): read
 * once, kept on every change, and followed when another page changes or saves it.
 */
export function useSharedDraft(drafts: DraftStore, talkId: string, editing: EditTarget | null, box: DraftBox) {
  const key = draftKey(talkId, editing ? 'edit' : 'new');
  // A leftover edit draft counts only for the note it was written for.
  const [initial] = useState(() => {
    const draft = drafts.load(key);
    return !editing || draft?.editing?.noteId === editing.id ? draft : null;
  });

  const keep = () => {
    const { body, atSec } = box.current;
    if (body === '' && !editing) drafts.clear(key);
    else drafts.save(key, { body, atSec, editing: editing ? { noteId: editing.id, openedAt: editing.updatedAt } : null });
  };
  const latest = useRef({ box, keep });
  latest.current = { box, keep };

  // What is typed in one page shows in the other. When the other page saves (its draft goes), this
  // box empties only if nothing was typed here since; otherwise this text stays, and becomes the
  // shared draft again.
  const adopted = useRef<string | null>(null);
  useLayoutEffect(
    () =>
      drafts.onChangedElsewhere(key, (draft: Draft | null) => {
        const { box: here, keep: keepHere } = latest.current;
        if (editing && draft?.editing && draft.editing.noteId !== editing.id) return;
        if (draft) {
          adopted.current = draft.body;
          here.show(draft.body, draft.atSec);
        } else if (here.current.body === adopted.current) {
          adopted.current = null;
          here.show(editing ? editing.body : '', null);
        } else {
          keepHere();
        }
      }),
    [drafts, key, editing],
  );

  return { initial, keep, clear: () => drafts.clear(key) };
}
