/** The keys that triage an event's queue in the library: `1`–`5` rate the focused talk, `S` skips it. */
import type { TalkDetailsPatch } from '../db/library';

export const TRIAGE_KEYS = '1 2 3 4 5 S';

/** What a key does to the focused talk, or null when it is not a triage key. */
export function triagePatch(key: string): TalkDetailsPatch | null {
  if (key === 's' || key === 'S') return { status: 'skipped' };
  return /^[1-5]$/.test(key) ? { interest: Number(key) } : null;
}
