/**
 * A backup with slides as a zip (README, "Backup format"): talklog-backup.json first, then each
 * slide's image and thumbnail, stored. Reading checks every file against the JSON before anything
 * is imported. Loaded with import() only for a backup with slides: fflate comes with it.
 */

import type { DeletedQueuedTalk } from '../db/database';
import type { Note, Talk } from '../talk/model';
import { isSlideImage, SLIDE_TYPES, type Slide, type SlideType } from '../talk/slide';
import { createBackup, newerVersionProblem, parseBackup, serializeBackup, slideFiles, type Backup, type BackupSlide } from './backup';
import { readJsonFile } from './backup-json';
import { BACKUP_ZIP_LIMITS, readBackupZip, writeBackupZip, type ZipEntry } from './backup-zip';

export const BACKUP_JSON_NAME = 'talklog-backup.json';

/** `talklog-backup-2026-11-26.zip`: the day of the export, in UTC like every time in the file. */
export function backupZipName(now: Date): string {
  return `talklog-backup-${now.toISOString().slice(0, 10)}.zip`;
}

/** A stored slide of a note, with its image and thumbnail. */
export type SlideWithImages = Omit<Slide, 'owner'> & { noteId: string };

/** The zip of every talk, note and slide; the same records and `now` give the same bytes. */
export async function backupZip(
  talks: Talk[],
  notes: Note[],
  slides: SlideWithImages[],
  now: Date,
  deletedFromQueue: readonly DeletedQueuedTalk[] = [],
): Promise<Uint8Array> {
  refuseWhatImportWould(slides);
  const listed: BackupSlide[] = [];
  const images: ZipEntry[] = [];
  for (const { image, thumbnail, ...slide } of slides) {
    const imageBytes = new Uint8Array(await image.arrayBuffer());
    const thumbnailBytes = new Uint8Array(await thumbnail.arrayBuffer());
    const thumbnailType = SLIDE_TYPES.find((type) => isSlideImage(thumbnailBytes, type)) ?? slide.type;
    const files = slideFiles(slide.id, slide.type, thumbnailType);
    listed.push({ ...slide, ...files, sha256: await sha256Hex(imageBytes), thumbnailSha256: await sha256Hex(thumbnailBytes) });
    images.push({ path: files.file, bytes: imageBytes }, { path: files.thumbnailFile, bytes: thumbnailBytes });
  }
  const json = new TextEncoder().encode(serializeBackup(createBackup(talks, notes, now, listed, deletedFromQueue)));
  return writeBackupZip([{ path: BACKUP_JSON_NAME, bytes: json }, ...images], now);
}

/** Talklog writes no backup that its import would refuse (the limits of backup-zip.ts). */
function refuseWhatImportWould(slides: SlideWithImages[]): void {
  const why = whySlidesDoNotFit(slides);
  if (why) throw new Error(`${why}: delete some slides, or export the talk log with its slides instead.`);
}

/** Why one backup cannot hold these slides, within the limits its import reads (backup-zip.ts); null when it can. */
export function whySlidesDoNotFit(slides: Pick<SlideWithImages, 'talkId' | 'atSec' | 'image' | 'thumbnail'>[]): string | null {
  const maxSlides = (BACKUP_ZIP_LIMITS.entries - 1) / 2;
  if (slides.length > maxSlides) return `${slides.length.toLocaleString('en')} slides are more than one backup can hold (${maxSlides.toLocaleString('en')})`;
  const big = slides.find((slide) => Math.max(slide.image.size, slide.thumbnail.size) > BACKUP_ZIP_LIMITS.imageBytes);
  if (big) return `the slide at ${big.atSec} s of ${big.talkId} is larger than the 32 MiB one image may be in a backup`;
  const total = slides.reduce((sum, slide) => sum + slide.image.size + slide.thumbnail.size, 0);
  // The JSON is far smaller than its own limit; what is left of the total is the images'.
  if (total > BACKUP_ZIP_LIMITS.totalBytes - BACKUP_ZIP_LIMITS.jsonBytes) {
    return `the slides take ${Math.ceil(total / 1024 / 1024).toLocaleString('en')} MiB, more than one backup can hold`;
  }
  return null;
}

