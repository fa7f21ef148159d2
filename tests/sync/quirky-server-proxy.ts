import { createServer, request } from 'node:http';

/** How a WebDAV server other than Apache answers, imitated by a proxy in front of Apache. */
export interface Quirks {
  /** Ignores `If-None-Match` and keeps `If-Match`, as reva (CERNBox, oCIS) does. */
  ignoresIfNoneMatch?: boolean;
  /**
   * Serves the folders under this path prefix (`/dav`), removed before Apache sees the path: Apache's hrefs lack it, as
   * behind a reverse proxy that moves the folder without rewriting PROPFIND's answers.
   */
  pathPrefix?: string;
  /** Gives PROPFIND's getetag without its quotes, while the ETag header keeps them, as Seafile and WsgiDAV do. */
  unquotedGetetag?: boolean;
  /** Answers every request with a 301 to the same path at this origin, as a server moved elsewhere does. */
  redirectTo?: string;
}

/** A proxy before the WebDAV server at `target` that answers as `quirks` says; `requests` lists `METHOD path status` of each. */
export async function startQuirkyProxy(target: string, quirks: Quirks) {
  const upstream = new URL(target);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const answered = (status: number) => requests.push(`${req.method} ${decodeURIComponent(path)} ${status}`);
      if (quirks.redirectTo !== undefined) {
        answered(301);
        res.writeHead(301, { Location: `${quirks.redirectTo}${path}` });
        res.end();
        return;
      }
      const headers = { ...req.headers };
      if (quirks.ignoresIfNoneMatch) delete headers['if-none-match'];
      const prefix = quirks.pathPrefix ?? '';
      const forwardedPath = path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path;
      const proxied = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: forwardedPath, headers }, (answer) => {
        const answerChunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
        answer.on('end', () => {
          let body = Buffer.concat(answerChunks);
          const answerHeaders = { ...answer.headers };
          if (quirks.unquotedGetetag && req.method === 'PROPFIND') {
            body = Buffer.from(body.toString('utf8').replace(/(<(?:\w+:)?getetag>(?:W\/)?)"([^"<]*)"/g, '$1$2'));
            delete answerHeaders['content-length'];
          }
          answered(answer.statusCode ?? 502);
          res.writeHead(answer.statusCode ?? 502, answerHeaders);
          res.end(body);
        });
      });
      proxied.on('error', () => res.destroy());
      proxied.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
