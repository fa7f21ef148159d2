import { t } from '../i18n/t';
import type { Talk } from '../talk/model';
import { eventProgress, formatHoursMinutes } from '../talk/queue';

/** `12 of 148 watched · 9 h 40 min left of the talks you kept`. */
export function eventProgressText(talks: readonly Talk[]): string {
  const { watched, total, secondsLeft } = eventProgress(talks);
  return t('eventProgress', watched, total, formatHoursMinutes(secondsLeft));
}
