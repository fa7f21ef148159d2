import { useEffect, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import type { ImportCounts, ImportProgress } from '../db/import-backup';
import type { BackupImporter } from './import-in-worker';
import { t } from '../i18n/t';
import { memo } from '../ui/memo';
import { type Announcement } from '../ui/Announcer';
import { errorMessage } from '../ui/error-message';
import type { LibraryEnvironment } from './library-environment';
import { plural } from '../i18n/plural';
import './BackupControls.css';

interface BackupControlsProps {
  db: TalklogDb;
  env: LibraryEnvironment;
  announce: (announcement: Announcement) => void;
  onBackedUp: (at: Date) => void;
  /** Only `Import backup`: an empty library has nothing to back up. */
  importOnly?: boolean;
}

/** `Export backup` and `Import backup`: every talk and note as one JSON file (a zip with the images when there are slides), and back. Drawn again only when its props change, not at each keystroke of a search. */
export const BackupControls = memo(function BackupControls({ db, env, announce, onBackedUp, importOnly = false }: BackupControlsProps) {
  /** The import under way: its file read and checked (`reading`, for a second or two in a large one), then written. */
  const [progress, setProgress] = useState<ImportProgress | 'reading' | null>(null);
  const [backingUp, setBackingUp] = useState(false);
  /** The import begun as the file chooser opened, waiting for the file. */
  const begun = useRef<BackupImporter | null>(null);
  const closeBegun = () => {
    begun.current?.close();
    begun.current = null;
  };
  useEffect(() => closeBegun, []);

  const exportBackup = async () => {
    setBackingUp(true);
    try {
      const now = env.now();
      const file = await env.backupFile(db, now);
      env.download(file.name, file.data, file.type);
      env.setLastBackupAt(now);
      onBackedUp(now);
      const [talks, notes, slides] = [plural(file.talks, 'talk'), plural(file.notes, 'note'), plural(file.slides, 'slide')];
      const saved = file.slides > 0 ? t('backupWithSlidesSaved', file.name, talks, notes, slides) : t('backupSaved', file.name, talks, notes);
      const leftOut = [
        file.notesLeftOut > 0 && t('backupLeftOut', plural(file.notesLeftOut, 'note')),
        file.slidesLeftOut && t('backupSlidesLeftOut', plural(file.slidesLeftOut.count, 'slide'), file.slidesLeftOut.why),
      ].filter(Boolean);
      // Slides left out is news the user must not miss: they are in no backup.
      announce({ kind: file.slidesLeftOut ? 'alert' : 'status', text: [saved, ...leftOut].join(' ') });
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotBackUp', errorMessage(error)) });
    } finally {
      setBackingUp(false);
    }
  };

  const importFile = async (file: File) => {
    const importer = begun.current ?? env.backupImporter(db);
    begun.current = null;
    setProgress('reading');
    announce({ kind: 'status', text: t('readingFile', file.name) });
    try {
      const counts = await importer.importFile(file, (now) => {
        setProgress(now);
        announce({ kind: 'status', text: t('importingFile', file.name, now.done.toLocaleString(), plural(now.total, 'record')) });
      });
      const imported = t('importedFile', file.name, describeCounts(counts));
      announce({ kind: 'status', text: counts.talksCut > 0 ? `${imported} ${t('talksCut', plural(counts.talksCut, 'talk'))}` : imported });
    } catch (error) {
      announce({ kind: 'alert', text: t('nothingImported', file.name, errorMessage(error)) });
    } finally {
      setProgress(null);
    }
  };

  return (
    <div class="backup-controls">
      {!importOnly && (
        <button
          type="button"
          class="button"
          aria-disabled={backingUp}
          aria-busy={backingUp}
          onClick={() => {
            if (!backingUp) void exportBackup();
          }}
        >
          {t('exportBackup')}
        </button>
      )}
      <label class={progress ? 'button file-button file-button--busy' : 'button file-button'}>
        {t('importBackup')}
        <input
          type="file"
          class="visually-hidden"
          accept=".json,application/json,.zip,application/zip"
          aria-disabled={progress !== null}
          onClick={(event) => {
            // An import under way: no file chooser for another.
            if (progress) event.preventDefault();
            else begun.current ??= env.backupImporter(db);
          }}
          onCancel={closeBegun}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            // Cleared so that choosing the same file again imports it again.
            input.value = '';
            if (file) void importFile(file);
            else closeBegun();
          }}
        />
      </label>
      {progress === 'reading' && <progress class="backup-controls__progress" aria-label={t('importProgress')} />}
      {progress && progress !== 'reading' && (
        <progress class="backup-controls__progress" aria-label={t('importProgress')} value={progress.done} max={progress.total} />
      )}
    </div>
  );
});

function describeCounts(counts: ImportCounts): string {
  const parts = [
    counts.talksAdded && t('talksAdded', plural(counts.talksAdded, 'talk')),
    counts.talksUpdated && t('talksUpdated', plural(counts.talksUpdated, 'talk')),
    counts.notesAdded && t('notesAdded', plural(counts.notesAdded, 'note')),
    counts.notesUpdated && t('notesUpdated', plural(counts.notesUpdated, 'note')),
    counts.slidesAdded && t('slidesAdded', plural(counts.slidesAdded, 'slide')),
    counts.skipped && t('recordsUpToDate', plural(counts.skipped, 'record')),
    counts.older && t('recordsOlder', plural(counts.older, 'record')),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : t('importFileEmpty');
}
