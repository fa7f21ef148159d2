// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { updateTalkDetails } from '../../src/db/library';
import { getTalk } from '../../src/db/talks';
import { queuePlaylist } from '../../src/db/queue';
import { triagePatch } from '../../src/options/triage-keys';
import type { PlaylistRow } from '../../src/talk/playlist';
import { freshDb } from '../db/test-db';
import { renderLibrary, status, titles } from './library-harness';

afterEach(cleanup);

const row = (position: number): PlaylistRow => ({
  videoId: `devconf${String(position).padStart(4, '0')}`,
  position,
  title: `Talk ${position} - Jane Doe, Acme`,
  channel: 'DevConf',
  durationSec: 1200,
  unavailable: null,
});

async function queuedEvent(talks: number) {
  const db = freshDb();
  const rows = Array.from({ length: talks }, (_, i) => row(i + 1));
  await queuePlaylist(db, { id: 'PLdevconf2026', title: 'DevConf 2026', size: rows.length, rows, complete: true }, 'DevConf 2026');
  return db;
}

const titleLink = (title: string) => screen.getByRole('link', { name: title });

describe('triage keys', () => {
  test('1–5 rate, S skips, anything else is not theirs', () => {
    expect(triagePatch('1')).toEqual({ interest: 1 });
    expect(triagePatch('5')).toEqual({ interest: 5 });
    expect(triagePatch('s')).toEqual({ status: 'skipped' });
    expect(triagePatch('S')).toEqual({ status: 'skipped' });
    for (const key of ['0', '6', '12', 'ArrowDown', 'x', ' ']) expect(triagePatch(key)).toBeNull();
  });
});

describe('triaging an event in the library', () => {
  test('with the event chosen, 1–5 rate the focused talk and S skips it, each moving to the next', async () => {
    const db = await queuedEvent(4);
    await renderLibrary(db);
    fireEvent.change(screen.getByRole('combobox', { name: 'Event' }), { target: { value: 'DevConf 2026' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'interest' } });
    expect(titles()).toEqual(['Talk 1', 'Talk 2', 'Talk 3', 'Talk 4']);
    expect(titleLink('Talk 1').getAttribute('href')).toBe('https://www.youtube.com/watch?v=devconf0001');
    expect(titleLink('Talk 1').getAttribute('aria-keyshortcuts')).toBe('1 2 3 4 5 S');

    titleLink('Talk 2').focus();
    fireEvent.keyDown(titleLink('Talk 2'), { key: '4' });
    expect(document.activeElement).toBe(titleLink('Talk 3'));
    await waitFor(() => expect(status()).toBe('“Talk 2”: 4 stars'));
    fireEvent.keyDown(titleLink('Talk 3'), { key: 's' });
    expect(document.activeElement).toBe(titleLink('Talk 4'));
    await waitFor(() => expect(status()).toBe('“Talk 3”: Skipped'));
    fireEvent.keyDown(titleLink('Talk 4'), { key: '1' });
    await waitFor(() => expect(status()).toBe('“Talk 4”: 1 star'));

    // Sorted by interest, then the playlist's order.
    await waitFor(() => expect(titles()).toEqual(['Talk 2', 'Talk 4', 'Talk 1', 'Talk 3']));
    expect(await getTalk(db, 't_devconf0003')).toMatchObject({ status: 'skipped', interest: 0 });
    expect(screen.getByText(/watched ·/).textContent).toBe('0 of 4 watched · 1 h 0 min left of the talks you kept');
  });

  // Focus moved by a key is followed by its talk, not its place: neither a re-sort nor a later
  // redraw puts it back on a row by number (the rating's own announcement redraws the list before
  // its re-sort arrives, so these changes come from elsewhere: another page, a sync, a search).
  test('the focus stays with the talk it moved to when the rows re-sort under it', async () => {
    const db = await queuedEvent(4);
    for (const [position, interest] of [
      [1, 5],
      [2, 4],
      [3, 3],
    ])
      await updateTalkDetails(db, `t_devconf000${position}`, { interest });
    await renderLibrary(db);
    fireEvent.change(screen.getByRole('combobox', { name: 'Event' }), { target: { value: 'DevConf 2026' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort' }), { target: { value: 'interest' } });
    expect(titles()).toEqual(['Talk 1', 'Talk 2', 'Talk 3', 'Talk 4']);
    titleLink('Talk 1').focus();
    fireEvent.keyDown(titleLink('Talk 1'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(titleLink('Talk 2'));
    // Talk 1 rated down in the popup meanwhile: it moves below Talk 3.
    await updateTalkDetails(db, 't_devconf0001', { interest: 2 });
    await waitFor(() => expect(titles()).toEqual(['Talk 2', 'Talk 3', 'Talk 1', 'Talk 4']));
    expect(document.activeElement).toBe(titleLink('Talk 2'));
  });

  test('a row reached by the arrow keys keeps no claim on the focus once the user is elsewhere', async () => {
    const db = await queuedEvent(4);
    await renderLibrary(db);
    titleLink('Talk 1').focus();
    fireEvent.keyDown(titleLink('Talk 1'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(titleLink('Talk 2'));
    const search = screen.getByRole('searchbox', { name: 'Search' });
    search.focus();
    fireEvent.input(search, { target: { value: 'Talk' } });
    await waitFor(() => expect(screen.getAllByText('Talk', { selector: 'mark' })).toHaveLength(4));
    expect(document.activeElement).toBe(search);
  });

  test('without an event chosen, digits do nothing to a talk', async () => {
    const db = await queuedEvent(2);
    await renderLibrary(db);
    titleLink('Talk 1').focus();
    fireEvent.keyDown(titleLink('Talk 1'), { key: '5' });
    expect(document.activeElement).toBe(titleLink('Talk 1'));
    expect((await getTalk(db, 't_devconf0001'))?.interest).toBe(0);
  });
});
