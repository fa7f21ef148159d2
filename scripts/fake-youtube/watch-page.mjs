// HTML of a desktop watch page as YouTube renders it (the parts extensions read), plus the
// in-page navigation YouTube does: pushState, DOM swap, yt-navigate-finish, a lagging title.
import { VIDEOS } from './videos.mjs';
import { escapeHtml, panelHtml, scriptJson, watchPlaylistData } from './playlist-page.mjs';

/** @typedef {import('./videos.mjs').Video} Video */

/** @param {Video} video */
function playerResponse(video) {
  return {
    playabilityStatus: { status: 'OK' },
    videoDetails: {
      videoId: video.id,
      title: video.title,
      lengthSeconds: String(video.lengthSeconds),
      author: video.channel,
      isLiveContent: false,
    },
  };
}

/**
 * @param {Video} video
 * @param {{ playlist: import('./conference.mjs').Playlist, index: number } | null} inPlaylist
 */
function initialData(video, inPlaylist) {
  const chapters = video.chapters.map((chapter) => ({
    chapterRenderer: { title: { simpleText: chapter.title }, timeRangeStartMillis: chapter.startSec * 1000 },
  }));
  return {
    currentVideoEndpoint: { watchEndpoint: { videoId: video.id } },
    ...(inPlaylist ? { contents: { twoColumnWatchNextResults: watchPlaylistData(inPlaylist.playlist) } } : {}),
    playerOverlays: {
      playerOverlayRenderer: {
        decoratedPlayerBarRenderer: {
          decoratedPlayerBarRenderer: {
            playerBar: {
              multiMarkersPlayerBarRenderer: {
                markersMap: chapters.length ? [{ key: 'DESCRIPTION_CHAPTERS', value: { chapters } }] : [],
              },
            },
          },
        },
      },
    },
  };
}

/** @param {string} currentId */
function related(currentId) {
  return VIDEOS.filter((video) => video.id !== currentId)
    .map(
      (video) => `
        <ytd-compact-video-renderer>
          <a id="thumbnail" class="yt-simple-endpoint" href="/watch?v=${video.id}">
            <span id="video-title" class="related-title">${escapeHtml(video.title)}</span>
            <span class="related-channel">${escapeHtml(video.channel)}</span>
          </a>
        </ytd-compact-video-renderer>`,
    )
    .join('');
}

/** Where the hover preview plays in the slides video (tests capture the main player before it). */
export const PREVIEW_FROM_SEC = 12;

/** YouTube streams from googlevideo.com hosts; the stand-in answers for this one too (its `hostResolverRule`). */
export const MEDIA_HOST = 'rr1---sn-talklog.googlevideo.com';

/**
 * The hover-preview ("inline") player YouTube keeps in the page, playing another part of the
 * slides video, first in document order: a capture that took any `<video>` would take this one.
 */
const hoverPreview = (/** @type {Video} */ video) => `
<ytd-video-preview><div id="inline-preview-player" class="html5-video-player">
  <video class="video-stream html5-main-video" muted autoplay loop playsinline src="/media/${video.id}"></video>
</div></ytd-video-preview>
<script>
(() => {
  const preview = document.querySelector('#inline-preview-player video');
  // Plays seconds ${PREVIEW_FROM_SEC} to the end only, so its frames never match the main player's early ones.
  preview.addEventListener('timeupdate', () => { if (preview.currentTime < ${PREVIEW_FROM_SEC}) preview.currentTime = ${PREVIEW_FROM_SEC}; });
})();
</script>`;

/**
 * The videos a click on the page opens in place: the demo talks recommended beside every video, and
 * the talks of the playlist panel (YouTube switches to a panel row without reloading too).
 * @param {{ playlist: import('./conference.mjs').Playlist } | null} inPlaylist
 * @returns {Video[]}
 */
function inPageVideos(inPlaylist) {
  return [...VIDEOS, ...(inPlaylist?.playlist.rows.flatMap((row) => (row.video ? [row.video] : [])) ?? [])];
}

