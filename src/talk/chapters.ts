import type { Chapter } from './model';

/** The chapter playing at a second (chapters sorted by start), or null before the first. */
export function chapterAt(chapters: readonly Chapter[], sec: number): Chapter | null {
  let current: Chapter | null = null;
  for (const chapter of chapters) {
    if (chapter.startSec <= sec) current = chapter;
    else break;
  }
  return current;
}
