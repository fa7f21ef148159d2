/**
 * The playlist a YouTube tab shows (`/playlist?list=…`) or plays (`/watch?v=…&list=…`, its panel
 * of videos): pure, given the document and its URL. The rendered list is read first: it is current
 * after in-page navigation and it is what grows as YouTube loads more rows. The inline
 * `ytInitialData` is used only when it names the URL's playlist, and only while no row is rendered.
 */

import { countInText, parseClockTime, playlistIdFromUrl, unavailableByTitle, type PlaylistHere, type PlaylistRow } from '../talk/playlist';
import { cleanPageTitle } from '../talk/page-title';
import { readInlineInitialData } from './inline-json';
import { asArray, asSeconds, asText, at } from './json';
import { elementText } from './page-sources';
import { playlistDataPaths, playlistItemPaths, selectors, watchPlaylistDataPaths } from './selectors';
import { isVideoId, videoIdFromUrl } from '../talk/video-id';

interface PlaylistReading {
  title: string | null;
  size: number | null;
  rows: PlaylistRow[];
  /** YouTube has more rows to load after these. */
  more: boolean;
}

const NOTHING: PlaylistReading = { title: null, size: null, rows: [], more: false };

const isWatchPage = (href: string) => new URL(href).pathname === '/watch';

export function readPlaylist(doc: Document, href: string): PlaylistHere {
  const id = playlistIdFromUrl(href);
  if (!id) return { kind: 'no-playlist' };
  const onWatchPage = isWatchPage(href);
  const rendered = onWatchPage ? readPanel(doc, id) : readListPage(doc, id);
  const data = readInitialData(doc, id, onWatchPage);
  const fromRendered = rendered.rows.length > 0;
  const title = rendered.title ?? data.title ?? (onWatchPage ? null : asText(cleanPageTitle(doc.title)));
  if (!title || (!fromRendered && data.rows.length === 0)) return { kind: 'no-playlist' };
  const { rows, more } = fromRendered ? rendered : data;
  return { kind: 'playlist', playlist: { id, title, size: rendered.size ?? data.size, rows, complete: !more } };
}

/**
 * The spinner after the rows readPlaylist reads at `href`: the watch page's panel's or the /playlist
 * page's list's. YouTube loads the next batch when it scrolls into view.
 */
export function playlistContinuation(doc: Document, href: string): Element | null {
  if (isWatchPage(href)) return doc.querySelector(selectors.playlistPanel)?.querySelector(selectors.playlistPanelContinuation) ?? null;
  return doc.querySelector(selectors.shownBrowsePage)?.querySelector(selectors.playlistContinuation) ?? null;
}

/** A rendered row's link: the video and its place, when it belongs to this playlist. */
function linkedRow(link: Element | null, playlistId: string): { videoId: string | null; index: number | null } | null {
  const href = link?.getAttribute('href');
  if (!href) return null;
  const url = new URL(href, 'https://www.youtube.com/');
  if (url.searchParams.get('list') !== playlistId) return null;
  const index = Number(url.searchParams.get('index'));
  return { videoId: videoIdFromUrl(url.href), index: Number.isInteger(index) && index > 0 ? index : null };
}

/** `playable`: what the page says of the row besides its title, which is in the language of YouTube's UI. */
function row(videoId: string | null, position: number, title: string, channel: string | null, durationSec: number | null, playable: boolean): PlaylistRow {
  const unavailable = unavailableByTitle(title) ?? (!videoId ? 'deleted' : playable ? null : 'unplayable');
  return unavailable
    ? { videoId, position, title, channel: null, durationSec: null, unavailable }
    : { videoId, position, title, channel, durationSec, unavailable };
}

function readRenderedRows(elements: Iterable<Element>, playlistId: string, parts: { link: string; title: string; channel: string }): PlaylistRow[] {
  const rows: PlaylistRow[] = [];
  for (const element of elements) {
    const link = linkedRow(element.querySelector(parts.link), playlistId);
    const titleElement = element.querySelector(parts.title);
    const title = asText(titleElement?.getAttribute('title')) ?? elementText(titleElement);
    if (!link || !title) continue;
    const position = link.index ?? countInText(elementText(element.querySelector(selectors.playlistRowIndex))) ?? rows.length + 1;
    const duration = parseClockTime(elementText(element.querySelector(selectors.playlistRowDuration)));
    const channel = elementText(element.querySelector(parts.channel));
    // A video deleted or private is drawn with neither a channel nor a length, in any language.
    rows.push(row(link.videoId, position, title, channel, duration, channel !== null || duration !== null));
  }
  return rows;
}

