/**
 * A small WebDAV client over plain `fetch`: what sync needs and nothing more (PROPFIND of one
 * folder, GET, conditional PUT, MKCOL, DELETE), of text and of slides' images. Credentials go in
 * our own `Authorization` header with `credentials: 'omit'`: a 401 then comes back to us instead
 * of waiting on a browser login prompt.
 */

import { parseMultistatus, type DavEntry } from './multistatus';

/** Why talking to the server failed, each said plainly to the user. */
export type DavProblem =
  | 'https-required'
  | 'bad-url'
  | 'unauthorized'
  | 'forbidden'
  | 'not-webdav'
  | 'redirected'
  | 'other-path'
  | 'no-conditional-writes'
  | 'unusable-etags'
  | 'unreachable'
  | 'busy'
  | 'locked'
  | 'server-error'
  | 'storage-full'
  | 'unexpected-status';

export class DavError extends Error {
  constructor(
    readonly problem: DavProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'DavError';
  }
}

export interface DavAccount {
  /** The folder's URL, ending in `/`. */
  folderUrl: string;
  user: string;
  password: string;
}

export interface DavClient {
  /** The entries of a folder (names relative to it, folders ending in `/`) with their ETags; null when the folder does not exist. */
  list(path: string): Promise<Map<string, string | null> | null>;
  /** A file's text with its ETag, which every write conditional on it needs (`unusable-etags` when there is none); null when there is no file. */
  get(path: string): Promise<{ text: string; etag: string } | null>;
  /** Writes only if the file is still `ifMatch` (or, with `null`, does not exist yet); false on 412. */
  putIf(path: string, text: string, ifMatch: string | null, contentType?: string): Promise<{ written: true; etag: string | null } | { written: false }>;
  /** Writes whatever is there; false when the folder it goes in does not exist (409). */
  put(path: string, text: string, contentType: string): Promise<boolean>;
  /** Writes a file unless one exists there already (`exists`, 412); `no-folder` when its folder does not exist (409). */
  create(path: string, body: string | Blob, contentType: string): Promise<'created' | 'exists' | 'no-folder'>;
  /** A file's bytes; null when there is none. */
  getBlob(path: string): Promise<Blob | null>;
  /** Creates a folder; one that exists already is fine. */
  makeFolder(path: string): Promise<void>;
  /** Deletes a file, one already gone included; with `ifMatch`, only if it is still that version (false on 412). */
  delete(path: string, ifMatch?: string): Promise<boolean>;
  /** Whether the folder itself answers as a WebDAV folder: true, or false when it does not exist. */
  folderExists(): Promise<boolean>;
}

const PROPFIND_BODY = '<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:resourcetype/><D:getetag/></D:prop></D:propfind>';

/** Plain http only to this machine; anything else must be https, or the password would cross the network readable. */
export function checkFolderUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new DavError('bad-url', input);
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol === 'http:' && !loopback) throw new DavError('https-required', url.origin);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DavError('bad-url', input);
  if (url.search || url.hash || url.username || url.password) throw new DavError('bad-url', input);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/**
 * The host permission a folder needs: its scheme and host, without the port, which Firefox refuses in a match pattern
 * and Chrome does not need (a pattern without one matches every port).
 */
