// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { clipTalk } from '../../src/db/talks';
import { keepDetailsDraft } from '../../src/ui/details-drafts';
import { saveDetailsDrafts } from '../../src/ui/save-details-drafts';
import { capturedTalk, freshDb } from '../db/test-db';

afterEach(() => localStorage.clear());

test('details typed in pages that closed are saved by the next page, and forgotten once saved', async () => {
  const db = freshDb();
  const first = await clipTalk(db, capturedTalk());
  const second = await clipTalk(db, capturedTalk({ videoId: 'OpenMetr1cs', url: 'https://www.youtube.com/watch?v=OpenMetr1cs' }));
  keepDetailsDraft(localStorage, first.id, 'tags', 'ebpf, kernel,');
  keepDetailsDraft(localStorage, first.id, 'speakers', 'Ada; Grace');
  keepDetailsDraft(localStorage, second.id, 'category', ' Security ');
  localStorage.setItem('talklog:draft:other', 'a note draft, not ours');
  await saveDetailsDrafts(db, localStorage);
  expect(await db.talks.get(first.id)).toMatchObject({ tags: ['ebpf', 'kernel'], speakers: ['Ada', 'Grace'] });
  expect((await db.talks.get(second.id))?.category).toBe('Security');
  expect(Object.keys(localStorage)).toEqual(['talklog:draft:other']);
});

test('a field the library refuses is dropped, the others saved; a talk deleted since is left out', async () => {
  const db = freshDb();
  const talk = await clipTalk(db, capturedTalk());
  keepDetailsDraft(localStorage, talk.id, 'title', '   ');
  keepDetailsDraft(localStorage, talk.id, 'event', 'KubeCon EU 2024');
  keepDetailsDraft(localStorage, 't_gone0000000', 'tags', 'lost');
  await saveDetailsDrafts(db, localStorage);
  expect(await db.talks.get(talk.id)).toMatchObject({ title: talk.title, event: 'KubeCon EU 2024' });
  expect(await db.talks.get('t_gone0000000')).toBeUndefined();
  expect(localStorage.length).toBe(0);
});

test('what storage holds that is not a draft is passed over', async () => {
  const db = freshDb();
  const talk = await clipTalk(db, capturedTalk());
  localStorage.setItem(`talklog:details:${talk.id}`, JSON.stringify({ tags: 7, interest: '5', event: 'Kept' }));
  localStorage.setItem('talklog:details:t_broken00000', '{not json');
  await saveDetailsDrafts(db, localStorage);
  expect(await db.talks.get(talk.id)).toMatchObject({ tags: [], interest: 0, event: 'Kept' });
  expect(localStorage.getItem('talklog:details:t_broken00000')).toBeNull();
});

test('the database failing keeps the drafts for the next page', async () => {
  const db = freshDb();
  const talk = await clipTalk(db, capturedTalk());
  keepDetailsDraft(localStorage, talk.id, 'tags', 'kept');
  db.close();
  await expect(saveDetailsDrafts(db, localStorage)).rejects.toThrow(/closed/i);
  expect(JSON.parse(localStorage.getItem(`talklog:details:${talk.id}`)!)).toEqual({ tags: 'kept' });
});
