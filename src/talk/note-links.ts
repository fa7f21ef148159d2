/** What a link in a note may do when shown: open a web page, or seek the talk it is a note on. */

import { videoIdFromUrl } from './video-id';

export type NoteLink = { kind: 'seek'; atSec: number } | { kind: 'web'; href: string };

/**
 * A note's link as it may be followed: a link to this talk's video at a time seeks it; any other
 * http(s) link opens as a web page; anything else (javascript:, data:, relative) is not a link.
 */
export function noteLink(href: string, videoId: string | null): NoteLink | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const atSec = videoId !== null && videoIdFromUrl(url.href) === videoId ? secondsOf(url.searchParams.get('t')) : null;
  return atSec === null ? { kind: 'web', href: url.href } : { kind: 'seek', atSec };
}

/** YouTube's `t`: `754`, `754s` or `12m34s` (`1h2m3s`). */
function secondsOf(t: string | null): number | null {
  const match = t === null ? null : /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(t);
  if (!match || t === '') return null;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}