export function hostPattern(folderUrl: string): string {
  const url = new URL(folderUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Waits out a weak ETag before a write conditional on it: Apache gives a file written within the last second a weak
 * ETag, which If-Match never matches; a second later the same value is strong.
 */
export async function untilStrong(etag: string | null | undefined, wait: (ms: number) => Promise<void>): Promise<void> {
  if (etag?.startsWith('W/')) await wait(1100);
}

/** A server refusing a write conditional on the ETag its own GET gave (`request`: `PUT` or `DELETE`). */
function refusedOwnEtag(request: string, path: string, etag: string): DavError {
  return new DavError('unusable-etags', `${request} ${path} with If-Match of the ETag its GET gave, ${etag}: 412`);
}

/**
 * Reads a file again after a write conditional on the version `refused` was refused (412). When nobody changed it
 * (the same ETag, the same text) the server refused its own ETag, as Apache does with one mod_deflate made `"…-gzip"`
 * when it compressed the answer: `unusable-etags`, rather than retrying until the file "kept changing".
 * `refused` null: the version was not from a GET, so there is nothing to compare.
 */
export async function readAfterRefusal(
  dav: DavClient,
  path: string,
  refused: { text: string; etag: string } | null,
  request: 'PUT' | 'DELETE' = 'PUT',
): Promise<{ text: string; etag: string } | null> {
  const found = await dav.get(path);
  if (refused && found?.etag === refused.etag && found.text === refused.text) throw refusedOwnEtag(request, path, refused.etag);
  return found;
}

/** An ETag's value without the weak `W/` mark: Apache marks a file written within the last second weak, then strong, same value. */
export function etagValue(etag: string | null): string | null {
  return etag === null ? null : etag.replace(/^W\//, '');
}

/**
 * Whether two ETags name the same version: compared without the weak mark, and without the quotes Seafile and
 * WsgiDAV leave out of PROPFIND's getetag while their ETag header has them.
 */
export function sameEtag(a: string | null | undefined, b: string | null | undefined): boolean {
  const bare = (etag: string) => etag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  return a != null && b != null && bare(a) === bare(b);
}

export function createDavClient(account: DavAccount, fetchImpl: typeof fetch = (input, init) => fetch(input, init)): DavClient {
  const authorization = `Basic ${base64(`${account.user}:${account.password}`)}`;
  const folder = new URL(account.folderUrl);

  const request = async (method: string, path: string, headers: Record<string, string> = {}, body?: string | Blob): Promise<Response> => {
    const url = new URL(path, folder);
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: { Authorization: authorization, ...headers },
        body,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'manual',
      });
    } catch (error) {
      throw new DavError('unreachable', error instanceof Error ? error.message : String(error));
    }
    // Not followed: a request sent again elsewhere could lose its body or its Authorization header. A browser gives the
    // redirect as an opaque answer, without its status or address.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      const location = response.headers.get('Location');
      throw new DavError('redirected', `${method} ${url.pathname}: ${location ? `${response.status} to ${new URL(location, url).href}` : 'redirected'}`);
    }
    if (response.status === 401) throw new DavError('unauthorized', `${method} ${path}: 401`);
    // The account is known but may not do this here: a read-only share, or a folder of someone else's.
    if (response.status === 403) throw new DavError('forbidden', `${method} ${path}: 403`);
    // A file open in another app (Nextcloud Text locks the file it edits): its path is what the user needs.
    if (response.status === 423) throw new DavError('locked', path);
    if (response.status === 429 || response.status === 503) throw new DavError('busy', `${method} ${path}: ${response.status}`);
    if (response.status === 507) throw new DavError('storage-full', `${method} ${path}: 507`);
    if (response.status >= 500) throw new DavError('server-error', `${method} ${path}: ${response.status}`);
    return response;
  };
  const unexpected = (response: Response, what: string) => new DavError('unexpected-status', `${what}: ${response.status} ${response.statusText}`);

  const propfind = async (path: string, depth: '0' | '1') => {
    const response = await request('PROPFIND', path, { Depth: depth, 'Content-Type': 'application/xml; charset=utf-8' }, PROPFIND_BODY);
    if (response.status === 404) return null;
    // What a web server that does not speak WebDAV answers a PROPFIND with.
    if (response.status === 200 || response.status === 405) throw new DavError('not-webdav', `PROPFIND ${path}: ${response.status}`);
    if (response.status !== 207) throw unexpected(response, `PROPFIND ${path}`);
    try {
      return parseMultistatus(await response.text());
    } catch (error) {
      throw new DavError('not-webdav', error instanceof Error ? error.message : String(error));
    }
  };

  /**
   * The entries of a PROPFIND answer at `path` or inside it, each with its decoded path. An answer with entries, none
   * of them there, is for another path: a reverse proxy adding or removing a prefix without rewriting the hrefs. Its
   * entries, all left out, would have every sync take the folder for empty, write every talk again and read none.
   */
  const entriesAt = (path: string, entries: DavEntry[]) => {
    const base = decodedPath(new URL(path, folder));
    const at = entries.map((entry) => ({ ...entry, path: decodedPath(new URL(entry.href, folder)) })).filter((entry) => isAtOrIn(entry.path, base));
    if (entries.length > 0 && at.length === 0) {
      throw new DavError('other-path', `PROPFIND ${new URL(path, folder).pathname}: answered for ${decodedPath(new URL(entries[0].href, folder))}`);
    }
    return { base, at };
  };

  return {
    async list(path) {
      const entries = await propfind(path, '1');
      if (entries === null) return null;
      const { base, at } = entriesAt(path, entries);
      const listed = new Map<string, string | null>();
      for (const entry of at) {
        const name = entry.path.slice(base.length);
        if (name === '' || name === '/') continue;
        listed.set(entry.isFolder && !name.endsWith('/') ? `${name}/` : name, entry.etag);
      }
      return listed;
    },
    async get(path) {
      const response = await request('GET', path);
      if (response.status === 404) return null;
      if (response.status !== 200) throw unexpected(response, `GET ${path}`);
      const etag = response.headers.get('ETag');
      // Dropped by a proxy: no write of this file could be conditional on the version read.
      if (etag === null) throw new DavError('unusable-etags', `GET ${path}: no ETag`);
      return { text: await response.text(), etag };
    },
    async putIf(path, text, ifMatch, contentType = 'application/json; charset=utf-8') {
      const condition: Record<string, string> = ifMatch === null ? { 'If-None-Match': '*' } : { 'If-Match': etagValue(ifMatch)! };
      const response = await request('PUT', path, { 'Content-Type': contentType, ...condition }, text);
      if (response.status === 412) return { written: false };
      if (response.status !== 201 && response.status !== 204 && response.status !== 200) throw unexpected(response, `PUT ${path}`);
      return { written: true, etag: response.headers.get('ETag') };
    },
    async put(path, text, contentType) {
      const response = await request('PUT', path, { 'Content-Type': contentType }, text);
      if (response.status === 409) return false;
      if (response.status !== 201 && response.status !== 204 && response.status !== 200) throw unexpected(response, `PUT ${path}`);
      return true;
    },
    async create(path, body, contentType) {
      const response = await request('PUT', path, { 'Content-Type': contentType, 'If-None-Match': '*' }, body);
      if (response.status === 409) return 'no-folder';
      if (response.status === 412) return 'exists';
      if (response.status !== 201 && response.status !== 204 && response.status !== 200) throw unexpected(response, `PUT ${path}`);
      return 'created';
    },
    async getBlob(path) {
      const response = await request('GET', path);
      if (response.status === 404) return null;
      if (response.status !== 200) throw unexpected(response, `GET ${path}`);
      return response.blob();
    },
    async makeFolder(path) {
      let response: Response;
      try {
        response = await request('MKCOL', path);
      } catch (error) {
        // Apache answers 403 when another request made the folder between its check and its mkdir.
        if (error instanceof DavError && error.problem === 'forbidden' && (await propfind(path, '0')) !== null) return;
        throw error;
      }
      // 405: it exists already.
      if (response.status !== 201 && response.status !== 405) throw unexpected(response, `MKCOL ${path}`);
    },
    async delete(path, ifMatch) {
      const response = await request('DELETE', path, ifMatch === undefined ? {} : { 'If-Match': etagValue(ifMatch)! });
      if (response.status === 412) return false;
      if (response.status !== 204 && response.status !== 200 && response.status !== 404) throw unexpected(response, `DELETE ${path}`);
      return true;
    },
    async folderExists() {
      const entries = await propfind('', '0');
      if (entries === null) return false;
      if (!entriesAt('', entries).at[0]?.isFolder) throw new DavError('not-webdav', `${account.folderUrl} is not a folder`);
      return true;
    },
  };
}