/**
 * @param {Video} video
 * @param {{ simulatePlayback?: boolean, startSec?: number, inPlaylist?: { playlist: import('./conference.mjs').Playlist, index: number } | null, hoverPreview?: boolean, mediaElsewhere?: boolean }} [options]
 *   hoverPreview adds a playing hover-preview player to the page; mediaElsewhere serves the main
 *   player's video from MEDIA_HOST, another origin sending no CORS headers, so its frames cannot be read.
 */
export function watchPage(
  video,
  { simulatePlayback = false, startSec = 0, inPlaylist = null, hoverPreview: withPreview = false, mediaElsewhere = false } = {},
) {
  const mediaSrc = `${mediaElsewhere ? `https://${MEDIA_HOST}` : ''}/media/${video.id}`;
  const canonical = `https://www.youtube.com/watch?v=${video.id}`;
  return `<!doctype html>
<html lang="en" dark>
<head>
<meta charset="utf-8">
<title>(3) ${escapeHtml(video.title)} - YouTube</title>
<meta name="title" content="${escapeHtml(video.title)}">
<meta property="og:title" content="${escapeHtml(video.title)}">
<meta property="og:url" content="${canonical}">
<link rel="canonical" href="${canonical}">
<style>${PAGE_STYLE}</style>
</head>
<body>
<ytd-app>
  ${withPreview ? hoverPreview(video) : ''}
  <div id="masthead"><span class="logo">▶ YouTube</span><input class="search" placeholder="Search" aria-label="Search YouTube"></div>
  <ytd-watch-flexy video-id="${video.id}" role="main">
    <div id="primary">
      <div id="player"${video.slides ? ' class="player--small"' : ''}>
        <div id="movie_player" class="html5-video-player">
          <video class="video-stream html5-main-video" muted playsinline preload="auto" src="${mediaSrc}"></video>
          <div class="${video.slides ? 'player-clock' : 'slide'}"><span class="slide__title">${escapeHtml(video.title)}</span><span class="slide__time" id="clock">0:00</span></div>
        </div>
      </div>
      <ytd-watch-metadata class="watch-active-metadata">
        <div id="title"><h1 class="style-scope ytd-watch-metadata"><yt-formatted-string class="style-scope ytd-watch-metadata">${escapeHtml(video.title)}</yt-formatted-string></h1></div>
        <div id="owner">
          <ytd-video-owner-renderer>
            <ytd-channel-name id="channel-name"><div id="text-container"><yt-formatted-string id="text"><a class="yt-simple-endpoint yt-formatted-string" href="/${video.channelHandle}">${escapeHtml(video.channel)}</a></yt-formatted-string></div></ytd-channel-name>
          </ytd-video-owner-renderer>
        </div>
      </ytd-watch-metadata>
    </div>
    <div id="secondary">${inPlaylist ? panelHtml(inPlaylist.playlist, inPlaylist.index) : ''}<h2>Up next</h2>${related(video.id)}</div>
  </ytd-watch-flexy>
</ytd-app>
<script>var ytInitialPlayerResponse = ${scriptJson(playerResponse(video))};</script>
<script>var ytInitialData = ${scriptJson(initialData(video, inPlaylist))};</script>
<script>
(() => {
  const catalog = ${scriptJson(Object.fromEntries(inPageVideos(inPlaylist).map((v) => [v.id, { title: v.title, channel: v.channel, handle: v.channelHandle }])))};
  const video = document.querySelector('#movie_player video');
  const clock = document.getElementById('clock');
  const format = (s) => Math.floor(s / 60) + ':' + String(Math.floor(s % 60)).padStart(2, '0');
  const show = () => { clock.textContent = format(video.currentTime); };
  video.addEventListener("timeupdate", show);
  video.addEventListener("seeked", show);
  video.addEventListener('loadedmetadata', () => {
    video.currentTime = ${Number(startSec)};
    ${simulatePlayback ? 'void video.play();' : ''}
  }, { once: true });

  // In-page navigation the way YouTube does it: the URL and the rendered page switch first,
  // <head>, the inline JSON and document.title keep describing the previous video for a while.
  window.navigateInPage = (id, href = '/watch?v=' + id) => {
    const next = catalog[id];
    document.dispatchEvent(new CustomEvent('yt-navigate-start', { bubbles: true }));
    history.pushState({}, '', href);
    document.querySelector('ytd-watch-flexy').setAttribute('video-id', id);
    document.querySelector('ytd-watch-metadata #title yt-formatted-string').textContent = next.title;
    const owner = document.querySelector('ytd-video-owner-renderer #channel-name a');
    owner.textContent = next.channel;
    owner.setAttribute('href', '/' + next.handle);
    document.querySelector('.slide__title').textContent = next.title;
    video.src = '/media/' + id;
    document.dispatchEvent(new CustomEvent('yt-navigate-finish', { bubbles: true, detail: { pageType: 'watch' } }));
    setTimeout(() => { document.title = next.title + ' - YouTube'; }, Number(new URLSearchParams(location.search).get('titleLagMs') ?? 1500));
  };
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a.yt-simple-endpoint[href^="/watch"]');
    if (!link) return;
    const id = new URL(link.href).searchParams.get('v');
    if (!catalog[id]) return; // not one of the demo talks: a full page load, as YouTube falls back to
    event.preventDefault();
    window.navigateInPage(id, link.getAttribute('href'));
  });
})();
</script>
</body>
</html>`;
}

