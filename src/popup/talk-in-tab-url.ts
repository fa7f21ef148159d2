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
