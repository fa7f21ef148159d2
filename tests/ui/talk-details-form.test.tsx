// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { TalklogDb } from '../../src/db/database';
import { clipTalk } from '../../src/db/talks';
import type { Talk } from '../../src/talk/model';
import type { Announcement } from '../../src/ui/Announcer';
import { TalkDetailsForm } from '../../src/ui/TalkDetailsForm';
import { capturedTalk, freshDb } from '../db/test-db';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

async function renderForm(options: { compact?: boolean } = {}) {
  const db = freshDb();
  const talk = await clipTalk(db, capturedTalk());
  const announced: Announcement[] = [];
  const props = { db, categories: ['Observability', 'Security'], events: ['KubeCon NA 2021'], announce: (a: Announcement) => announced.push(a), ...options };
  const view = render(<TalkDetailsForm {...props} talk={talk} />);
  const rerender = (changed: Talk) => view.rerender(<TalkDetailsForm {...props} talk={changed} />);
  return { db, talk, announced, rerender };
}

const stored = (db: TalklogDb) => db.talks.get('t_Pr0meTheus1');

describe('TalkDetailsForm', () => {
  test('saves each text field when it changes, cleaned', async () => {
    const { db } = await renderForm();
    fireEvent.change(screen.getByRole('textbox', { name: 'Title' }), { target: { value: '  Evolving Prometheus ' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Speakers' }), { target: { value: 'Bartłomiej Płotka, Red Hat; Richard Hartmann' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Event' }), { target: { value: 'KubeCon NA 2021' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Category' }), { target: { value: 'Observability ' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Tags' }), { target: { value: 'prometheus, metrics, Prometheus,' } });
    await waitFor(async () =>
      expect(await stored(db)).toMatchObject({
        title: 'Evolving Prometheus',
        speakers: ['Bartłomiej Płotka, Red Hat', 'Richard Hartmann'],
        event: 'KubeCon NA 2021',
        category: 'Observability',
        tags: ['prometheus', 'metrics'],
      }),
    );
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Tags' }) as HTMLInputElement).value).toBe('prometheus, metrics'));
  });

  test('each text field takes its direction from what is typed in it: a title or a name in Arabic reads right to left', async () => {
    await renderForm();
    const fields = ['Title', 'Speakers', 'Event', 'Category', 'Tags'].map((name) => screen.getByLabelText(name));
    expect(fields.map((field) => field.getAttribute('dir'))).toEqual(['auto', 'auto', 'auto', 'auto', 'auto']);
  });

  test('suggests the categories and events already used', async () => {
    await renderForm();
    const category = screen.getByRole('combobox', { name: 'Category' });
    const list = document.getElementById(category.getAttribute('list')!)!;
    expect([...list.querySelectorAll('option')].map((option) => option.value)).toEqual(['Observability', 'Security']);
  });

  test('interest is a radio group from unrated to five stars, saved at once and shown as stars', async () => {
    const { db, talk, rerender } = await renderForm();
    const group = screen.getByRole('radiogroup', { name: 'Interest' });
    expect(within(group).getAllByRole('radio')).toHaveLength(6);
    for (const name of ['1 star', '2 stars', '3 stars', '4 stars', '5 stars']) expect(within(group).getByRole('radio', { name })).toBeTruthy();
    expect((within(group).getByRole('radio', { name: 'Unrated' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(group).getByRole('radio', { name: '4 stars' }));
    await waitFor(async () => expect((await stored(db))?.interest).toBe(4));
    rerender({ ...talk, interest: 4 });
    expect(group.textContent?.replace(/[^★☆]/g, '')).toBe('★★★★☆');
  });

  test('status is a choice of to watch, watching, watched, skipped', async () => {
    const { db } = await renderForm();
    const status = screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement;
    expect([...status.options].map((option) => option.textContent)).toEqual(['To watch', 'Watching', 'Watched', 'Skipped']);
    fireEvent.change(status, { target: { value: 'watched' } });
    await waitFor(async () => expect((await stored(db))?.status).toBe('watched'));
  });

  test('a refused change is announced as an alert and the field shows what is stored', async () => {
    const { db, talk, announced } = await renderForm();
    const title = screen.getByRole('textbox', { name: 'Title' }) as HTMLInputElement;
    fireEvent.input(title, { target: { value: '   ' } });
    fireEvent.change(title);
    await waitFor(() => expect(announced).toEqual([{ kind: 'alert', text: 'Could not save the talk’s details: A talk needs a title.' }]));
    expect(title.value).toBe(talk.title);
    expect(await stored(db)).toEqual(talk);
  });

  test('words whose save fails (disk full) stay in the field and its draft, and are saved when it is left again', async () => {
    const { db, talk, announced } = await renderForm();
    const failing = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.talks.hook('updating', failing);
    const speakers = screen.getByRole('textbox', { name: 'Speakers' }) as HTMLInputElement;
    const typed = 'Bartłomiej Płotka, Red Hat; Richard Hartmann, Grafana Labs';
    fireEvent.input(speakers, { target: { value: typed } });
    fireEvent.change(speakers);
    await waitFor(() => expect(announced.map((a) => a.kind)).toEqual(['alert']));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(speakers.value).toBe(typed);
    expect(JSON.parse(localStorage.getItem(`talklog:details:${talk.id}`)!)).toEqual({ speakers: typed });
    db.talks.hook('updating').unsubscribe(failing);
    cleanup();
    await waitFor(async () => expect((await stored(db))?.speakers).toEqual(['Bartłomiej Płotka, Red Hat', 'Richard Hartmann, Grafana Labs']));
  });

  test('what is being typed survives a change made elsewhere meanwhile', async () => {
    const { talk, rerender } = await renderForm();
    const event = screen.getByRole('combobox', { name: 'Event' }) as HTMLInputElement;
    fireEvent.input(event, { target: { value: 'KubeCon E' } });
    rerender({ ...talk, event: 'Other', category: 'Security' });
    expect(event.value).toBe('KubeCon E');
    expect((screen.getByRole('combobox', { name: 'Category' }) as HTMLInputElement).value).toBe('Security');
  });

  test('what is typed is kept on every keystroke until the field saves it: a popup closes without a change event', async () => {
    const { db, talk } = await renderForm();
    const tags = screen.getByRole('textbox', { name: 'Tags' });
    fireEvent.input(tags, { target: { value: 'ebpf, kern' } });
    fireEvent.input(screen.getByRole('combobox', { name: 'Event' }), { target: { value: 'KubeCon' } });
    expect(JSON.parse(localStorage.getItem(`talklog:details:${talk.id}`)!)).toEqual({ tags: 'ebpf, kern', event: 'KubeCon' });
    fireEvent.change(tags, { target: { value: 'ebpf, kernel' } });
    await waitFor(async () => expect((await stored(db))?.tags).toEqual(['ebpf', 'kernel']));
    expect(JSON.parse(localStorage.getItem(`talklog:details:${talk.id}`)!)).toEqual({ event: 'KubeCon' });
  });

  test('a field that goes while typed in (its talk left, its row closed) saves what it holds', async () => {
    const { db, talk } = await renderForm();
    fireEvent.input(screen.getByRole('combobox', { name: 'Category' }), { target: { value: 'Observability' } });
    cleanup();
    await waitFor(async () => expect((await stored(db))?.category).toBe('Observability'));
    expect(localStorage.getItem(`talklog:details:${talk.id}`)).toBeNull();
  });

  test('compact: only what describes a talk while watching it', async () => {
    await renderForm({ compact: true });
    expect(screen.queryByRole('textbox', { name: 'Title' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Speakers' })).toBeNull();
    for (const name of ['Event', 'Category', 'Status']) expect(screen.getByRole('combobox', { name })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Tags' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Interest' })).toBeTruthy();
  });
});

test('a wrong speaker split can be undone: the whole YouTube title back, no speakers', async () => {
  const { db } = await renderForm();
  expect(screen.getByText('On YouTube: Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat')).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Use the whole title' }));
  await waitFor(async () =>
    expect(await stored(db)).toMatchObject({ title: 'Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat', speakers: [] }),
  );
});
