/** What the last sync did, as the library and the popup show it. Kept in `storage.local`. */

import type { DavProblem } from './webdav';

/** `interrupted`: the background stopped before the sync ended (it is run again when the background starts). */
export type SyncProblem = DavProblem | 'unreadable' | 'permission' | 'interrupted' | 'other';

export type SyncStatus =
  | { kind: 'off' }
  | { kind: 'syncing'; since: string }
  /**
   * `kept`: markdown mirror files left as they were, edited outside Talklog; `locked`: those the server refused to write
   * as open in another app; `unwritten`: those not written otherwise, each with why (each absent when none, and from
   * before it was kept).
   */
  | { kind: 'synced'; at: string; changes: number; conflicts: number; kept?: string[]; locked?: string[]; unwritten?: string[] }
  | { kind: 'failed'; at: string; problem: SyncProblem; detail: string };

/** The account Connect saved: in `storage.local` only, never `storage.sync`, never logged. */
export interface SyncAccount {
  folderUrl: string;
  user: string;
  password: string;
}

export function isSyncStatus(value: unknown): value is SyncStatus {
  if (typeof value !== 'object' || value === null) return false;
  const status = value as Record<string, unknown>;
  switch (status.kind) {
    case 'off':
      return true;
    case 'syncing':
      return typeof status.since === 'string';
    case 'synced':
      return (
        typeof status.at === 'string' &&
        typeof status.changes === 'number' &&
        typeof status.conflicts === 'number' &&
        [status.kept, status.locked, status.unwritten].every(
          (paths) => paths === undefined || (Array.isArray(paths) && paths.every((path) => typeof path === 'string')),
        )
      );
    case 'failed':
      // Not checked against every problem: the popup, which reads this as it opens, says any failure alike, and the
      // library names one it does not know (stored by another version) as `other`.
      return typeof status.at === 'string' && typeof status.problem === 'string' && typeof status.detail === 'string';
    default:
      return false;
  }
}

export function isSyncAccount(value: unknown): value is SyncAccount {
  if (typeof value !== 'object' || value === null) return false;
  const account = value as Record<string, unknown>;
  return typeof account.folderUrl === 'string' && typeof account.user === 'string' && typeof account.password === 'string';
}
