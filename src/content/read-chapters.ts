/**
 * Chapters: creator chapters or YouTube's auto chapters, never "Key moments" (fixture 01),
 * which YouTube files under the same `…-auto-chapters` panel id but which do not cover the video.
 */

import type { Chapter } from '../talk/model';
import { asArray, asSeconds, asText, at } from './json';
import { elementText, linkVideoId } from './page-sources';
import { chapterMarkerKeys, chaptersPanelId, initialDataPaths, itemPaths, selectors } from './selectors';

/** `4:12` → 252, `1:02:03` → 3723; null for anything else. */
export function parseClockTime(text: string | null | undefined): number | null {
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text?.trim() ?? '');
  if (!match) return null;
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

function sortedChapters(candidates: Array<{ title: string | null; startSec: number | null }>): Chapter[] {
  return candidates.filter((chapter): chapter is Chapter => chapter.title !== null && chapter.startSec !== null).sort((a, b) => a.startSec - b.startSec);
}

/**
 * Chapters from a `ytInitialData` (or `next` response) already checked to be for the video:
 * the player bar's markersMap (creator chapters, then auto chapters), else the creator
 * chapters engagement panel. [] when there are none.
 */
export function chaptersFromInitialData(initialData: unknown): Chapter[] {
  const markers = asArray(at(initialData, initialDataPaths.markersMap));
  for (const key of chapterMarkerKeys) {
    const entry = markers.find((marker) => at(marker, itemPaths.markerKey) === key);
    const chapters = sortedChapters(
      asArray(at(entry, itemPaths.markerChapters)).map((chapter) => {
        const startMillis = asSeconds(at(chapter, itemPaths.chapterStartMillis));
        return {
          title: asText(at(chapter, itemPaths.chapterTitle)),
          startSec: startMillis === null ? null : startMillis / 1000,
        };
      }),
    );
    if (chapters.length > 0) return chapters;
  }
  const panel = asArray(at(initialData, initialDataPaths.engagementPanels)).find((candidate) => at(candidate, itemPaths.panelId) === chaptersPanelId);
  return sortedChapters(
    asArray(at(panel, itemPaths.panelItems)).map((item) => ({
      title: asText(at(item, itemPaths.panelItemTitle)),
      startSec: asSeconds(at(item, itemPaths.panelItemStartSeconds)) ?? parseClockTime(asText(at(item, itemPaths.panelItemTime))),
    })),
  );
}

/** Creator chapters from the rendered chapters panel, keeping only items whose link is for this video. */
export function chaptersFromRenderedPage(root: ParentNode, videoId: string): Chapter[] {
  return sortedChapters(
    [...root.querySelectorAll(selectors.renderedChapter)]
      .filter((item) => linkVideoId(item.querySelector(selectors.renderedChapterLink)?.getAttribute('href')) === videoId)
      .map((item) => ({
        title: elementText(item.querySelector(selectors.renderedChapterTitle)),
        startSec: parseClockTime(elementText(item.querySelector(selectors.renderedChapterTime))),
      })),
  );
}
