import { describe, expect, test } from 'vitest';
import { formatBytes, needsBackupReminder } from '../../src/options/storage-facts';

const NOW = new Date('2026-11-26T05:00:00Z');

describe('needsBackupReminder', () => {
  test('reminds when there are notes and no backup from the last 30 days', () => {
    expect(needsBackupReminder(null, 1, NOW)).toBe(true);
    expect(needsBackupReminder(new Date('2026-10-26T04:00:00Z'), 5, NOW)).toBe(true);
    expect(needsBackupReminder(new Date('2026-10-28T05:00:00Z'), 5, NOW)).toBe(false);
  });

  test('says nothing when there is nothing to lose', () => {
    expect(needsBackupReminder(null, 0, NOW)).toBe(false);
  });
});

describe('formatBytes', () => {
  test('reads like a person would say it', () => {
    expect(formatBytes(840, 'en')).toBe('840 bytes');
    expect(formatBytes(1_500, 'en')).toBe('1.5 kB');
    expect(formatBytes(12_500, 'en')).toBe('13 kB');
    expect(formatBytes(1_234_567, 'en')).toBe('1.2 MB');
    expect(formatBytes(345_000_000, 'en')).toBe('345 MB');
    expect(formatBytes(2_500_000_000, 'en')).toBe('2.5 GB');
  });

  test('moves to the next unit when the number would round up to 1,000', () => {
    expect(formatBytes(999, 'en')).toBe('999 bytes');
    expect(formatBytes(999_499, 'en')).toBe('999 kB');
    expect(formatBytes(999_600, 'en')).toBe('1 MB');
    expect(formatBytes(999_999, 'en')).toBe('1 MB');
    expect(formatBytes(999_700_000, 'en')).toBe('1 GB');
    expect(formatBytes(1_500_000_000_000, 'en')).toBe('1,500 GB');
  });
});
