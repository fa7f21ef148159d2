import { h } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { lazyValue } from './lazy-value';
import { useLiveQuery } from './use-live-query';
// The styles come with the page (a few hundred bytes of CSS): a lazy chunk with CSS needs Vite's preload helper, which costs the pages' JS more.
import './SlideThumbnails.css';

type RenderNoteSlides = ReturnType<(typeof import('./SlideThumbnails'))['makeNoteSlides']>;

const noteSlides = lazyValue(
  () => import('./SlideThumbnails').then(({ makeNoteSlides }) => makeNoteSlides({ h, useState, useEffect, useLayoutEffect, useRef, useLiveQuery })),
  { afterPaint: true },
);

/**
 * What renders a note's slide thumbnails, loaded once the page is painted (the popup's budget leaves no
 * room for it at open); undefined until then.
 */
export function useNoteSlides(): RenderNoteSlides | undefined {
  return noteSlides.useLoaded() ?? undefined;
}
