import { useEffect, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { t } from '../i18n/t';
import { useLiveQuery } from '../ui/use-live-query';
import { isEditDraftKey, libraryDrafts, talksWithUnsavedEdits } from './library-edit-draft';
import './UnsavedEdits.css';

interface UnsavedEditsProps {
  db: TalklogDb;
  /** Talks whose row is open in this page: an edit there is in reach of its Edit button, not named here. */
  openHere: ReadonlyMap<string, unknown>;
  /** Opens the talk's row, its note's editor holding the words. */
  onOpen: (talkId: string) => void;
}

/**
 * Note edits left unsaved in their drafts, named at the top of the library: a page closed on one unasked (an update
 * or reload of the extension, a crash) leaves no other trace of which talk it was on. In a live region, said once found.
 */
export function UnsavedEdits({ db, openHere, onOpen }: UnsavedEditsProps) {
  /** Counts writes of edit drafts by other pages: what they hold is not in the database, which the query follows. */
  const [draftWrites, setDraftWrites] = useState(0);
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.storageArea === localStorage && (event.key === null || isEditDraftKey(event.key))) setDraftWrites((count) => count + 1);
    };
    addEventListener('storage', onStorage);
    return () => removeEventListener('storage', onStorage);
  }, []);
  // Read again when another page writes a draft, or an edit here opens or ends (this page's own draft writes fire no
  // `storage` event here): the query reads the drafts, which it cannot follow by itself.
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- draftWrites and openHere are what to read again on
  const unsaved = useLiveQuery(() => talksWithUnsavedEdits(db, localStorage, libraryDrafts()), [db, draftWrites, openHere]).value ?? [];
  const shown = unsaved.filter(({ talkId }) => !openHere.has(talkId));

  return (
    // A polite live region, not a second `status` role beside the library's announcer.
    <div aria-live="polite" class="unsaved-edits">
      {shown.map(({ talkId, title }) => (
        <p key={talkId} class="unsaved-edits__line">
          <span id={`unsaved-edit-${talkId}`} dir="auto">
            {t('unsavedEditOn', title)}
          </span>
          {/* Named alike on each line: described by its own, so a list of buttons read alone tells them apart. */}
          <button type="button" class="button button--small" aria-describedby={`unsaved-edit-${talkId}`} onClick={() => onOpen(talkId)}>
            {t('openUnsavedEdit')}
          </button>
        </p>
      ))}
    </div>
  );
}
