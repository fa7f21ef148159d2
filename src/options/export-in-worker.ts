import { isExportWorkerReply, type ExportWorkerRequest } from '../messages/worker-messages';
import type { BackupFile } from './backup-file';
import type { RenderProgress, TalkLogRequest } from './export-jobs';

/** A talk log made: its beginning to preview, and the whole as a file to download or copy. */
export interface RenderedLog {
  preview: string;
  file: string | Blob;
}

/** Renders talk logs, one at a time; `render` resolves to null when a later request took its turn first. */
export interface TalkLogRenderer {
  render: (request: TalkLogRequest, onProgress: (progress: RenderProgress) => void) => Promise<RenderedLog | null>;
  close: () => void;
}

type Pending = {
  request: TalkLogRequest;
  onProgress: (progress: RenderProgress) => void;
  resolve: (log: RenderedLog | null) => void;
  reject: (error: Error) => void;
};

/**
 * A worker that renders the talk logs of one Export markdown dialog. While it renders, only the
 * latest request waits: typing in the title does not queue a render a keystroke.
 */
export function talkLogWorker(dbName: string): TalkLogRenderer {
  const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
  let nextId = 0;
  let running: (Pending & { id: number }) | null = null;
  let waiting: Pending | null = null;

  const start = () => {
    if (running || !waiting) return;
    running = { ...waiting, id: ++nextId };
    waiting = null;
    worker.postMessage({ type: 'talklog/export-render', id: running.id, dbName, ...running.request } satisfies ExportWorkerRequest);
  };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const reply = event.data;
    if (!isExportWorkerReply(reply) || !running || reply.id !== running.id) return;
    if (reply.type === 'talklog/export-progress') return running.onProgress({ done: reply.done, total: reply.total });
    if (reply.type === 'talklog/export-rendered') running.resolve({ preview: reply.preview, file: reply.file });
    else running.reject(new Error(reply.type === 'talklog/export-failed' ? reply.error : reply.type));
    running = null;
    start();
  });
  worker.addEventListener('error', (event) => {
    running?.reject(new Error(event.message));
    running = null;
    start();
  });
  return {
    render: (request, onProgress) =>
      new Promise((resolve, reject) => {
        waiting?.resolve(null);
        waiting = { request, onProgress, resolve, reject };
        start();
      }),
    close: () => worker.terminate(),
  };
}

/** Export backup's file, made in a worker of its own. */
export function backupInWorker(dbName: string, now: Date): Promise<BackupFile> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./export-worker.ts', import.meta.url), { type: 'module' });
    const end = (settle: () => void) => {
      worker.terminate();
      settle();
    };
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const reply: unknown = event.data;
      if (!isExportWorkerReply(reply)) return;
      if (reply.type === 'talklog/export-backup-made') {
        const { name, file, talks, notes, slides, notesLeftOut } = reply;
        end(() => resolve({ name, data: file, type: file.type, talks, notes, slides, notesLeftOut }));
      } else if (reply.type === 'talklog/export-failed') end(() => reject(new Error(reply.error)));
    });
    worker.addEventListener('error', (event) => end(() => reject(new Error(event.message))));
    worker.postMessage({ type: 'talklog/export-backup', id: 0, dbName, exportedAt: now.toISOString() } satisfies ExportWorkerRequest);
  });
}
