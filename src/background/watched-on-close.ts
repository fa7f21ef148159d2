import type { TalklogDb } from '../db/database';
import { markWatched } from '../db/event-queue';

/** The part of `storage.session` kept here: it outlives Firefox stopping the idle background, not the browser. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const keyOf = (tabId: number) => `atTheEnd:${tabId}`;

/**
 * Firefox drops the message a page sends as its tab closes, so the background keeps, for each tab, the talk its
 * player is at 90 % or more of (as the content script says while the video plays), or nothing once it is not.
 */
export async function rememberTabAtTheEnd(session: SessionArea, tabId: number, videoId: string | null): Promise<void> {
  if (videoId) await session.set({ [keyOf(tabId)]: videoId });
  else await session.remove(keyOf(tabId));
}

/** The tab says, as its page leaves the talk, that it was at the end: watched now, nothing left for the tab's close. */
export async function markWatchedOnLeave(db: TalklogDb, session: SessionArea, videoId: string, tabId?: number): Promise<boolean> {
  if (tabId !== undefined) await session.remove(keyOf(tabId));
  return markWatched(db, videoId);
}

/** A tab closed: the talk its player was at the end of, if any, is watched (a skipped one stays so). */
export async function markWatchedOnClose(db: TalklogDb, session: SessionArea, tabId: number): Promise<boolean> {
  const key = keyOf(tabId);
  const videoId = (await session.get(key))[key];
  if (typeof videoId !== 'string') return false;
  await session.remove(key);
  return markWatched(db, videoId);
}
