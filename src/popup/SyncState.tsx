import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import type { SyncStatus } from '../sync/sync-status';

/** Where the popup reads the last sync's outcome; the library page says more. */
export interface SyncStateSource {
  load: () => Promise<SyncStatus>;
  onChanged: (listener: (status: SyncStatus) => void) => () => void;
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** A quiet word in the popup's bar: when the notes last synced, or that the last sync failed. Nothing when sync is off. */
export function SyncState({ source }: { source: SyncStateSource }) {
  const [status, setStatus] = useState<SyncStatus>({ kind: 'off' });
  useEffect(() => {
    void source.load().then(setStatus);
    return source.onChanged(setStatus);
  }, [source]);
  if (status.kind === 'off') return null;
  const text =
    status.kind === 'syncing' ? t('syncSyncing') : status.kind === 'synced' ? t('syncQuietSynced', TIME.format(new Date(status.at))) : t('syncQuietFailed');
  return <span class={`sync-state${status.kind === 'failed' ? ' sync-state--failed' : ''}`}>{text}</span>;
}
