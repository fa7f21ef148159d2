import type { TalklogDb } from '../db/database';
import { queuePlaylist } from '../db/queue';
import { t } from '../i18n/t';
import type { PageToBackgroundRequest } from '../messages/messages';
import type { PlaylistHere } from '../talk/playlist';
import type { QueueResult } from '../talk/queue';

/**
 * The playlists being queued, across a worker restart (the session storage area): reading a long playlist whole
 * takes long enough for Chromium to stop the worker halfway.
 */
export interface QueueJournal {
  add(request: PageToBackgroundRequest): Promise<void>;
  remove(request: PageToBackgroundRequest): Promise<void>;
  all(): Promise<PageToBackgroundRequest[]>;
}

/** What queueing a tab's playlist needs from the browser and the rest of the extension. Tests pass their own. */
export interface QueueEnvironment {
  db: TalklogDb;
  journal: QueueJournal;
  /** Has the tab load every row of its playlist, and read it. */
  readWholePlaylist(tabId: number): Promise<PlaylistHere>;
}

/**
 * Reads the playlist in the tab whole and queues it; fails when the tab no longer shows that playlist. Written in the
 * journal until it ends, so that a worker stopped halfway queues it when it starts again (`finishUnfinishedQueues`).
 */
export async function queuePlaylistInTab(env: QueueEnvironment, request: PageToBackgroundRequest): Promise<QueueResult> {
  await env.journal.add(request);
  try {
    const here = await env.readWholePlaylist(request.tabId);
    if (here.kind !== 'playlist' || here.playlist.id !== request.playlistId) throw new Error(t('playlistGone'));
    const { rows, size, complete } = here.playlist;
    return { ...(await queuePlaylist(env.db, here.playlist, request.event)), read: rows.length, size, complete };
  } finally {
    await env.journal.remove(request).catch(() => undefined);
  }
}

/**
 * Run when the worker starts, with what the journal held before any new queue wrote to it: each playlist the last
 * worker did not finish queueing is queued now. Queueing again adds only what is new, so a part the last worker
 * stored is not stored twice. Each one's result; null for one that could not be queued (the tab left it, or closed).
 */
export function finishUnfinishedQueues(env: QueueEnvironment, requests: PageToBackgroundRequest[]): Promise<(QueueResult | null)[]> {
  return Promise.all(requests.map((request) => queuePlaylistInTab(env, request).catch(() => null)));
}
