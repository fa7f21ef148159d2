import { describe, expect, test, vi } from 'vitest';
import type { BadgeSign, ToolbarBadge } from '../../src/background/badge';
import { captureSlideInTab, finishUnfinishedSlideCapture } from '../../src/background/capture-slide-command';
import { clipTab, finishUnfinishedClip, type ClipEnvironment, type UnfinishedClip, type UnfinishedSlideCapture } from '../../src/background/clip-command';
import { addNote, countNotesForTalk } from '../../src/db/notes';
import { updateTalkDetails } from '../../src/db/library';
import { clipTalk } from '../../src/db/talks';
import type { TalkHere } from '../../src/talk/model';
import { capturedTalk, freshDb } from '../db/test-db';

// The slide shortcut's module asks the tab through the browser; these tests never get that far.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const TAB = 7;

/** A worker's surroundings: the real database, and the browser's side written down. */
function worker(here: () => Promise<TalkHere>, journal: { clip: UnfinishedClip | null; slide?: UnfinishedSlideCapture | null } = { clip: null }) {
  const seen = { signs: [] as BadgeSign[], inPage: [] as { text: string; failed: boolean }[], journalWrites: [] as (UnfinishedClip | null)[] };
  const badge: ToolbarBadge = {
    refresh: async () => {},
    flash: async (tabId, sign) => {
      expect(tabId).toBe(TAB);
      seen.signs.push(sign);
    },
  };
  const env: ClipEnvironment = {
    db: freshDb(),
    badge,
    journal: {
      write: async (clip) => {
        seen.journalWrites.push(clip);
        journal.clip = clip;
      },
      read: async () => journal.clip,
    },
    slideJournal: {
      write: async (capture) => {
        journal.slide = capture;
      },
      read: async () => journal.slide ?? null,
    },
    whatTalkIsHere: here,
    showInPage: async (tabId, message) => {
      expect(tabId).toBe(TAB);
      seen.inPage.push(message);
    },
    settingsEvent: async () => '',
  };
  return { env, seen, journal };
}

const onWatchPage = async (): Promise<TalkHere> => ({ kind: 'talk', talk: capturedTalk() });

