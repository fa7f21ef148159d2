import type { TalklogDb } from '../db/database';
import { startSyncWith, stopSync, syncDeviceId } from '../db/sync-store';
import type { SyncReply, SyncRequest } from '../messages/messages';
import type { SyncAccount, SyncProblem, SyncStatus } from '../sync/sync-status';
import { syncWithServer } from '../sync/sync-run';
import { checkFolderUrl, DavError, hostPattern, prepareFolder, type DavClient } from '../sync/webdav';
import { errorMessage } from '../ui/error-message';

/** After a local change, wait for typing to pause before syncing. */
const AFTER_CHANGE_MS = 5000;

/** What the background's syncs need from the browser and the rest of the extension. Tests pass their own. */
export interface SyncEnvironment {
  db: TalklogDb;
  /** Whether the browser lets Talklog reach this folder's host (Connect asks for it). */
  mayReach(folderUrl: string): Promise<boolean>;
  /** Gives back the host permission of a folder no longer synced with. */
  release(folderUrl: string): Promise<void>;
  /** The client of an account's folder. */
  dav(account: SyncAccount): DavClient;
  loadAccount(): Promise<SyncAccount | null>;
  loadStatus(): Promise<SyncStatus>;
  saveAccount(account: SyncAccount | null): Promise<void>;
  saveStatus(status: SyncStatus): Promise<void>;
  /** The small copy lists show of a slide that arrived. */
  thumbnail(image: Blob): Promise<Blob>;
}

export interface BackgroundSync {
  /** `talkLog`: whether this sync rewrites the whole talk log if it is stale (sync-run.ts). */
  sync(talkLog?: 'now' | 'later'): Promise<SyncStatus>;
  /** A sync a few seconds from now, once typing pauses. */
  soon(): void;
  /** Sync now, Connect and Disconnect, from the library's settings. */
  handle(request: SyncRequest): Promise<SyncReply>;
  /**
   * Called as the worker starts, before any sync of its own: a status still `syncing` was left by a worker stopped
   * mid-sync. The sync runs again, saying `syncing` throughout (a page opened meanwhile is not told it failed), and
   * is said to be interrupted only if it cannot run: no account any more. The status after.
   */
  resumeInterrupted(): Promise<SyncStatus>;
}

/**
 * Syncs when asked (at browser start, every 15 minutes, a few seconds after a change, from the
 * library), one at a time. Connect and Disconnect wait in the same line: a sync still running
 * with the old folder would otherwise keep saving that folder's files as what was last synced,
 * after Connect to another folder forgot them. A worker stopped mid-sync resumes on its next start: each talk is
 * saved with its file in one transaction, and what is not yet synced is still recorded as changed.
 */
export function backgroundSync(env: SyncEnvironment): BackgroundSync {
  let queue: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** Runs `task` once everything asked before it has ended. */
  const inTurn = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const sync = (talkLog: 'now' | 'later' = 'now'): Promise<SyncStatus> => {
    clearTimeout(timer);
    return inTurn(() => syncOnce(env, talkLog));
  };

  return {
    sync,
    resumeInterrupted() {
      return inTurn(async () => {
        const left = await env.loadStatus();
        if (left.kind !== 'syncing') return left;
        const status = await syncOnce(env, 'now');
        if (status.kind !== 'off') return status;
        const interrupted = failed('interrupted', '');
        await env.saveStatus(interrupted);
        return interrupted;
      });
    },
    soon() {
      clearTimeout(timer);
      timer = setTimeout(() => void sync('later'), AFTER_CHANGE_MS);
    },
    async handle(request) {
      if (request.type === 'talklog/sync-now') return sync();
      if (request.type === 'talklog/sync-disconnect') {
        return inTurn(async () => {
          const account = await env.loadAccount();
          await env.saveAccount(null);
          await stopSync(env.db, account?.folderUrl ?? null);
          const off: SyncStatus = { kind: 'off' };
          await env.saveStatus(off);
          if (account) await env.release(account.folderUrl);
          return off;
        });
      }
      return inTurn(async () => {
        const failure = await connect(env, request.account);
        if (failure) {
          await env.saveStatus(failure);
          return { ...failure, unsaved: true };
        }
        clearTimeout(timer);
        return syncOnce(env, 'now');
      });
    },
  };
}

/** Checks the account and the folder (creating it when missing) before anything is saved; the failure, if any. */
async function connect(env: SyncEnvironment, account: SyncAccount): Promise<SyncStatus | null> {
  try {
    const folderUrl = checkFolderUrl(account.folderUrl);
    if (!(await env.mayReach(folderUrl))) return failed('permission', new URL(folderUrl).origin);
    const checked = { ...account, folderUrl };
    await prepareFolder(env.dav(checked));
    const previous = await env.loadAccount();
    await startSyncWith(env.db, folderUrl, previous?.folderUrl ?? null);
    await env.saveAccount(checked);
    if (previous && hostPattern(previous.folderUrl) !== hostPattern(folderUrl)) await env.release(previous.folderUrl);
    return null;
  } catch (error) {
    return failedWith(error);
  }
}

async function syncOnce(env: SyncEnvironment, talkLog: 'now' | 'later'): Promise<SyncStatus> {
  const account = await env.loadAccount();
  if (!account) return { kind: 'off' };
  await env.saveStatus({ kind: 'syncing', since: new Date().toISOString() });
  let status: SyncStatus;
  try {
    if (!(await env.mayReach(account.folderUrl))) {
      status = failed('permission', new URL(account.folderUrl).origin);
    } else {
      const report = await syncWithServer(env.db, env.dav(account), { device: await syncDeviceId(env.db), thumbnail: env.thumbnail, talkLog });
      status =
        report.unreadable.length > 0
          ? failed('unreadable', report.unreadable.join('; '))
          : {
              kind: 'synced',
              at: new Date().toISOString(),
              changes: report.changes,
              conflicts: report.conflicts,
              ...(report.kept.length > 0 && { kept: report.kept }),
              ...(report.locked.length > 0 && { locked: report.locked }),
              ...(report.unwritten.length > 0 && { unwritten: report.unwritten }),
            };
    }
  } catch (error) {
    status = failedWith(error);
  }
  await env.saveStatus(status);
  return status;
}

function failed(problem: SyncProblem, detail: string): SyncStatus {
  return { kind: 'failed', at: new Date().toISOString(), problem, detail };
}

function failedWith(error: unknown): SyncStatus {
  if (error instanceof DavError) return failed(error.problem, error.message);
  return failed('other', errorMessage(error));
}
