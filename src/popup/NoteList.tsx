import type { ComponentChild, RefObject } from 'preact';
import { useCallback, useLayoutEffect, useRef } from 'preact/hooks';
import { chapterAt } from '../talk/chapters';
import type { Chapter, Note } from '../talk/model';
import { markdownRenderer, PendingMarkdown } from '../ui/markdown-renderer';
import type { Markdown } from '../ui/Markdown';
import { memo } from '../ui/memo';
import { useDrawnInSlices } from '../ui/use-drawn-in-slices';
import { TimeLink } from '../ui/TimeLink';
import { t } from '../i18n/t';
import { whenPaintedAndIdle } from '../ui/when-idle';

/**
 * Notes drawn in the first frame when the talk has more: a toolbar popup has room for a note or two at
 * open. Should they end above the editor, the others are drawn before the frame; else a slice a task once it is painted.
 */
export const FIRST_NOTES = 3;

interface NoteListProps {
  notes: Note[];
  chapters: Chapter[];
  videoId: string;
  onSeek: (atSec: number) => void;
  onEdit: (note: Note) => void;
  onDelete: (note: Note) => void;
  /** A note's slides, once their code has loaded. */
  slidesOf?: (note: Note) => ComponentChild;
}

export function NoteList({ notes, chapters, videoId, onSeek, onEdit, onDelete, slidesOf }: NoteListProps) {
  const list = useRef<HTMLOListElement>(null);
  const Markdown = markdownRenderer.useLoaded();
  // Drawn as typed, then again rendered once the renderer is in, a slice a task: a talk may hold dozens of long notes,
  // and the task that drew them all held the first keystrokes in the note box for up to 0.4 s.
  const { drawnWith, drawAll } = useDrawnInSlices(
    notes.map((note) => note.id),
    Markdown,
    FIRST_NOTES,
    whenPaintedAndIdle,
  );
  useAllDrawnWhenRoom(list, notes.length > FIRST_NOTES, drawAll);
  // One function for every render, so that a note's memoised text is not drawn again for a new one.
  const latestOnSeek = useRef(onSeek);
  latestOnSeek.current = onSeek;
  const seek = useCallback((atSec: number) => latestOnSeek.current(atSec), []);
  if (notes.length === 0) return <p class="muted notes-empty">{t('noNotesYet')}</p>;
  return (
    <ol ref={list} class="note-list plain-list" aria-label={t('notes')}>
      {notes.map((note, index) => {
        const renderer = drawnWith[index];
        if (renderer === undefined) return null;
        const chapter = note.atSec === null ? null : chapterAt(chapters, note.atSec);
        return (
          <li key={note.id} class="note">
            <div class="note__head">
              {note.atSec !== null && <TimeLink videoId={videoId} atSec={note.atSec} onSeek={onSeek} />}
              {chapter && <span class="note__chapter">{chapter.title}</span>}
              <span class="note__actions">
                {/* Described by their note: a screen reader's list of buttons holds an Edit and a Delete for each. */}
                <button type="button" class="button button--quiet button--small" aria-describedby={note.id} onClick={() => onEdit(note)}>
                  {t('edit')}
                </button>
                <button type="button" class="button button--quiet button--small" aria-describedby={note.id} onClick={() => onDelete(note)}>
                  {t('delete')}
                </button>
              </span>
            </div>
            <div id={note.id} class="note__body">
              <NoteText source={note.body} videoId={videoId} onSeek={seek} renderer={renderer} />
            </div>
            {slidesOf?.(note)}
          </li>
        );
      })}
    </ol>
  );
}

interface NoteTextProps {
  source: string;
  videoId: string;
  onSeek: (atSec: number) => void;
  /** The markdown renderer it is drawn with, or null: as the text typed. */
  renderer: typeof Markdown | null;
}

/** A note's text, drawn again only when it or its renderer change: a slice then draws only its own. */
const NoteText = memo(({ source, videoId, onSeek, renderer: Renderer }: NoteTextProps) =>
  Renderer ? <Renderer source={source} videoId={videoId} onSeek={onSeek} /> : <PendingMarkdown source={source} />,
);

/**
 * In the page's first layout, in the task that drew it (the frame then has none left to do): should the first notes
 * end above the editor after them, more would be in view, and all of them are drawn before the frame. The editor
 * stays at the bottom of the view as the page scrolls.
 */
function useAllDrawnWhenRoom(list: RefObject<HTMLOListElement | null>, more: boolean, drawAll: () => void) {
  useLayoutEffect(() => {
    const box = list.current;
    const below = box?.nextElementSibling;
    if (more && box && below && box.getBoundingClientRect().bottom <= below.getBoundingClientRect().top) drawAll();
    // As the list is first drawn with more notes than the first: drawAll is a new function each render.
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [list, more]);
}
