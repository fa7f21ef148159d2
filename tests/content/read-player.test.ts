// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { findSources } from '../../src/content/page-sources';
import { findPlayingVideo, readMainPlayer, readPlayerTitleLink } from '../../src/content/read-player';
import { loadPage, renderedPages, setMedia, youtubePages } from './pages';

const A = 'tLgTalkA_01';

function watchA() {
  const doc = loadPage(renderedPages.watchA.path);
  const main = doc.querySelector('#movie_player video');
  setMedia(main, { duration: 1880.2, currentTime: 252.5 });
  setMedia(doc.querySelector('ytd-miniplayer video'), { duration: 60, currentTime: 30 });
  setMedia(doc.querySelector('#inline-preview-player video'), { duration: 90, currentTime: 3 });
  return { doc, main };
}

describe('findPlayingVideo', () => {
  test("finds the watch page player's video, not the miniplayer's or the hover preview's", () => {
    const { doc, main } = watchA();
    expect(doc.querySelectorAll('video.html5-main-video')).toHaveLength(3);
    expect(findPlayingVideo(doc)).toBe(main);
  });

  test('finds none when #movie_player sits in the miniplayer, or on a server page', () => {
    expect(findPlayingVideo(loadPage(renderedPages.homeWithMiniplayer.path))).toBeNull();
    expect(findPlayingVideo(loadPage(renderedPages.search.path))).toBeNull();
    expect(findPlayingVideo(loadPage(youtubePages.surfaceGo.path))).toBeNull();
  });
});

describe('readMainPlayer', () => {
  test('reads duration (whole seconds) and position from the main player', () => {
    const { doc } = watchA();
    expect(readMainPlayer(doc, findSources(doc, A))).toEqual({ durationSec: 1880, currentSec: 252.5, live: false });
  });

  test('reads nothing while the rendered page is not on the URL video', () => {
    const { doc } = watchA();
    expect(readMainPlayer(doc, findSources(doc, 'tLgTalkB_02'))).toEqual({ durationSec: null, currentSec: null, live: false });
  });

  test("reads nothing while the player's title link names another video", () => {
    const { doc } = watchA();
    doc.querySelector('a.ytp-title-link')?.setAttribute('href', 'https://www.youtube.com/watch?v=tLgTalkZ_99');
    expect(readMainPlayer(doc, findSources(doc, A)).durationSec).toBeNull();
  });

  test('reads nothing while an ad plays in the player', () => {
    const { doc } = watchA();
    doc.querySelector('#movie_player')?.classList.add('ad-showing');
    expect(readMainPlayer(doc, findSources(doc, A))).toEqual({ durationSec: null, currentSec: null, live: false });
  });

  test('reads nothing from a video without media (happy-dom and an empty player: NaN)', () => {
    const doc = loadPage(renderedPages.watchA.path);
    expect(readMainPlayer(doc, findSources(doc, A))).toEqual({ durationSec: null, currentSec: null, live: false });
  });

  test('calls an endless or absurd duration live', () => {
    for (const duration of [Number.POSITIVE_INFINITY, 14_571_615]) {
      const { doc, main } = watchA();
      setMedia(main, { duration, currentTime: 10 });
      expect(readMainPlayer(doc, findSources(doc, A)).live).toBe(true);
    }
  });

  test('keeps the position inside the video', () => {
    const { doc, main } = watchA();
    Object.defineProperty(main, 'currentTime', { value: -3, configurable: true });
    expect(readMainPlayer(doc, findSources(doc, A)).currentSec).toBe(0);
  });
});

test("readPlayerTitleLink reads the player's title link, absolute or relative", () => {
  const doc = loadPage(renderedPages.watchA.path);
  expect(readPlayerTitleLink(doc)).toEqual({ videoId: A, title: 'Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat' });
  doc.querySelector('a.ytp-title-link')?.setAttribute('href', '/watch?v=tLgTalkB_02&t=3s');
  expect(readPlayerTitleLink(doc)?.videoId).toBe('tLgTalkB_02');
  expect(readPlayerTitleLink(loadPage(youtubePages.surfaceGo.path))).toBeNull();
});
