/// <reference lib="webworker" />
// Export markdown's talk log and Export backup's file, off the page: at 20,000 talks, reading the
// library and writing it out held the page for seconds. The worker reads the library itself, once
// for a dialog's renders and again after it changed, so the page never copies records to it. Only the library page of this
// extension starts this worker (a dedicated worker answers its own page alone).
import { openTalklogDb, type TalklogDb } from '../db/database';
import { isExportWorkerRequest, type ExportWorkerReply } from '../messages/worker-messages';
import { errorMessage } from '../ui/error-message';
import { backupFile } from './backup-file';
import { logLibrary, logPreview, renderRequestedLog } from './export-jobs';

/** Progress is told at most this often: a message per talk would cost more than the talk. */
const PROGRESS_EVERY_MS = 100;

const reply = (message: ExportWorkerReply) => postMessage(message);
let db: TalklogDb | null = null;
let library: ReturnType<typeof logLibrary> | null = null;

addEventListener('message', (event: MessageEvent<unknown>) => {
  const request = event.data;
  if (!isExportWorkerRequest(request)) return;
  const { id } = request;
  db ??= openTalklogDb(request.dbName);
  const opened = db;
  void (async () => {
    try {
      if (request.type === 'talklog/export-backup') {
        const { name, data, type, talks, notes, slides, notesLeftOut } = await backupFile(opened, new Date(request.exportedAt));
        const file = typeof data === 'string' ? new Blob([data], { type }) : data;
        reply({ type: 'talklog/export-backup-made', id, name, file, talks, notes, slides, notesLeftOut });
        return;
      }
      reply({ type: 'talklog/export-progress', id, done: 0, total: request.talkIds.length });
      library ??= logLibrary(opened);
      let told = 0;
      const markdown = renderRequestedLog(await library.read(), request, (done, total) => {
        if (performance.now() - told < PROGRESS_EVERY_MS) return;
        told = performance.now();
        reply({ type: 'talklog/export-progress', id, done, total });
      });
      // Encoded here too: turning 40 MB of text into a file on the page held it for seconds. The page
      // gets the file and the preview, not the text: taking 40 MB of text in held it for 50-75 ms.
      reply({ type: 'talklog/export-rendered', id, preview: logPreview(markdown), file: new Blob([markdown], { type: 'text/markdown' }) });
    } catch (error) {
      reply({ type: 'talklog/export-failed', id, error: errorMessage(error) });
    }
  })();
});
