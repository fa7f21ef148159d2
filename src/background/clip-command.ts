import type { TalklogDb } from '../db/database';
import { countNotesForTalk } from '../db/notes';
import { clipTalk, getTalk } from '../db/talks';
import { clipText } from '../talk/bounded-text';
import { talkIdFor, type CapturedTalk, type NoTalkReason, type Talk, type TalkHere } from '../talk/model';
import type { ToolbarBadge } from './badge';
import { t } from '../i18n/t';
import { errorMessage } from '../ui/error-message';
import { explainNoTalk } from '../ui/no-talk-explanation';

export const CLIP_COMMAND = 'clip-talk';
/** What a message in the page may say, in characters. */
export const IN_PAGE_MAX_CHARS = 200;
/** A title in the page's confirmation: room for the rest of it within `IN_PAGE_MAX_CHARS`. */
const CONFIRMATION_TITLE_CHARS = 150;

/** A clip the worker started; written down so that a worker stopped halfway finishes it on waking. */
export interface UnfinishedClip {
  tabId: number;
  /** The talk as the tab gave it, once it answered; null while the tab was still being asked. */
  talk: CapturedTalk | null;
}

/** Holds the one clip in progress across a worker restart (the session storage area). */
export interface ClipJournal {
  write(clip: UnfinishedClip | null): Promise<void>;
  read(): Promise<UnfinishedClip | null>;
}

/**
 * A slide capture the worker started. `said`: what the page is to be told once the slide was kept (or
 * failed to be); null while it was still being taken (its frame is not written down: images are too big
 * for the session area).
 */
export interface UnfinishedSlideCapture {
  tabId: number;
  said: { text: string; failed: boolean } | null;
}

/** Holds the one slide capture in progress across a worker restart (the session storage area). */
export interface SlideCaptureJournal {
  write(capture: UnfinishedSlideCapture | null): Promise<void>;
  read(): Promise<UnfinishedSlideCapture | null>;
}

/** What clipping needs from the browser and the rest of the extension. Tests pass their own. */
export interface ClipEnvironment {
  db: TalklogDb;
  badge: ToolbarBadge;
  journal: ClipJournal;
  slideJournal: SlideCaptureJournal;
  whatTalkIsHere(tabId: number): Promise<TalkHere>;
  /** Tells the user inside the page, where they are looking (fullscreen too). */
  showInPage(tabId: number, message: { text: string; failed: boolean }): Promise<void>;
  /** The event the settings give new talks; '' for none. */
  settingsEvent(): Promise<string>;
}

/**
 * The keyboard shortcut and the page's menu item: clips the talk in the tab without opening
 * anything. It either lands, with a ✓ on the badge and a confirmation in the page, or says it failed
 * there; a worker stopped halfway finishes it when it starts again (`finishUnfinishedClip`).
 */
export async function clipTab(env: ClipEnvironment, tabId: number): Promise<Talk | null> {
  try {
    await env.journal.write({ tabId, talk: null });
    const here = await env.whatTalkIsHere(tabId);
    if (here.kind !== 'talk') {
      await env.journal.write(null);
      await sayNoTalkHere(env, tabId, here.reason);
      return null;
    }
    await env.journal.write({ tabId, talk: here.talk });
    // Read before it is written: a second press should say the talk was there already, not that it was clipped.
    const saved = (await getTalk(env.db, talkIdFor(here.talk.videoId))) ?? null;
    return await land(env, tabId, here.talk, saved);
  } catch (error) {
    await fail(env, tabId, couldNotClip(error));
    return null;
  }
}

/**
 * Run when the worker starts, with what the journal held before any new clip wrote to it: a clip
 * the last worker did not finish lands now, or says it failed.
 */
export async function finishUnfinishedClip(env: ClipEnvironment, clip: UnfinishedClip | null): Promise<Talk | null> {
  if (!clip) return null;
  if (!clip.talk) {
    // The tab was still being asked: it may show another video by now, so say so rather than guess.
    await fail(env, clip.tabId, t('clipInterrupted'));
    return null;
  }
  try {
    return await land(env, clip.tabId, clip.talk);
  } catch (error) {
    await fail(env, clip.tabId, couldNotClip(error));
    return null;
  }
}

/**
 * `saved`: what the library held for the talk before this clip (null: nothing), so a talk already there is said to be;
 * undefined when not known (the last worker may have stored it before it stopped), and then it is said to be clipped.
 */
async function land(env: ClipEnvironment, tabId: number, captured: CapturedTalk, saved?: Talk | null): Promise<Talk> {
  const talk = await clipTalk(env.db, captured, new Date(), { settingsEvent: env.settingsEvent, saved });
  await env.journal.write(null);
  const notes = await countNotesForTalk(env.db, talk.id);
  // Cut here, not at the page's limit: the close of the quote and the notes stay.
  const title = clipText(talk.title, CONFIRMATION_TITLE_CHARS);
  const text = saved
    ? notes > 0
      ? t('alreadyInLibraryWithNotes', title, notes)
      : t('alreadyInLibrary', title)
    : notes > 0
      ? t('clippedTalkWithNotes', title, notes)
      : t('clippedTalk', title);
  await env.showInPage(tabId, { text, failed: false }).catch(() => undefined);
  await env.badge.flash(tabId, 'clipped');
  return talk;
}

/**
 * Why a shortcut found no talk in the tab, said in the page (fullscreen hides the badge). A tab not on
 * YouTube has no script of ours to say it in: the badge's sign alone, there. The popup's word on a video
 * still loading (it updates by itself) holds only in the popup, which asks the page again: the shortcut has failed.
 */
export async function sayNoTalkHere(env: ClipEnvironment, tabId: number, reason: NoTalkReason): Promise<void> {
  if (reason !== 'not-youtube') {
    const text = reason === 'loading' ? t('shortcutNoTalkLoading') : explainNoTalk(reason);
    await env.showInPage(tabId, { text, failed: true }).catch(() => undefined);
  }
  await env.badge.flash(tabId, 'no-talk');
}

function couldNotClip(error: unknown): string {
  return t('couldNotClip', errorMessage(error));
}

async function fail(env: ClipEnvironment, tabId: number, text: string): Promise<void> {
  await env.journal.write(null).catch(() => undefined);
  await env.showInPage(tabId, { text, failed: true }).catch(() => undefined);
  await env.badge.flash(tabId, 'failed');
}