/** A backup read from a zip: its records, and each slide as it will be stored, images included. */
export interface BackupWithSlides {
  backup: Backup;
  slides: Slide[];
  /** Talks whose speakers or event the file had past the limit, cut as it was read (BackupParseResult); none when not read from a file. */
  talksCut?: number;
}

/**
 * The backup in a zip, once every file is checked: the JSON is a valid backup, each slide's image
 * and thumbnail are there, whole (their SHA-256 matches) and WebP or JPEG as named, and nothing
 * else is in the zip. Throws with a message naming the first problem.
 */
export async function readBackupArchive(zip: Blob): Promise<BackupWithSlides> {
  const files = await readBackupZip(zip, limitFor);
  const json = files.get(BACKUP_JSON_NAME);
  if (json === undefined)
    throw new Error(`The zip holds no ${BACKUP_JSON_NAME}, so it is not a Talklog backup: choose the talklog-backup-….zip that "Export backup" saved.`);
  const parsed = parseBackup(jsonText(json));
  if (!parsed.ok) throw new Error(parsed.error);
  const { backup, talksCut } = parsed;

  const slides: Slide[] = [];
  for (const [i, { noteId, file, sha256, thumbnailFile, thumbnailSha256, ...slide }] of backup.slides.entries()) {
    const image = await checkedImage(files, `slides[${i}]`, file, sha256, slide.type);
    const thumbnail = await checkedImage(files, `slides[${i}]`, thumbnailFile, thumbnailSha256, thumbnailFile.endsWith('.jpg') ? 'image/jpeg' : 'image/webp');
    slides.push({ ...slide, owner: noteId, image, thumbnail });
  }
  const listed = new Set([BACKUP_JSON_NAME, ...backup.slides.flatMap((slide) => [slide.file, slide.thumbnailFile])]);
  const extra = [...files.keys()].find((path) => !listed.has(path));
  if (extra !== undefined) throw new Error(`${JSON.stringify(extra)} in the zip belongs to no slide of ${BACKUP_JSON_NAME}.`);
  return { backup, slides, talksCut };
}

/**
 * The cap on each file the zip may hold: the JSON, and slides' images by the names Talklog gives them.
 * A name it does not know, in the zip of a newer Talklog (whose JSON comes first), is a file of that
 * version: what to tell is to update Talklog, not that the file has no place in a backup.
 */
function limitFor(path: string, readBefore: ReadonlyMap<string, Uint8Array>): number | null {
  if (path === BACKUP_JSON_NAME) return BACKUP_ZIP_LIMITS.jsonBytes;
  if (/^slides\/(?:thumbnails\/)?s_[A-Za-z0-9-]{1,100}\.(?:webp|jpg)$/.test(path)) return BACKUP_ZIP_LIMITS.imageBytes;
  const json = readBefore.get(BACKUP_JSON_NAME);
  const file = json === undefined ? null : readJsonFile(jsonText(json));
  const newer = file?.ok ? newerVersionProblem(file.value) : null;
  if (newer) throw new Error(newer);
  return null;
}

function jsonText(json: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    throw new Error(`${BACKUP_JSON_NAME} in the zip is not UTF-8 text, so it is not a Talklog backup.`);
  }
}

async function checkedImage(files: Map<string, Uint8Array>, place: string, path: string, sha256: string, type: SlideType): Promise<Blob> {
  const bytes = files.get(path);
  if (bytes === undefined) throw new Error(`${place}: its file ${JSON.stringify(path)} is not in the zip.`);
  if ((await sha256Hex(bytes)) !== sha256)
    throw new Error(`${place}: ${JSON.stringify(path)} is damaged (its SHA-256 checksum is not the one the backup lists).`);
  if (!isSlideImage(bytes, type)) throw new Error(`${place}: ${JSON.stringify(path)} is not a ${type === 'image/webp' ? 'WebP' : 'JPEG'} image.`);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type });
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
