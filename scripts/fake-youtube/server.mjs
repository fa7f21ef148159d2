// An HTTPS stand-in for www.youtube.com on 127.0.0.1, for the end-to-end tests and the offline demo.
// Chromium reaches it through --host-resolver-rules, so the extension sees the real origin.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { videoById } from './videos.mjs';
import { silentWav, sendWithRanges } from './silent-media.mjs';
import { homePage, watchPage } from './watch-page.mjs';

function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'talklog-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
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
 * @param {{ simulatePlayback?: boolean }} [options] simulatePlayback advances the player clock
 *   once a second (the demo); tests leave it off and set `currentTime` themselves.
 * @returns {Promise<{ port: number, hostResolverRule: string, close: () => Promise<void> }>}
 */
export async function startFakeYouTube({ simulatePlayback = false } = {}) {
  const server = createServer(selfSignedCertificate(), (request, response) => {
    const url = new URL(request.url ?? '/', 'https://www.youtube.com');
    const send = (/** @type {number} */ status, /** @type {string} */ html) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(html);
    };
    if (url.pathname === '/watch') {
      const video = videoById(url.searchParams.get('v') ?? '');
      if (!video) return send(404, '<!doctype html><title>YouTube</title><p>Video unavailable</p>');
      return send(200, watchPage(video, { simulatePlayback, startSec: Number(url.searchParams.get('start') ?? 0) }));
    }
    if (url.pathname.startsWith('/media/')) {
      const video = videoById(url.pathname.slice('/media/'.length));
      if (video) return sendWithRanges(request, response, silentWav(video.lengthSeconds), 'audio/wav');
    }
    if (url.pathname === '/') return send(200, homePage());
    send(404, '<!doctype html><title>404 Not Found</title>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    port,
    hostResolverRule: `MAP www.youtube.com 127.0.0.1:${port}, MAP * ~NOTFOUND`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
