import type { ComponentProps } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { undoTalksChange, updateTalkDetails, updateTalksDetails, type TalkDetailsPatch } from '../db/library';
import { notesForTalk } from '../db/notes';
import type { DeletedTalks } from '../db/deletion';
import { countSlides } from '../db/slides';
import { t } from '../i18n/t';
import { Announcer, type Announcement } from '../ui/Announcer';
import { deleteWithUndo } from '../ui/delete-with-undo';
import { errorMessage } from '../ui/error-message';
import { eventProgress } from '../talk/queue';
import { eventProgressText } from '../ui/event-progress';
import { interestLabel } from '../ui/StarRating';
import { statusLabel } from '../ui/status-label';
import { markAppReady } from '../ui/app-ready';
import { useLiveQuery } from '../ui/use-live-query';
import { lazyComponent } from '../ui/lazy-component';
import { memo } from '../ui/memo';
import { whenPainted } from '../ui/when-idle';
import { BackupControls } from './BackupControls';
import { BulkActions } from './BulkActions';
import { FilterBar } from './FilterBar';
import { focusIsFree } from './focus-is-free';
import type { LibraryEnvironment } from './library-environment';
import { keptWhileEdited, type RowEdit } from './kept-while-edited';
import { SEARCH_BOX } from './search-box';
import { narrowingFilter, narrowsTalks, NO_FILTER, withoutValuesGone, type LibraryEntry, type LibraryFilter } from './library-filter';
import { queryWords } from './search-text';
import { SettingsPanel, type Shortcut } from './SettingsPanel';
import { plural } from '../i18n/plural';
import type { SyncEnvironment } from './SyncSettings';
import { StorageSummary } from './StorageSummary';
import { LazyTalkRowDetails } from './TalkRow';
import { TalkList, type ListFocus } from './TalkList';
import type { RowOpening } from './TalkRow';
import { UnsavedEdits } from './UnsavedEdits';
import { useCurrentShortcuts } from './use-current-shortcuts';
import { useLibrary } from './use-library';
import { useListKeptInPlace } from './use-list-kept-in-place';
import { useSortedEntries } from './use-sorted-entries';
import { Welcome } from './Welcome';
import './LibraryApp.css';

// Off the first screen: loaded when first shown. The export dialog and the sync section bring the
// markdown renderer and WebDAV with them.
const ExportDialog = lazyComponent(() => import('./ExportDialog').then((module) => module.ExportDialog));
const SyncSettings = memo(lazyComponent(() => import('./SyncSettings').then((module) => module.SyncSettings)));
/** The page's live regions, drawn again only when there is something new to say (not at each keystroke). */
const LibraryAnnouncer = memo(Announcer);
/** How long a talk an Undo brought back may take to be listed before the focus stops waiting for it (not listed). */
const FOCUS_WAIT_MS = 2000;
const NO_TALKS: ReadonlySet<string> = new Set();

interface LibraryAppProps {
  db: TalklogDb;
  env: LibraryEnvironment;
  /** The settings section below the talks; left out, the page has none. `readShortcuts` reads them again. */
  settings?: ComponentProps<typeof SettingsPanel> & { readShortcuts?: () => Promise<Shortcut[]> };
  /** The Sync section under the settings; left out, the page has none. */
  sync?: SyncEnvironment;
}

