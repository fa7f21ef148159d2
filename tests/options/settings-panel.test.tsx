// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { SettingsPanel } from '../../src/options/SettingsPanel';
import { DEFAULT_SETTINGS, type Settings } from '../../src/settings/settings';

afterEach(cleanup);

function renderPanel(save: (settings: Settings) => Promise<void>) {
  render(
    <SettingsPanel
      initial={DEFAULT_SETTINGS}
      save={save}
      shortcuts={[{ name: 'clip-talk', description: 'Clip the talk in this tab', keys: 'Alt+Shift+K' }]}
      openShortcutSettings={() => {}}
    />,
  );
}

/** The confirmation and the alert that belong to one field, beside it. */
const besideField = (field: HTMLElement) => {
  const cell = field.closest('.settings__field')!;
  return { status: cell.querySelector('[aria-live=polite]')!.textContent, alert: cell.querySelector('[role=alert]')?.textContent ?? '' };
};

test('each setting is saved as soon as it changes, and confirmed beside it', async () => {
  const saved: Settings[] = [];
  renderPanel(async (settings) => void saved.push(settings));
  const rewind = screen.getByRole('spinbutton', { name: 'Rewind notes by (seconds)' });
  fireEvent.change(rewind, { target: { value: '5' } });
  await waitFor(() => expect(besideField(rewind).status).toBe('Saved.'));
  const event = screen.getByRole('textbox', { name: 'Event of new clips' });
  fireEvent.change(event, { target: { value: ' KubeCon EU 2024 ' } });
  await waitFor(() => expect(besideField(event).status).toBe('Saved.'));
  expect(besideField(rewind).status).toBe('');
  fireEvent.change(screen.getByRole('combobox', { name: 'Theme' }), { target: { value: 'dark' } });
  await waitFor(() => expect(saved).toHaveLength(3));
  expect(saved.at(-1)).toEqual({ rewindSec: 5, defaultEvent: 'KubeCon EU 2024', theme: 'dark' });
  expect(screen.getByText('Alt+Shift+K')).toBeTruthy();
});

test('a second change of the same setting is confirmed again: its region empties, then says Saved. anew', async () => {
  renderPanel(async () => {});
  const theme = screen.getByRole('combobox', { name: 'Theme' });
  fireEvent.change(theme, { target: { value: 'dark' } });
  await waitFor(() => expect(besideField(theme).status).toBe('Saved.'));
  fireEvent.change(theme, { target: { value: 'light' } });
  await waitFor(() => expect(besideField(theme).status).toBe(''));
  await waitFor(() => expect(besideField(theme).status).toBe('Saved.'));
});

test('an invalid value is refused with a message on its field, and nothing is saved', async () => {
  const saved: Settings[] = [];
  renderPanel(async (settings) => void saved.push(settings));
  const rewind = screen.getByRole('spinbutton', { name: 'Rewind notes by (seconds)' }) as HTMLInputElement;
  for (const value of ['-3', '2.5', '61', '']) {
    fireEvent.change(rewind, { target: { value } });
    await waitFor(() => expect(besideField(rewind).alert).toBe('Rewind is a whole number of seconds from 0 to 60.'));
    expect(rewind.getAttribute('aria-invalid')).toBe('true');
    expect(rewind.getAttribute('aria-describedby')).toContain(rewind.closest('.settings__field')!.querySelector('[role=alert]')!.id);
  }
  const event = screen.getByRole('textbox', { name: 'Event of new clips' });
  fireEvent.change(event, { target: { value: 'x'.repeat(201) } });
  await waitFor(() => expect(besideField(event).alert).toBe('An event name is at most 200 characters; this one has 201.'));
  expect(saved).toEqual([]);

  fireEvent.change(rewind, { target: { value: '3' } });
  await waitFor(() => expect(besideField(rewind).status).toBe('Saved.'));
  expect(besideField(rewind).alert).toBe('');
  expect(rewind.getAttribute('aria-invalid')).toBeNull();
  expect(saved.at(-1)?.rewindSec).toBe(3);
});

test('a failed save is said beside the setting', async () => {
  renderPanel(async () => {
    throw new Error('storage is full');
  });
  const theme = screen.getByRole('combobox', { name: 'Theme' });
  fireEvent.change(theme, { target: { value: 'light' } });
  await waitFor(() => expect(besideField(theme).alert).toBe('Could not save the settings: storage is full'));
});
