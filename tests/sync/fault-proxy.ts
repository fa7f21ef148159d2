import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * What the proxy does to one request. `drop`: the server does the work, the answer never arrives. `unconditional`:
 * the server ignores If-Match and If-None-Match, as golang.org/x/net/webdav's PUT does.
 */
export type Fault = 'none' | '500' | '507' | 'reset' | 'delay' | 'drop' | 'unconditional';

/**
 * A proxy between Talklog and the WebDAV server that misbehaves as `faultFor` says, request by
 * request, the way flaky networks and full or failing servers do.
 */
export async function startFaultProxy(target: string, faultFor: (method: string, path: string) => Fault) {
  const upstream = new URL(target);
  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse, onAnswered: () => boolean, headers = req.headers) => {
    const proxied = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        if (!onAnswered()) return;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(Buffer.concat(chunks));
      });
    });
    proxied.on('error', () => res.destroy());
    proxied.end(body);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const fault = faultFor(req.method ?? 'GET', req.url ?? '/');
      if (fault === '500' || fault === '507') {
        res.writeHead(Number(fault), { 'Content-Type': 'text/plain' });
        res.end(fault === '500' ? 'Internal Server Error' : 'Insufficient Storage');
      } else if (fault === 'reset') {
        req.socket.destroy();
      } else if (fault === 'drop') {
        forward(req, body, res, () => {
          req.socket.destroy();
          return false;
        });
      } else if (fault === 'unconditional') {
        const { 'if-match': _ifMatch, 'if-none-match': _ifNoneMatch, ...unconditional } = req.headers;
        forward(req, body, res, () => true, unconditional);
      } else if (fault === 'delay') {
        setTimeout(() => forward(req, body, res, () => true), 150);
      } else {
        forward(req, body, res, () => true);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