function readListPage(doc: Document, playlistId: string): PlaylistReading {
  const page = doc.querySelector(selectors.shownBrowsePage);
  if (!page) return NOTHING;
  const rows = readRenderedRows(page.querySelectorAll(selectors.playlistRow), playlistId, {
    link: selectors.playlistRowTitle,
    title: selectors.playlistRowTitle,
    channel: selectors.playlistRowChannel,
  });
  if (rows.length === 0) return NOTHING;
  return {
    title: elementText(page.querySelector(selectors.playlistHeaderTitle)),
    size: countInText(elementText(page.querySelector(selectors.playlistHeaderSize))),
    rows,
    more: page.querySelector(selectors.playlistContinuation) !== null,
  };
}

function readPanel(doc: Document, playlistId: string): PlaylistReading {
  const panel = doc.querySelector(selectors.playlistPanel);
  if (!panel) return NOTHING;
  const rows = readRenderedRows(panel.querySelectorAll(selectors.playlistPanelRow), playlistId, {
    link: selectors.playlistPanelRowLink,
    title: selectors.playlistPanelRowTitle,
    channel: selectors.playlistPanelRowChannel,
  });
  if (rows.length === 0) return NOTHING;
  return {
    title: elementText(panel.querySelector(selectors.playlistPanelTitle)),
    size: countInText(elementText(panel.querySelector(selectors.playlistPanelSize)), { afterSlash: true }),
    rows,
    more: panel.querySelector(selectors.playlistPanelContinuation) !== null,
  };
}

function readInitialData(doc: Document, playlistId: string, onWatchPage: boolean): PlaylistReading {
  const data = readInlineInitialData(doc);
  if (data === undefined) return NOTHING;
  if (onWatchPage) {
    const playlist = at(data, watchPlaylistDataPaths.playlist);
    if (at(playlist, watchPlaylistDataPaths.playlistId) !== playlistId) return NOTHING;
    const items = asArray(at(playlist, watchPlaylistDataPaths.contents));
    return {
      title: asText(at(playlist, watchPlaylistDataPaths.title)),
      size: asSeconds(at(playlist, watchPlaylistDataPaths.totalVideos)),
      rows: dataRows(items),
      more: items.some((item) => at(item, playlistItemPaths.continuation) !== undefined),
    };
  }
  const list = findVideoList(data);
  if (at(list, playlistDataPaths.videoListPlaylistId) !== playlistId) return NOTHING;
  const items = asArray(at(list, playlistDataPaths.videoListContents));
  const sidebarStats = asArray(at(asArray(at(data, playlistDataPaths.sidebarItems))[0], playlistDataPaths.sidebarStats))[0];
  return {
    title: asText(at(data, playlistDataPaths.title)),
    size: countInText(asText(at(data, playlistDataPaths.headerSize)) ?? asText(sidebarStats)),
    rows: dataRows(items),
    more: items.some((item) => at(item, playlistItemPaths.continuation) !== undefined),
  };
}

/** The first tab's first item section's first item: where the list sits. */
function findVideoList(data: unknown): unknown {
  const section = asArray(at(asArray(at(data, playlistDataPaths.tabs))[0], playlistDataPaths.sectionContents))[0];
  return asArray(at(section, playlistDataPaths.itemSectionContents))[0];
}

function dataRows(items: unknown[]): PlaylistRow[] {
  const rows: PlaylistRow[] = [];
  for (const item of items) {
    const video = at(item, playlistItemPaths.listItem) ?? at(item, playlistItemPaths.panelItem);
    const title = asText(at(video, playlistItemPaths.title));
    if (video === undefined || !title) continue;
    const rawId = at(video, playlistItemPaths.videoId);
    const videoId = isVideoId(rawId) ? rawId : null;
    const position = countInText(asText(at(video, playlistItemPaths.index) ?? at(video, playlistItemPaths.indexText))) ?? rows.length + 1;
    const durationSec = asSeconds(at(video, playlistItemPaths.lengthSeconds)) ?? parseClockTime(asText(at(video, playlistItemPaths.lengthText)));
    const playable = at(video, playlistItemPaths.isPlayable) !== false && at(video, playlistItemPaths.unplayableText) === undefined;
    rows.push(row(videoId, position, title, asText(at(video, playlistItemPaths.byline)), durationSec, playable));
  }
  return rows;
}
