/// <reference lib="webworker" />
// The library's Import backup, off the page: reading, parsing and checking a file of hundreds of
// thousands of records, and writing them, would hold the page for seconds. Only the library page of
// this extension starts this worker (a dedicated worker answers its own page alone).
import { openTalklogDb, type TalklogDb } from '../db/database';
import { importBackupFile } from '../db/import-backup';
import { isImportWorkerRequest, type ImportWorkerReply } from '../messages/worker-messages';
import { errorMessage } from '../ui/error-message';

const reply = (message: ImportWorkerReply) => postMessage(message);

let db: TalklogDb | null = null;

addEventListener('message', (event: MessageEvent<unknown>) => {
  const request = event.data;
  if (!isImportWorkerRequest(request)) return;
  if (request.type === 'talklog/import-open') {
    db ??= openTalklogDb(request.dbName);
    // Opened now, while the file is chosen. Not reported here: the import's transaction waits for this
    // opening, so a database that cannot open fails the import with the reason.
    db.open().catch(() => undefined);
    return;
  }
  const opened = db;
  if (!opened) return reply({ type: 'talklog/import-failed', error: 'the import was given a file before its database' });
  void (async () => {
    try {
      const counts = await importBackupFile(opened, request.file, ({ done, total }) => reply({ type: 'talklog/import-progress', done, total }));
      reply({ type: 'talklog/import-done', counts });
    } catch (error) {
      reply({ type: 'talklog/import-failed', error: errorMessage(error) });
    } finally {
      opened.close();
    }
  })();
});
