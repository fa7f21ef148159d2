import type { TalklogDb } from '../db/database';
import { addSlide } from '../db/slides';
import { t } from '../i18n/t';
import { formatPlaybackTime } from '../talk/time';
import type { Announcement } from '../ui/Announcer';
import { errorMessage } from '../ui/error-message';
import type { SlideCapture } from './capture-slide';

/** Stores a captured slide with a note or its draft; returns what to tell the user. */
export async function keepCapturedSlide(db: TalklogDb, capture: SlideCapture, owner: string): Promise<Announcement> {
  if (capture.kind === 'failed') return { kind: 'alert', text: capture.message };
  try {
    const slide = await addSlide(db, owner, capture.slide);
    const time = formatPlaybackTime(slide.atSec);
    return { kind: 'status', text: capture.fromScreenshot ? t('slideFromScreenshot', time) : t('slideCaptured', time) };
  } catch (error) {
    return { kind: 'alert', text: t('couldNotCaptureSlide', errorMessage(error)) };
  }
}
