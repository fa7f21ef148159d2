import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { clipTalk } from '../db/talks';
import type { Chapter, Talk, TalkHere } from '../talk/model';
import { Announcer, errorMessage, type Announcement } from '../ui/Announcer';
import { markAppReady } from '../ui/app-ready';
import type { Settings } from '../settings/settings';
import type { DraftStore } from './drafts';
import { NoTalkHere } from './NoTalkHere';
import { TalkPanel } from './TalkPanel';
import type { TabConnector } from './tab-connector';
import { t } from '../i18n/t';

type View =
  | { kind: 'asking' }
  | { kind: 'talk'; talk: Talk; chapters: Chapter[] }
  | { kind: 'no-talk'; here: Extract<TalkHere, { kind: 'no-talk' }> }
  | { kind: 'failed' };

/** The popup and side panel: the talk in the tab, clipped on sight, and its notes. */
interface PopupAppProps {
  db: TalklogDb;
  drafts: DraftStore;
  connector: TabConnector;
  settings: Settings;
  /** Where this page is shown: the toolbar popup (the default) or the side panel. */
  surface?: 'popup' | 'side-panel';
  /** Called once the side panel opened from the popup (a toolbar popup then closes itself). */
  onSidePanelOpened?: () => void;
}

export function PopupApp({ db, drafts, connector, settings, surface = 'popup', onSidePanelOpened }: PopupAppProps) {
  const [view, setView] = useState<View>({ kind: 'asking' });
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);

  /** Shows the talk in the tab, clipped; false when there is none or it could not be read. */
  const showTalkHere = useCallback(async (): Promise<boolean> => {
    try {
      const here = await connector.whatTalkIsHere();
      if (here.kind === 'no-talk') {
        setView({ kind: 'no-talk', here });
        return false;
      }
      const talk = await clipTalk(db, here.talk, new Date(), { settingsEvent: async () => settings.defaultEvent });
      setView({ kind: 'talk', talk, chapters: here.talk.chapters });
      return true;
    } catch (error) {
      setView({ kind: 'failed' });
      setAnnouncement({ kind: 'alert', text: t('couldNotReadTab', errorMessage(error)) });
      return false;
    }
  }, [db, connector, settings.defaultEvent]);

  // Layout effects: the popup's first work starts with its first render, not a frame after it.
  useLayoutEffect(() => {
    void showTalkHere();
    return connector.onPageChanged(() => void showTalkHere());
  }, [showTalkHere, connector]);

  // A talk marks itself ready once shown with its notes (TalkPanel); the other views are ready now.
  useLayoutEffect(() => {
    if (view.kind === 'no-talk' || view.kind === 'failed') markAppReady();
  }, [view.kind]);

  return (
    <div class="popup">
      <header class="popup__bar">
        <span class="brand">
          <img src="/icons/icon-32.png" alt="" width={20} height={20} />
          Talklog
        </span>
        <span class="popup__bar-actions">
          {surface === 'popup' && (
            <button
              type="button"
              class="button button--quiet"
              onClick={() => {
                // No await before this call: the browser opens the panel only inside the click's user gesture.
                connector
                  .openSidePanel()
                  .then(onSidePanelOpened, (error: unknown) => setAnnouncement({ kind: 'alert', text: t('couldNotOpenSidePanel', errorMessage(error)) }));
              }}
            >
              {t('openSidePanel')}
            </button>
          )}
          <button type="button" class="button button--quiet" onClick={() => connector.openLibrary()}>
            {t('library')}
          </button>
        </span>
      </header>
      <main class="popup__main">
        {view.kind === 'asking' && <p class="muted">{t('lookingAtTab')}</p>}
        {view.kind === 'talk' && (
          <TalkPanel
            key={view.talk.id}
            db={db}
            drafts={drafts}
            initialTalk={view.talk}
            chapters={view.chapters}
            rewindSec={settings.rewindSec}
            connector={connector}
            announce={setAnnouncement}
            onClip={async () => {
              if (await showTalkHere()) setAnnouncement({ kind: 'status', text: t('clipped') });
            }}
          />
        )}
        {view.kind === 'no-talk' && <NoTalkHere db={db} reason={view.here.reason} onOpen={(url) => connector.openUrl(url)} />}
      </main>
      <Announcer announcement={announcement} onDismiss={() => setAnnouncement(null)} />
    </div>
  );
}
