import Dexie, { type EntityTable } from 'dexie';
import type { Note, Talk } from '../talk/model';

export type TalklogDb = Dexie & {
  talks: EntityTable<Talk, 'id'>;
  notes: EntityTable<Note, 'id'>;
};

export const DEFAULT_DB_NAME = 'talklog';

/**
 * Every schema version, oldest first. A new version keeps the old ones and adds
 * `.stores()` plus an `.upgrade()` that rewrites old records (README, "Adding a schema version").
 */
export function openTalklogDb(name: string = DEFAULT_DB_NAME): TalklogDb {
  const db = new Dexie(name) as TalklogDb;
  db.version(1).stores({
    talks: 'id, &videoId, createdAt, updatedAt, category, event, status, interest, *tags',
    notes: 'id, talkId, [talkId+createdAt], updatedAt',
  });
  // 2: talks keep YouTube's whole title beside the split one; earlier talks have none.
  db.version(2)
    .stores({})
    .upgrade((tx) =>
      tx
        .table('talks')
        .toCollection()
        .modify((talk: Partial<Talk>) => {
          talk.youtubeTitle ??= null;
        }),
    );
  // 5: a talk queued from a playlist keeps its place there; earlier talks were clipped alone.
  // (3 and 4 belong to WebDAV sync and slides, landing apart; Dexie runs whichever exist in order.)
  db.version(5)
    .stores({})
    .upgrade((tx) =>
      tx
        .table('talks')
        .toCollection()
        .modify((talk: Partial<Talk>) => {
          talk.playlist ??= null;
        }),
    );
  return db;
}
