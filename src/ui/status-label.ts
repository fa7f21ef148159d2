import { t, type MessageKey } from '../i18n/t';
import type { TalkStatus } from '../talk/model';

const STATUS_LABELS: Record<TalkStatus, MessageKey> = {
  'to-watch': 'statusToWatch',
  watching: 'statusWatching',
  watched: 'statusWatched',
  skipped: 'statusSkipped',
};

/** `To watch`, `Watching`, `Watched`, `Skipped`. */
export function statusLabel(status: TalkStatus): string {
  return t(STATUS_LABELS[status]);
}
