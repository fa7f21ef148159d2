/**
 * Writing a markdown mirror file without losing what a person wrote in it. Each file Talklog writes ends with a mark
 * holding the SHA-256 of the text above it: a file whose text still matches its mark is as a Talklog (on any device,
 * of any version) wrote it, and may be rewritten; any other is someone's edit, and stays as it is. A remembered ETag
 * could not tell a person's edit from another device's rewrite. Each rewrite is conditional on the ETag of the
 * version checked, so an edit saved meanwhile is checked in its turn rather than overwritten.
 */

import { DavError, readAfterRefusal, untilStrong, writeCreatingFolders, type DavClient } from './webdav';

const MARKDOWN_TYPE = 'text/markdown; charset=utf-8';
const MAX_ATTEMPTS = 6;
const MARK = /\n<!-- talklog:([0-9a-f]{64}) [^\n]*-->\n$/;
/** A mark anywhere: words added after it are an edit, not a file from before the mark. */
const ANY_MARK = /\n<!-- talklog:[0-9a-f]{64} /;

/** What a write did: where Talklog's version went (null: nowhere, both places were edited), and the edited files it left as they were. */
export interface MirrorWrite {
  path: string | null;
  kept: string[];
}

export interface MirrorContext {
  /**
   * The texts Talklog may have written there before files carried the mark; `'any'`: every unmarked text (the talk
   * log, which Talklog rewrote whole on every change before, so that no edit of it lasted, and whose text no device
   * keeps: every install that synced before would otherwise find its log edited), until this device has written it
   * with the mark: then a log without one had its mark deleted by an edit.
   */
  earlier: string[] | 'any';
  /** Where Talklog last wrote this file: at any other path it is first written as new, which saves a read. */
  lastWritten: string | null;
  wait: (ms: number) => Promise<void>;
}

/** Where Talklog writes its version of a mirror file that was edited outside it: beside it, `<name> (Talklog).md`. */
export function besidePath(path: string): string {
  return path.replace(/\.md$/, ' (Talklog).md');
}

/**
 * Writes `text` at `path` unless the file there was edited outside Talklog; then beside it (besidePath), unless that
 * one was edited too. `kept` names an edited file once, when Talklog's version first goes beside it.
 */
export async function writeMirrorFile(dav: DavClient, path: string, text: string, context: MirrorContext): Promise<MirrorWrite> {
  const marked = await withMark(text);
  if ((await replaceUnlessEdited(dav, path, marked, context)) !== 'edited') return { path, kept: [] };
  const beside = besidePath(path);
  const outcome = await replaceUnlessEdited(dav, beside, marked, context);
  if (outcome === 'edited') return { path: null, kept: [path, beside] };
  return { path: beside, kept: outcome === 'created' ? [path] : [] };
}

/** Deletes a mirror file Talklog no longer writes, unless it was edited outside Talklog: whether it was kept. */
export async function deleteMirrorFile(dav: DavClient, path: string, { earlier, wait }: MirrorContext): Promise<boolean> {
  let found = await dav.get(path);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (!found) return false;
    if (!(await isTalklogs(found.text, earlier))) return true;
    await untilStrong(found.etag, wait);
    if (await dav.delete(path, found.etag)) return false;
    found = await readAfterRefusal(dav, path, found, 'DELETE');
  }
  throw new DavError('server-error', `${path} kept changing while it was being deleted`);
}

async function replaceUnlessEdited(
  dav: DavClient,
  path: string,
  marked: string,
  { earlier, lastWritten, wait }: MirrorContext,
): Promise<'created' | 'replaced' | 'edited'> {
  const create = async () => (await writeCreatingFolders(dav, path, () => dav.create(path, marked, MARKDOWN_TYPE))) === 'created';
  if (path !== lastWritten && (await create())) return 'created';
  let found = await dav.get(path);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (!found) {
      if (await create()) return 'created';
      found = await dav.get(path);
      continue;
    }
    if (found.text === marked) return 'replaced';
    if (!(await isTalklogs(found.text, earlier))) return 'edited';
    await untilStrong(found.etag, wait);
    if ((await dav.putIf(path, marked, found.etag, MARKDOWN_TYPE)).written) return 'replaced';
    found = await readAfterRefusal(dav, path, found);
  }
  throw new DavError('server-error', `${path} kept changing while it was being written`);
}

async function withMark(text: string): Promise<string> {
  return `${text}\n<!-- talklog:${await sha256(text)} Talklog rewrites this file while it is as Talklog wrote it; once edited, it is kept and Talklog writes beside it. -->\n`;
}

async function isTalklogs(text: string, earlier: MirrorContext['earlier']): Promise<boolean> {
  const mark = MARK.exec(text);
  if (!mark) return !ANY_MARK.test(text) && (earlier === 'any' || earlier.includes(text));
  return mark[1] === (await sha256(text.slice(0, mark.index)));
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
