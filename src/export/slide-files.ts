import { slideExtension, type SlideThumbnail } from '../talk/slide';
import type { Talk } from '../talk/model';

/** A slide as the talk log links it: the second it was taken at and its file in the export. */
export interface SlideLink {
  slideId: string;
  atSec: number;
  /** `slides/<videoId>-754.webp`, relative to the talk log. */
  path: string;
}

/**
 * Each note's slides with a file name of their own, in the order they were taken: named for the
 * video and the second, so the folder sorts by talk and time; a second slide in the same second
 * of a video gets `-2`, `-3`.
 */
export function slideLinks(talks: Talk[], slides: Pick<SlideThumbnail, 'id' | 'owner' | 'talkId' | 'atSec' | 'type' | 'takenAt'>[]): Map<string, SlideLink[]> {
  const videoIds = new Map(talks.map((talk) => [talk.id, talk.videoId]));
  const taken = new Set<string>();
  const byNote = new Map<string, SlideLink[]>();
  const ordered = [...slides].sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.atSec - b.atSec || (a.id < b.id ? -1 : 1));
  for (const slide of ordered) {
    const videoId = videoIds.get(slide.talkId);
    if (videoId === undefined) continue;
    const stem = `slides/${videoId}-${Math.floor(slide.atSec)}`;
    let path = `${stem}.${slideExtension(slide.type)}`;
    for (let n = 2; taken.has(path); n++) path = `${stem}-${n}.${slideExtension(slide.type)}`;
    taken.add(path);
    const links = byNote.get(slide.owner) ?? [];
    links.push({ slideId: slide.id, atSec: slide.atSec, path });
    byNote.set(slide.owner, links);
  }
  return byNote;
}
