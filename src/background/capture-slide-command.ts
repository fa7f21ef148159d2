import { t } from '../i18n/t';
import { errorMessage } from '../ui/error-message';
import { browserCaptureTab } from '../messages/capture-tab';
import { clipTalk } from '../db/talks';
import { draftSlidesOwner } from '../talk/slide-owner';
import { captureSlide } from '../slides/capture-slide';
import { keepCapturedSlide } from '../slides/keep-captured-slide';
import { sayNoTalkHere, type ClipEnvironment, type UnfinishedSlideCapture } from './clip-command';

export const CAPTURE_SLIDE_COMMAND = 'capture-slide';

/**
 * The shortcut (fullscreen too): captures the slide on screen in the tab for the next note on its
 * talk (saving the talk if it is new), and says so inside the page; what failed on the way (the tab
 * not answering, the library not writable) is said there too, with the badge's sign, as a clip's is.
 * A worker stopped halfway says so when it starts again (`finishUnfinishedSlideCapture`).
 */
export async function captureSlideInTab(env: ClipEnvironment, tabId: number): Promise<void> {
  try {
    await env.slideJournal.write({ tabId, said: null });
    const here = await env.whatTalkIsHere(tabId);
    if (here.kind !== 'talk') {
      await env.slideJournal.write(null);
      await sayNoTalkHere(env, tabId, here.reason);
      return;
    }
    const talk = await clipTalk(env.db, here.talk, new Date(), { settingsEvent: env.settingsEvent });
    const capture = await captureSlide(browserCaptureTab(tabId, talk.videoId), talk.id);
    const outcome = await keepCapturedSlide(env.db, capture, draftSlidesOwner(talk.id));
    const failed = outcome.kind !== 'status';
    await say(env, tabId, { text: failed ? outcome.text : t('slideCapturedForNextNote'), failed });
  } catch (error) {
    await env.slideJournal.write(null).catch(() => undefined);
    await env.showInPage(tabId, { text: t('couldNotCaptureSlide', errorMessage(error)), failed: true }).catch(() => undefined);
    await env.badge.flash(tabId, 'failed');
  }
}

/**
 * Run when the worker starts, with what the slide journal held before any new capture wrote to it: a
 * capture whose slide was kept is confirmed now; one stopped while its frame was being taken says it
 * failed, and to press again (the tab may show another moment by now).
 */
export async function finishUnfinishedSlideCapture(env: ClipEnvironment, capture: UnfinishedSlideCapture | null): Promise<void> {
  if (!capture) return;
  if (capture.said) {
    await say(env, capture.tabId, capture.said).catch(() => undefined);
    return;
  }
  await env.slideJournal.write(null).catch(() => undefined);
  await env.showInPage(capture.tabId, { text: t('slideCaptureInterrupted'), failed: true }).catch(() => undefined);
  await env.badge.flash(capture.tabId, 'failed');
}

/** What the capture came to: written down before it is said, so a worker stopped in between still says it. */
async function say(env: ClipEnvironment, tabId: number, said: { text: string; failed: boolean }): Promise<void> {
  await env.slideJournal.write({ tabId, said });
  await env.showInPage(tabId, said).catch(() => undefined);
  await env.slideJournal.write(null);
}
