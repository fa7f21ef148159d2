import { h } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from './use-live-query';
// The styles come with the page (a few hundred bytes of CSS): a lazy chunk with CSS needs Vite's preload helper, which costs the pages' JS more.
import './SlideThumbnails.css';

type RenderNoteSlides = ReturnType<(typeof import('./SlideThumbnails'))['makeNoteSlides']>;
let loaded: RenderNoteSlides | undefined;

/**
 * What renders a note's slide thumbnails, loaded after the page first shows (the popup's budget
 * leaves no room for it at open); undefined until then.
 */
export function useNoteSlides(): RenderNoteSlides | undefined {
  const [component, setComponent] = useState(() => loaded);
  useEffect(() => {
    if (!component)
      void import('./SlideThumbnails').then(({ makeNoteSlides }) => {
        loaded ??= makeNoteSlides({ h, useState, useEffect, useLayoutEffect, useRef, useLiveQuery });
        setComponent(() => loaded);
      });
  }, [component]);
  return component;
}
