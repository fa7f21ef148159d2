import { t } from '../i18n/t';
import { errorMessage } from '../ui/error-message';
import { browserCaptureTab } from '../messages/capture-tab';
import { clipTalk } from '../db/talks';
import { draftSlidesOwner } from '../talk/slide-owner';
import { captureSlide } from '../slides/capture-slide';
import { keepCapturedSlide } from '../slides/keep-captured-slide';
import { sayNoTalkHere, type ClipEnvironment } from './clip-command';

export const CAPTURE_SLIDE_COMMAND = 'capture-slide';

/**
 * The shortcut (fullscreen too): captures the slide on screen in the tab for the next note on its
 * talk (saving the talk if it is new), and says so inside the page; what failed on the way (the tab
 * not answering, the library not writable) is said there too, with the badge's sign, as a clip's is.
 */
export async function captureSlideInTab(env: ClipEnvironment, tabId: number): Promise<void> {
  try {
    const here = await env.whatTalkIsHere(tabId);
    if (here.kind !== 'talk') {
      await sayNoTalkHere(env, tabId, here.reason);
      return;
    }
    const talk = await clipTalk(env.db, here.talk, new Date(), { settingsEvent: env.settingsEvent });
    const capture = await captureSlide(browserCaptureTab(tabId, talk.videoId), talk.id);
    const outcome = await keepCapturedSlide(env.db, capture, draftSlidesOwner(talk.id));
    const failed = outcome.kind !== 'status';
    await env.showInPage(tabId, { text: failed ? outcome.text : t('slideCapturedForNextNote'), failed }).catch(() => undefined);
  } catch (error) {
    await env.showInPage(tabId, { text: t('couldNotCaptureSlide', errorMessage(error)), failed: true }).catch(() => undefined);
    await env.badge.flash(tabId, 'failed');
  }
}
