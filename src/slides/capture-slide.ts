/**
 * Capture slide, from a page or the background: the frame the tab's player shows, read by the
 * content script at the video's own size; when the frame cannot be read, a screenshot of the tab
 * cropped to the player (the user has just invoked Talklog, so activeTab allows it). Loaded with
 * import() when used: the popup opens without it.
 */
import type { NewSlide } from '../db/slides';
import { t } from '../i18n/t';
import { errorMessage } from '../ui/error-message';
import { isFrameCapture } from '../messages/frame-capture';
import type { FrameCapture, PlayerBox } from '../messages/messages';
import { playerRectInScreenshot } from './crop';
import { blobFromDataUrl, encodeSlide, thumbnailOf } from './encode';

export type SlideCapture =
  /** `fromScreenshot`: the frame could not be read, so this is the player's box on screen. */
  { kind: 'slide'; slide: NewSlide; fromScreenshot: boolean } | { kind: 'failed'; message: string };

/**
 * The tab, through the browser's APIs. Given by the caller, so that this module, loaded on demand,
 * shares no module with the page that would make the bundler split the page's chunks.
 */
export interface CaptureTab {
  /** Sends `talklog/capture-frame` to the tab's content script; its answer is checked here. */
  askFrame(): Promise<unknown>;
  get(): Promise<{ active: boolean; windowId?: number }>;
  /** A PNG data URL of what the window shows. */
  screenshot(windowId: number | undefined): Promise<string>;
}

/** The slide on screen in the tab, or what stopped it: this never throws, a failure is said as the others are. */
export async function captureSlide(tab: CaptureTab, talkId: string): Promise<SlideCapture> {
  try {
    return await takeSlide(tab, talkId);
  } catch (error) {
    // The tab closed meanwhile, an image the browser could not decode or encode: the user still hears it.
    return failed(t('couldNotCaptureSlide', errorMessage(error)));
  }
}

async function takeSlide(tab: CaptureTab, talkId: string): Promise<SlideCapture> {
  let answer: FrameCapture;
  try {
    const reply = await tab.askFrame();
    if (!isFrameCapture(reply)) return failed(t('slideNoPlayer'));
    answer = reply;
  } catch {
    return failed(t('slideNoPlayer'));
  }
  if (answer.kind === 'frame') {
    const image = await blobFromDataUrl(answer.dataUrl);
    const type = image.type === 'image/webp' ? 'image/webp' : 'image/jpeg';
    const slide = {
      talkId,
      atSec: answer.atSec,
      width: answer.width,
      height: answer.height,
      type,
      image,
      thumbnail: await thumbnailOf(image),
    } as const;
    return { kind: 'slide', slide, fromScreenshot: false };
  }
  if (answer.reason === 'ad') return failed(t('slideAdPlaying'));
  if (answer.reason === 'no-video' || !answer.box || answer.atSec === null) return failed(t('slideNoPlayer'));
  return screenshotOfPlayer(tab, talkId, answer.atSec, answer.box);
}

function failed(message: string): SlideCapture {
  return { kind: 'failed', message };
}

async function screenshotOfPlayer(tab: CaptureTab, talkId: string, atSec: number, box: PlayerBox): Promise<SlideCapture> {
  const { active, windowId } = await tab.get();
  // Only what is on screen can be captured: a tab behind another shows nothing to take.
  if (!active) return failed(t('slideFrameUnreadableTabHidden'));
  let shot: ImageBitmap;
  try {
    shot = await createImageBitmap(await blobFromDataUrl(await tab.screenshot(windowId)));
  } catch {
    return failed(t('slideFrameUnreadableNoScreenshot'));
  }
  try {
    const rect = playerRectInScreenshot(box, shot.width, shot.height);
    if (!rect) return failed(t('slideFrameUnreadablePlayerHidden'));
    const crop = await createImageBitmap(shot, rect.x, rect.y, rect.width, rect.height);
    const { blob: image, type } = await encodeSlide(crop);
    crop.close();
    return {
      kind: 'slide',
      slide: { talkId, atSec, width: rect.width, height: rect.height, type, image, thumbnail: await thumbnailOf(image) },
      fromScreenshot: true,
    };
  } finally {
    shot.close();
  }
}
