import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { memo } from '../ui/memo';
import type { LibraryEnvironment } from './library-environment';
import { plural } from '../i18n/plural';
import { formatBytes, needsBackupReminder } from './storage-facts';
import './StorageSummary.css';

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface StorageSummaryProps {
  env: LibraryEnvironment;
  /** Talks in the library; null while it is read, when no count is shown. */
  talkCount: number | null;
  /** Notes counted so far (all of them once `talkCount` is known): the reminder to back up comes as soon as there are some. */
  noteCount: number;
  /** Slides stored; left out while unknown or none. */
  slideCount?: number;
  lastBackupAt: Date | null;
}

/** How much is stored, whether the browser keeps it, when it was last backed up, and a nudge when that was long ago. Drawn again only when its props change, not at each keystroke of a search. */
export const StorageSummary = memo(function StorageSummary({ env, talkCount, noteCount, slideCount, lastBackupAt }: StorageSummaryProps) {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [bytes, setBytes] = useState<number | null>(null);

  useEffect(() => {
    env.persistStorage().then(setPersisted, () => setPersisted(null));
  }, [env]);

  useEffect(() => {
    env.storedBytes().then(setBytes, () => setBytes(null));
  }, [env, talkCount, noteCount, slideCount]);

  const facts = [
    talkCount !== null && plural(talkCount, 'talk'),
    talkCount !== null && plural(noteCount, 'note'),
    slideCount !== undefined && slideCount > 0 && plural(slideCount, 'slide'),
    bytes !== null && t('bytesStored', formatBytes(bytes)),
    persisted === true && t('keptByBrowser'),
    lastBackupAt ? t('lastBackupOn', WHEN.format(lastBackupAt)) : t('noBackupYet'),
  ].filter(Boolean);

  return (
    <div class="storage-summary">
      <p class="storage-summary__facts">{facts.join(' · ')}</p>
      {needsBackupReminder(lastBackupAt, noteCount, env.now()) && (
        <p class="storage-summary__reminder">
          {lastBackupAt ? t('backupOld') : t('notesWithoutBackup')} {t('backupAdvice')}
        </p>
      )}
    </div>
  );
});
