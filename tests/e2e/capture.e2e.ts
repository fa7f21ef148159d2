import { expect, test } from 'vitest';
import { sessionForThisFile, startTalklogSession } from './extension';

const session = sessionForThisFile();

test('after in-page navigation, the open popup follows and notes land on the new video', async () => {
  // titleLagMs: document.title keeps naming the first video for 5 s, as YouTube's can.
  const watch = await session.openYouTube('/watch?v=Pr0meTheus1&titleLagMs=5000');
  const popup = await session.openPopupFor(watch);
  const heading = popup.getByRole('heading', { level: 1 });
  await expect.poll(() => heading.textContent()).toBe('Evolving Prometheus for More Use Cases');

  // The way YouTube does it: pushState, the rendered page swaps, yt-navigate-finish; <head>,
  // the inline JSON and document.title still describe the first video.
  await watch.getByRole('link', { name: /What You Need to Know About OpenMetrics/ }).click();
  await expect.poll(() => watch.evaluate(() => location.search)).toBe('?v=OpenMetr1cs');
  expect(await watch.title()).toContain('Evolving Prometheus');

  await expect.poll(() => heading.textContent()).toBe('What You Need to Know About OpenMetrics');
  expect(await popup.getByText('Richard Hartmann, Ben Kochie', { exact: false }).count()).toBe(1);
  await watch.evaluate(() => {
    document.querySelector<HTMLVideoElement>('#movie_player video')!.currentTime = 95;
  });
  await popup.getByRole('textbox', { name: 'Note' }).fill('counters need the _total suffix');
  await expect.poll(() => popup.getByText('At 1:35', { exact: false }).count()).toBe(1);
  await popup.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => popup.getByRole('status').textContent()).toBe('Note saved at 1:35.');

  const fresh = await session.openPopupFor(watch);
  await expect.poll(() => fresh.getByRole('heading', { level: 1 }).textContent()).toBe('What You Need to Know About OpenMetrics');
  await fresh.getByRole('textbox', { name: 'Note' }).fill('text format required, protobuf optional');
  await fresh.getByRole('button', { name: 'Save note' }).click();
  await expect.poll(() => fresh.getByRole('listitem').count()).toBe(2);

  const talks = await session.readStore<{ id: string; title: string; channel: string | null }>('talks');
  const notes = await session.readStore<{ talkId: string; body: string; atSec: number | null }>('notes');
  expect(talks.map((talk) => [talk.id, talk.title, talk.channel])).toEqual([
    ['t_OpenMetr1cs', 'What You Need to Know About OpenMetrics', 'CNCF [Cloud Native Computing Foundation]'],
    ['t_Pr0meTheus1', 'Evolving Prometheus for More Use Cases', 'CNCF [Cloud Native Computing Foundation]'],
  ]);
  expect(notes.map((note) => note.talkId)).toEqual(['t_OpenMetr1cs', 't_OpenMetr1cs']);
  await session.screenshot(fresh, 'popup-after-navigation');
});

test('a YouTube tab opened before Talklog was installed still works: the popup injects the reader', async () => {
  const late = await startTalklogSession({ installLater: true });
  try {
    const watch = await late.openYouTube('/watch?v=H0st1le_T1t');
    await late.install();
    const popup = await late.openPopupFor(watch);
    await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toBe('Rust [unsafe] & *You*: `#` <tricks> 🚀');
    expect(await popup.getByText('Tom & Jerry’s <Talks>', { exact: false }).count()).toBe(1);
  } finally {
    await late.close();
  }
});
