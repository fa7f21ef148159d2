/**
 * Which parts of a YouTube page describe a given video. After in-page navigation the `<head>`,
 * the microdata, the inline JSON and document.title still describe the video first loaded, and
 * the rendered page switches over a moment after the URL: each source is used only once it is
 * shown to belong to the video in the URL.
 */

import { videoIdFromUrl } from '../talk/video-id';
import { readInlineInitialData, readInlinePlayerResponse } from './inline-json';
import { asArray, asText, at, isRecord } from './json';
import { initialDataPaths, itemPaths, playerResponsePaths, selectors } from './selectors';

export interface PageSources {
  videoId: string;
  /** `ytd-watch-flexy` / `ytd-watch-grid` once its video-id is this video. */
  watchPage: Element | null;
  /** The watch page once its title block has re-rendered for this video (not empty, not a stale title). */
  renderedMetadata: Element | null;
  /** Player responses for this video, freshest first: the caller's, then the inline one. */
  playerResponses: unknown[];
  /** Inline `ytInitialData` when made for this video. */
  initialData: unknown;
  /** The `<head>` (og:url or canonical) describes this video. */
  headIsCurrent: boolean;
  /** The schema.org VideoObject microdata for this video. */
  microdata: Element | null;
  /** Titles shown to belong to another video (a stale `<head>` or inline JSON, an earlier watch page): never this one's. */
  staleTitles: ReadonlySet<string>;
}

export function elementText(element: Element | null | undefined): string | null {
  return asText(element?.textContent);
}

/** The video a link on the page names (`/watch?v=ID&t=252s`, absolute or relative), or null (fixture 03's canonical "undefined"). */
export function linkVideoId(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    return videoIdFromUrl(new URL(href, 'https://www.youtube.com/').href);
  } catch {
    return null;
  }
}

export function renderedTitleText(watchPage: Element): string | null {
  const heading = watchPage.querySelector(selectors.renderedTitle);
  return elementText(heading?.querySelector(selectors.renderedTitleText) ?? heading);
}

function primaryInfoTitle(initialData: unknown): string | null {
  for (const item of asArray(at(initialData, initialDataPaths.primaryContents))) {
    const title = asText(at(item, itemPaths.primaryInfoTitle));
    if (title) return title;
  }
  return null;
}

/** `ytd-watch-flexy` / `ytd-watch-grid` once its video-id is this video. */
export function watchPageOf(doc: Document, videoId: string): Element | null {
  return [...doc.querySelectorAll(selectors.watchPage)].find((page) => page.getAttribute('video-id') === videoId) ?? null;
}

/** `titlesShown`: the title the watch page showed for each earlier video in this tab (title → video id). */
export function findSources(doc: Document, videoId: string, extraPlayerResponse?: unknown, titlesShown?: ReadonlyMap<string, string>): PageSources {
  const stale = new Set<string>();
  const addStale = (title: string | null) => {
    if (title) stale.add(title);
  };
  for (const [title, shownFor] of titlesShown ?? []) if (shownFor !== videoId) addStale(title);

  const inlineData = readInlineInitialData(doc);
  const dataVideoId = at(inlineData, initialDataPaths.videoId);
  const initialData = dataVideoId === videoId ? inlineData : undefined;
  if (dataVideoId !== undefined && dataVideoId !== videoId) addStale(primaryInfoTitle(inlineData));

  const playerResponses: unknown[] = [];
  const inlinePlayerResponse = readInlinePlayerResponse(doc);
  for (const candidate of [extraPlayerResponse, inlinePlayerResponse]) {
    if (!isRecord(candidate)) continue;
    const id = at(candidate, playerResponsePaths.videoId);
    // The bot-check page (fixture 03) has no videoDetails: its inline response goes with its inline data.
    const belongs = id === videoId || (id === undefined && candidate === inlinePlayerResponse && initialData !== undefined);
    if (belongs) playerResponses.push(candidate);
    else if (id !== undefined) addStale(asText(at(candidate, playerResponsePaths.title)));
  }

  const headVideoId =
    linkVideoId(doc.querySelector(selectors.ogUrl)?.getAttribute('content')) ?? linkVideoId(doc.querySelector(selectors.canonical)?.getAttribute('href'));
  const headIsCurrent = headVideoId === videoId;
  if (headVideoId !== null && !headIsCurrent) {
    addStale(asText(doc.querySelector(selectors.ogTitle)?.getAttribute('content')));
    addStale(asText(doc.querySelector(selectors.metaTitle)?.getAttribute('content')));
  }

  const microdata =
    [...doc.querySelectorAll(selectors.videoObject)].find((scope) => scope.querySelector(selectors.microdataVideoId)?.getAttribute('content') === videoId) ??
    null;

  const watchPage = watchPageOf(doc, videoId);
  const renderedTitle = watchPage ? renderedTitleText(watchPage) : null;
  const renderedMetadata = renderedTitle !== null && !stale.has(renderedTitle) ? watchPage : null;

  return {
    videoId,
    watchPage,
    renderedMetadata,
    playerResponses,
    initialData,
    headIsCurrent,
    microdata,
    staleTitles: stale,
  };
}
