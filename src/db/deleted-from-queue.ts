import type { Talk } from '../talk/model';
import type { TalklogDb } from './database';

/**
 * Remembers which of `talks`, about to be deleted, were queued from a playlist: queueing it again leaves them out
 * (queuePlaylist). The last deletion decides, so a talk deleted as a clip is forgotten even if once deleted queued.
 * Runs in the caller's transaction, which must hold `deletedFromQueue`.
 */
export async function rememberDeleted(db: TalklogDb, talks: readonly Talk[], now: Date): Promise<void> {
  const deletedAt = now.toISOString();
  await db.deletedFromQueue.bulkPut(talks.filter((talk) => talk.playlist).map((talk) => ({ talkId: talk.id, deletedAt })));
  await db.deletedFromQueue.bulkDelete(talks.filter((talk) => !talk.playlist).map((talk) => talk.id));
}

/** Which of `talkIds` were deleted after being queued. */
export async function deletedAfterQueueing(db: TalklogDb, talkIds: readonly string[]): Promise<Set<string>> {
  const found = await db.deletedFromQueue.bulkGet([...talkIds]);
  return new Set(found.flatMap((record) => (record ? [record.talkId] : [])));
}
