// An HTTPS stand-in for www.youtube.com on 127.0.0.1, for the end-to-end tests and the offline demo.
// Chromium reaches it through --host-resolver-rules, so the extension sees the real origin.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { videoById } from './videos.mjs';
import { silentWav, sendWithRanges } from './silent-media.mjs';
import { slidesWebm } from './slides-video.mjs';
import { homePage, MEDIA_HOST, PAGE_STYLE, watchPage } from './watch-page.mjs';
import { conferencePlaylist, conferenceVideoById, CONFERENCE_PLAYLIST_ID } from './conference.mjs';
import { listBatchHtml, listPage, panelBatchHtml, panelHtml } from './playlist-page.mjs';

function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'talklog-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        // An elliptic-curve key: made in some 15 ms, where an RSA one took a quarter of a second, at each file's start.
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=www.youtube.com',
        '-addext',
        'subjectAltName=DNS:www.youtube.com',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * @param {{ simulatePlayback?: boolean, conferenceTalks?: number }} [options] simulatePlayback advances
 *   the player clock once a second (the demo); tests leave it off and set `currentTime` themselves.
 *   conferenceTalks: how many talks the conference playlist (conference.mjs) holds at first.
 * @returns {Promise<{ port: number, hostResolverRule: string, uploadTalks: (count: number) => void, close: () => Promise<void> }>}
 */
export async function startFakeYouTube({ simulatePlayback = false, conferenceTalks = 205 } = {}) {
  let talks = conferenceTalks;
  const playlistFor = (/** @type {string | null} */ id) => (id === CONFERENCE_PLAYLIST_ID ? conferencePlaylist(talks) : null);
  const server = createServer(selfSignedCertificate(), (request, response) => {
    const url = new URL(request.url ?? '/', 'https://www.youtube.com');
    const send = (/** @type {number} */ status, /** @type {string} */ html) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
    };
    if (url.pathname === '/watch') {
      const id = url.searchParams.get('v') ?? '';
      const video = videoById(id) ?? conferenceVideoById(id);
      if (!video) return send(404, '<!doctype html><title>YouTube</title><p>Video unavailable</p>');
      const playlist = playlistFor(url.searchParams.get('list'));
      const inPlaylist = playlist ? { playlist, index: Number(url.searchParams.get('index') ?? 1) } : null;
      const startSec = Number(url.searchParams.get('start') ?? 0);
      return send(
        200,
        watchPage(video, {
          simulatePlayback,
          startSec,
          inPlaylist,
          hoverPreview: url.searchParams.has('preview'),
          mediaElsewhere: url.searchParams.has('media-elsewhere'),
        }),
      );
    }
    if (url.pathname === '/playlist') {
      const playlist = playlistFor(url.searchParams.get('list'));
      if (!playlist) return send(404, '<!doctype html><title>YouTube</title><p>This playlist does not exist.</p>');
      return send(200, listPage(playlist, PAGE_STYLE));
    }
    if (url.pathname === '/playlist_rows') {
      const playlist = playlistFor(url.searchParams.get('list'));
      if (playlist) return send(200, listBatchHtml(playlist, Number(url.searchParams.get('from') ?? 0)));
    }
    // A watch page's playlist panel, opened in-page from the /playlist page, and its next rows.
    if (url.pathname === '/playlist_panel') {
      const playlist = playlistFor(url.searchParams.get('list'));
      if (playlist) return send(200, panelHtml(playlist, Number(url.searchParams.get('index') ?? 1)));
    }
    if (url.pathname === '/playlist_panel_rows') {
      const playlist = playlistFor(url.searchParams.get('list'));
      if (playlist) return send(200, panelBatchHtml(playlist, Number(url.searchParams.get('from') ?? 0), Number(url.searchParams.get('index') ?? 1)));
    }
    if (url.pathname.startsWith('/media/')) {
      const id = url.pathname.slice('/media/'.length);
      const video = videoById(id) ?? conferenceVideoById(id);
      if (video?.slides) return sendWithRanges(request, response, slidesWebm(), 'video/webm');
      if (video) return sendWithRanges(request, response, silentWav(video.lengthSeconds), 'audio/wav');
    }
    if (url.pathname === '/') return send(200, homePage());
    send(404, '<!doctype html><title>404 Not Found</title>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    port,
    hostResolverRule: `MAP www.youtube.com 127.0.0.1:${port}, MAP ${MEDIA_HOST} 127.0.0.1:${port}, MAP * ~NOTFOUND`,
    /** The conference uploads more talks: its playlist grows by `count` rows. */
    uploadTalks: (count) => {
      talks += count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
