import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { capturedByIdOnly, clipTalk, talkWithNotes, type TalkWithNotes } from '../db/talks';
import { talkIdFor, type CapturedTalk, type Talk, type TalkHere } from '../talk/model';
import { Announcer, type Announcement } from '../ui/Announcer';
import { errorMessage } from '../ui/error-message';
import { markAppReady } from '../ui/app-ready';
import { lazyComponent } from '../ui/lazy-component';
import type { Settings } from '../settings/settings';
import type { DraftStore } from './drafts';
import { ConferenceSlot } from './ConferenceSlot';
import { TalkPanel } from './TalkPanel';
import { SyncState, type SyncStateSource } from './SyncState';
import type { TabConnector } from './tab-connector';
import { t } from '../i18n/t';

/** The panel the popup hands over to, in the browser's own word: Chrome's side panel, Firefox's sidebar. */
const SIDE_PANEL =
  import.meta.env.MODE === 'firefox'
    ? ({ open: 'openSidebar', failed: 'couldNotOpenSidebar' } as const)
    : ({ open: 'openSidePanel', failed: 'couldNotOpenSidePanel' } as const);

/** What a tab without a talk shows, loaded when a tab holds none: most pages open on a talk. */
const LazyNoTalkHere = lazyComponent(() => import('./NoTalkHere').then((module) => module.NoTalkHere));
/** A note left unsaved on another talk, offered again: rare, so loaded once the tab has answered and the talk is painted. */
const LazyStrandedNote = lazyComponent(() => import('./StrandedNote').then((module) => module.StrandedNote), { afterPaint: true });

export type View =
  | { kind: 'asking' }
  /** `saved`: the talk and its notes as read when it was shown (null: they could not be read then). */
  | { kind: 'talk'; captured: CapturedTalk; saved: TalkWithNotes | null }
  | { kind: 'no-talk'; here: Extract<TalkHere, { kind: 'no-talk' }> }
  | { kind: 'failed' };

/**
 * The popup and side panel: the talk in the tab and its notes. Opening the popup clips the talk;
 * the side panel follows its tab and clips only when the user acts (Clip, a note).
 */
interface PopupAppProps {
  db: TalklogDb;
  drafts: DraftStore;
  connector: TabConnector;
  /** Read when used: the page that made them keeps them current. */
  settings: Settings;
  /** Where this page is shown: the toolbar popup (the default) or the side panel. */
  surface?: 'popup' | 'side-panel';
  /** Called once the side panel opened from the popup (a toolbar popup then closes itself). */
  onSidePanelOpened?: () => void;
  /** Where the quiet sync state in the bar comes from; left out, the bar shows none. */
  syncState?: SyncStateSource;
  /** Pages loaded in the tab since this page showed it: each is asked about, as an in-page navigation is. */
  pageLoads?: number;
  /** What the library holds for the talk of the tab's first answer, read as the page started (early-asks.ts): for that answer only. */
  firstRead?: Promise<TalkWithNotes | null>;
}

