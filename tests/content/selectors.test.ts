// @vitest-environment happy-dom
/**
 * The selector contract: every selector and JSON path in src/content/selectors.ts, with the number
 * of matches it must have on each saved page. When YouTube changes, a fresh capture dropped in
 * beside these shows at once which reader broke. The e2e stand-in for YouTube is held to it too.
 */
import { describe, expect, test } from 'vitest';
import { readInlineInitialData, readInlinePlayerResponse } from '../../src/content/inline-json';
import { at } from '../../src/content/json';
import { initialDataPaths, playerResponsePaths, playlistDataPaths, selectors, watchPlaylistDataPaths } from '../../src/content/selectors';
import { homePage, watchPage } from '../../scripts/fake-youtube/watch-page.mjs';
import { videoById } from '../../scripts/fake-youtube/videos.mjs';
import { androidPlayerResponsePath, fixtureText, loadPage, parsePage, renderedPages, youtubePages } from './pages';

const pages = { ...youtubePages, ...renderedPages };
// The e2e stand-in for www.youtube.com (scripts/fake-youtube) serves pages of its own: held to the
// same contract, so it cannot drift from what the fixtures say YouTube sends.
const standInPages = { standInWatch: watchPage(videoById('Pr0meTheus1')!), standInHome: homePage() };
type PageName = keyof typeof pages | keyof typeof standInPages;
const documents = {
  ...Object.fromEntries(Object.entries(pages).map(([name, page]) => [name, loadPage(page.path)])),
  ...Object.fromEntries(Object.entries(standInPages).map(([name, html]) => [name, parsePage(html)])),
} as Record<PageName, Document>;

/** Selectors used inside an element found by another one are counted inside it. */
const scopeOf: Partial<Record<keyof typeof selectors, keyof typeof selectors>> = {
  renderedTitleText: 'renderedTitle',
  renderedChapterTitle: 'renderedChapter',
  renderedChapterTime: 'renderedChapter',
  renderedChapterLink: 'renderedChapter',
  microdataVideoId: 'videoObject',
  microdataAuthorName: 'videoObject',
  microdataDuration: 'videoObject',
  playlistRow: 'shownBrowsePage',
  playlistContinuation: 'shownBrowsePage',
  playlistHeaderTitle: 'shownBrowsePage',
  playlistHeaderSize: 'shownBrowsePage',
  playlistRowTitle: 'playlistRow',
  playlistRowIndex: 'playlistRow',
  playlistRowChannel: 'playlistRow',
  playlistRowDuration: 'playlistRow',
  playlistPanelRow: 'playlistPanel',
  playlistPanelTitle: 'playlistPanel',
  playlistPanelSize: 'playlistPanel',
  playlistPanelContinuation: 'playlistPanel',
  playlistPanelRowLink: 'playlistPanelRow',
  playlistPanelRowTitle: 'playlistPanelRow',
  playlistPanelRowChannel: 'playlistPanelRow',
};

/** Where a selector is looked for: the elements its scope finds (scopes nest: a panel's rows' links). */
function rootsOf(doc: Document, name: keyof typeof selectors): ParentNode[] {
  const scope = scopeOf[name];
  return scope ? rootsOf(doc, scope).flatMap((root) => [...root.querySelectorAll(selectors[scope])]) : [doc];
}

function count(doc: Document, name: keyof typeof selectors): number {
  return rootsOf(doc, name).reduce((sum, root) => sum + root.querySelectorAll(selectors[name]).length, 0);
}

