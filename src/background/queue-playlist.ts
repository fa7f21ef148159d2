import type { TalklogDb } from '../db/database';
import { queuePlaylist } from '../db/queue';
import { t } from '../i18n/t';
import type { PageToBackgroundRequest } from '../messages/messages';
import { sendToContent } from '../messages/send';
import type { QueueResult } from '../talk/queue';

/** Reads the playlist in the tab whole and queues it; fails when the tab no longer shows that playlist. */
export async function queuePlaylistInTab(db: TalklogDb, request: PageToBackgroundRequest): Promise<QueueResult> {
  const here = await sendToContent(request.tabId, { type: 'talklog/read-whole-playlist' });
  if (here.kind !== 'playlist' || here.playlist.id !== request.playlistId) throw new Error(t('playlistGone'));
  const { rows, size, complete } = here.playlist;
  return { ...(await queuePlaylist(db, here.playlist, request.event)), read: rows.length, size, complete };
}
