import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { isCapturedByIdOnly, talkWithNotes, type TalkWithNotes } from '../db/talks';
import { talkIdFor, type CapturedTalk, type Note, type Talk } from '../talk/model';
import { markAppReady } from '../ui/app-ready';
import { Byline } from '../ui/Byline';
import { noteStartSec, type Settings } from '../settings/settings';
import { videoTimeUrl } from '../talk/video-id';
import { type Announcement } from '../ui/Announcer';
import { errorMessage } from '../ui/error-message';
import { deleteNoteWithUndo } from '../ui/delete-with-undo';
import { useLiveQuery } from '../ui/use-live-query';
import { whenPainted, whenPaintedAndIdle } from '../ui/when-idle';
import { useNoteSlides } from '../ui/use-slide-thumbnails';
import { draftKey, type DraftStore } from './drafts';
import type { EditTarget } from './edit-target';
import { NoteEditor } from './NoteEditor';
import { NoteList } from './NoteList';
import { InLibrary } from './InLibrary';
import { TalkDescription } from './TalkDescription';
import type { TabConnector } from './tab-connector';
import { t } from '../i18n/t';

interface TalkPanelProps {
  db: TalklogDb;
  drafts: DraftStore;
  /** The talk as the page shows it now; what the library holds for it is read live. */
  captured: CapturedTalk;
  /** What the library held for it when it was shown (drawn at once; null: not read yet). */
  saved: TalkWithNotes | null;
  /** Read when a note starts: they may have changed since the panel was drawn. */
  settings: Settings;
  connector: TabConnector;
  announce: (announcement: Announcement) => void;
  /** Saves the talk to the library; rejects with the reason when it cannot. */
  clip: () => Promise<Talk>;
}

