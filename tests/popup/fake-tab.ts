import type { TabConnector } from '../../src/popup/tab-connector';
import type { TalkHere } from '../../src/talk/model';

/** Stands in for the browser tab (the one part that needs a real browser; e2e covers it). */
export function fakeTab(here: TalkHere) {
  const state = { here, caption: null as string | null, seeks: [] as number[], opened: [] as string[], pageChanged: () => {} };
  const connector: TabConnector = {
    whatTalkIsHere: async () => state.here,
    seek: async (_videoId, atSec) => {
      state.seeks.push(atSec);
      return true;
    },
    onPageChanged: (listener) => {
      state.pageChanged = listener;
      return () => {};
    },
    // As the content script: only while the tab shows that video.
    captionOnScreen: async (videoId) => (state.here.kind === 'talk' && state.here.talk.videoId === videoId ? state.caption : false),
    captureSlide: async () => ({ kind: 'failed', message: 'no player in a unit test' }),
    notesChanged: () => {},
    openUrl: (url) => state.opened.push(url),
    openLibrary: () => {},
    openSidePanel: async () => {},
  };
  return { state, connector };
}
