/**
 * Messages between the library page and its import worker (a dedicated Worker, not the runtime):
 * apart from messages.ts so that the popup, which never imports, does not load their guards.
 */
import type { ImportCounts } from '../db/import-backup';
import { hasType } from './messages';

export type ImportWorkerRequest = { type: 'talklog/import-file'; file: File; dbName: string };

export type ImportWorkerReply =
  | { type: 'talklog/import-progress'; done: number; total: number }
  | { type: 'talklog/import-done'; counts: ImportCounts }
  | { type: 'talklog/import-failed'; error: string };

export function isImportWorkerRequest(message: unknown): message is ImportWorkerRequest {
  if (!hasType(message) || message.type !== 'talklog/import-file') return false;
  const fields = message as Record<string, unknown>;
  return fields.file instanceof Blob && typeof fields.dbName === 'string';
}

export function isImportWorkerReply(message: unknown): message is ImportWorkerReply {
  if (!hasType(message)) return false;
  const fields = message as Record<string, unknown>;
  switch (message.type) {
    case 'talklog/import-progress':
      return typeof fields.done === 'number' && typeof fields.total === 'number';
    case 'talklog/import-done':
      return typeof fields.counts === 'object' && fields.counts !== null;
    case 'talklog/import-failed':
      return typeof fields.error === 'string';
    default:
      return false;
  }
}
