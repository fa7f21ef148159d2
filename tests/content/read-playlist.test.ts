// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { readPlaylist } from '../../src/content/read-playlist';
import { selectors } from '../../src/content/selectors';
import { queuePlaylist } from '../../src/db/queue';
import type { PlaylistHere, PlaylistSeen } from '../../src/talk/playlist';
import { freshDb } from '../db/test-db';
import { fixtureText, loadPage, parsePage, renderedPages } from './pages';

const LIST = 'PLkc21NAconfPlaylist01';

function playlistOf(here: PlaylistHere): PlaylistSeen {
  if (here.kind !== 'playlist') throw new Error('no playlist read');
  return here.playlist;
}

/** The same page before YouTube's scripts render the list: only the inline ytInitialData. */
function withoutRenderedRows(doc: Document, rowSelector: string): Document {
  for (const row of doc.querySelectorAll(rowSelector)) row.remove();
  return doc;
}

describe('a /playlist page', () => {
  const page = loadPage(renderedPages.playlistPage.path);
  const read = () => playlistOf(readPlaylist(page, renderedPages.playlistPage.href));

  test('title, size and the rows rendered so far; more to load', () => {
    const playlist = read();
    expect(playlist).toMatchObject({ id: LIST, title: 'KubeCon + CloudNativeCon North America 2021', size: 123, complete: false });
    expect(playlist.rows).toHaveLength(100);
    expect(playlist.rows.map((row) => row.position)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(playlist.rows[0]).toEqual({
      videoId: 'kc21talk001',
      position: 1,
      title: 'eBPF in Production 1 - Rahul Iyer, Example Corp',
      channel: 'CNCF [Cloud Native Computing Foundation]',
      durationSec: 1037,
      unavailable: null,
    });
  });

  test('deleted and private rows are recognised, with nothing to queue from them', () => {
    const rows = read().rows;
    expect(rows[4]).toEqual({ videoId: 'kc21gone001', position: 5, title: '[Deleted video]', channel: null, durationSec: null, unavailable: 'deleted' });
    expect(rows[10]).toMatchObject({ videoId: 'kc21priv001', position: 11, title: '[Private video]', unavailable: 'private' });
    expect(rows.filter((row) => row.unavailable)).toHaveLength(2);
  });

  test('a title hostile to markdown is read as the exact text', () => {
    expect(read().rows[7]?.title).toBe('eBPF in Production 7 [unsafe] & *You*: `#` <tricks> - Mei Chen, Initech');
  });

  test('before the list is rendered, ytInitialData gives the same playlist', () => {
    const { path, href } = renderedPages.playlistPage;
    const fromData = playlistOf(readPlaylist(withoutRenderedRows(loadPage(path), selectors.playlistRow), href));
    expect(fromData).toEqual(read());
  });

  test('rows of another playlist (a page left mid-navigation) are not this one', () => {
    const other = 'https://www.youtube.com/playlist?list=PLsomethingElse99';
    expect(readPlaylist(withoutRenderedRows(loadPage(renderedPages.playlistPage.path), selectors.playlistRow), other)).toEqual({ kind: 'no-playlist' });
    expect(readPlaylist(page, other)).toEqual({ kind: 'no-playlist' });
  });

  test('a channel page left for it, kept hidden by YouTube, lends it no title', () => {
    const { path, href } = renderedPages.playlistPage;
    const doc = loadPage(path);
    doc
      .querySelector('ytd-browse')!
      .insertAdjacentHTML(
        'beforebegin',
        '<ytd-browse page-subtype="channels" hidden><yt-page-header-renderer><h1>CNCF</h1></yt-page-header-renderer></ytd-browse>',
      );
    expect(playlistOf(readPlaylist(doc, href))).toEqual(read());
  });
});

describe('a watch page playing a playlist', () => {
  const page = renderedPages.watchInPlaylist;
  const read = () => playlistOf(readPlaylist(loadPage(page.path), page.href));

  test('reads the panel, not the miniplayer’s copy of it; the playing row keeps its place', () => {
    const playlist = read();
    expect(playlist).toMatchObject({ id: LIST, title: 'KubeCon + CloudNativeCon North America 2021', size: 15, complete: true });
    expect(playlist.rows).toHaveLength(15);
    expect(playlist.rows[2]).toMatchObject({ videoId: 'kc21talk003', position: 3, durationSec: 1311 });
  });

  test('a video listed twice is read twice, at both places', () => {
    expect(
      read()
        .rows.filter((row) => row.videoId === 'kc21talk003')
        .map((row) => row.position),
    ).toEqual([3, 13]);
  });

  test('before the panel is rendered, ytInitialData gives the same playlist', () => {
    expect(playlistOf(readPlaylist(withoutRenderedRows(loadPage(page.path), selectors.playlistPanelRow), page.href))).toEqual(read());
  });
});

describe('YouTube in another language', () => {
  /** A saved page, its HTML (and the ytInitialData in it) edited first. */
  const edited = (path: string, edit: (html: string) => string) => parsePage(edit(fixtureText(path)));
  /** The titles YouTube gives deleted and private rows in the language of its UI. */
  const titledIn = (deleted: string, privateVideo: string) => (html: string) =>
    html.replaceAll('[Deleted video]', deleted).replaceAll('[Private video]', privateVideo);
  const spanish = titledIn('[Vídeo eliminado]', '[Vídeo privado]');
  const unplayable = (videoId: string) => ({ videoId, channel: null, durationSec: null, unavailable: 'unplayable' });

  test.each([
    ['a /playlist page in Spanish', renderedPages.playlistPage, selectors.playlistRow, spanish],
    ['a watch page in German', renderedPages.watchInPlaylist, selectors.playlistPanelRow, titledIn('[Gelöschtes Video]', '[Privates Video]')],
  ])('%s: its deleted and private rows are not videos to queue, rendered or in ytInitialData', (_name, page, rowSelector, language) => {
    const rendered = playlistOf(readPlaylist(edited(page.path, language), page.href));
    expect(
      rendered.rows.filter((row) => row.unavailable).map(({ videoId, channel, durationSec, unavailable }) => ({ videoId, channel, durationSec, unavailable })),
    ).toEqual([unplayable('kc21gone001'), unplayable('kc21priv001')]);
    expect(playlistOf(readPlaylist(withoutRenderedRows(edited(page.path, language), rowSelector), page.href))).toEqual(rendered);
  });

  test('a row ytInitialData marks only as not playable is not a video to queue, whatever its title', () => {
    const list = renderedPages.playlistPage;
    const notPlayable = (html: string) => html.replace(/("videoId":"kc21talk002".*?"isPlayable":)true/, '$1false');
    expect(playlistOf(readPlaylist(withoutRenderedRows(edited(list.path, notPlayable), selectors.playlistRow), list.href)).rows[1]).toEqual({
      position: 2,
      title: 'GitOps at Scale 2 - Mei Chen, Initech',
      ...unplayable('kc21talk002'),
    });
    const panel = renderedPages.watchInPlaylist;
    const unplayableText = (html: string) =>
      html.replace(/("videoId":"kc21talk002".*?)"isPlayable":true/, '$1"unplayableText":{"simpleText":"Vídeo no disponible"}');
    expect(playlistOf(readPlaylist(withoutRenderedRows(edited(panel.path, unplayableText), selectors.playlistPanelRow), panel.href)).rows[1]).toMatchObject(
      unplayable('kc21talk002'),
    );
  });

  test('queued again, a talk still to watch whose video went private is skipped', async () => {
    const db = freshDb();
    const { path, href } = renderedPages.playlistPage;
    await queuePlaylist(db, playlistOf(readPlaylist(loadPage(path), href)), 'KubeCon NA 2021');
    // In Spanish: the private video's row is drawn with its title only.
    const page = edited(path, spanish);
    const row = [...page.querySelectorAll(selectors.playlistRow)].find((element) => element.querySelector('a[href*="v=kc21talk002&"]'))!;
    row.querySelector('ytd-video-meta-block')!.remove();
    row.querySelector('#overlays')!.remove();
    for (const title of row.querySelectorAll(selectors.playlistRowTitle)) {
      title.setAttribute('title', '[Vídeo privado]');
      title.textContent = '[Vídeo privado]';
    }
    await queuePlaylist(db, playlistOf(readPlaylist(page, href)), 'KubeCon NA 2021');
    expect((await db.talks.get('t_kc21talk002'))?.status).toBe('skipped');
    expect((await db.talks.get('t_kc21talk001'))?.status).toBe('to-watch');
  });
});

describe('no playlist', () => {
  test.each([
    ['a watch page without list', renderedPages.watchA.path, renderedPages.watchA.href],
    ['a mix', renderedPages.watchInPlaylist.path, 'https://www.youtube.com/watch?v=kc21talk003&list=RDkc21talk003'],
    ['Watch later', renderedPages.watchInPlaylist.path, 'https://www.youtube.com/watch?v=kc21talk003&list=WL'],
    ['another site', renderedPages.playlistPage.path, `https://example.com/playlist?list=${LIST}`],
  ])('%s', (_name, path, href) => {
    expect(readPlaylist(loadPage(path), href)).toEqual({ kind: 'no-playlist' });
  });
});
