import type { ComponentChild, RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { chapterAt } from '../talk/chapters';
import type { Chapter, Note } from '../talk/model';
import { LazyMarkdown } from '../ui/LazyMarkdown';
import { TimeLink } from '../ui/TimeLink';
import { t } from '../i18n/t';
import { whenPaintedAndIdle } from '../ui/when-idle';

/**
 * Notes drawn in the first frame when the talk has more: a toolbar popup has room for a note or two at
 * open. Should they end above the editor, the others are drawn before the frame.
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
  const drawn = useNotesDrawn(list, notes.length);
  if (notes.length === 0) return <p class="muted notes-empty">{t('noNotesYet')}</p>;
  return (
    <ol ref={list} class="note-list plain-list" aria-label={t('notes')}>
      {notes.slice(0, drawn).map((note) => {
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
              <LazyMarkdown source={note.body} videoId={videoId} onSeek={onSeek} />
            </div>
            {slidesOf?.(note)}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * How many of the notes to draw: in the page's first frame, `FIRST_NOTES`, or all of them if those end above the
 * editor (more would be in view); from the next frame on, all of them. A talk may hold dozens of notes, each with
 * its buttons, and the frame that showed the popup or side panel waited for every one of them.
 */
function useNotesDrawn(list: RefObject<HTMLOListElement | null>, count: number): number {
  const [all, setAll] = useState(false);
  const more = count > FIRST_NOTES;
  useLayoutEffect(() => {
    if (all) return;
    const box = list.current;
    // The page's first layout, in the task that drew it: the frame then has none left to do. The first notes leave
    // room when they end above the editor after them, which stays at the bottom of the view as the page scrolls.
    const below = box?.nextElementSibling;
    if (more && box && below && box.getBoundingClientRect().bottom <= below.getBoundingClientRect().top) return setAll(true);
    return whenPaintedAndIdle(() => setAll(true));
  }, [list, all, more]);
  return all ? count : Math.min(count, FIRST_NOTES);
}
