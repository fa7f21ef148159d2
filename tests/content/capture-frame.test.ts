// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { captureFrame } from '../../src/content/capture-frame';
import { parsePage } from './pages';

const page = (body: string) => parsePage(`<!doctype html><body>${body}</body>`);

const PLAYER = '<div id="movie_player" class="html5-video-player"><video class="video-stream html5-main-video"></video></div>';

describe('capturing the frame on screen', () => {
  test('never takes a video while the page is not on the note’s talk', async () => {
    expect(await captureFrame(page(PLAYER), false)).toEqual({ kind: 'no-frame', reason: 'no-video', atSec: null, box: null });
  });

  test('takes neither the hover preview nor a video in the miniplayer', async () => {
    const preview = '<div id="inline-preview-player"><video class="video-stream html5-main-video"></video></div>';
    expect(await captureFrame(page(preview), true)).toMatchObject({ kind: 'no-frame', reason: 'no-video' });
    expect(await captureFrame(page(`<ytd-miniplayer active>${PLAYER}</ytd-miniplayer>`), true)).toMatchObject({ kind: 'no-frame', reason: 'no-video' });
  });

  test('never takes an ad playing in the player', async () => {
    const ad = PLAYER.replace('class="html5-video-player"', 'class="html5-video-player ad-showing"');
    expect(await captureFrame(page(ad), true)).toEqual({ kind: 'no-frame', reason: 'ad', atSec: null, box: null });
  });

  test('says so when the player has no frame yet, with its box for a screenshot instead', async () => {
    const answer = await captureFrame(page(PLAYER), true);
    expect(answer).toMatchObject({ kind: 'no-frame', reason: 'not-ready', atSec: 0 });
    expect(answer.kind === 'no-frame' && answer.box).toMatchObject({ viewportWidth: window.innerWidth });
  });
});
