/**
 * The zip that holds a backup with slides (README, "Backup format"): written whole with fflate's
 * zipSync, read back as a stream with a running cap on every entry. Loaded with import() only
 * when a backup has slides, by the library page and its import worker.
 */

import { Unzip, UnzipInflate, zipSync, type UnzipFile, type Zippable } from 'fflate';

const MiB = 1024 * 1024;

/** What a backup zip may hold; Talklog writes nothing bigger, so every backup it writes reads back. */
export const BACKUP_ZIP_LIMITS = {
  /**
   * The JSON, and an image and a thumbnail for each of at most 10,000 slides (1 GiB holds about
   * 7,000 slides of 150 kB). fflate's Unzip slows down with the square of the count past that.
   */
  entries: 20_001,
  /** talklog-backup.json, unpacked. */
  jsonBytes: 256 * MiB,
  /** Each image or thumbnail. */
  imageBytes: 32 * MiB,
  /** Everything, unpacked. */
  totalBytes: 1024 * MiB,
} as const;

export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

/**
 * The zip of `entries`, in their order: the first (the JSON) deflated, the images stored as
 * they are (already compressed). Every entry is dated `mtime`, so the same backup gives the
 * same bytes. zipSync writes each size in the entry's own header, which lets a streaming reader
 * find where a stored image ends without searching its bytes for a signature.
 */
export function writeBackupZip([json, ...images]: ZipEntry[], mtime: Date): Uint8Array {
  const files: Zippable = { [json.path]: [json.bytes, { level: 6 }] };
  for (const image of images) files[image.path] = [image.bytes, { level: 0 }];
  return zipSync(files, { mtime });
}

/** A problem with the zip itself, said so that the person importing it knows what is wrong. */
export class BadBackupZip extends Error {}

/**
 * Every file in the zip, read as a stream: an entry whose name is not one `limitFor` knows, or
 * that says or turns out to unpack to more than its limit, stops the reading at once, so a zip
 * bomb is never unpacked whole. `limitFor` gives an entry's cap in bytes, or null for a name
 * that has no place in a backup; it is given the files read before that entry, and what it
 * throws stops the reading with that error.
 */
export async function readBackupZip(
  zip: Blob,
  limitFor: (path: string, readBefore: ReadonlyMap<string, Uint8Array>) => number | null,
  limits: Pick<typeof BACKUP_ZIP_LIMITS, 'entries' | 'totalBytes'> = BACKUP_ZIP_LIMITS,
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const pending = new Set<string>();
  let entries = 0;
  let total = 0;
  let failure: Error | null = null;
  const stop = (problem: string) => {
    failure ??= new BadBackupZip(problem);
  };

  const unzip = new Unzip((file: UnzipFile) => {
    if (failure) return;
    entries++;
    if (entries > limits.entries) return stop(`The zip holds more than ${count(limits.entries)} files, more than any Talklog backup.`);
    const path = file.name;
    const unsafe = unsafePathProblem(path);
    if (unsafe) return stop(`${inZip(path)} ${unsafe}: Talklog never writes such a path.`);
    if (path.endsWith('/')) return; // a folder, as zip tools other than Talklog's add them
    if (files.has(path) || pending.has(path)) return stop(`The zip holds ${JSON.stringify(path)} twice.`);
    let limit: number | null;
    try {
      limit = limitFor(path, files);
    } catch (error) {
      failure ??= error as Error;
      return;
    }
    if (limit === null) return stop(`${inZip(path)} is not part of a Talklog backup.`);
    if (file.compression !== 0 && file.compression !== 8) {
      return stop(`${inZip(path)} is packed with method ${file.compression}; Talklog reads stored and deflated files only.`);
    }
    if (file.originalSize !== undefined && file.originalSize > limit) {
      return stop(`${inZip(path)} says it unpacks to ${bytes(file.originalSize)}, more than the ${bytes(limit)} it may hold.`);
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    pending.add(path);
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) return stop(`${inZip(path)} is damaged (${error.message}).`);
      size += chunk.length;
      total += chunk.length;
      if (size > limit) {
        file.terminate();
        return stop(`${inZip(path)} unpacks to more than the ${bytes(limit)} it may hold.`);
      }
      if (total > limits.totalBytes) {
        file.terminate();
        return stop(`The zip unpacks to more than ${bytes(limits.totalBytes)}, more than any Talklog backup.`);
      }
      parts.push(chunk);
      if (final) {
        pending.delete(path);
        files.set(path, joined(parts, size));
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  const reader = zip.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (failure) break;
      try {
        pushInSlices(unzip, value ?? new Uint8Array(0), done);
      } catch (error) {
        stop(done ? 'The zip ends in the middle of a file: it was cut short.' : `The zip is damaged (${(error as Error).message}).`);
      }
      if (done || failure) break;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  if (failure) throw failure;
  const unfinished = [...pending][0];
  if (unfinished !== undefined) throw new BadBackupZip(`${inZip(unfinished)} ends early: the zip was cut short.`);
  return files;
}

/**
 * fflate's Unzip calls itself once for each entry that starts in the chunk it is given: a chunk
 * of thousands of tiny entries would overflow the stack, so it gets at most 64 KiB at a time.
 */
function pushInSlices(unzip: Unzip, chunk: Uint8Array, final: boolean): void {
  const slice = 64 * 1024;
  let at = 0;
  for (; chunk.length - at > slice; at += slice) unzip.push(chunk.subarray(at, at + slice));
  unzip.push(chunk.subarray(at), final);
}

/** Why a path could land outside the folder it is unpacked into (or null when it cannot). */
function unsafePathProblem(path: string): string | null {
  if (path === '') return 'is a file without a name';
  if (/^[/\\]|^[A-Za-z]:/.test(path)) return 'is an absolute path';
  if (path.includes('\\')) return 'has a backslash in its path';
  if (path.split('/').some((part) => part === '..')) return 'climbs out of the backup with ".."';
  // oxlint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'has a control character in its name';
  return null;
}

function joined(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const whole = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.length;
  }
  return whole;
}

function inZip(path: string): string {
  return `${JSON.stringify(path)} in the zip`;
}

function count(n: number): string {
  return n.toLocaleString('en');
}

function bytes(n: number): string {
  return n >= MiB ? `${count(Math.round((n / MiB) * 10) / 10)} MiB` : `${count(n)} bytes`;
}
