/**
 * Messages between the library page and its import and export workers (dedicated Workers, not the
 * runtime): apart from messages.ts so that the popup, which never imports, does not load their guards.
 */
import type { ImportCounts } from '../db/import-backup';
import type { TalkLogRequest } from '../options/export-jobs';
import { hasType } from './messages';

/** The database first, as the worker starts (it opens it while the user chooses the file); then the file. */
export type ImportWorkerRequest = { type: 'talklog/import-open'; dbName: string } | { type: 'talklog/import-file'; file: File };

export type ImportWorkerReply =
  | { type: 'talklog/import-progress'; done: number; total: number }
  | { type: 'talklog/import-done'; counts: ImportCounts }
  | { type: 'talklog/import-failed'; error: string };

export function isImportWorkerRequest(message: unknown): message is ImportWorkerRequest {
  if (!hasType(message)) return false;
  const fields = message as Record<string, unknown>;
  if (message.type === 'talklog/import-open') return typeof fields.dbName === 'string';
  return message.type === 'talklog/import-file' && fields.file instanceof Blob;
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

export type ExportWorkerRequest =
  | ({ type: 'talklog/export-render'; id: number; dbName: string } & TalkLogRequest)
  | { type: 'talklog/export-backup'; id: number; dbName: string; exportedAt: string };

export type ExportWorkerReply =
  | { type: 'talklog/export-progress'; id: number; done: number; total: number }
  | { type: 'talklog/export-rendered'; id: number; preview: string; file: Blob }
  | { type: 'talklog/export-backup-made'; id: number; name: string; file: Blob; talks: number; notes: number; slides: number; notesLeftOut: number }
  | { type: 'talklog/export-failed'; id: number; error: string };

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

export function isExportWorkerRequest(message: unknown): message is ExportWorkerRequest {
  if (!hasType(message)) return false;
  const fields = message as Record<string, unknown>;
  if (typeof fields.id !== 'number' || typeof fields.dbName !== 'string') return false;
  switch (message.type) {
    case 'talklog/export-render':
      return isStrings(fields.talkIds) && isStrings(fields.queuedIds) && typeof fields.options === 'object' && fields.options !== null;
    case 'talklog/export-backup':
      return typeof fields.exportedAt === 'string';
    default:
      return false;
  }
}

export function isExportWorkerReply(message: unknown): message is ExportWorkerReply {
  if (!hasType(message)) return false;
  const fields = message as Record<string, unknown>;
  if (typeof fields.id !== 'number') return false;
  switch (message.type) {
    case 'talklog/export-progress':
      return typeof fields.done === 'number' && typeof fields.total === 'number';
    case 'talklog/export-rendered':
      return typeof fields.preview === 'string' && fields.file instanceof Blob;
    case 'talklog/export-backup-made':
      return (
        typeof fields.name === 'string' &&
        fields.file instanceof Blob &&
        typeof fields.talks === 'number' &&
        typeof fields.notes === 'number' &&
        typeof fields.slides === 'number' &&
        typeof fields.notesLeftOut === 'number'
      );
    case 'talklog/export-failed':
      return typeof fields.error === 'string';
    default:
      return false;
  }
}
