// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import type { SyncRequest } from '../../src/messages/messages';
import { SyncSettings, type SyncEnvironment } from '../../src/options/SyncSettings';
import type { SyncStatus } from '../../src/sync/sync-status';
import { busyButFocusable } from '../ui/busy-control';

afterEach(cleanup);

const FOLDER = 'https://cloud.example.org/remote.php/dav/files/alice/Talklog/';
const SYNCED: SyncStatus = { kind: 'synced', at: '2026-11-20T10:00:00.000Z', changes: 0, conflicts: 0 };

/** The section connected to FOLDER, after a sync that ended as `last`; `reply` answers each request the background gets. */
function renderConnected(reply: (request: SyncRequest) => SyncStatus | Promise<SyncStatus>, last = SYNCED) {
  const sent: SyncRequest[] = [];
  const requested: string[] = [];
  const env: SyncEnvironment = {
    loadAccount: async () => ({ folderUrl: FOLDER, user: 'alice' }),
    loadStatus: async () => last,
    onStatusChanged: () => () => {},
    requestOrigin: async (pattern) => {
      requested.push(pattern);
      return true;
    },
    send: async (request) => {
      sent.push(request);
      return reply(request);
    },
  };
  render(<SyncSettings env={env} announce={() => {}} />);
  return { sent, requested };
}

test('Change password checks the new password with the server as Connect does, and keeps the folder', async () => {
  const { sent, requested } = renderConnected((request) =>
    request.type === 'talklog/sync-connect' && request.account.password === 'new-app-password'
      ? SYNCED
      : { kind: 'failed', at: '2026-11-20T10:00:00.000Z', problem: 'unauthorized', detail: 'PROPFIND : 401', unsaved: true },
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Change password' }));
  fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'a-wrong-one' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
  // Refused: the field stays, to try again.
  await waitFor(() => expect(screen.getByText(/refused the user name or password/)).toBeTruthy());
  expect(screen.getByLabelText('New password')).toBeTruthy();

  fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'new-app-password' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
  await waitFor(() => expect(screen.queryByLabelText('New password')).toBeNull());
  expect(sent.at(-1)).toEqual({ type: 'talklog/sync-connect', account: { folderUrl: FOLDER, user: 'alice', password: 'new-app-password' } });
  expect(requested).toHaveLength(2);
  // Still connected, without Disconnect.
  expect(sent.some((request) => request.type === 'talklog/sync-disconnect')).toBe(false);
  expect(screen.getByRole('button', { name: 'Sync now' })).toBeTruthy();
});

test('a new password taken, then a first sync that failed: the form closes, and the failure is shown', async () => {
  renderConnected((request) =>
    request.type === 'talklog/sync-connect'
      ? { kind: 'failed', at: '2026-11-20T10:00:00.000Z', problem: 'unreadable', detail: 'talks/Pr0meTheus1.json: written by a newer Talklog' }
      : SYNCED,
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Change password' }));
  fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'new-app-password' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
  await waitFor(() => expect(screen.queryByLabelText('New password')).toBeNull());
  expect(screen.getByText(/could not be read .*talks\/Pr0meTheus1\.json: written by a newer Talklog/)).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Change password' })).toBeTruthy();
});

/** The section with no folder connected; `requestOrigin` answers the browser's permission request. */
function renderDisconnected(requestOrigin: SyncEnvironment['requestOrigin'], reply: () => Promise<SyncStatus> = async () => SYNCED) {
  const sent: SyncRequest[] = [];
  const env: SyncEnvironment = {
    loadAccount: async () => (sent.some((request) => request.type === 'talklog/sync-connect') ? { folderUrl: 'connected', user: 'alice' } : null),
    loadStatus: async () => ({ kind: 'off' }),
    onStatusChanged: () => () => {},
    requestOrigin,
    send: (request) => {
      sent.push(request);
      return reply();
    },
  };
  render(<SyncSettings env={env} announce={() => {}} />);
  return { sent };
}

async function fillAndConnect(folderUrl: string) {
  fireEvent.input(await screen.findByRole('textbox', { name: 'Server URL' }), { target: { value: folderUrl } });
  fireEvent.input(screen.getByRole('textbox', { name: 'User name' }), { target: { value: 'alice' } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'app-password' } });
  fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
}

test('Connect asks for the folder’s host without its port', async () => {
  const requested: string[] = [];
  const { sent } = renderDisconnected(async (pattern) => {
    requested.push(pattern);
    return true;
  });
  await fillAndConnect('https://nas.example:5006/dav/Talklog/');
  await waitFor(() => expect(sent).toHaveLength(1));
  expect(requested).toEqual(['https://nas.example/*']);
});

test('a permission request the browser refuses to make is shown in the section', async () => {
  const { sent } = renderDisconnected(async () => {
    throw new Error('Only permissions specified in the manifest may be requested.');
  });
  await fillAndConnect('http://127.0.0.1:8080/talklog/');
  await waitFor(() =>
    expect(screen.getByRole('region', { name: 'Sync' }).textContent).toContain('Only permissions specified in the manifest may be requested.'),
  );
  expect(sent).toEqual([]);
  expect(screen.getByRole('button', { name: 'Connect' })).toBeTruthy();
});

test('Cancel leaves the password as it was', async () => {
  const { sent } = renderConnected(() => SYNCED);
  fireEvent.click(await screen.findByRole('button', { name: 'Change password' }));
  fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'typed, then cancelled' } });
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(screen.queryByLabelText('New password')).toBeNull();
  expect(sent).toEqual([]);
});

