import { useEffect, useState } from 'preact/hooks';
import type { LibraryEnvironment } from './library-environment';
import { formatBytes, needsBackupReminder, plural } from './storage-facts';

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface StorageSummaryProps {
  env: LibraryEnvironment;
  talkCount: number;
  noteCount: number;
  lastBackupAt: Date | null;
}

/** How much is stored, whether the browser keeps it, when it was last backed up, and a nudge when that was long ago. */
export function StorageSummary({ env, talkCount, noteCount, lastBackupAt }: StorageSummaryProps) {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [bytes, setBytes] = useState<number | null>(null);

  useEffect(() => {
    env.persistStorage().then(setPersisted, () => setPersisted(null));
  }, [env]);

  useEffect(() => {
    env.storedBytes().then(setBytes, () => setBytes(null));
  }, [env, talkCount, noteCount]);

  const facts = [
    plural(talkCount, 'talk'),
    plural(noteCount, 'note'),
    bytes !== null && `${formatBytes(bytes)} stored`,
    persisted === true && 'kept by the browser until you delete it',
    lastBackupAt ? `last backup ${WHEN.format(lastBackupAt)}` : 'no backup yet',
  ].filter(Boolean);

  return (
    <div class="storage-summary">
      <p class="storage-summary__facts">{facts.join(' · ')}</p>
      {needsBackupReminder(lastBackupAt, noteCount, env.now()) && (
        <p class="storage-summary__reminder">
          {lastBackupAt ? 'Your last backup is more than 30 days old.' : 'You have notes but no backup yet.'} Export a backup now and then to keep a copy
          outside this browser.
        </p>
      )}
    </div>
  );
}
