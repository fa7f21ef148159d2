// @vitest-environment happy-dom
/**
 * Reading a playlist longer than YouTube renders at once. The page's part (a batch of rows in the
 * spinner's place once it scrolls into view) is played by the stand-in's own HTML generator.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { loadWholePlaylist } from '../../src/content/load-whole-playlist';
import { selectors } from '../../src/content/selectors';
import type { PlaylistSeen } from '../../src/talk/playlist';
import { conferencePlaylist } from '../../scripts/fake-youtube/conference.mjs';
import { listBatchHtml, listPage } from '../../scripts/fake-youtube/playlist-page.mjs';

const HREF = 'https://www.youtube.com/playlist?list=PLkc21NAconfPlaylist01';

/** Puts the stand-in's /playlist page in this window; `answers` says whether YouTube loads more rows when asked. */
function showPlaylistPage(talks: number, { answers }: { answers: boolean }): { scrolls: () => number } {
  const playlist = conferencePlaylist(talks);
  document.documentElement.innerHTML = listPage(playlist, '')
    .replace(/^[\s\S]*?<html[^>]*>/, '')
    .replace(/<\/html>\s*$/, '');
  for (const script of document.querySelectorAll('script:not([src])')) if (!script.textContent?.includes('ytInitialData')) script.remove();
  let scrolls = 0;
  HTMLElement.prototype.scrollIntoView = function scrollIntoView(this: HTMLElement) {
    scrolls++;
    if (answers && this.localName === 'ytd-continuation-item-renderer') loadNextBatch(this);
  };
  const loadNextBatch = (spinner: HTMLElement) =>
    setTimeout(() => {
      const from = document.querySelectorAll(selectors.playlistRow).length;
      spinner.insertAdjacentHTML('beforebegin', listBatchHtml(playlist, from));
      spinner.remove();
    }, 5);
  return { scrolls: () => scrolls };
}

afterEach(() => {
  Reflect.deleteProperty(HTMLElement.prototype, 'scrollIntoView');
});

async function loadWhole(waitMs?: number): Promise<PlaylistSeen> {
  const here = await loadWholePlaylist(document, () => HREF, waitMs);
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
});
