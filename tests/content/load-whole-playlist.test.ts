// @vitest-environment happy-dom
/**
 * Reading a playlist longer than YouTube renders at once. The page's part (a batch of rows in the
 * spinner's place once it scrolls into view) is played by the stand-in's own HTML generator.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { BATCH_WAIT_MS, loadWholePlaylist } from '../../src/content/load-whole-playlist';
import { selectors } from '../../src/content/selectors';
import type { PlaylistSeen } from '../../src/talk/playlist';
import { conferencePlaylist, type Playlist } from '../../scripts/fake-youtube/conference.mjs';
import { listBatchHtml, listHeaderHtml, listPage, panelBatchHtml, panelHtml } from '../../scripts/fake-youtube/playlist-page.mjs';

const HREF = 'https://www.youtube.com/playlist?list=PLkc21NAconfPlaylist01';
const WATCH_HREF = 'https://www.youtube.com/watch?v=kc21talk003&list=PLkc21NAconfPlaylist01&index=3';

/** The /playlist page's `ytd-browse`, its list showing the first batch of rows. */
const browseHtml = (playlist: Playlist, { hidden }: { hidden: boolean }) =>
  `<ytd-browse page-subtype="playlist" role="main"${hidden ? ' hidden' : ''}>${listHeaderHtml(playlist)}<ytd-playlist-video-list-renderer><div id="contents">${listBatchHtml(playlist, 0)}</div></ytd-playlist-video-list-renderer></ytd-browse>`;

/** The watch page playing talk 3 of the playlist, its panel showing the first batch of rows. */
const watchFlexyHtml = (playlist: Playlist, { hidden }: { hidden: boolean }) =>
  `<ytd-watch-flexy video-id="kc21talk003" role="main"${hidden ? ' hidden' : ''}>${panelHtml(playlist, 3)}</ytd-watch-flexy>`;

/**
 * Puts `body` in this window and plays YouTube's part: a spinner scrolled into view gives way to
 * the next batch of its list's rows, unless it is on a hidden page (it cannot come into view) or
 * `answers` is false.
 */
function showPage(playlist: Playlist, body: string, { answers }: { answers: boolean }): { scrolls: () => number } {
  document.documentElement.innerHTML = body;
  let scrolls = 0;
  HTMLElement.prototype.scrollIntoView = function scrollIntoView(this: HTMLElement) {
    scrolls++;
    if (answers && this.localName === 'ytd-continuation-item-renderer' && !this.closest('[hidden]')) loadNextBatch(this);
  };
  const loadNextBatch = (spinner: HTMLElement) =>
    setTimeout(() => {
      const panel = spinner.closest('ytd-playlist-panel-renderer');
      const batch = panel
        ? panelBatchHtml(playlist, panel.querySelectorAll(selectors.playlistPanelRow).length, 3)
        : listBatchHtml(playlist, spinner.closest('ytd-browse')!.querySelectorAll(selectors.playlistRow).length);
      spinner.insertAdjacentHTML('beforebegin', batch);
      spinner.remove();
    }, 5);
  return { scrolls: () => scrolls };
}

/** Puts the stand-in's /playlist page in this window; `answers` says whether YouTube loads more rows when asked. */
function showPlaylistPage(talks: number, { answers }: { answers: boolean }): { scrolls: () => number } {
  const playlist = conferencePlaylist(talks);
  const page = showPage(
    playlist,
    listPage(playlist, '')
      .replace(/^[\s\S]*?<html[^>]*>/, '')
      .replace(/<\/html>\s*$/, ''),
    { answers },
  );
  for (const script of document.querySelectorAll('script:not([src])')) if (!script.textContent?.includes('ytInitialData')) script.remove();
  return page;
}

afterEach(() => {
  Reflect.deleteProperty(HTMLElement.prototype, 'scrollIntoView');
});

async function loadWhole(waitMs?: number, href = HREF): Promise<PlaylistSeen> {
  const here = await loadWholePlaylist(document, () => href, waitMs);
  if (here.kind !== 'playlist') throw new Error('no playlist read');
  return here.playlist;
}

describe('reading a playlist whole', () => {
  test('205 talks, a deleted and a private row and a duplicate: every one of the 208 rows, batch by batch', async () => {
    const page = showPlaylistPage(205, { answers: true });
    const playlist = await loadWhole();
    expect(playlist.complete).toBe(true);
    expect(playlist.size).toBe(208);
    expect(playlist.rows.map((row) => row.position)).toEqual(Array.from({ length: 208 }, (_, i) => i + 1));
    expect(new Set(playlist.rows.map((row) => row.videoId)).size).toBe(207);
    expect(page.scrolls()).toBe(2);
  });

  test('a short playlist is read without scrolling', async () => {
    const page = showPlaylistPage(12, { answers: true });
    const playlist = await loadWhole();
    expect(playlist).toMatchObject({ complete: true, size: 15 });
    expect(page.scrolls()).toBe(0);
  });

  test('when YouTube loads no more, what was read comes back, marked incomplete', async () => {
    showPlaylistPage(205, { answers: false });
    const playlist = await loadWhole(50);
    expect(playlist.complete).toBe(false);
    expect(playlist.rows).toHaveLength(100);
  });

  // YouTube keeps the page left by in-page navigation in the DOM, hidden.
  const conference = conferencePlaylist(205);
  const another = { ...conferencePlaylist(150), id: 'PLotherConference02' };
  test.each([
    [
      "a watch page reached from the /playlist page: the panel's rows, not the hidden list's",
      WATCH_HREF,
      [browseHtml(conference, { hidden: true }), watchFlexyHtml(conference, { hidden: false })],
    ],
    [
      "the /playlist page reached from a watch page: the list's rows, not the hidden panel's",
      HREF,
      [watchFlexyHtml(conference, { hidden: true }), browseHtml(conference, { hidden: false })],
    ],
    [
      "the /playlist page reached from another playlist's: this list's rows, not the hidden one's",
      HREF,
      [browseHtml(another, { hidden: true }), browseHtml(conference, { hidden: false })],
    ],
  ])('on %s', async (_name, href, pages) => {
    const page = showPage(conference, `<body><ytd-app>${pages.join('')}</ytd-app></body>`, { answers: true });
    // YouTube answers here: the wait only bounds a failure (at 50 ms a busy machine's timers missed a batch).
    const playlist = await loadWhole(BATCH_WAIT_MS, href);
    expect(playlist).toMatchObject({ complete: true, size: 208 });
    expect(playlist.rows.map((row) => row.position)).toEqual(Array.from({ length: 208 }, (_, i) => i + 1));
    expect(page.scrolls()).toBe(2);
  });
});
