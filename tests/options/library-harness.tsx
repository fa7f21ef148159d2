import { render, screen, waitFor } from '@testing-library/preact';
import { afterAll, expect } from 'vitest';
import type { TalklogDb } from '../../src/db/database';
import { importBackupFile } from '../../src/db/import-backup';
import { updateTalkDetails } from '../../src/db/library';
import { addNote } from '../../src/db/notes';
import { clipTalk } from '../../src/db/talks';
import { LibraryApp } from '../../src/options/LibraryApp';
import { LazyTalkRowDetails } from '../../src/options/TalkRow';
import { backupFile } from '../../src/options/backup-file';
import { logLibrary, logPreview, renderRequestedLog } from '../../src/options/export-jobs';
import type { LibraryEnvironment } from '../../src/options/library-environment';
import { capturedTalk, freshDb } from '../db/test-db';

/** The library page's helpers for tests: its environment recorded, a small library, and what a test reads off the page. */

// The page loads an opened row's code (with sync's merge) once its first screen is up: a file whose last test
// ends while that load runs fails at teardown, so every file of the library's tests awaits it before it ends.
afterAll(() => LazyTalkRowDetails.preload());

export const NOW = new Date('2026-11-26T05:00:00Z');

export function fakeEnvironment(lastBackupAt: Date | null = null) {
  const state = {
    downloads: [] as { fileName: string; data: string | Blob; type: string }[],
    copied: [] as string[],
    played: [] as [string, number][],
    lastBackupAt,
    /** Each import begun: the file it was given, and whether it was ended unused. */
    importers: [] as { file: string | null; closed: boolean }[],
  };
  const env: LibraryEnvironment = {
    now: () => NOW,
    download: (fileName, data, type) => state.downloads.push({ fileName, data, type }),
    copyText: async (text) => {
      state.copied.push(typeof text === 'string' ? text : await text.text());
    },
    playFrom: async (videoId, atSec) => state.played.push([videoId, atSec]),
    persistStorage: async () => true,
    storedBytes: async () => 1_234_567,
    lastBackupAt: () => state.lastBackupAt,
    setLastBackupAt: (at) => {
      state.lastBackupAt = at;
    },
    // The browser runs this same import in a worker (tests/e2e import through it).
    backupImporter: (db) => {
      const importer = { file: null as string | null, closed: false };
      state.importers.push(importer);
      return {
        importFile: (file, onProgress) => {
          importer.file = file.name;
          return importBackupFile(db, file, onProgress);
        },
        close: () => {
          importer.closed = true;
        },
      };
    },
    // The browser runs these same jobs in the export worker (tests/e2e export through it).
    talkLogRenderer: (db) => {
      const library = logLibrary(db);
      return {
        render: async (request, onProgress) => {
          const markdown = renderRequestedLog(await library.read(), request, (done, total) => onProgress({ done, total }));
          return { preview: logPreview(markdown), file: markdown };
        },
        close: library.close,
      };
    },
    backupFile,
  };
  return { env, state };
}

/** Two talks of one event, one with notes, as after a day at KubeCon. */
export async function kubeconLibrary(): Promise<TalklogDb> {
  const db = freshDb();
  const prometheus = await clipTalk(db, capturedTalk(), new Date('2026-11-20T10:00:00Z'));
  const openMetrics = await clipTalk(
    db,
    capturedTalk({
      videoId: 'OpenMetr1cs',
      url: 'https://www.youtube.com/watch?v=OpenMetr1cs',
      title: 'What You Need to Know About OpenMetrics',
      speakers: ['Richard Hartmann', 'Ben Kochie'],
    }),
    new Date('2026-11-21T10:00:00Z'),
  );
  await updateTalkDetails(db, prometheus.id, { event: 'KubeCon NA 2021', category: 'Observability', interest: 4, tags: ['prometheus'] });
  await updateTalkDetails(db, openMetrics.id, { event: 'KubeCon NA 2021', category: 'Standards', interest: 5, status: 'to-watch' });
  // A minute apart: two notes of one millisecond are in the order of their random ids.
  await addNote(db, prometheus.id, 'new scrape limits: `sample_limit`', 252, new Date('2026-11-21T10:05:00Z'));
  await addNote(db, prometheus.id, 'Prometheus Agent, based on Grafana Agent', null, new Date('2026-11-21T10:06:00Z'));
  return db;
}

export async function renderLibrary(db: TalklogDb, env = fakeEnvironment().env) {
  render(<LibraryApp db={db} env={env} />);
  await screen.findByRole('list', { name: 'Talks' });
  // The first screen comes first; the whole library (search, filters, export) a moment later.
  await waitFor(() => expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export markdown' }).disabled).toBe(false));
}

export const rowOf = (title: string) => screen.getByRole('heading', { name: title }).closest('li')!;
export const titles = () => screen.queryAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
export const status = () => document.querySelector('.library > .announcer [role=status]')!.textContent;

/** A button of the export dialog once its log is made: Copy and Download act on the text already rendered. */
export async function readyButton(dialog: { getByRole: typeof screen.getByRole }, name: 'Copy' | 'Download'): Promise<HTMLButtonElement> {
  const button = dialog.getByRole<HTMLButtonElement>('button', { name });
  await waitFor(() => expect(button.disabled).toBe(false));
  return button;
}