/** The section's text once it shows the last sync's failure. */
async function shownFailure(problem: string, detail: string, expected: string): Promise<string> {
  const failed = { kind: 'failed', at: '2026-11-20T10:00:00.000Z', problem, detail } as SyncStatus;
  render(
    <SyncSettings
      env={{
        loadAccount: async () => ({ folderUrl: FOLDER, user: 'alice' }),
        loadStatus: async () => failed,
        onStatusChanged: () => () => {},
        requestOrigin: async () => true,
        send: async () => SYNCED,
      }}
      announce={() => {}}
    />,
  );
  const section = await screen.findByRole('region', { name: 'Sync' });
  await waitFor(() => expect(section.textContent).toContain(expected));
  return section.textContent ?? '';
}

test('a folder the server refuses this account is not said to be a wrong password', async () => {
  expect(await shownFailure('forbidden', 'PUT talks/Pr0meTheus1.json: 403', 'refuses this account access to the folder')).not.toContain(
    'user name or password',
  );
});

test('a problem stored by another version of Talklog is shown as a failure with its detail', async () => {
  expect(await shownFailure('from-a-later-version', 'PUT talks/Pr0meTheus1.json: 418', 'Sync failed:')).toContain(
    'Sync failed: PUT talks/Pr0meTheus1.json: 418',
  );
});

test('a sync that left markdown files edited outside Talklog as they were names them, and where its version went', async () => {
  renderConnected(() => SYNCED, { ...SYNCED, changes: 1, kept: ['markdown/no-event/prometheus-Pr0meTheus1.md', 'markdown/talk-log.md'] });
  expect(
    await screen.findByText(
      /markdown\/no-event\/prometheus-Pr0meTheus1\.md, markdown\/talk-log\.md\. Talklog writes its version beside each, named “… \(Talklog\)\.md”/,
    ),
  ).toBeTruthy();
});

test('a sync that could not write markdown files locked in another app says the notes synced, and names the files', async () => {
  renderConnected(() => SYNCED, { ...SYNCED, changes: 1, locked: ['markdown/talk-log.md'] });
  expect(await screen.findByText(/Your notes synced, but these markdown copies are locked, .* open in another app .*: markdown\/talk-log\.md\./)).toBeTruthy();
});

test('the focus moves with the keyboard user’s step: into New password, back to Change password, to Server URL on Disconnect', async () => {
  renderConnected((request) => (request.type === 'talklog/sync-disconnect' ? { kind: 'off' } : SYNCED));
  const changePassword = await screen.findByRole('button', { name: 'Change password' });
  changePassword.focus();
  fireEvent.click(changePassword);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('New password')));
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change password' })));

  fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
  fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'new-app-password' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save password' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change password' })));

  fireEvent.click(screen.getByRole('button', { name: 'Disconnect' }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Server URL' })));
});

test('Sync now, while it syncs, keeps the focus and ignores another press', async () => {
  let finish = () => {};
  const synced = new Promise<void>((resolve) => (finish = resolve));
  const { sent } = renderConnected(() => synced.then(() => SYNCED));
  const syncNow = await screen.findByRole('button', { name: 'Sync now' });
  fireEvent.click(syncNow);
  await waitFor(() => expect(busyButFocusable(syncNow)).toBe(true));
  fireEvent.click(syncNow);
  finish();
  await waitFor(() => expect(syncNow.getAttribute('aria-disabled')).toBe('false'));
  expect(sent).toEqual([{ type: 'talklog/sync-now' }]);
});

test('Connect, once connected, gives the focus to Sync now', async () => {
  renderDisconnected(async () => true);
  await fillAndConnect(FOLDER);
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sync now' })));
});

test('Connect, ended after the user went on elsewhere (its first sync is slow), leaves the focus where they are', async () => {
  let finishSync: (status: SyncStatus) => void = () => {};
  const { sent } = renderDisconnected(
    async () => true,
    () => new Promise((resolve) => (finishSync = resolve)),
  );
  render(<input type="search" aria-label="Search" />);
  await fillAndConnect(FOLDER);
  await waitFor(() => expect(sent).toHaveLength(1));
  const search = screen.getByRole('searchbox', { name: 'Search' });
  search.focus();
  finishSync(SYNCED);
  await screen.findByRole('button', { name: 'Sync now' });
  expect(document.activeElement).toBe(search);
});

test('Sync now cut short by the worker stopping says so in plain words, never the browser’s message-channel text', async () => {
  renderConnected(() => {
    throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
  });
  fireEvent.click(await screen.findByRole('button', { name: 'Sync now' }));
  await waitFor(() => expect(screen.getByText(/sync was cut short/)).toBeTruthy());
  expect(document.body.textContent).not.toContain('message channel');
});
