/** The user's settings, with typed defaults; anything stored that is out of shape falls back to them. */

import { NAME_MAX_CHARS } from '../talk/limits';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface Settings {
  /** Seconds taken off a note's time, for people who start typing a moment after it. */
  rewindSec: number;
  /** The event a new clip gets; empty means the last one used. */
  defaultEvent: string;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = { rewindSec: 0, defaultEvent: '', theme: 'system' };

export const MAX_REWIND_SEC = 60;

export function parseSettings(stored: unknown): Settings {
  const raw = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const rewind = Number(raw.rewindSec);
  return {
    rewindSec: Number.isFinite(rewind) ? Math.min(MAX_REWIND_SEC, Math.max(0, Math.round(rewind))) : DEFAULT_SETTINGS.rewindSec,
    defaultEvent: typeof raw.defaultEvent === 'string' ? raw.defaultEvent.trim().slice(0, NAME_MAX_CHARS) : DEFAULT_SETTINGS.defaultEvent,
    theme: THEMES.includes(raw.theme as Theme) ? (raw.theme as Theme) : DEFAULT_SETTINGS.theme,
  };
}

/** A rewind typed into its field, or null when it is not a whole number of seconds from 0 to `MAX_REWIND_SEC`. */
export function readRewind(typed: string): number | null {
  if (!/^\s*\d+\s*$/.test(typed)) return null;
  const seconds = Number(typed);
  return seconds <= MAX_REWIND_SEC ? seconds : null;
}

/** Where a note started, after the rewind offset; never before the start of the video. */
export function noteStartSec(playbackSec: number | null, settings: Pick<Settings, 'rewindSec'>): number | null {
  return playbackSec === null ? null : Math.max(0, playbackSec - settings.rewindSec);
}
