// A loopback HTTP proxy that tunnels `CONNECT www.youtube.com:443` to the stand-in's random port, for
// browsers that can map a host to an address but not to a port (Firefox's network.dns.forceResolve).
// Firefox reaches it through a PAC file (`pacUrl`), so nothing binds port 443 and several stand-ins
// can run on one machine at once. Every other host is refused.
import { createServer } from 'node:http';
import { connect } from 'node:net';

const HOST = 'www.youtube.com';

/**
 * @param {number} youtubePort the port startFakeYouTube() listens on
 * @returns {Promise<{ port: number, pacUrl: string, close: () => Promise<void> }>}
 */
export async function startYouTubeProxy(youtubePort) {
  const sockets = new Set();
  const server = createServer((_, response) => {
    response.writeHead(403).end();
  });
  server.on('connect', (request, client, head) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (request.url !== `${HOST}:443`) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(youtubePort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const pac = `function FindProxyForURL(url, host) { return host === '${HOST}' ? 'PROXY 127.0.0.1:${port}' : 'DIRECT'; }`;
  return {
    port,
    pacUrl: `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(pac)}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
