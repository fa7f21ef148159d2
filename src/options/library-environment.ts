import type { TalklogDb } from '../db/database';
import { seekOrOpenVideo } from '../messages/seek-or-open';
import { downloadFile } from '../ui/download';
import type { BackupFile } from './backup-file';
import { backupInWorker, talkLogWorker, type TalkLogRenderer } from './export-in-worker';
import { backupImportWorker, type BackupImporter } from './import-in-worker';

/** Everything the library page needs from the browser besides the database; tests pass a fake. */
export interface LibraryEnvironment {
  now: () => Date;
  download: (fileName: string, data: string | Blob, type: string) => void;
  /** Puts text on the clipboard; a file's text is read by the browser, not by the page. */
  copyText: (text: string | Blob) => Promise<void>;
  /** A note's timestamp: seeks the video where it is open, else opens it at that second. */
  playFrom: (videoId: string, atSec: number) => Promise<unknown>;
  /** Asks the browser never to evict Talklog's data; whether it will not. Null when it cannot be asked. */
  persistStorage: () => Promise<boolean | null>;
  /** Bytes this extension stores, as the browser estimates them; null when it cannot tell. */
  storedBytes: () => Promise<number | null>;
  lastBackupAt: () => Date | null;
  setLastBackupAt: (at: Date) => void;
  /**
   * An import of a backup file into the database, begun as the file chooser opens; in the browser, off the page, in
   * a worker that starts then.
   */
  backupImporter: (db: TalklogDb) => BackupImporter;
  /** Renders the talk logs of one Export markdown dialog; in the browser, in a worker that reads the library itself. */
  talkLogRenderer: (db: TalklogDb) => TalkLogRenderer;
  /** Export backup's file of everything stored (backup-file.ts); in the browser, made in a worker. */
  backupFile: (db: TalklogDb, now: Date) => Promise<BackupFile>;
}

const LAST_BACKUP_KEY = 'talklog:last-backup';

export function browserEnvironment(): LibraryEnvironment {
  return {
    now: () => new Date(),
    download: downloadFile,
    copyText: (text) =>
      typeof text === 'string'
        ? navigator.clipboard.writeText(text)
        : navigator.clipboard.write([new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }) })]),
    playFrom: seekOrOpenVideo,
    persistStorage: async () => (navigator.storage?.persist ? navigator.storage.persist() : null),
    storedBytes: async () => (navigator.storage?.estimate ? ((await navigator.storage.estimate()).usage ?? null) : null),
    lastBackupAt: () => {
      const stored = new Date(localStorage.getItem(LAST_BACKUP_KEY) ?? '');
      return Number.isNaN(stored.getTime()) ? null : stored;
    },
    setLastBackupAt: (at) => localStorage.setItem(LAST_BACKUP_KEY, at.toISOString()),
    backupImporter: (db) => backupImportWorker(db.name),
    talkLogRenderer: (db) => talkLogWorker(db.name),
    backupFile: (db, now) => backupInWorker(db.name, now),
  };
}
