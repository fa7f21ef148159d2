import type { TalklogDb } from '../db/database';
import { talkWithNotes, type TalkWithNotes } from '../db/talks';
import { talkIdFor } from '../talk/model';
import type { TabConnector } from './tab-connector';

/**
 * What the library holds for the video of the tab's URL, read while the page is asked (null: no
 * video in the URL, or the read failed). The page's answer has the last word: YouTube may have moved
 * on in the page.
 */
export async function readTalkInTabUrl(db: TalklogDb, tab: TabConnector): Promise<TalkWithNotes | null> {
  const videoId = await tab.videoIdInUrl().catch(() => null);
  return videoId === null ? null : talkWithNotes(db, talkIdFor(videoId)).catch(() => null);
}

/** The tab a note page opens on, asked at once, and the library read for its URL meanwhile. */
export interface FirstLook {
  tabId: number | null;
  /** A connector that asked the tab already (early-asks.ts): its first answer is on its way. */
  connector: TabConnector;
  /** readTalkInTabUrl, for the first talk the page shows only: a later one reads afresh. */
  read: Promise<TalkWithNotes | null>;
}

export function firstLook(db: TalklogDb, tabId: number | null, connector: TabConnector): FirstLook {
  return { tabId, connector, read: readTalkInTabUrl(db, connector) };
}