export function TalkPanel({ db, drafts, captured, saved: first, settings, connector, announce, clip }: TalkPanelProps) {
  const talkId = talkIdFor(captured.videoId);
  const library = useLiveQuery(() => talkWithNotes(db, talkId), [db, talkId], first?.talkId === talkId ? first : undefined).value;
  const saved = library?.talk;
  // Once seen in the library, a talk that leaves it was deleted (here or in another page).
  const wasSaved = useRef(false);
  if (saved) wasSaved.current = true;
  const notes = library?.notes;
  const [detailsRequest, setDetailsRequest] = useState(0);
  const renderSlides = useNoteSlides();

  // After the frame that paints the panel, as the bench's floor marks it: the user waits for the pixels.
  const shown = library !== undefined;
  useLayoutEffect(() => (shown ? whenPainted(markAppReady) : undefined), [shown]);

  // The background counts the notes again for the toolbar badge (waking its worker if it slept): nothing on
  // this page waits for that.
  const noteCount = notes?.length;
  useEffect(() => (noteCount === undefined ? undefined : whenPaintedAndIdle(() => connector.notesChanged())), [noteCount, connector]);
  const [editing, setEditing] = useState<EditTarget | null>(() => editInProgress(drafts, talkId));

  const clipNow = async () => {
    // Clip goes once the talk is in the library, and would take the focus with it: on to the note to write, as it is
    // pressed, not once saved, when the user may have moved it on.
    document.querySelector<HTMLElement>('.note-editor__box')?.focus();
    try {
      await clip();
      announce({ kind: 'status', text: t('clipped') });
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotSaveTalk', errorMessage(error)) });
    }
  };
  const talk = saved ?? captured;

  const seek = async (atSec: number) => {
    if (!(await connector.seek(talk.videoId, atSec))) connector.openUrl(videoTimeUrl(talk.videoId, atSec));
  };
  const copyAsMarkdown = async (talkToCopy: Talk) => {
    try {
      // The renderer is loaded on demand: most popups never copy, and the popup must open fast.
      await navigator.clipboard.writeText((await import('../export/talk-log')).renderTalkMarkdown(talkToCopy, notes ?? []));
      announce({ kind: 'status', text: t('copiedAsMarkdown') });
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotCopy', errorMessage(error)) });
    }
  };
  /** The edit whose draft holds words its note does not, begun here or in another page: a talk has one edit draft, which the next edit writes over. */
  const unsavedEdit = () => {
    const inProgress = editInProgress(drafts, talkId);
    return inProgress && inProgress.body !== notes?.find((note) => note.id === inProgress.id)?.body ? inProgress : null;
  };
  const endEditFirst = () => announce({ kind: 'alert', text: t('endEditFirst') });
  /** Another note's Edit while an edit holds unsaved words: they stay, and the user is told to end that edit first. */
  const edit = (note: Note) => {
    const shown = unsavedEdit() ?? note;
    setEditing(shown);
    if (shown.id !== note.id) endEditFirst();
  };
  /** Delete on the note whose edit holds unsaved words keeps them too: Undo would bring back only the note. */
  const remove = async (note: Note) => {
    const unsaved = unsavedEdit();
    if (unsaved?.id === note.id) {
      setEditing(unsaved);
      return endEditFirst();
    }
    if (editing?.id === note.id) {
      // Not this note's unsaved words: another note's, from an edit begun in another page. They stay.
      if (!unsaved) drafts.clear(draftKey(talkId, 'edit'));
      setEditing(null);
    }
    await deleteNoteWithUndo(db, note, announce);
  };

  return (
    <>
      <section class="talk-card" aria-labelledby="talk-title">
        <h1 id="talk-title" class="talk-card__title" dir="auto">
          {talk.title}
        </h1>
        <Byline class="talk-card__meta" speakers={talk.speakers} channel={talk.channel} durationSec={talk.durationSec} />
        {saved ? (
          <InLibrary db={db} talk={saved} announce={announce} onChangeEvent={() => setDetailsRequest((count) => count + 1)}>
            <button type="button" class="button button--quiet button--small" onClick={() => void copyAsMarkdown(saved)}>
              {t('copyAsMarkdown')}
            </button>
          </InLibrary>
        ) : (
          <>
            {wasSaved.current && <p class="no-talk">{t('talkDeletedElsewhere')}</p>}
            <div class="talk-card__actions">
              <button type="button" class="button" onClick={() => void clipNow()}>
                {t('clip')}
              </button>
            </div>
          </>
        )}
        {saved && <TalkDescription db={db} talk={saved} announce={announce} openRequest={detailsRequest} />}
      </section>
      <NoteList
        notes={notes ?? []}
        chapters={captured.chapters}
        videoId={talk.videoId}
        onSeek={seek}
        onEdit={edit}
        onDelete={remove}
        slidesOf={renderSlides && ((note) => renderSlides({ db, owner: note.id, noteText: note.body }))}
      />
      <NoteEditor
        key={editing?.id ?? 'new-note'}
        db={db}
        drafts={drafts}
        talkId={talkId}
        title={talk.title}
        editing={editing}
        beforeSave={async () => void (await clip())}
        onEditDone={() => setEditing(null)}
        currentSec={async () => {
          // The tab would wait for a video that never comes (its 3 s) before saying so, and the note's save with it.
          if (isCapturedByIdOnly(captured)) return null;
          const here = await connector.whatTalkIsHere();
          const playing = here.kind === 'talk' && here.talk.videoId === talk.videoId ? here.talk.currentSec : null;
          return noteStartSec(playing, settings);
        }}
        captionOnScreen={() => connector.captionOnScreen(talk.videoId)}
        captureSlide={() => connector.captureSlide(talkId, talk.videoId)}
        announce={announce}
      />
    </>
  );
}

/** An edit left unsaved when the page closed carries on where it was; its `body` is the draft's. */
function editInProgress(drafts: DraftStore, talkId: string): EditTarget | null {
  const draft = drafts.load(draftKey(talkId, 'edit'));
  if (!draft?.editing) return null;
  return { id: draft.editing.noteId, talkId, atSec: draft.atSec, updatedAt: draft.editing.openedAt, body: draft.body };
}
