/** What a slide is: a frame of the talk kept with a note. Field names match the backup format in the README. */

export const SLIDE_TYPES = ['image/webp', 'image/jpeg'] as const;
export type SlideType = (typeof SLIDE_TYPES)[number];

export interface Slide {
  /** `s_<random>` */
  id: string;
  /** The note it belongs to, or its draft's (draftSlidesOwner, slide-owner.ts) while the note is being written. */
  owner: string;
  talkId: string;
  /** Playback second the frame was taken at (to the millisecond). */
  atSec: number;
  /** ISO 8601: when it was taken. */
  takenAt: string;
  /** The video's own size, in pixels. */
  width: number;
  height: number;
  type: SlideType;
  image: Blob;
  /** A small copy for lists, so they never decode every full image at once. */
  thumbnail: Blob;
}

/** A slide without its image, as lists use it. */
export type SlideThumbnail = Omit<Slide, 'image'>;

export function newSlideId(): string {
  return `s_${crypto.randomUUID()}`;
}

export function slideExtension(type: SlideType): 'webp' | 'jpg' {
  return type === 'image/webp' ? 'webp' : 'jpg';
}

/** Whether a slide still belongs to the draft of a note being written (popup/drafts.ts), not to a saved note. */
export function isDraftOwner(owner: string): boolean {
  return owner.startsWith('draft:');
}

/** Whether a file's bytes are the image its type says (by their start, not decoded): WebP (`RIFF….WEBP`) or JPEG (`FF D8 FF`). */
export function isSlideImage(bytes: Uint8Array, type: SlideType): boolean {
  if (type === 'image/jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  return ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP';
}
