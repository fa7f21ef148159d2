/// <reference lib="webworker" />
// The library's Import backup, off the page: reading, parsing and checking a file of hundreds of
// thousands of records, and writing them, would hold the page for seconds. Only the library page of
// this extension starts this worker (a dedicated worker answers its own page alone).
import { openTalklogDb } from '../db/database';
import { importBackupFile } from '../db/import-backup';
import { isImportWorkerRequest, type ImportWorkerReply } from '../messages/worker-messages';
import { errorMessage } from '../ui/Announcer';

const reply = (message: ImportWorkerReply) => postMessage(message);

addEventListener('message', (event: MessageEvent<unknown>) => {
  const request = event.data;
  if (!isImportWorkerRequest(request)) return;
  void (async () => {
    const db = openTalklogDb(request.dbName);
    try {
      const counts = await importBackupFile(db, request.file, ({ done, total }) => reply({ type: 'talklog/import-progress', done, total }));
      reply({ type: 'talklog/import-done', counts });
    } catch (error) {
      reply({ type: 'talklog/import-failed', error: errorMessage(error) });
    } finally {
      db.close();
    }
  })();
});
