import type { SlideType } from '../talk/slide';

const QUALITY = 0.92;
/** Wide enough for a sharp thumbnail on a 2× screen at 160 CSS pixels. */
export const THUMBNAIL_WIDTH = 320;

/** WebP, or JPEG where the browser cannot encode WebP (it hands back PNG then). */
export async function encodeSlide(image: ImageBitmap): Promise<{ blob: Blob; type: SlideType }> {
  const canvas = new OffscreenCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw images here.');
  context.drawImage(image, 0, 0);
  const webp = await canvas.convertToBlob({ type: 'image/webp', quality: QUALITY });
  if (webp.type === 'image/webp') return { blob: webp, type: 'image/webp' };
  return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY }), type: 'image/jpeg' };
}

/** A small copy of a slide for lists. */
export async function thumbnailOf(image: Blob): Promise<Blob> {
  const small = await createImageBitmap(image, { resizeWidth: THUMBNAIL_WIDTH, resizeQuality: 'medium' });
  try {
    return (await encodeSlide(small)).blob;
  } finally {
    small.close();
  }
}

export async function blobFromDataUrl(dataUrl: string): Promise<Blob> {
  return (await fetch(dataUrl)).blob();
}