/**
 * A URL's path, percent-decoded once, segment by segment: a name is as the server stores it
 * (`50% done.txt` from `50%25%20done.txt`), and a segment that is not valid percent-encoding stays
 * as it is rather than failing the whole listing.
 */
function decodedPath(url: URL): string {
  return url.pathname
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

/** Whether `path` is `base`, a folder's path, or inside it (a folder's own href may lack its final `/`). */
function isAtOrIn(path: string, base: string): boolean {
  return path.startsWith(base) || `${path}/` === base;
}

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** Writes a file, making the folders it goes in when the server says they are missing (409, `no-folder`). */
export async function writeCreatingFolders<T>(dav: DavClient, path: string, write: () => Promise<T | 'no-folder'>): Promise<T> {
  const first = await write();
  if (first !== 'no-folder') return first;
  const parts = path.split('/').slice(0, -1);
  for (let i = 1; i <= parts.length; i++) await dav.makeFolder(`${parts.slice(0, i).join('/')}/`);
  const second = await write();
  if (second === 'no-folder') throw new DavError('unexpected-status', `PUT ${path}: 409 after creating its folders`);
  return second;
}

/** Waits `ms`: how sync and Connect wait when nothing else is given (tests give a clock of their own). */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * What Connect does: checks the account and the folder, creating the folder and `talks/` in it when missing.
 * `wait`: how its check waits out Apache's first second of weak ETags.
 */
export async function prepareFolder(dav: DavClient, wait: (ms: number) => Promise<void> = sleep): Promise<void> {
  if (!(await dav.folderExists())) {
    await dav.makeFolder('');
    // Asked again: an answer for another path (other-path) shows only once the folder exists.
    if (!(await dav.folderExists())) throw new DavError('unexpected-status', 'PROPFIND: 404 after creating the folder');
  }
  await dav.makeFolder('talks/');
  await requireConditionalWrites(dav, wait);
}

/**
 * A file Connect writes, then deletes, to see that the server keeps conditional writes. Like a talk's file, JSON of some
 * 2 KB: a server compressing only some types (Apache's `AddOutputFilterByType`) or only answers over some size
 * (nginx's `gzip_min_length`) must answer it as it answers those.
 */
const CONDITIONAL_WRITE_CHECK = '.talklog-check.json';
const CONDITIONAL_WRITE_CHECK_TEXT = JSON.stringify({
  about: 'Talklog checks that this server keeps conditional writes, then deletes this file.',
  padding: '.'.repeat(2000),
});

/**
 * Sync writes a talk's file only if it is still the version it read (If-Match), so that two devices writing at once
 * merge rather than overwrite each other, and writes a new markdown mirror or slide file only if none is there yet
 * (If-None-Match), so that a file someone edited is kept. A server that ignores a condition (golang.org/x/net/webdav,
 * which `rclone serve webdav` is built on, leaves both as a TODO; reva, behind CERNBox and oCIS, keeps only If-Match)
 * would lose notes or edits without a word; one whose answers lose their ETag, or carry one If-Match never matches (a
 * proxy, or Apache's mod_deflate making it `"…-gzip"`), would refuse every write of a file read before. All are refused
 * at Connect.
 */
async function requireConditionalWrites(dav: DavClient, wait: (ms: number) => Promise<void>): Promise<void> {
  await dav.put(CONDITIONAL_WRITE_CHECK, CONDITIONAL_WRITE_CHECK_TEXT, 'application/json; charset=utf-8');
  try {
    if ((await dav.create(CONDITIONAL_WRITE_CHECK, '{}', 'application/json; charset=utf-8')) === 'created') {
      throw new DavError('no-conditional-writes', `PUT ${CONDITIONAL_WRITE_CHECK} with If-None-Match: * where it exists: written`);
    }
    const { written } = await dav.putIf(CONDITIONAL_WRITE_CHECK, '{}', '"talklog-no-such-version"');
    if (written) throw new DavError('no-conditional-writes', `PUT ${CONDITIONAL_WRITE_CHECK} with If-Match of another version: written`);
    const read = await dav.get(CONDITIONAL_WRITE_CHECK);
    if (!read) throw new DavError('unexpected-status', `GET ${CONDITIONAL_WRITE_CHECK}: 404 after writing it`);
    await untilStrong(read.etag, wait);
    if (!(await dav.putIf(CONDITIONAL_WRITE_CHECK, '{}', read.etag)).written) {
      throw refusedOwnEtag('PUT', CONDITIONAL_WRITE_CHECK, read.etag);
    }
  } finally {
    await dav.delete(CONDITIONAL_WRITE_CHECK);
  }
}
