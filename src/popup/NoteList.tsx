import type { ComponentChild } from 'preact';
import { chapterAt } from '../talk/chapters';
import type { Chapter, Note } from '../talk/model';
import { LazyMarkdown } from '../ui/LazyMarkdown';
import { TimeLink } from '../ui/TimeLink';
import { t } from '../i18n/t';

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
  if (notes.length === 0) return <p class="muted notes-empty">{t('noNotesYet')}</p>;
  return (
    <ol class="note-list plain-list" aria-label={t('notes')}>
      {notes.map((note) => {
        const chapter = note.atSec === null ? null : chapterAt(chapters, note.atSec);
        return (
          <li key={note.id} class="note">
            <div class="note__head">
              {note.atSec !== null && <TimeLink videoId={videoId} atSec={note.atSec} onSeek={onSeek} />}
              {chapter && <span class="note__chapter">{chapter.title}</span>}
              <span class="note__actions">
                <button type="button" class="button button--quiet button--small" onClick={() => onEdit(note)}>
                  {t('edit')}
                </button>
                <button type="button" class="button button--quiet button--small" onClick={() => onDelete(note)}>
                  {t('delete')}
                </button>
              </span>
            </div>
            <div class="note__body">
              <LazyMarkdown source={note.body} videoId={videoId} onSeek={onSeek} />
            </div>
            {slidesOf?.(note)}
          </li>
        );
      })}
    </ol>
  );
}
