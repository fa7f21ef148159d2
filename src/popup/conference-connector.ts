import browser from 'webextension-polyfill';
import type { BackgroundReplies, PageToBackgroundRequest } from '../messages/messages';
import { sendToContent } from '../messages/send';
import type { PlaylistHere } from '../talk/playlist';
import type { QueueResult } from '../talk/queue';

/** What the conference part of the popup needs from its tab, beside the popup's own connector. Tests pass their own. */
export interface ConferenceConnector {
  /** The playlist as the tab renders it now (also the progress while it is read whole). */
  whatPlaylistIsHere(): Promise<PlaylistHere>;
  /** Has the playlist read whole and queued for `event`, by the background: it goes on if the popup closes. */
  queuePlaylist(playlistId: string, event: string | null): Promise<QueueResult>;
  /** Opens a URL in this tab, in place of what it shows. */
  openHere(url: string): void;
}

export function browserConferenceConnector(tabId: number): ConferenceConnector {
  return {
    whatPlaylistIsHere: () => sendToContent(tabId, { type: 'talklog/what-playlist-is-here' }).catch((): PlaylistHere => ({ kind: 'no-playlist' })),
    queuePlaylist(playlistId, event) {
      const request: PageToBackgroundRequest = { type: 'talklog/queue-playlist', tabId, playlistId, event };
      return browser.runtime.sendMessage(request) as Promise<BackgroundReplies[typeof request.type]>;
    },
    openHere(url) {
      void browser.tabs.update(tabId, { url });
    },
  };
}
