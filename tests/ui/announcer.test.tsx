// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { Announcer, type Announcement } from '../../src/ui/Announcer';

afterEach(cleanup);

test('the same words announced twice empty the region in between, so a screen reader hears both', async () => {
  const first: Announcement = { kind: 'status', text: 'Note saved.' };
  const view = render(<Announcer announcement={first} />);
  expect(screen.getByRole('status').textContent).toBe('Note saved.');
  view.rerender(<Announcer announcement={{ ...first }} />);
  expect(screen.getByRole('status').textContent).toBe('');
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Note saved.'));
});

test('an Undo offered after focus was lost takes the focus', async () => {
  (document.activeElement as HTMLElement | null)?.blur();
  render(<Announcer announcement={{ kind: 'status', text: 'Note deleted.', action: { label: 'Undo', run: () => {} } }} />);
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Undo'));
});