export function homePage() {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>YouTube</title><style>${PAGE_STYLE}</style></head>
<body><ytd-app><div id="masthead"><span class="logo">▶ YouTube</span></div><ytd-browse role="main"><h1>Recommended</h1>${related('')}</ytd-browse></ytd-app></body></html>`;
}

export const PAGE_STYLE = `
body { margin: 0; font: 14px/1.4 Roboto, Arial, sans-serif; background: #0f0f0f; color: #f1f1f1; }
#masthead { display: flex; gap: 24px; align-items: center; padding: 10px 20px; border-bottom: 1px solid #272727; }
.logo { font-weight: 700; font-size: 18px; color: #fff; }
.search { flex: 0 1 420px; background: #121212; border: 1px solid #303030; border-radius: 20px; color: #aaa; padding: 6px 14px; }
ytd-watch-flexy { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 24px; padding: 20px; }
#movie_player { position: relative; aspect-ratio: 16 / 9; background: #000; border-radius: 12px; overflow: hidden; }
#movie_player video { position: absolute; inset: 0; width: 100%; height: 100%; }
.player--small { width: 640px; }
.player-clock { position: absolute; left: 8px; bottom: 8px; display: flex; gap: 8px; }
.player-clock .slide__title { display: none; }
ytd-video-preview { position: fixed; right: 20px; bottom: 20px; width: 320px; aspect-ratio: 16 / 9; z-index: 1; }
#inline-preview-player video { width: 100%; height: 100%; }
.slide { position: absolute; inset: 0; display: flex; flex-direction: column; justify-content: center; align-items: center; gap: 12px;
  background: linear-gradient(135deg, #1e3a8a, #312e81 60%, #0f172a); padding: 32px; text-align: center; }
.slide__title { font-size: 26px; font-weight: 700; max-width: 80%; }
.slide__time { font: 600 16px monospace; background: rgba(0,0,0,.5); padding: 2px 10px; border-radius: 6px; }
#title h1 { font-size: 20px; margin: 12px 0 8px; }
#channel-name a { color: #f1f1f1; font-weight: 600; text-decoration: none; }
#secondary h2 { font-size: 16px; margin: 0 0 12px; }
ytd-compact-video-renderer a { display: flex; flex-direction: column; gap: 2px; padding: 10px; border-radius: 8px; color: inherit; text-decoration: none; background: #1b1b1b; margin-bottom: 8px; }
.related-channel { color: #aaa; font-size: 12px; }
ytd-browse { display: block; padding: 20px; max-width: 480px; }
`;
