import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { SlideLink } from '../export/slide-files';

/** Bytes of the log compressed at a time: a few milliseconds' work, the page free between them. */
const LOG_SLICE = 256 * 1024;

/**
 * The talk log with its slides as one `.zip`: the markdown at the top, each image at the relative
 * path the log links it by. Entries are written one after another, so only one image is read at
 * a time; images are WebP or JPEG already, so they are stored, not compressed again. The log is
 * read and compressed a slice at a time: the 40 MB log of 20,000 talks in one go held the page for
 * seconds.
 */
export async function talkLogZip(
  markdownName: string,
  markdown: string | Blob,
  slides: SlideLink[],
  readImage: (slideId: string) => Promise<Blob | undefined>,
): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else parts.push(chunk as Uint8Array<ArrayBuffer>);
  });
  const log = new ZipDeflate(markdownName, { level: 6 });
  zip.add(log);
  const file = typeof markdown === 'string' ? new Blob([markdown]) : markdown;
  let at = 0;
  do {
    const slice = new Uint8Array(await file.slice(at, at + LOG_SLICE).arrayBuffer());
    at += LOG_SLICE;
    log.push(slice, at >= file.size);
  } while (at < file.size);
  for (const slide of slides) {
    const image = await readImage(slide.slideId);
    // Deleted since the log was made: left out, not the whole download.
    if (!image) continue;
    const entry = new ZipPassThrough(slide.path);
    zip.add(entry);
    entry.push(new Uint8Array(await image.arrayBuffer()), true);
  }
  zip.end();
  if (failure) throw failure;
  return new Blob(parts, { type: 'application/zip' });
}
