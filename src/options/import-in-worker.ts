import type { ImportCounts, ImportProgress } from '../db/import-backup';
import { isImportWorkerReply, type ImportWorkerRequest } from '../messages/worker-messages';

/** Imports a backup file in a worker of its own, so that the page stays free; its progress as it goes. */
export function importInWorker(dbName: string, file: File, onProgress: (progress: ImportProgress) => void): Promise<ImportCounts> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    const end = () => worker.terminate();
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const reply = event.data;
      if (!isImportWorkerReply(reply)) return;
      if (reply.type === 'talklog/import-progress') onProgress({ done: reply.done, total: reply.total });
      else if (reply.type === 'talklog/import-done') {
        end();
        resolve(reply.counts);
      } else {
        end();
        reject(new Error(reply.error));
      }
    });
    worker.addEventListener('error', (event) => {
      end();
      reject(new Error(event.message));
    });
    worker.postMessage({ type: 'talklog/import-file', file, dbName } satisfies ImportWorkerRequest);
  });
}
