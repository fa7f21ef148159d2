import type { TalklogDb } from '../db/database';
import { notesForTalk } from '../db/notes';
import { capturedByIdOnly, getTalk } from '../db/talks';
import { t } from '../i18n/t';
import { talkIdFor, type CapturedTalk } from '../talk/model';
import type { Announcement } from '../ui/Announcer';
import { useLiveQuery } from '../ui/use-live-query';
import { DRAFT_PREFIX, draftKey, type Draft, type DraftStore } from './drafts';
import { holdForUnsavedNote } from './held-note';
import type { View } from './PopupApp';

/** The talks with a draft kept in `storage` by storageDrafts, for a new note or an edit: each once. */
function talksWithDrafts(storage: Storage): Set<string> {
  const talkIds = new Set<string>();
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(DRAFT_PREFIX)) talkIds.add(key.slice(DRAFT_PREFIX.length).replace(/:(?:new|edit)$/, ''));
  }
  return talkIds;
}

/** The talk's title as the draft kept it (storageDrafts writes it, not reads it back), or undefined when it kept none. */
function draftTitle(talkId: string): string | undefined {
  for (const kind of ['new', 'edit'] as const) {
    try {
      const { title } = JSON.parse(localStorage.getItem(DRAFT_PREFIX + draftKey(talkId, kind)) ?? '{}') as Draft;
      if (typeof title === 'string' && title) return title;
    } catch {
      // Not a draft of ours: no title.
    }
  }
  return undefined;
}

/** Whether the talk's note box holds words not saved: a new note's, or an edit's that differ from its note as saved. */
async function unsavedWordsOn(db: TalklogDb, drafts: DraftStore, talkId: string): Promise<boolean> {
  if (drafts.load(draftKey(talkId, 'new'))?.body.trim()) return true;
  const edit = drafts.load(draftKey(talkId, 'edit'));
  return edit !== null && edit.body !== (await notesForTalk(db, talkId)).find((note) => note.id === edit.editing?.noteId)?.body;
}

interface StrandedNoteProps {
  db: TalklogDb;
  drafts: DraftStore;
  /** What the page shows now: the tab's talk, or what it holds instead. */
  view: View;
  show: (view: View) => void;
  /** Stops holding the talk shown for its note (held-note.ts); set here when this holds one. */
  holding: { current: () => void };
  announce: (announcement: Announcement) => void;
}

/**
 * A note left unsaved on another talk than the one shown: typed, then the popup closed and the tab moved on to another
 * video, so no page showed it again (its draft is kept, drafts.ts). Offered as one line, a talk in the library first,
 * else one known by its video id and the title its draft kept; pressed, the page shows that talk with the note in its box, held there until
 * it is saved (held-note.ts), then follows the tab again.
 */
export function StrandedNote({ db, drafts, view, show, holding, announce }: StrandedNoteProps) {
  const shownTalkId = view.kind === 'talk' ? talkIdFor(view.captured.videoId) : null;
  const stranded = useLiveQuery(async () => {
    let byIdOnly: CapturedTalk | null = null;
    for (const talkId of talksWithDrafts(localStorage)) {
      if (talkId === shownTalkId || !(await unsavedWordsOn(db, drafts, talkId))) continue;
      const talk = await getTalk(db, talkId);
      if (talk) return talk;
      // Not in the library (typed in the side panel, which clips nothing, or deleted since): saving clips it again,
      // under the title the draft kept where it was typed (none in a draft kept before drafts had one).
      if (byIdOnly) continue;
      byIdOnly = capturedByIdOnly(talkId.slice('t_'.length)); // talkIdFor's inverse
      byIdOnly.title = draftTitle(talkId) || byIdOnly.title;
    }
    return byIdOnly;
  }, [db, drafts, shownTalkId]).value;
  if (!stranded) return null;

  const showStranded = () => {
    // Known by its id: the tab plays another video, which has no time or caption to give this talk's note.
    const captured = { ...capturedByIdOnly(stranded.videoId), title: stranded.title };
    holding.current();
    show({ kind: 'talk', captured, saved: null });
    holding.current = holdForUnsavedNote(drafts, captured, () => show(view), announce) ?? (() => {});
  };
  return (
    <p>
      <button type="button" class="button button--quiet button--small" dir="auto" onClick={showStranded}>
        {t('unsavedNoteOn', stranded.title)}
      </button>
    </p>
  );
}
