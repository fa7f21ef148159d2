// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { SettingsPanel } from '../../src/options/SettingsPanel';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';
import type { Announcement } from '../../src/ui/Announcer';

afterEach(cleanup);

test('each setting is saved as soon as it changes, within bounds', async () => {
  const saved: Settings[] = [];
  const announced: Announcement[] = [];
  render(
    <SettingsPanel
      initial={DEFAULT_SETTINGS}
      save={async (settings) => void saved.push(settings)}
      shortcuts={[{ name: 'clip-talk', description: 'Clip the talk in this tab', keys: 'Alt+Shift+K' }]}
      openShortcutSettings={() => {}}
      announce={(announcement) => announced.push(announcement)}
    />,
  );
  fireEvent.change(screen.getByRole('spinbutton', { name: 'Rewind notes by (seconds)' }), { target: { value: '500' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Event of new clips' }), { target: { value: ' KubeCon EU 2024 ' } });
  fireEvent.change(screen.getByRole('combobox', { name: 'Theme' }), { target: { value: 'dark' } });
  await waitFor(() => expect(saved).toHaveLength(3));
  expect(saved.at(-1)).toEqual({ rewindSec: 60, defaultEvent: 'KubeCon EU 2024', theme: 'dark' });
  expect(announced.at(-1)).toEqual({ kind: 'status', text: 'Settings saved.' });
  expect(screen.getByText('Alt+Shift+K')).toBeTruthy();
});

test('a failed save is announced as an error', async () => {
  const announced: Announcement[] = [];
  render(
    <SettingsPanel
      initial={DEFAULT_SETTINGS}
      save={async () => {
        throw new Error('storage is full');
      }}
      shortcuts={[]}
      openShortcutSettings={() => {}}
      announce={(announcement) => announced.push(announcement)}
    />,
  );
  fireEvent.change(screen.getByRole('combobox', { name: 'Theme' }), { target: { value: 'light' } });
  await waitFor(() => expect(announced.at(-1)?.kind).toBe('alert'));
  expect(announced.at(-1)?.text).toContain('storage is full');
});
