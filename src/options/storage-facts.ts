/** How the library describes what is stored, and when it suggests a backup. */

const BACKUP_REMINDER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** There are notes to lose and no backup from the last 30 days. */
export function needsBackupReminder(lastBackupAt: Date | null, noteCount: number, now: Date): boolean {
  if (noteCount === 0) return false;
  return lastBackupAt === null || now.getTime() - lastBackupAt.getTime() > BACKUP_REMINDER_DAYS * DAY_MS;
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
const BYTE_FORMATS = new Map<string, Intl.NumberFormat>();

/** `840 bytes`, `12.5 kB`, `1.2 MB`. */
export function formatBytes(bytes: number, locale?: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  // The unit follows the number as shown: 999.5 kB shows as 1 MB, not 1,000 kB.
  while (Math.round(value) >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = value < 10 && unit > 0 ? 1 : 0;
  const key = `${locale}|${unit}|${digits}`;
  let format = BYTE_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: digits });
    BYTE_FORMATS.set(key, format);
  }
  return format.format(value);
}
