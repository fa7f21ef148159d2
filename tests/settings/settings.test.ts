import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, noteStartSec, parseSettings } from '../../src/settings/settings';

describe('settings', () => {
  test('nothing stored, or something out of shape, gives the defaults', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('nope')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ rewindSec: 'x', defaultEvent: 3, theme: 'sepia' })).toEqual(DEFAULT_SETTINGS);
  });

  test('stored values are kept within bounds', () => {
    expect(parseSettings({ rewindSec: 5.4, defaultEvent: '  KubeCon EU 2024 ', theme: 'dark' })).toEqual({
      rewindSec: 5,
      defaultEvent: 'KubeCon EU 2024',
      theme: 'dark',
    });
    expect(parseSettings({ rewindSec: -3 }).rewindSec).toBe(0);
    expect(parseSettings({ rewindSec: 1e9 }).rewindSec).toBe(60);
  });

  test('the rewind offset moves a note earlier, never before 0:00', () => {
    expect(noteStartSec(754.6, { rewindSec: 5 })).toBeCloseTo(749.6);
    expect(noteStartSec(3, { rewindSec: 5 })).toBe(0);
    expect(noteStartSec(null, { rewindSec: 5 })).toBeNull();
  });
});