/** The options page: every talk, to search, describe, edit and export; and the settings. */
export function LibraryApp({ db, env, settings, sync }: LibraryAppProps) {
  const shortcuts = useCurrentShortcuts(settings?.shortcuts ?? [], settings?.readShortcuts);
  const library = useLibrary(db);
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [announcement, announce] = useState<Announcement | null>(null);
  const [exporting, setExporting] = useState(false);
  /** Whether the selected talks are being deleted (Delete selected): its button busy meanwhile. */
  const [deletingSelected, setDeletingSelected] = useState(false);
  const [lastBackupAt, setLastBackupAt] = useState(() => env.lastBackupAt());
  const dismiss = useCallback(() => announce(null), []);

  const { entries, complete, facets } = library;
  // Before it is painted: a list filtered by a value gone from its choices would show for a frame.
  useLayoutEffect(() => {
    if (complete) setFilter((current) => withoutValuesGone(current, facets));
  }, [complete, facets]);
  // Only the storage line shows it, and only once the whole library is read: not read for the first screen.
  const slideCount = useLiveQuery(() => (complete ? countSlides(db) : Promise.resolve(undefined)), [db, complete]);
  const noteCount = useMemo(() => entries?.reduce((count, entry) => count + entry.noteCount, 0) ?? 0, [entries]);
  const { sorted, sorting } = useSortedEntries(entries, filter.sort, library.newestFirst ? 'newest' : null);
  const narrowed = narrowsTalks(filter);
  // Until the whole library is read, the first screen shows the newest talks, unfiltered. Then every
  // list goes through the filter, which builds its search postings for it (a filter that leaves nothing
  // out shows them all, without a pass over them).
  const [filterEntries] = useState(narrowingFilter);
  const matching = useMemo(() => sorted && (complete ? filterEntries(sorted, filter) : sorted), [sorted, filter, complete, filterEntries]);
  const [focusRequest, setFocusRequest] = useState<ListFocus | null>(null);
  const focusDone = useCallback(() => setFocusRequest(null), []);
  /** Talks whose row is open (its details, its notes) or has a note being edited: kept in the list meanwhile, matching or not. */
  const [edited, setEdited] = useState<ReadonlyMap<string, RowEdit>>(new Map());
  const onEditing = useCallback(
    (talkId: string, edit: RowEdit | null) =>
      setEdited((previous) => {
        const next = new Map(previous);
        if (edit) next.set(talkId, edit);
        else next.delete(talkId);
        return next;
      }),
    [],
  );
  /** The talk whose row is opening for an unsaved note edit, named at the top of the library. */
  const [opening, setOpening] = useState<RowOpening | null>(null);
  const openUnsavedEdit = useCallback(
    (talkId: string) => {
      // Kept in the list whatever the filters, brought into view, then opened: its notes resume the edit (TalkNotes).
      onEditing(talkId, 'open');
      setFocusRequest({ talkId });
      setOpening({ talkId, done: () => setOpening(null) });
    },
    [onEditing],
  );
  /** The list drawn last: a talk deleted elsewhere while a note of it is edited stays where it was there. */
  const shownBefore = useRef<LibraryEntry[]>([]);
  const shown = useMemo(() => matching && sorted && keptWhileEdited(matching, sorted, edited, shownBefore.current), [matching, sorted, edited]);
  if (shown) shownBefore.current = shown;
  /** Talks kept in `shown` though they do not match (an open row, a talk deleted meanwhile): not counted, selected or exported. */
  const unmatched = useMemo(() => {
    if (!shown || !matching || shown === matching) return NO_TALKS;
    const matches = new Set(matching);
    return new Set(shown.flatMap((entry) => (matches.has(entry) ? [] : [entry.talk.id])));
  }, [shown, matching]);
  /** Filters and export appear once there is something to filter or export. */
  const hasTalks = entries !== undefined && entries.length > 0;
  /** The list stays while it holds a row kept for its note edit, the library emptied meanwhile. */
  const listed = hasTalks || (shown !== undefined && shown.length > 0);
  const words = useMemo(() => queryWords(filter.query), [filter.query]);
  // Filtered to one event, the library says how far through it the user is (all of its talks, whatever else filters).
  const eventProgressLine = useMemo(
    () =>
      filter.event !== '' && complete && entries
        ? eventProgressText(eventProgress(entries.filter((entry) => entry.talk.event === filter.event).map((entry) => entry.talk)))
        : null,
    [filter.event, entries, complete],
  );
  // Nothing selected (as while searching, mostly): no pass over every talk shown.
  const selectedShown = useMemo(
    () => (selected.size > 0 && shown ? shown.filter((entry) => selected.has(entry.talk.id) && !unmatched.has(entry.talk.id)) : []),
    [shown, selected, unmatched],
  );
  useListKeptInPlace(selectedShown.length > 0);
  /** The sticky bulk actions bar's height while it is shown: what it covers at the window's top. */
  const [barHeight, setBarHeight] = useState(0);
  // The browser's own scrolls to the focus (Tab, Shift+Tab) stop below the bar, as the list's keys do.
  useLayoutEffect(() => {
    document.documentElement.style.scrollPaddingTop = barHeight > 0 ? `${barHeight}px` : '';
  }, [barHeight]);

  /** Whether the first screen has been painted: what is below the list waits for it (`belowTheList`). */
  const [firstScreenUp, setFirstScreenUp] = useState(false);
  const firstScreenPainted = useCallback(() => {
    markAppReady();
    setFirstScreenUp(true);
    // Opening a row should not wait for its code: fetch it now the first screen is up.
    void LazyTalkRowDetails.preload();
  }, []);
  // A library's first screen is its list's first rows (TalkList says when they are painted); an empty one's, the welcome.
  const welcomed = entries?.length === 0;
  useLayoutEffect(() => (welcomed ? whenPainted(firstScreenPainted) : undefined), [welcomed, firstScreenPainted]);
  // The first talks imported take the welcome away, and the focus on its Import backup with it: on to Search.
  const wasWelcomed = useRef(false);
  useLayoutEffect(() => {
    if (wasWelcomed.current && !welcomed && focusIsFree()) document.querySelector<HTMLElement>(SEARCH_BOX)?.focus();
    wasWelcomed.current = welcomed;
  }, [welcomed]);
  // The settings and the sync section are below the list, out of view: drawn in the frame after the
  // first screen rather than with it (the sync section's code loads with WebDAV).
  const belowTheList = firstScreenUp || library.error !== undefined;

  useEffect(() => {
    if (library.error !== undefined) announce({ kind: 'alert', text: t('couldNotReadLibrary', errorMessage(library.error)) });
  }, [library.error]);

  /** Deletes talks, with Undo; `saysProgress`: the page says it is deleting, and how far it got, until done, and says Undo is restoring. */
  const deleteTalksWithUndo = async (talkIds: string[], saysProgress = false) => {
    // A note edited in one of their rows would go with its talk: Undo brings back only what was saved.
    if (talkIds.some((talkId) => edited.get(talkId) === 'note')) return announce({ kind: 'alert', text: t('endEditFirst') });
    const what = ({ talks, notes }: DeletedTalks) => t('talksAndNotes', plural(talks.length, 'talk'), plural(notes.length, 'note'));
    /** The tenths of the talks deleted so far: progress is said at each tenth, not at each of a thousand talks' writes. */
    let tenthsSaid = 0;
    const sayProgress = (done: number, of: number) => {
      const tenths = Math.floor((done * 10) / of);
      if (tenths === tenthsSaid || done === of) return;
      tenthsSaid = tenths;
      announce({ kind: 'status', text: t('deletingTalksProgress', done.toLocaleString(), of.toLocaleString()) });
    };
    if (saysProgress) {
      setDeletingSelected(true);
      announce({ kind: 'status', text: t('deletingTalks', plural(talkIds.length, 'talk')) });
    }
    try {
      const deleted = await deleteWithUndo(
        db,
        announce,
        ({ deleteTalks }) => deleteTalks(db, talkIds, saysProgress ? sayProgress : undefined),
        {
          deleted: (gone) => t('deletedThings', what(gone)),
          restoring: saysProgress ? (gone) => t('restoringTalks', plural(gone.talks.length, 'talk')) : undefined,
          restored: (back) => t('restoredThings', what(back)),
          couldNotDelete: (message) => t('couldNotDelete', message),
        },
        // Undo went with its button: the focus goes to the talk it brought back, should it be listed in a moment.
        (back) => {
          const request = { talkId: back.talks[0].id };
          setFocusRequest(request);
          setTimeout(() => setFocusRequest((current) => (current === request ? null : current)), FOCUS_WAIT_MS);
        },
        // Said once the list shows it: a list still full under "Deleted", or empty under "Restored", says the opposite.
        library.caughtUp,
      );
      if (deleted) {
        const gone = new Set(talkIds);
        setSelected((previous) => new Set([...previous].filter((id) => !gone.has(id))));
      }
    } finally {
      if (saysProgress) setDeletingSelected(false);
    }
  };

  const setDetails = async (patch: TalkDetailsPatch, description: string) => {
    try {
      const change = await updateTalksDetails(
        db,
        selectedShown.map((entry) => entry.talk.id),
        patch,
      );
      const talkCount = plural(change.after.length, 'talk');
      const undo = () =>
        void undoTalksChange(db, change).then(
          ({ restored, changedSince }) => {
            const undone = plural(restored.length, 'talk');
            const text =
              changedSince.length === 0
                ? t('undoneChange', description, undone)
                : t('undoneChangeSomeChangedSince', description, undone, plural(changedSince.length, 'talk'));
            announce({ kind: 'status', text });
          },
          (error: unknown) => announce({ kind: 'alert', text: t('couldNotUndo', errorMessage(error)) }),
        );
      announce({ kind: 'status', text: t('changedForTalks', description, talkCount), action: { label: t('undo'), run: undo } });
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotChangeTalks', errorMessage(error)) });
    }
  };

  const triageTalk = async ({ talk }: LibraryEntry, patch: TalkDetailsPatch) => {
    try {
      const changed = await updateTalkDetails(db, talk.id, patch);
      const what = patch.status ? statusLabel(changed.status) : interestLabel(changed.interest);
      announce({ kind: 'status', text: t('triagedTalk', changed.title, what) });
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotTriage', talk.title, errorMessage(error)) });
    }
  };

  const copyTalk = async ({ talk }: LibraryEntry) => {
    try {
      const { renderTalkMarkdown } = await import('../export/talk-log');
      await env.copyText(renderTalkMarkdown(talk, await notesForTalk(db, talk.id)));
      announce({ kind: 'status', text: t('copiedTalkAsMarkdown', talk.title) });
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotCopy', errorMessage(error)) });
    }
  };

  return (
    <div class="library">
      <header class="library__bar">
        <h1 class="brand">
          <img src="/icons/icon-32.png" alt="" width={24} height={24} />
          {t('libraryTitle')}
        </h1>
        {/* There while the library is read (Export waits for all of it), gone once it is known to be empty. */}
        {entries?.length !== 0 && (
          <div class="library__actions">
            <button type="button" class="button button--primary" disabled={!complete} onClick={() => setExporting(true)}>
              {t('exportMarkdown')}
            </button>
            <BackupControls db={db} env={env} announce={announce} onBackedUp={setLastBackupAt} />
          </div>
        )}
      </header>
      {/* From the first screen, its counts once all is read: a line that came then pushed the first screen down. */}
      {hasTalks && (
        <StorageSummary
          env={env}
          talkCount={complete ? entries.length : null}
          noteCount={noteCount}
          slideCount={slideCount.value}
          lastBackupAt={lastBackupAt}
        />
      )}
      {hasTalks && <FilterBar filter={filter} facets={facets} onChange={(patch) => setFilter({ ...filter, ...patch })} />}
      {eventProgressLine && (
        <div class="library__event-progress">
          <p>{eventProgressLine}</p>
          <p class="muted">{t('triageHint')}</p>
        </div>
      )}
      {hasTalks && <UnsavedEdits db={db} openHere={edited} onOpen={openUnsavedEdit} />}
      <LibraryAnnouncer announcement={announcement} onDismiss={dismiss} focusAfter={SEARCH_BOX} />
      {selectedShown.length > 0 && (
        <BulkActions
          count={selectedShown.length}
          vocabulary={facets}
          onSet={(patch, description) => void setDetails(patch, description)}
          deleting={deletingSelected}
          onDelete={() => {
            if (!deletingSelected)
              void deleteTalksWithUndo(
                selectedShown.map((entry) => entry.talk.id),
                true,
              );
          }}
          onHeight={setBarHeight}
          onClear={() => {
            setSelected(new Set());
            // The bar goes, and its button with it.
            setFocusRequest('select-all');
          }}
        />
      )}
      {/* Not in <main>: the first screen draws the filters above <main>, which would move it down the page. */}
      {!shown && <p class="muted">{t('openingLibrary')}</p>}
      <main>
        {entries?.length === 0 && !listed && (
          <Welcome clipKeys={shortcuts.find((shortcut) => shortcut.name === 'clip-talk')?.keys || null}>
            <BackupControls db={db} env={env} announce={announce} onBackedUp={setLastBackupAt} importOnly />
          </Welcome>
        )}
        {shown && listed && (
          <TalkList
            db={db}
            shown={shown}
            unmatched={unmatched}
            total={complete && entries ? entries.length : null}
            words={words}
            narrowed={narrowed}
            sorting={sorting}
            onClearFilters={() => setFilter({ ...NO_FILTER, sort: filter.sort })}
            vocabulary={facets}
            selected={selected}
            onSelect={setSelected}
            onCopy={(entry) => void copyTalk(entry)}
            onDelete={(entry) => void deleteTalksWithUndo([entry.talk.id])}
            onPlay={(videoId, atSec) => void env.playFrom(videoId, atSec)}
            edited={edited}
            onEditing={onEditing}
            announce={announce}
            triage={filter.event !== ''}
            onTriage={(entry, patch) => void triageTalk(entry, patch)}
            inParts={firstScreenUp}
            onFirstRowsPainted={firstScreenPainted}
            focusRequest={focusRequest}
            onFocused={focusDone}
            coveredAtTop={barHeight}
            opening={opening}
          />
        )}
      </main>
      {settings && belowTheList && (
        <SettingsPanel initial={settings.initial} save={settings.save} shortcuts={shortcuts} openShortcutSettings={settings.openShortcutSettings} />
      )}
      {sync && belowTheList && <SyncSettings env={sync} announce={announce} />}
      {exporting && complete && entries && matching && (
        <ExportDialog shown={matching} all={entries} events={facets.events} narrowed={narrowed} db={db} env={env} onClose={() => setExporting(false)} />
      )}
    </div>
  );
}
