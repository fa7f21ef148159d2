/** Loads saved YouTube pages into DOM Documents for the content-script tests. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VirtualConsole, VirtualConsolePrinter, Window } from 'happy-dom';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** A page as a Document, parsed without running scripts or loading frames (their notices go to a silent console). */
export function parsePage(html: string): Document {
  const window = new Window({
    console: new VirtualConsole(new VirtualConsolePrinter()) as unknown as Console,
    settings: { disableJavaScriptEvaluation: true, disableIframePageLoading: true, disableCSSFileLoading: true },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function fixtureText(path: string): string {
  return readFileSync(join(fixtures, path), 'utf8');
}

export function loadPage(path: string): Document {
  return parsePage(fixtureText(path));
}

/** The real captures in tests/fixtures/youtube, with the URL each was saved from. */
export const youtubePages = {
  surfaceGo: { path: 'youtube/01_yta_GJLlxj_dtq8_watch-page_2025-06.html', href: 'https://www.youtube.com/watch?v=GJLlxj_dtq8' },
  botCheck: { path: 'youtube/03_yta_MsRwR6YJSwQ_watch-page_unplayable_auto-chapters_2025-02.html', href: 'https://www.youtube.com/watch?v=MsRwR6YJSwQ' },
  spanishUi: { path: 'youtube/04_metascraper_hwMkbaS_M_c_watch-page_hl-es_2024-01.html', href: 'https://www.youtube.com/watch?v=hwMkbaS_M_c&hl=es' },
} as const;
export const androidPlayerResponsePath = 'youtube/02_yta_GJLlxj_dtq8_innertube-ANDROID-player_2025-06.json';

/** Our reproductions of the live desktop DOM in tests/fixtures/rendered. */
export const renderedPages = {
  watchA: { path: 'rendered/watch-first-load.html', href: 'https://www.youtube.com/watch?v=tLgTalkA_01' },
  watchAfterNavigation: { path: 'rendered/watch-after-navigation.html', href: 'https://www.youtube.com/watch?v=tLgTalkB_02' },
  homeWithMiniplayer: { path: 'rendered/home-with-miniplayer.html', href: 'https://www.youtube.com/' },
  search: { path: 'rendered/search.html', href: 'https://www.youtube.com/results?search_query=kubecon+prometheus' },
  channel: { path: 'rendered/channel.html', href: 'https://www.youtube.com/@cncf/videos' },
  playlistPage: { path: 'rendered/playlist-first-batch.html', href: 'https://www.youtube.com/playlist?list=PLkc21NAconfPlaylist01' },
  watchInPlaylist: { path: 'rendered/watch-in-playlist.html', href: 'https://www.youtube.com/watch?v=kc21talk003&list=PLkc21NAconfPlaylist01&index=3' },
} as const;

/** Gives a test `<video>` the numbers a playing one has (happy-dom's duration is always NaN). */
export function setMedia(video: Element | null, media: { duration: number; currentTime: number }): void {
  if (!video) throw new Error('no <video> to set media on');
  Object.defineProperty(video, 'duration', { value: media.duration, configurable: true });
  (video as HTMLVideoElement).currentTime = media.currentTime;
}
