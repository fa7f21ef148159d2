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
  // As a person would say it; the next unit when the number would round up to 1,000.
  test.each([
    [840, '840 bytes'],
    [1_500, '1.5 kB'],
    [12_500, '13 kB'],
    [1_234_567, '1.2 MB'],
    [345_000_000, '345 MB'],
    [2_500_000_000, '2.5 GB'],
    [999, '999 bytes'],
    [999_499, '999 kB'],
    [999_600, '1 MB'],
    [999_999, '1 MB'],
    [999_700_000, '1 GB'],
    [1_500_000_000_000, '1,500 GB'],
  ])('%i bytes read %s', (bytes, said) => {
    expect(formatBytes(bytes, 'en')).toBe(said);
  });
});
