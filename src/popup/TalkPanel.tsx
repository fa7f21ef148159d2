import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { notesForTalk } from '../db/notes';
import { getTalk } from '../db/talks';
import type { Chapter, Note, Talk } from '../talk/model';
import { markAppReady } from '../ui/app-ready';
import { noteStartSec } from '../settings/settings';
import { formatPlaybackTime } from '../talk/time';
import { videoTimeUrl } from '../talk/video-id';
import { errorMessage, type Announcement } from '../ui/Announcer';
import { deleteNoteWithUndo } from '../ui/delete-note-with-undo';
import { useLiveQuery } from '../ui/use-live-query';
import { draftKey, type DraftStore } from './drafts';
import type { EditTarget } from './edit-target';
import { NoteEditor } from './NoteEditor';
import { NoteList } from './NoteList';
import { TalkDescription } from './TalkDescription';
import type { TabConnector } from './tab-connector';
import { t } from '../i18n/t';

interface TalkPanelProps {
  db: TalklogDb;
  drafts: DraftStore;
  /** The talk as clipped; kept live from the database from then on. */
  initialTalk: Talk;
  /** The talk's chapters as the page shows them now (not stored). */
  chapters: Chapter[];
  rewindSec: number;
  connector: TabConnector;
  announce: (announcement: Announcement) => void;
  onClip: () => Promise<void>;
}

export function TalkPanel({ db, drafts, initialTalk, chapters, rewindSec, connector, announce, onClip }: TalkPanelProps) {
  const talkId = initialTalk.id;
  const liveTalk = useLiveQuery(() => getTalk(db, talkId), [db, talkId]);
  // Until the first live read, the clipped talk; after it, what the database says (even deleted).
  const talk = liveTalk.value ?? (liveTalk.settled ? undefined : initialTalk);
  const notes = useLiveQuery(() => notesForTalk(db, talkId), [db, talkId]).value;

  useLayoutEffect(() => {
    if (talk && notes) markAppReady();
  }, [talk, notes]);

  const noteCount = notes?.length;
  useEffect(() => {
    if (noteCount !== undefined) connector.notesChanged();
  }, [noteCount, connector]);
  const [editing, setEditing] = useState<EditTarget | null>(() => editInProgress(drafts, talkId));

  if (!talk && liveTalk.settled) {
    return (
      <section class="talk-card">
        <p class="no-talk">{t('talkDeletedElsewhere')}</p>
        <div class="talk-card__actions">
          <button type="button" class="button" onClick={() => void onClip()}>
            {t('clip')}
          </button>
        </div>
      </section>
    );
  }
  if (!talk) return <p class="muted">{t('openingTalk')}</p>;

  const seek = async (atSec: number) => {
    if (!(await connector.seek(talk.videoId, atSec))) connector.openUrl(videoTimeUrl(talk.videoId, atSec));
  };
  const copyAsMarkdown = async () => {
    try {
      // The renderer is loaded on demand: most popups never copy, and the popup must open fast.
      const { renderTalkMarkdown } = await import('../export/talk-log');
      await navigator.clipboard.writeText(renderTalkMarkdown(talk, notes ?? []));
      announce({ kind: 'status', text: t('copiedAsMarkdown') });
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotCopy', errorMessage(error)) });
    }
  };
  const remove = async (note: Note) => {
    if (editing?.id === note.id) {
      drafts.clear(draftKey(talkId, 'edit'));
      setEditing(null);
    }
    await deleteNoteWithUndo(db, note.id, announce);
  };

  return (
    <>
      <section class="talk-card" aria-labelledby="talk-title">
        <h1 id="talk-title" class="talk-card__title">
          {talk.title}
        </h1>
        <p class="talk-card__meta">
          {[talk.speakers.join(', '), talk.channel, talk.durationSec ? formatPlaybackTime(talk.durationSec) : ''].filter(Boolean).join(' · ')}
        </p>
        <div class="talk-card__actions">
          <button type="button" class="button" onClick={() => void onClip()}>
            {t('clip')}
          </button>
          <button type="button" class="button button--quiet" onClick={() => void copyAsMarkdown()}>
            {t('copyAsMarkdown')}
          </button>
        </div>
        <TalkDescription db={db} talk={talk} announce={announce} />
      </section>
      <NoteList notes={notes ?? []} chapters={chapters} videoId={talk.videoId} onSeek={seek} onEdit={setEditing} onDelete={remove} />
      <NoteEditor
        key={editing?.id ?? 'new-note'}
        db={db}
        drafts={drafts}
        talkId={talk.id}
        editing={editing}
        onEditDone={() => setEditing(null)}
        currentSec={async () => {
          const here = await connector.whatTalkIsHere();
          const playing = here.kind === 'talk' && here.talk.videoId === talk.videoId ? here.talk.currentSec : null;
          return noteStartSec(playing, { rewindSec });
        }}
        captionOnScreen={() => connector.captionOnScreen()}
        announce={announce}
      />
    </>
  );
}

/** An edit left unsaved when the page closed carries on where it was. */
function editInProgress(drafts: DraftStore, talkId: string): EditTarget | null {
  const draft = drafts.load(draftKey(talkId, 'edit'));
  if (!draft?.editing) return null;
  return { id: draft.editing.noteId, talkId, atSec: draft.atSec, updatedAt: draft.editing.openedAt, body: draft.body };
}
