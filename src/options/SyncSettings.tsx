import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/t';
import type { SyncReply, SyncRequest } from '../messages/messages';
import type { SyncProblem, SyncStatus } from '../sync/sync-status';
import { checkFolderUrl, DavError, hostPattern } from '../sync/webdav';
import { plural } from '../i18n/plural';
import type { Announcement } from '../ui/Announcer';
import { errorMessage } from '../ui/error-message';
import { isReplyCutOff } from '../messages/reply-cut-off';
import { focusIsFree } from './focus-is-free';
import './SyncSettings.css';

/** What the Sync section needs from the browser; tests pass their own. */
export interface SyncEnvironment {
  /** The connected folder and user; the password is never shown again. */
  loadAccount: () => Promise<{ folderUrl: string; user: string } | null>;
  loadStatus: () => Promise<SyncStatus>;
  onStatusChanged: (listener: (status: SyncStatus) => void) => () => void;
  /** Asks the browser for access to this one host pattern; called straight from the click, as browsers require. */
  requestOrigin: (pattern: string) => Promise<boolean>;
  send: (request: SyncRequest) => Promise<SyncReply>;
}

const PROBLEM_TEXT: Record<SyncProblem, MessageKey> = {
  'https-required': 'syncProblemHttpsRequired',
  'bad-url': 'syncProblemBadUrl',
  unauthorized: 'syncProblemUnauthorized',
  forbidden: 'syncProblemForbidden',
  'not-webdav': 'syncProblemNotWebdav',
  redirected: 'syncProblemRedirected',
  'other-path': 'syncProblemOtherPath',
  'no-conditional-writes': 'syncProblemNoConditionalWrites',
  'unusable-etags': 'syncProblemUnusableEtags',
  unreachable: 'syncProblemUnreachable',
  busy: 'syncProblemBusy',
  locked: 'syncProblemLocked',
  'server-error': 'syncProblemServerError',
  'storage-full': 'syncProblemStorageFull',
  'unexpected-status': 'syncProblemUnexpectedStatus',
  unreadable: 'syncProblemUnreadable',
  permission: 'syncProblemPermission',
  interrupted: 'syncProblemInterrupted',
  other: 'syncProblemOther',
};

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function statusText(status: SyncStatus): string {
  if (status.kind === 'syncing') return t('syncSyncing');
  if (status.kind !== 'synced') return '';
  return [
    t('syncSynced', plural(status.changes, 'change'), TIME.format(new Date(status.at))),
    status.conflicts > 0 && t('syncConflicts', plural(status.conflicts, 'note')),
    status.kept && t('syncKeptEdited', status.kept.join(', ')),
    status.locked && t('syncMirrorLocked', status.locked.join(', ')),
    status.unwritten && t('syncMirrorUnwritten', status.unwritten.join('; ')),
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * What the section shows of an error thrown here, rather than reported by the background: an account sent was not
 * saved. A request the background stopped before answering is said to be interrupted, not in the browser's words.
 */
function failure(error: unknown): SyncReply {
  const at = new Date().toISOString();
  if (isReplyCutOff(error)) return { kind: 'failed', at, problem: 'interrupted', detail: '', unsaved: true };
  return { kind: 'failed', at, problem: 'other', detail: errorMessage(error), unsaved: true };
}

function problemText(status: SyncStatus): string {
  if (status.kind !== 'failed') return '';
  return t(Object.hasOwn(PROBLEM_TEXT, status.problem) ? PROBLEM_TEXT[status.problem] : 'syncProblemOther', status.detail);
}

/** A password field with its label, in the section's grid: Connect's, and Change password's. */
function PasswordField({ id, label, value, onInput }: { id: string; label: string; value: string; onInput: (value: string) => void }) {
  return (
    <>
      <label for={id}>{label}</label>
      <input id={id} type="password" required autocomplete="current-password" value={value} onInput={(event) => onInput(event.currentTarget.value)} />
      <span />
    </>
  );
}

/**
 * Library → Settings → Sync: connect a WebDAV folder, sync now, give it a new password, disconnect. The section always
 * shows what the last sync did (a failure until one succeeds); what the person asked for is also
 * announced through the page's live regions, so background syncs stay quiet.
 */
export function SyncSettings({ env, announce }: { env: SyncEnvironment; announce: (announcement: Announcement) => void }) {
  const [account, setAccount] = useState<{ folderUrl: string; user: string } | null>(null);
  const [status, setStatus] = useState<SyncStatus>({ kind: 'off' });
  const [folderUrl, setFolderUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  /** The control to give the focus to once drawn: the one that had it went (a form opened or closed, the folder connected or not). */
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  // Connect waits for the first sync, which can take minutes: the user may be writing elsewhere by then.
  useLayoutEffect(() => {
    if (focusNext === null) return;
    if (focusIsFree(section.current)) document.getElementById(focusNext)?.focus();
    setFocusNext(null);
  }, [focusNext]);

  useEffect(() => {
    void Promise.all([env.loadAccount(), env.loadStatus()]).then(([stored, last]) => {
      setAccount(stored);
      setStatus(last);
    });
    return env.onStatusChanged(setStatus);
  }, [env]);

  const show = (shown: SyncStatus) => {
    setStatus(shown);
    if (shown.kind === 'failed') announce({ kind: 'alert', text: problemText(shown) });
    else announce({ kind: 'status', text: statusText(shown) || t('syncOff') });
  };

  /** A button's action, ignored while a request is under way (the button stays focusable: aria-disabled, not disabled). */
  const unlessBusy = (act: () => void) => () => {
    if (!busy) act();
  };

  /** Sends a request and shows its reply; the reply. */
  const run = async (request: SyncRequest): Promise<SyncReply> => {
    setBusy(true);
    let shown: SyncReply;
    try {
      shown = await env.send(request);
    } catch (error) {
      shown = failure(error);
    } finally {
      setBusy(false);
    }
    show(shown);
    return shown;
  };

  /**
   * Connect, and a new password for the folder connected: the background checks the account with the server before
   * it saves it. The browser grants access to the server only from the click itself, so it is asked before any await.
   */
  const sendAccount = async (checkedUrl: string, accountUser: string): Promise<SyncReply | null> => {
    let granted: boolean;
    try {
      granted = await env.requestOrigin(hostPattern(checkedUrl));
    } catch (error) {
      show(failure(error));
      return null;
    }
    if (!granted) {
      show({ kind: 'failed', at: new Date().toISOString(), problem: 'permission', detail: new URL(checkedUrl).origin });
      return null;
    }
    return run({ type: 'talklog/sync-connect', account: { folderUrl: checkedUrl, user: accountUser, password } });
  };

  const connect = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    let checkedUrl: string;
    try {
      checkedUrl = checkFolderUrl(folderUrl);
    } catch (error) {
      if (!(error instanceof DavError)) throw error;
      show({ kind: 'failed', at: new Date().toISOString(), problem: error.problem, detail: error.message });
      return;
    }
    void sendAccount(checkedUrl, user).then(async (reply) => {
      if (!reply) return;
      // Saved only once the server accepted it; a failed first sync after that still connects.
      const connected = await env.loadAccount();
      setAccount(connected);
      if (!connected) return;
      setPassword('');
      setFocusNext('sync-now');
    });
  };

  const closePassword = () => {
    setChangingPassword(false);
    setPassword('');
    setFocusNext('sync-change-password');
  };

  const savePassword = (event: Event) => {
    event.preventDefault();
    if (!account || busy) return;
    void sendAccount(account.folderUrl, account.user).then((reply) => {
      // Refused (or not checked): the field stays, to try again or cancel. Taken, the form closes, and a first sync
      // that failed after is the status shown.
      if (reply && !reply.unsaved) closePassword();
    });
  };

  const disconnect = async () => {
    await run({ type: 'talklog/sync-disconnect' });
    setAccount(null);
    closePassword();
    setFocusNext('sync-url');
  };

  return (
    <section ref={section} class="settings sync-settings" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('sync')}</h2>
      {account ? (
        <div class="sync-settings__connected">
          <p>{t('syncConnectedTo', account.folderUrl, account.user)}</p>
          {changingPassword && (
            <form class="settings__grid sync-settings__password" onSubmit={savePassword}>
              <PasswordField id="sync-new-password" label={t('syncNewPassword')} value={password} onInput={setPassword} />
              <div class="sync-settings__actions">
                <button type="submit" class="button" aria-disabled={busy}>
                  {t('syncSavePassword')}
                </button>
                <button type="button" class="button button--quiet" aria-disabled={busy} onClick={unlessBusy(closePassword)}>
                  {t('cancel')}
                </button>
              </div>
            </form>
          )}
          <div class="sync-settings__actions">
            <button id="sync-now" type="button" class="button" aria-disabled={busy} onClick={unlessBusy(() => void run({ type: 'talklog/sync-now' }))}>
              {t('syncNow')}
            </button>
            {!changingPassword && (
              <button
                id="sync-change-password"
                type="button"
                class="button button--quiet"
                aria-disabled={busy}
                onClick={unlessBusy(() => {
                  setChangingPassword(true);
                  setFocusNext('sync-new-password');
                })}
              >
                {t('syncChangePassword')}
              </button>
            )}
            <button type="button" class="button button--quiet" aria-disabled={busy} onClick={unlessBusy(() => void disconnect())}>
              {t('syncDisconnect')}
            </button>
          </div>
        </div>
      ) : (
        <form class="settings__grid" onSubmit={connect}>
          <p class="muted sync-settings__intro">{t('syncIntro')}</p>
          <label for="sync-url">{t('syncServerUrl')}</label>
          <div>
            <input
              id="sync-url"
              type="url"
              required
              value={folderUrl}
              placeholder="https://cloud.example.org/remote.php/dav/files/alice/Talklog/"
              aria-describedby="sync-url-hint"
              onInput={(event) => setFolderUrl(event.currentTarget.value)}
            />
            <p id="sync-url-hint" class="muted">
              {t('syncServerUrlHint')}
            </p>
          </div>
          <label for="sync-user">{t('syncUserName')}</label>
          <input id="sync-user" type="text" required autocomplete="username" value={user} onInput={(event) => setUser(event.currentTarget.value)} />
          <PasswordField id="sync-password" label={t('syncPassword')} value={password} onInput={setPassword} />
          <div>
            <button type="submit" class="button" aria-disabled={busy}>
              {t('syncConnect')}
            </button>
          </div>
        </form>
      )}
      <p class={`sync-settings__status${status.kind === 'failed' ? ' sync-settings__status--failed' : ''}`}>{problemText(status) || statusText(status)}</p>
    </section>
  );
}
