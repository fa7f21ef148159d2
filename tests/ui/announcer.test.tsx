// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, expect, test, vi } from 'vitest';
import { Announcer, type Announcement } from '../../src/ui/Announcer';
import { holdFramesAndIdle } from './held-clock';

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

test('Undo, gone with its button once used, leaves the focus where the page says, not at its start', async () => {
  function UndoBeside() {
    const [announcement, setAnnouncement] = useState<Announcement | null>({ kind: 'status', text: 'Note deleted.', action: { label: 'Undo', run: () => {} } });
    return (
      <>
        <input aria-label="Note" class="note" />
        <Announcer announcement={announcement} onDismiss={() => setAnnouncement(null)} focusAfter=".note" />
      </>
    );
  }
  (document.activeElement as HTMLElement | null)?.blur();
  render(<UndoBeside />);
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Undo'));
  fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
  await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
  expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Note' }));
});

test('the look for lost focus asks for no frame once the announcer is gone', async () => {
  const clock = holdFramesAndIdle();
  try {
    function NoteBeside({ announcement }: { announcement: Announcement | null }) {
      return (
        <>
          <input aria-label="Note" />
          {announcement && <Announcer announcement={announcement} />}
        </>
      );
    }
    const deleted: Announcement = { kind: 'status', text: 'Note deleted.', action: { label: 'Undo', run: () => {} } };
    const view = render(<NoteBeside announcement={deleted} />);
    screen.getByRole('textbox', { name: 'Note' }).focus();
    view.rerender(<NoteBeside announcement={{ ...deleted, text: 'Slide removed.' }} />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Slide removed.'));
    // The focus stays in the note box with Undo shown: looked at again each frame.
    const frames = vi.mocked(window.requestAnimationFrame);
    const before = frames.mock.calls.length;
    clock.paint();
    expect(frames.mock.calls.length).toBeGreaterThan(before);
    view.rerender(<NoteBeside announcement={null} />);
    expect(screen.queryByRole('status')).toBeNull();
    clock.paint();
    const gone = frames.mock.calls.length;
    clock.paint();
    clock.paint();
    expect(frames.mock.calls.length).toBe(gone);
  } finally {
    clock.restore();
  }
});
