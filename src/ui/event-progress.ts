import { t } from '../i18n/t';
import { formatHoursMinutes, type EventProgress } from '../talk/queue';

/** `12 of 148 watched · 9 h 40 min left of the talks you kept`. */
export function eventProgressText({ watched, total, secondsLeft }: EventProgress): string {
  return t('eventProgress', watched, total, formatHoursMinutes(secondsLeft));
}
