import type { ImportCounts, ImportProgress } from '../db/import-backup';
import { isImportWorkerReply, type ImportWorkerRequest } from '../messages/worker-messages';

/** One import of a backup file, begun before the file is chosen. */
export interface BackupImporter {
  /** Imports the file, telling its progress as it goes; the importer is used up by it. */
  importFile: (file: File, onProgress: (progress: ImportProgress) => void) => Promise<ImportCounts>;
  /** Ends it unused: no file was chosen. */
  close: () => void;
}

type Waiting = { onProgress: (progress: ImportProgress) => void; resolve: (counts: ImportCounts) => void; reject: (error: Error) => void };

/**
 * Imports a backup file in a worker of its own, so that the page stays free. The worker starts, and opens the
 * database, as soon as this is called: started as the user opens the file chooser, the tenth of a second that
 * takes goes by while they choose.
 */
export function backupImportWorker(dbName: string): BackupImporter {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  let waiting: Waiting | null = null;
  /** Why the worker failed, when it did: a file given after that fails at once. */
  let failed: Error | null = null;
  const end = (settle: (waiting: Waiting) => void) => {
    worker.terminate();
    if (waiting) settle(waiting);
    waiting = null;
  };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const reply = event.data;
    if (!isImportWorkerReply(reply)) return;
    if (reply.type === 'talklog/import-progress') waiting?.onProgress({ done: reply.done, total: reply.total });
    else if (reply.type === 'talklog/import-done') end(({ resolve }) => resolve(reply.counts));
    else end(({ reject }) => reject(new Error(reply.error)));
  });
  worker.addEventListener('error', (event) => {
    const error = new Error(event.message);
    failed ??= error;
    end(({ reject }) => reject(error));
  });
  worker.postMessage({ type: 'talklog/import-open', dbName } satisfies ImportWorkerRequest);
  return {
    importFile: (file, onProgress) =>
      new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        waiting = { onProgress, resolve, reject };
        worker.postMessage({ type: 'talklog/import-file', file } satisfies ImportWorkerRequest);
      }),
    close: () => end(({ reject }) => reject(new Error('the import was stopped before it was done'))),
  };
}
