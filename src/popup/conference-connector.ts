import browser from 'webextension-polyfill';
import { sendToContent } from '../messages/send';
import type { PlaylistHere } from '../talk/playlist';

/** What the conference part of the popup needs from its tab, beside the popup's own connector. Tests pass their own. */
export interface ConferenceConnector {
  /** The playlist as the tab renders it now (also the progress while it is read whole). */
  whatPlaylistIsHere(): Promise<PlaylistHere>;
  /** The playlist with every row YouTube loads. */
  readWholePlaylist(): Promise<PlaylistHere>;
  /** Opens a URL in this tab, in place of what it shows. */
  openHere(url: string): void;
}

export function browserConferenceConnector(tabId: number): ConferenceConnector {
  return {
    whatPlaylistIsHere: () => sendToContent(tabId, { type: 'talklog/what-playlist-is-here' }).catch((): PlaylistHere => ({ kind: 'no-playlist' })),
    readWholePlaylist: () => sendToContent(tabId, { type: 'talklog/read-whole-playlist' }),
    openHere(url) {
      void browser.tabs.update(tabId, { url });
    },
  };
}
