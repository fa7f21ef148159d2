/** YouTube video ids and the URLs Talklog builds from them. */

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const YOUTUBE_HOSTS = new Set(['www.youtube.com', 'youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com']);
const PATH_FORMS = new Set(['shorts', 'live', 'embed', 'v', 'e']);

export function isVideoId(value: unknown): value is string {
  return typeof value === 'string' && VIDEO_ID.test(value);
}

/** Whether a URL is on one of YouTube's own sites (www, m, music, nocookie, youtu.be): where a content script can find a talk. */
export function isYouTubeUrl(href: string): boolean {
  try {
    const host = new URL(href).hostname.toLowerCase();
    return host === 'youtu.be' || YOUTUBE_HOSTS.has(host);
  } catch {
    return false;
  }
}

/** The video id of any YouTube video URL (watch, youtu.be, shorts, live, embed, mobile), or null. */
export function videoIdFromUrl(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean);
  let candidate: string | null | undefined;
  if (host === 'youtu.be') {
    candidate = segments[0];
  } else if (YOUTUBE_HOSTS.has(host)) {
    if (segments[0] === 'watch') candidate = url.searchParams.get('v');
    else if (segments[0] && PATH_FORMS.has(segments[0])) candidate = segments[1];
  }
  return isVideoId(candidate) ? candidate : null;
}

export function canonicalVideoUrl(videoId: string): string {
  return `https://www.youtube.com/watch?v=${videoId}`;
}

/** A link that opens the video at a second: `https://www.youtube.com/watch?v=ID&t=754s`. */
export function videoTimeUrl(videoId: string, atSec: number): string {
  return `${canonicalVideoUrl(videoId)}&t=${Math.max(0, Math.floor(atSec))}s`;
}
