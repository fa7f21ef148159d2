// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { NoteList } from '../../src/popup/NoteList';
import { holdFramesAndIdle } from '../ui/held-clock';

let clock: ReturnType<typeof holdFramesAndIdle> | undefined;
afterEach(() => {
  cleanup();
  clock?.restore();
  clock = undefined;
});

const note = { id: 'n_1', talkId: 't_1', body: '**bold** move', atSec: 12, createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z' };

test('a note shows as typed until the page is painted and idle and the markdown renderer is loaded, then rendered', async () => {
  clock = holdFramesAndIdle();
  const ignore = () => undefined;
  render(<NoteList notes={[note]} chapters={[]} videoId="abc" onSeek={ignore} onEdit={ignore} onDelete={ignore} />);
  expect(screen.getByText('**bold** move')).toBeTruthy();
  clock.paint();
  clock.idle();
  expect((await screen.findByText('bold')).closest('strong')).not.toBeNull();
});