describe('a shortcut clip', () => {
  test('lands: the talk is stored, the page confirms, the badge shows ✓', async () => {
    const { env, seen, journal } = worker(onWatchPage);
    const talk = await clipTab(env, TAB);
    expect(talk?.id).toBe('t_Pr0meTheus1');
    expect(await env.db.talks.count()).toBe(1);
    expect(seen.inPage).toEqual([{ text: 'Clipped “Evolving Prometheus for More Use Cases”', failed: false }]);
    expect(seen.signs).toEqual(['clipped']);
    expect(journal.clip).toBeNull();
  });

  test('on a talk already in the library says so, with its notes, and leaves the talk as it was', async () => {
    const { env, seen, journal } = worker(onWatchPage);
    const clipped = await clipTalk(env.db, capturedTalk());
    await addNote(env.db, clipped.id, 'earlier note', 10);
    const kept = await updateTalkDetails(env.db, clipped.id, {
      event: 'KubeCon EU 2026',
      tags: ['observability'],
      interest: 4,
      category: 'Talks',
      status: 'watched',
    });
    const talk = await clipTab(env, TAB);
    expect(talk?.id).toBe('t_Pr0meTheus1');
    expect(seen.inPage).toEqual([{ text: 'Already in your library: “Evolving Prometheus for More Use Cases” · notes: 1', failed: false }]);
    expect(seen.signs).toEqual(['clipped']);
    expect(journal.clip).toBeNull();
    expect(await env.db.talks.get(clipped.id)).toEqual(kept);
    expect(await countNotesForTalk(env.db, clipped.id)).toBe(1);
  });

  test('pressed twice, says the second time that the talk was already there', async () => {
    const { env, seen } = worker(onWatchPage);
    await clipTab(env, TAB);
    await clipTab(env, TAB);
    expect(seen.inPage.map(({ text }) => text)).toEqual([
      'Clipped “Evolving Prometheus for More Use Cases”',
      'Already in your library: “Evolving Prometheus for More Use Cases”',
    ]);
    expect(await env.db.talks.count()).toBe(1);
  });

  test('a long title is cut in the confirmation, never its close or its notes, nor an emoji in two', async () => {
    const title = `${'Scaling Prometheus '.repeat(7)}${'x'.repeat(15)}🚀 and beyond`; // the emoji where it is cut
    const { env, seen } = worker(async () => ({ kind: 'talk', talk: capturedTalk({ title }) }));
    await addNote(env.db, (await clipTalk(env.db, capturedTalk({ title }))).id, 'earlier note', 10);
    await clipTab(env, TAB);
    const [{ text }] = seen.inPage;
    expect(text).toMatch(/^Already in your library: “Scaling Prometheus .*…” · notes: 1$/u);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  test('writes the talk the tab gave into the journal before storing it, and clears it once stored', async () => {
    const { env, seen } = worker(onWatchPage);
    await clipTab(env, TAB);
    expect(seen.journalWrites).toEqual([{ tabId: TAB, talk: null }, { tabId: TAB, talk: capturedTalk() }, null]);
  });

  test('says in the page and on the badge when the tab cannot be read', async () => {
    const { env, seen, journal } = worker(async () => {
      throw new Error('Cannot access contents of the page');
    });
    expect(await clipTab(env, TAB)).toBeNull();
    expect(seen.inPage).toEqual([{ text: 'Talklog could not clip this talk: Cannot access contents of the page', failed: true }]);
    expect(seen.signs).toEqual(['failed']);
    expect(journal.clip).toBeNull();
  });

  test('says it failed when the talk cannot be written', async () => {
    const { env, seen } = worker(onWatchPage);
    env.db.close();
    expect(await clipTab(env, TAB)).toBeNull();
    expect(seen.inPage).toHaveLength(1);
    expect(seen.inPage[0]).toMatchObject({ failed: true, text: expect.stringMatching(/^Talklog could not clip this talk: .+/) });
    expect(seen.signs).toEqual(['failed']);
  });

  test('on a YouTube page with no talk says why in the page (fullscreen hides the badge) and shows –', async () => {
    const { env, seen, journal } = worker(async () => ({ kind: 'no-talk', reason: 'live', videoId: 'Pr0meTheus1' }));
    expect(await clipTab(env, TAB)).toBeNull();
    expect(seen.inPage).toEqual([{ text: 'This is a live stream. Talklog clips recordings; come back when the talk is published as a video.', failed: true }]);
    expect(seen.signs).toEqual(['no-talk']);
    expect(journal.clip).toBeNull();
    expect(await env.db.talks.count()).toBe(0);
  });

  test('on a video YouTube is still loading says to press again, not that anything updates by itself: the shortcut is over', async () => {
    const { env, seen } = worker(async () => ({ kind: 'no-talk', reason: 'loading', videoId: 'Pr0meTheus1' }));
    expect(await clipTab(env, TAB)).toBeNull();
    expect(seen.inPage).toEqual([{ text: 'YouTube is still loading this video: press the shortcut again in a moment.', failed: true }]);
    expect(seen.signs).toEqual(['no-talk']);
  });

  test('on a tab not on YouTube shows – on the badge alone and stores nothing', async () => {
    const { env, seen } = worker(async () => ({ kind: 'no-talk', reason: 'not-youtube', videoId: null }));
    expect(await clipTab(env, TAB)).toBeNull();
    expect(seen.signs).toEqual(['no-talk']);
    expect(seen.inPage).toEqual([]);
    expect(await env.db.talks.count()).toBe(0);
  });
});

describe('a clip the last worker was stopped in the middle of', () => {
  test('lands when the next worker starts, once the tab had answered', async () => {
    const { env, seen, journal } = worker(async () => {
      throw new Error('a new worker does not ask the tab again');
    });
    const left = { tabId: TAB, talk: capturedTalk() };
    expect((await finishUnfinishedClip(env, left))?.id).toBe('t_Pr0meTheus1');
    expect(await env.db.talks.count()).toBe(1);
    expect(seen.inPage).toEqual([{ text: 'Clipped “Evolving Prometheus for More Use Cases”', failed: false }]);
    expect(seen.signs).toEqual(['clipped']);
    expect(journal.clip).toBeNull();
  });

  test('says it failed when the tab had not answered yet (it may show another video by now)', async () => {
    const { env, seen, journal } = worker(onWatchPage, { clip: { tabId: TAB, talk: null } });
    expect(await finishUnfinishedClip(env, { tabId: TAB, talk: null })).toBeNull();
    expect(seen.inPage).toEqual([{ text: 'Talklog restarted before this clip finished: clip again.', failed: true }]);
    expect(seen.signs).toEqual(['failed']);
    expect(journal.clip).toBeNull();
    expect(await env.db.talks.count()).toBe(0);
  });

  test('nothing left: nothing happens', async () => {
    const { env, seen } = worker(onWatchPage);
    expect(await finishUnfinishedClip(env, null)).toBeNull();
    expect(seen).toEqual({ signs: [], inPage: [], journalWrites: [] });
  });
});

describe('the slide shortcut', () => {
  test('says in the page and on the badge when the tab cannot be asked, rather than failing in silence', async () => {
    const { env, seen } = worker(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await captureSlideInTab(env, TAB);
    expect(seen.inPage).toEqual([{ text: 'Could not capture the slide: Could not establish connection. Receiving end does not exist.', failed: true }]);
    expect(seen.signs).toEqual(['failed']);
  });

  test('on a YouTube page with no talk says why in the page and shows –, capturing nothing', async () => {
    const { env, seen } = worker(async () => ({ kind: 'no-talk', reason: 'not-a-watch-page', videoId: null }));
    await captureSlideInTab(env, TAB);
    expect(seen.inPage).toEqual([{ text: 'This YouTube page is not a video. Open a talk to clip it and take notes.', failed: true }]);
    expect(seen.signs).toEqual(['no-talk']);
    expect(await env.db.talks.count()).toBe(0);
  });

  test('on a video YouTube is still loading says to press again', async () => {
    const { env, seen } = worker(async () => ({ kind: 'no-talk', reason: 'loading', videoId: 'Pr0meTheus1' }));
    await captureSlideInTab(env, TAB);
    expect(seen.inPage).toEqual([{ text: 'YouTube is still loading this video: press the shortcut again in a moment.', failed: true }]);
    expect(seen.signs).toEqual(['no-talk']);
  });

  test('on a tab not on YouTube shows – on the badge alone', async () => {
    const { env, seen } = worker(async () => ({ kind: 'no-talk', reason: 'not-youtube', videoId: null }));
    await captureSlideInTab(env, TAB);
    expect(seen.inPage).toEqual([]);
    expect(seen.signs).toEqual(['no-talk']);
  });
});

describe('a slide capture the worker was stopped in', () => {
  test('while the tab was asked: the next worker says in the page it failed and to press again, and shows !', async () => {
    const journal = { clip: null, slide: null as UnfinishedSlideCapture | null };
    const stopped = worker(() => new Promise<TalkHere>(() => {}), journal);
    void captureSlideInTab(stopped.env, TAB);
    await vi.waitFor(() => expect(journal.slide).toEqual({ tabId: TAB, said: null }));

    const restarted = worker(onWatchPage, journal);
    await finishUnfinishedSlideCapture(restarted.env, await restarted.env.slideJournal.read());
    expect(restarted.seen.inPage).toEqual([{ text: 'Talklog restarted before this slide was captured: press the shortcut again.', failed: true }]);
    expect(restarted.seen.signs).toEqual(['failed']);
    expect(journal.slide).toBeNull();
  });

  test('after its slide was kept: the next worker says what the last one was about to', async () => {
    const said = { text: 'Slide captured for your next note', failed: false };
    const journal = { clip: null, slide: { tabId: TAB, said } };
    const restarted = worker(onWatchPage, journal);
    await finishUnfinishedSlideCapture(restarted.env, await restarted.env.slideJournal.read());
    expect(restarted.seen.inPage).toEqual([said]);
    expect(restarted.seen.signs).toEqual([]);
    expect(journal.slide).toBeNull();
  });

  test('a capture that finished leaves nothing to finish', async () => {
    const journal = { clip: null, slide: null as UnfinishedSlideCapture | null };
    const { env, seen } = worker(onWatchPage, journal);
    await captureSlideInTab(env, TAB);
    expect(seen.inPage).toHaveLength(1);
    expect(journal.slide).toBeNull();
  });
});
