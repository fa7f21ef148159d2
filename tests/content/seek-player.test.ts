// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { seekPlayer } from '../../src/content/seek-player';
import { loadPage, renderedPages, setMedia } from './pages';

function watchA() {
  const doc = loadPage(renderedPages.watchA.path);
  const player = doc.querySelector('#movie_player')!;
  const video = player.querySelector('video')!;
  setMedia(video, { duration: 1880.2, currentTime: 252.5 });
  return { doc, player, video };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

test('moves the talk to the moment', () => {
  const { doc, video } = watchA();
  expect(seekPlayer(doc, 754)).toBe(true);
  expect(video.currentTime).toBe(754);
});

test('while an ad plays, waits for it to end: the ad keeps its time, then the talk goes to the moment', async () => {
  const { doc, player, video } = watchA();
  player.classList.add('ad-showing');
  setMedia(video, { duration: 15, currentTime: 4 });
  expect(seekPlayer(doc, 754)).toBe(true);
  await settled();
  expect(video.currentTime).toBe(4);
  player.classList.remove('ad-showing');
  setMedia(video, { duration: 1880.2, currentTime: 252.5 });
  await settled();
  expect(video.currentTime).toBe(754);
});

test('a newer seek replaces one waiting for the ad', async () => {
  const { doc, player, video } = watchA();
  player.classList.add('ad-showing');
  seekPlayer(doc, 754);
  seekPlayer(doc, 900);
  player.classList.remove('ad-showing');
  await settled();
  expect(video.currentTime).toBe(900);
  video.currentTime = 1000;
  player.classList.add('ad-showing');
  player.classList.remove('ad-showing');
  await settled();
  expect(video.currentTime).toBe(1000);
});

test('no video in the page: nothing to seek', () => {
  expect(seekPlayer(loadPage(renderedPages.search.path), 754)).toBe(false);
});