// Columns: surfaceGo (01), botCheck (03), spanishUi (04) are server HTML; then our rendered pages
// (list: a /playlist page's first 100 of 123 rows; panel: a watch page playing a 15-row playlist);
// then the stand-in's watch page (first load, as served: no microdata, player chrome or rendered
// chapters; captions appear while it plays) and home page.
const columns: PageName[] = [
  'surfaceGo',
  'botCheck',
  'spanishUi',
  'watchA',
  'watchAfterNavigation',
  'homeWithMiniplayer',
  'search',
  'channel',
  'playlistPage',
  'watchInPlaylist',
  'standInWatch',
  'standInHome',
];
const contract: Record<keyof typeof selectors, number[]> = {
  //                     01  03  04  A   A→B home search channel list panel stand-in watch, home
  watchPage: [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0], // home: the hidden flexy keeps B's id
  renderedTitle: [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0],
  renderedTitleText: [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0],
  renderedOwner: [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0],
  mainVideo: [0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0], // home: #movie_player inside the miniplayer
  miniplayer: [0, 0, 0, 2, 2, 2, 2, 2, 0, 2, 0, 0], // ytd-miniplayer and its .miniplayer
  activeMiniplayer: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], // home: the miniplayer plays B
  miniplayerTitle: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
  miniplayerOwner: [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
  hoverPreviewVideo: [0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0],
  adShowing: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], // set by tests
  playerTitleLink: [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0],
  captionSegment: [0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0], // captions on in A only
  renderedChapter: [0, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0], // A→B: B's Key moments panel not matched
  renderedChapterTitle: [0, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0],
  renderedChapterTime: [0, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0],
  renderedChapterLink: [0, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0],
  ogUrl: [1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0], // 03 has no og:*
  canonical: [1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0], // 03: href="undefined"
  ogTitle: [1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0],
  metaTitle: [1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0], // 03: content=""
  videoObject: [1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
  microdataVideoId: [1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
  microdataAuthorName: [1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
  microdataDuration: [1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
  shownBrowsePage: [0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1], // home, channel and list; none on a watch page
  playlistRow: [0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 0, 0], // the first batch; YouTube renders the rest on scrolling
  playlistRowTitle: [0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 0, 0],
  playlistRowIndex: [0, 0, 0, 0, 0, 0, 0, 0, 100, 0, 0, 0],
  playlistRowChannel: [0, 0, 0, 0, 0, 0, 0, 0, 98, 0, 0, 0], // none on the deleted and private rows
  playlistRowDuration: [0, 0, 0, 0, 0, 0, 0, 0, 98, 0, 0, 0],
  playlistContinuation: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0],
  playlistHeaderTitle: [0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0], // channel: its page header looks alike (the reader runs on /playlist only)
  playlistHeaderSize: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0],
  playlistPanel: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0], // not the miniplayer's copy
  playlistPanelRow: [0, 0, 0, 0, 0, 0, 0, 0, 0, 15, 0, 0],
  playlistPanelRowLink: [0, 0, 0, 0, 0, 0, 0, 0, 0, 15, 0, 0],
  playlistPanelRowTitle: [0, 0, 0, 0, 0, 0, 0, 0, 0, 15, 0, 0],
  playlistPanelRowChannel: [0, 0, 0, 0, 0, 0, 0, 0, 0, 13, 0, 0],
  playlistPanelTitle: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0],
  playlistPanelSize: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0],
  playlistPanelContinuation: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], // 15 rows: all loaded
  inlineScript: [41, 40, 40, 2, 2, 1, 1, 1, 1, 2, 3, 0],
};

describe('selector contract', () => {
  test('covers every selector', () => {
    expect(Object.keys(contract).sort()).toEqual(Object.keys(selectors).sort());
  });

  test.each(Object.entries(contract))('%s', (name, expected) => {
    const actual = columns.map((page) => count(documents[page], name as keyof typeof selectors));
    expect(Object.fromEntries(columns.map((page, i) => [page, actual[i]]))).toEqual(Object.fromEntries(columns.map((page, i) => [page, expected[i]])));
  });
});

