/**
 * The frame the watch page's player shows now, at the video's own resolution (`videoWidth` ×
 * `videoHeight`, not the size it is drawn at). Never the hover preview, never a video in the
 * miniplayer (findPlayingVideo leaves both out), never an ad.
 */
import type { FrameCapture, FrameProblem, PlayerBox } from '../messages/messages';
import { findPlayingVideo } from './read-player';
import { selectors } from './selectors';

const QUALITY = 0.92;

/** `showsTalk`: the page shows the talk the note is for (not mid-switch to another video). */
export async function captureFrame(doc: Document, showsTalk: boolean): Promise<FrameCapture> {
  const video = showsTalk ? findPlayingVideo(doc) : null;
  if (!video) return noFrame('no-video', null, null);
  if (doc.querySelector(selectors.adShowing)) return noFrame('ad', null, null);
  const atSec = video.currentTime;
  const box = playerBox(video);
  const { videoWidth: width, videoHeight: height } = video;
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !width || !height) return noFrame('not-ready', atSec, box);
  try {
    const canvas = doc.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')?.drawImage(video, 0, 0, width, height);
    // A browser that cannot encode WebP hands back PNG: then JPEG, far smaller for a photo-like frame.
    let image = await encode(canvas, 'image/webp');
    if (image?.type !== 'image/webp') image = await encode(canvas, 'image/jpeg');
    if (!image) return noFrame('unreadable', atSec, box);
    return { kind: 'frame', dataUrl: await dataUrlOf(image), width, height, atSec };
  } catch {
    // A tainted canvas (media from another origin without CORS) refuses to be read.
    return noFrame('unreadable', atSec, box);
  }
}

function noFrame(reason: FrameProblem, atSec: number | null, box: PlayerBox | null): FrameCapture {
  return { kind: 'no-frame', reason, atSec, box };
}

function playerBox(video: HTMLVideoElement): PlayerBox {
  const { x, y, width, height } = video.getBoundingClientRect();
  return { x, y, width, height, viewportWidth: innerWidth };
}

function encode(canvas: HTMLCanvasElement, type: string): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, QUALITY));
}

function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
