import { expect, test } from 'vitest';
import { isExportWorkerReply, isExportWorkerRequest, isImportWorkerRequest } from '../../src/messages/worker-messages';

const render = { type: 'talklog/export-render', id: 1, dbName: 'talklog', talkIds: ['t_a'], queuedIds: [], options: { title: 'Log' } };

test('the export worker takes a render or a backup request, well formed, and nothing else', () => {
  expect(isExportWorkerRequest(render)).toBe(true);
  expect(isExportWorkerRequest({ type: 'talklog/export-backup', id: 2, dbName: 'talklog', exportedAt: '2026-11-26T05:00:00.000Z' })).toBe(true);
  expect(isExportWorkerRequest({ ...render, talkIds: [1] })).toBe(false);
  expect(isExportWorkerRequest({ ...render, options: null })).toBe(false);
  expect(isExportWorkerRequest({ ...render, id: '1' })).toBe(false);
  expect(isExportWorkerRequest({ ...render, type: 'talklog/import-file' })).toBe(false);
});

test('the import worker takes its database’s name, then a file, well formed, and nothing else', () => {
  expect(isImportWorkerRequest({ type: 'talklog/import-open', dbName: 'talklog' })).toBe(true);
  expect(isImportWorkerRequest({ type: 'talklog/import-file', file: new Blob(['{}']) })).toBe(true);
  expect(isImportWorkerRequest({ type: 'talklog/import-open', dbName: 1 })).toBe(false);
  expect(isImportWorkerRequest({ type: 'talklog/import-file', file: '{}' })).toBe(false);
  expect(isImportWorkerRequest({ type: 'talklog/import-file', dbName: 'talklog' })).toBe(false);
  expect(isImportWorkerRequest(render)).toBe(false);
});

test('the page takes the export worker’s progress, log, backup file or failure, well formed, and nothing else', () => {
  expect(isExportWorkerReply({ type: 'talklog/export-progress', id: 1, done: 3, total: 9 })).toBe(true);
  expect(isExportWorkerReply({ type: 'talklog/export-rendered', id: 1, preview: '# Log\n', file: new Blob(['# Log\n']) })).toBe(true);
  expect(isExportWorkerReply({ type: 'talklog/export-rendered', id: 1, preview: '# Log\n' })).toBe(false);
  const backup = {
    type: 'talklog/export-backup-made',
    id: 0,
    name: 'talklog-backup.json',
    file: new Blob(['{}']),
    talks: 1,
    notes: 2,
    slides: 0,
    notesLeftOut: 0,
  };
  expect(isExportWorkerReply(backup)).toBe(true);
  expect(isExportWorkerReply({ ...backup, slides: undefined })).toBe(false);
  expect(isExportWorkerReply({ ...backup, notesLeftOut: undefined })).toBe(false);
  expect(isExportWorkerReply({ type: 'talklog/export-failed', id: 1, error: 'gone' })).toBe(true);
  expect(isExportWorkerReply({ type: 'talklog/export-rendered', id: 1, preview: 42 })).toBe(false);
  expect(isExportWorkerReply({ ...backup, file: '{}' })).toBe(false);
  expect(isExportWorkerReply({ type: 'talklog/export-progress', done: 3, total: 9 })).toBe(false);
});
