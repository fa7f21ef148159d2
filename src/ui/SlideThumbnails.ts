/**
 * A note's slides as thumbnails; each opens the picture large in a modal dialog (Esc closes it).
 *
 * Loaded with import() once a page shows (use-slide-thumbnails.ts). The popup has no room for it
 * at open, and a lazy chunk that imported Preact or Dexie itself would make the bundler split the
 * popup's shared chunks apart, costing more than this file: so Preact and the live query come in
 * as a kit from the page, and this file renders with `h` rather than JSX.
 */
import type { h as createElement } from 'preact';
import type { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { removeSlide, slideImage, slideThumbnails } from '../db/slides';
import { t } from '../i18n/t';
import type { SlideThumbnail } from '../talk/slide';
import { formatPlaybackTime } from '../talk/time';
import type { useLiveQuery } from './use-live-query';

export interface SlideKit {
  h: typeof createElement;
  useState: typeof useState;
  useEffect: typeof useEffect;
  useLayoutEffect: typeof useLayoutEffect;
  useRef: typeof useRef;
  useLiveQuery: typeof useLiveQuery;
}

export interface NoteSlidesProps {
  db: TalklogDb;
  /** The note's id, or its draft's owner key while it is written. */
  owner: string;
  /** The note's text, for the pictures' alt text; empty for a note still being written. */
  noteText: string;
  /**
   * In the editor: each slide can be taken off before the note is saved. The focus moves to the next slide's button
   * (the one pressed goes with its slide), or when none is left, where `focusWhenNoneLeft` puts it.
   */
  removable?: { focusWhenNoneLeft: () => void };
}

/** Room enough to say what the slide belongs to; the dialog shows the picture itself. */
const ALT_NOTE_CHARS = 100;

export function slideAltText(slide: Pick<SlideThumbnail, 'atSec'>, noteText: string): string {
  const time = formatPlaybackTime(slide.atSec);
  const firstLine = noteText.trim().split('\n')[0].trim();
  if (!firstLine) return t('slideAt', time);
  return t('slideAtWithNote', time, firstLine.length > ALT_NOTE_CHARS ? `${firstLine.slice(0, ALT_NOTE_CHARS - 1)}…` : firstLine);
}

/** Renders a note's slides with the NoteSlides component, made once with the page's Preact. */
export function makeNoteSlides({ h, useState, useEffect, useLayoutEffect, useRef, useLiveQuery }: SlideKit) {
  /** An image held in a Blob, shown through an object URL released when it goes. */
  function BlobImage({ blob, alt, width, height }: { blob: Blob | undefined; alt: string; width: number; height: number }) {
    const [url, setUrl] = useState<string | undefined>(undefined);
    useEffect(() => {
      if (!blob) return undefined;
      const objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
      return () => URL.revokeObjectURL(objectUrl);
    }, [blob]);
    // width and height reserve the box before the picture decodes; CSS scales it.
    return h('img', { src: url, alt, width, height, loading: 'lazy', decoding: 'async' });
  }

  function SlideDialog({ db, slide, alt, onClose }: { db: TalklogDb; slide: SlideThumbnail; alt: string; onClose: () => void }) {
    const dialog = useRef<HTMLDialogElement>(null);
    const [image, setImage] = useState<Blob | undefined>(undefined);

    useLayoutEffect(() => {
      const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.current?.showModal();
      return () => opener?.focus();
    }, []);

    useEffect(() => {
      let current = true;
      // The full picture is read only now, never for the thumbnails.
      void slideImage(db, slide.id).then((blob) => {
        if (current) setImage(blob);
      });
      return () => {
        current = false;
      };
    }, [db, slide.id]);

    return h(
      'dialog',
      { ref: dialog, class: 'slide-dialog', 'aria-label': alt, onClose },
      h('button', { type: 'button', class: 'button button--quiet slide-dialog__close', onClick: () => dialog.current?.close() }, t('close')),
      h(BlobImage, { blob: image, alt, width: slide.width, height: slide.height }),
    );
  }

  /** Each slide of a note: a thumbnail that opens the picture large. Nothing when it has none. */
  function NoteSlides({ db, owner, noteText, removable }: NoteSlidesProps) {
    const slides = useLiveQuery(() => slideThumbnails(db, owner), [db, owner]).value;
    const [open, setOpen] = useState<SlideThumbnail | null>(null);
    if (!slides?.length) return null;
    return h(
      'div',
      { class: 'slides' },
      h(
        'ul',
        { class: 'slide-thumbnails', 'aria-label': t('slides') },
        slides.map((slide) =>
          h(
            'li',
            { key: slide.id, class: 'slide-thumbnails__item' },
            h(
              'button',
              { type: 'button', class: 'slide-thumbnails__open', onClick: () => setOpen(slide) },
              h(BlobImage, { blob: slide.thumbnail, alt: slideAltText(slide, noteText), width: slide.width, height: slide.height }),
            ),
            removable &&
              h(
                'button',
                {
                  type: 'button',
                  class: 'button button--quiet button--small',
                  onClick: (event: MouseEvent) => {
                    const item = (event.currentTarget as HTMLElement).closest('li');
                    const neighbour = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector<HTMLElement>('li > button:last-child');
                    if (neighbour) neighbour.focus();
                    else removable.focusWhenNoneLeft();
                    void removeSlide(db, slide.id);
                  },
                },
                t('removeSlideAt', formatPlaybackTime(slide.atSec)),
              ),
          ),
        ),
      ),
      open && h(SlideDialog, { db, slide: open, alt: slideAltText(open, noteText), onClose: () => setOpen(null) }),
    );
  }

  return (props: NoteSlidesProps) => h(NoteSlides, props);
}
