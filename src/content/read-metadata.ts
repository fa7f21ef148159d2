/**
 * Title, channel, listed duration and playability of the video in the URL, each from the first
 * source that is shown to belong to it (see page-sources.ts).
 */

import { cleanPageTitle } from '../talk/page-title';
import { asSeconds, asText, at } from './json';
import { elementText, renderedTitleText, type PageSources } from './page-sources';
import { LONGEST_VIDEO_SEC, readPlayerTitleLink } from './read-player';
import { playerResponsePaths, selectors } from './selectors';

/** The first answer a player response for this video gives, freshest first. */
function fromPlayerResponses<T>(sources: PageSources, read: (playerResponse: unknown) => T | null): T | null {
  for (const response of sources.playerResponses) {
    const value = read(response);
    if (value !== null) return value;
  }
  return null;
}

function contentOf(element: Element | null | undefined): string | null {
  return asText(element?.getAttribute('content') ?? element?.textContent);
}

/**
 * The original title: the player response and `<head>` carry the uploader's title, while the
 * rendered h1 and document.title can be auto-translated (fixture 04), so they come last.
 */
export function readTitle(doc: Document, sources: PageSources): string | null {
  const candidates: Array<() => string | null> = [
    () => fromPlayerResponses(sources, (response) => asText(at(response, playerResponsePaths.title))),
    () => (sources.headIsCurrent ? (contentOf(doc.querySelector(selectors.ogTitle)) ?? contentOf(doc.querySelector(selectors.metaTitle))) : null),
    () => {
      const link = readPlayerTitleLink(doc);
      return link?.videoId === sources.videoId ? link.title : null;
    },
    () => (sources.renderedMetadata ? renderedTitleText(sources.renderedMetadata) : null),
    () => {
      const title = sources.watchPage ? asText(cleanPageTitle(doc.title)) : null;
      return title !== null && !sources.staleTitles.has(title) ? title : null;
    },
  ];
  for (const candidate of candidates) {
    const title = candidate();
    if (title !== null) return title;
  }
  return null;
}

/** A player response names its video; the rendered owner only seems to be this video's, so it comes after. */
export function readChannel(sources: PageSources): string | null {
  return (
    fromPlayerResponses(sources, (response) => asText(at(response, playerResponsePaths.author))) ??
    fromPlayerResponses(sources, (response) => asText(at(response, playerResponsePaths.ownerChannelName))) ??
    elementText(sources.renderedMetadata?.querySelector(selectors.renderedOwner)) ??
    contentOf(sources.microdata?.querySelector(selectors.microdataAuthorName))
  );
}

/** `PT5M17S` → 317; null for anything else. */
export function parseIsoDuration(text: string | null | undefined): number | null {
  const match = /^P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text?.trim() ?? '');
  if (!match || !match.slice(1).some(Boolean)) return null;
  const [days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number];
  return ((days * 24 + hours) * 60 + minutes) * 60 + seconds;
}

/** Duration as listed by the player response, then the microdata; never 0 (a live stream's). */
export function readListedDuration(sources: PageSources): number | null {
  const positive = (sec: number | null) => (sec !== null && sec > 0 ? Math.round(sec) : null);
  return (
    fromPlayerResponses(sources, (response) => positive(asSeconds(at(response, playerResponsePaths.lengthSeconds)))) ??
    positive(parseIsoDuration(sources.microdata?.querySelector(selectors.microdataDuration)?.getAttribute('content')))
  );
}

/**
 * What the freshest player response says about playing this video: `unavailable` for any status
 * but OK (ERROR, LOGIN_REQUIRED, UNPLAYABLE, the bot check's CUSTOM in fixture 03…), `live` for a
 * live stream, an upcoming one (LIVE_STREAM_OFFLINE) or an absurd length; null when nothing says.
 */
export function readPlayability(sources: PageSources): 'unavailable' | 'live' | null {
  const status = fromPlayerResponses(sources, (response) => {
    const value = at(response, playerResponsePaths.playabilityStatus);
    return typeof value === 'string' ? value : null;
  });
  if (status === 'LIVE_STREAM_OFFLINE') return 'live';
  if (status !== null && status !== 'OK') return 'unavailable';
  const details = sources.playerResponses.find((response) => at(response, playerResponsePaths.videoId) !== undefined);
  if (details === undefined) return null;
  const flag = (path: readonly string[]) => at(details, path) === true;
  const length = asSeconds(at(details, playerResponsePaths.lengthSeconds));
  const live =
    flag(playerResponsePaths.isLive) ||
    flag(playerResponsePaths.isUpcoming) ||
    flag(playerResponsePaths.isLiveNow) ||
    (flag(playerResponsePaths.isLiveContent) && length === 0) ||
    (length !== null && length > LONGEST_VIDEO_SEC);
  return live ? 'live' : null;
}