describe('JSON path contract', () => {
  const playerResponses = {
    surfaceGo: readInlinePlayerResponse(documents.surfaceGo),
    android: JSON.parse(fixtureText(androidPlayerResponsePath)) as unknown,
    botCheck: readInlinePlayerResponse(documents.botCheck),
    spanishUi: readInlinePlayerResponse(documents.spanishUi),
    watchA: readInlinePlayerResponse(documents.watchA),
    standIn: readInlinePlayerResponse(documents.standInWatch),
  };
  const initialData = {
    surfaceGo: readInlineInitialData(documents.surfaceGo),
    botCheck: readInlineInitialData(documents.botCheck),
    spanishUi: readInlineInitialData(documents.spanishUi),
    watchA: readInlineInitialData(documents.watchA),
    standIn: readInlineInitialData(documents.standInWatch),
  };
  const found = (objects: Record<string, unknown>, path: readonly string[]) =>
    Object.entries(objects)
      .filter(([, value]) => at(value, path) !== undefined)
      .map(([name]) => name);

  const playerContract: Record<keyof typeof playerResponsePaths, string[]> = {
    videoId: ['surfaceGo', 'android', 'spanishUi', 'watchA', 'standIn'], // the bot check has no videoDetails
    title: ['surfaceGo', 'android', 'spanishUi', 'watchA', 'standIn'],
    author: ['surfaceGo', 'android', 'spanishUi', 'watchA', 'standIn'],
    lengthSeconds: ['surfaceGo', 'android', 'spanishUi', 'watchA', 'standIn'],
    isLive: [], // only on live streams
    isLiveContent: ['surfaceGo', 'android', 'spanishUi', 'watchA', 'standIn'],
    isUpcoming: [], // only on upcoming streams and premieres
    playabilityStatus: ['surfaceGo', 'android', 'botCheck', 'spanishUi', 'watchA', 'standIn'],
    ownerChannelName: ['surfaceGo', 'spanishUi', 'watchA'], // ANDROID and the stand-in have no microformat
    isLiveNow: [], // only on live streams
  };
  const dataContract: Record<keyof typeof initialDataPaths, string[]> = {
    videoId: ['surfaceGo', 'botCheck', 'spanishUi', 'watchA', 'standIn'],
    markersMap: ['botCheck', 'watchA', 'standIn'], // 01 and 04 have a player bar without chapters
    engagementPanels: ['surfaceGo', 'botCheck', 'spanishUi', 'watchA'], // the stand-in has player-bar chapters only
    primaryContents: ['surfaceGo', 'botCheck', 'spanishUi', 'watchA'],
  };

  test.each(Object.entries(playerContract))('player response %s', (name, expected) => {
    expect(found(playerResponses, playerResponsePaths[name as keyof typeof playerResponsePaths])).toEqual(expected);
  });

  test.each(Object.entries(dataContract))('ytInitialData %s', (name, expected) => {
    expect(found(initialData, initialDataPaths[name as keyof typeof initialDataPaths])).toEqual(expected);
  });

  test('the playability statuses of the saved pages', () => {
    expect(Object.fromEntries(Object.entries(playerResponses).map(([name, value]) => [name, at(value, playerResponsePaths.playabilityStatus)]))).toEqual({
      surfaceGo: 'OK',
      android: 'OK',
      botCheck: 'CUSTOM',
      spanishUi: 'OK',
      watchA: 'OK',
      standIn: 'OK',
    });
  });
});

describe('playlist JSON path contract', () => {
  const data = Object.fromEntries(
    (['playlistPage', 'watchInPlaylist', 'watchA', 'surfaceGo'] as const).map((name) => [name, readInlineInitialData(documents[name])]),
  );
  const found = (path: readonly string[]) =>
    Object.entries(data)
      .filter(([, value]) => at(value, path) !== undefined)
      .map(([name]) => name);

  test.each([
    ['tabs', playlistDataPaths.tabs, ['playlistPage']],
    ['title', playlistDataPaths.title, ['playlistPage']],
    ['headerSize', playlistDataPaths.headerSize, ['playlistPage']],
    ['watch playlist', watchPlaylistDataPaths.playlist, ['watchInPlaylist']],
  ] as const)('%s', (_name, path, expected) => {
    expect(found(path)).toEqual(expected);
  });
});