export function PopupApp({ db, drafts, connector, settings, surface = 'popup', onSidePanelOpened, syncState, pageLoads = 0, firstRead }: PopupAppProps) {
  const [view, setView] = useState<View>({ kind: 'asking' });
  const shownView = useRef(view);
  shownView.current = view;
  /** Stops holding the talk shown for the note being written on it (held-note.ts). */
  const stopHolding = useRef(() => {});
  // A page drawn anew (the side panel's tab switched) stops looking whether the note it held was saved.
  useEffect(() => () => stopHolding.current(), []);
  const early = useRef(firstRead);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);

  /** Saves the talk to the library; rejects with the reason when it could not. `saved`: as just read, spares reading it again. */
  const clip = useCallback(
    (captured: CapturedTalk, saved?: Talk | null) => clipTalk(db, captured, new Date(), { settingsEvent: async () => settings.defaultEvent, saved }),
    [db, settings],
  );

  /** Shows what the tab holds now, once the note being written on the talk shown (if any) is saved. */
  const show = useCallback(
    async (next: View) => {
      stopHolding.current();
      const shown = shownView.current;
      if (shown.kind === 'talk' && (next.kind !== 'talk' || next.captured.videoId !== shown.captured.videoId)) {
        const stop = (await import('./held-note')).holdForUnsavedNote(drafts, shown.captured, () => setView(next), setAnnouncement);
        if (stop) return void (stopHolding.current = stop);
      }
      setView(next);
    },
    [drafts],
  );

  /**
   * Shows the talk in the tab (clipped first when asked) with its notes, read in one go and drawn once;
   * the first time, from the read made for the tab's first answer as the page started, when it could be made
   * there. A talk that cannot be saved is still shown, to take notes on.
   */
  const showTalkHere = useCallback(
    async (clipIt: boolean): Promise<void> => {
      const readEarly = early.current;
      early.current = undefined;
      let here: TalkHere;
      try {
        here = await connector.whatTalkIsHere();
      } catch (error) {
        setAnnouncement({ kind: 'alert', text: t('couldNotReadTab', errorMessage(error)) });
        return show({ kind: 'failed' });
      }
      if (here.kind === 'no-talk') {
        // Its code first: the view is drawn whole, as a talk's is.
        await LazyNoTalkHere.preload();
        return show({ kind: 'no-talk', here });
      }
      const captured = here.talk;
      const talkId = talkIdFor(captured.videoId);
      const read = await readEarly;
      let saved = read?.talkId === talkId ? read : await talkWithNotes(db, talkId).catch(() => null);
      if (clipIt) {
        await clip(captured, saved ? (saved.talk ?? null) : undefined).then(
          (talk) => (saved &&= { ...saved, talk }),
          (error: unknown) => setAnnouncement({ kind: 'alert', text: t('couldNotSaveTalk', errorMessage(error)) }),
        );
      }
      await show({ kind: 'talk', captured, saved });
    },
    [db, connector, clip, show],
  );

  // Layout effects: the popup's first work starts with its first render, not a frame after it.
  // In-page navigations are followed one question at a time: a flood of them (a page can fake
  // thousands) makes one more question once the current one is answered, not one each.
  useLayoutEffect(() => {
    let asking = false;
    let again = false;
    const ask = (clipIt: boolean) => {
      if (asking) {
        again = true;
        return;
      }
      asking = true;
      void showTalkHere(clipIt).finally(() => {
        asking = false;
        if (again) {
          again = false;
          ask(false);
        }
      });
    };
    // The popup clips the talk it opens on; a page loaded since is asked about again, clipping nothing.
    ask(surface === 'popup' && pageLoads === 0);
    return connector.onPageChanged(() => ask(false));
  }, [showTalkHere, connector, surface, pageLoads]);

  /** On a video YouTube does not play, the user may still write a note on it: it is known by its id alone. */
  const writableWithoutPlaying = (here: Extract<TalkHere, { kind: 'no-talk' }>) => {
    const { videoId } = here;
    if (here.reason !== 'unavailable' || videoId === null) return undefined;
    return () => setView({ kind: 'talk', captured: capturedByIdOnly(videoId), saved: null });
  };

  // A talk marks itself ready once shown with its notes (TalkPanel); the other views are ready now.
  useEffect(() => {
    if (view.kind === 'no-talk' || view.kind === 'failed') markAppReady();
  }, [view.kind]);

  return (
    <div class="popup">
      <header class="popup__bar">
        <span class="brand">
          <img src="/icons/icon-32.png" alt="" width={20} height={20} />
          Talklog
        </span>
        {syncState && <SyncState source={syncState} />}
        <span class="popup__bar-actions">
          {surface === 'popup' && (
            <button
              type="button"
              class="button button--quiet"
              onClick={() => {
                // No await before this call: the browser opens the panel only inside the click's user gesture.
                connector
                  .openSidePanel()
                  .then(onSidePanelOpened, (error: unknown) => setAnnouncement({ kind: 'alert', text: t(SIDE_PANEL.failed, errorMessage(error)) }));
              }}
            >
              {t(SIDE_PANEL.open)}
            </button>
          )}
          <button type="button" class="button button--quiet" onClick={() => connector.openLibrary()}>
            {t('library')}
          </button>
        </span>
      </header>
      <main class="popup__main">
        {view.kind === 'asking' && <p class="muted">{t('lookingAtTab')}</p>}
        {view.kind !== 'asking' && <LazyStrandedNote db={db} drafts={drafts} view={view} show={setView} holding={stopHolding} announce={setAnnouncement} />}
        {view.kind === 'talk' && (
          <TalkPanel
            key={view.captured.videoId}
            db={db}
            drafts={drafts}
            captured={view.captured}
            saved={view.saved}
            settings={settings}
            connector={connector}
            announce={setAnnouncement}
            clip={() => clip(view.captured)}
          />
        )}
        {view.kind === 'no-talk' && (
          <LazyNoTalkHere db={db} reason={view.here.reason} onOpen={(url) => connector.openUrl(url)} onWriteNote={writableWithoutPlaying(view.here)} />
        )}
        {/* The playlist panel loads once the tab has answered: its code and its questions to the tab wait behind the talk's. */}
        {connector.conference && view.kind !== 'asking' && (
          <ConferenceSlot tab={connector} connector={connector.conference} db={db} announce={setAnnouncement} main={view.kind !== 'talk'} />
        )}
      </main>
      <Announcer announcement={announcement} onDismiss={() => setAnnouncement(null)} focusAfter=".note-editor__box" />
    </div>
  );
}
