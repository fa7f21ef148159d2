import { useEffect, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { t } from '../i18n/t';
import type { Announcement } from '../ui/Announcer';
import type { LibraryEntry } from './library-filter';
import { plural } from './storage-facts';
import { TalkRow } from './TalkRow';
import './TalkList.css';

/** Rows drawn at a time: drawing thousands would make every keystroke of a search slow. */
const PAGE_SIZE = 50;

interface TalkListProps {
  db: TalklogDb;
  shown: LibraryEntry[];
  total: number;
  words: string[];
  narrowed: boolean;
  onClearFilters: () => void;
  vocabulary: { categories: string[]; events: string[] };
  selected: ReadonlySet<string>;
  onSelect: (selected: ReadonlySet<string>) => void;
  onCopy: (entry: LibraryEntry) => void;
  onDelete: (entry: LibraryEntry) => void;
  onPlay: (videoId: string, atSec: number) => void;
  announce: (announcement: Announcement) => void;
}

export function TalkList({
  db,
  shown,
  total,
  words,
  narrowed,
  onClearFilters,
  vocabulary,
  selected,
  onSelect,
  onCopy,
  onDelete,
  onPlay,
  announce,
}: TalkListProps) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  useEffect(() => setLimit(PAGE_SIZE), [shown.length, words]);

  const selectedCount = shown.reduce((count, entry) => count + (selected.has(entry.talk.id) ? 1 : 0), 0);
  const select = (talkIds: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of talkIds) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onSelect(next);
  };

  return (
    <>
      <div class="talk-list__head">
        <label class="talk-list__select-all">
          <input
            type="checkbox"
            checked={shown.length > 0 && selectedCount === shown.length}
            indeterminate={selectedCount > 0 && selectedCount < shown.length}
            disabled={shown.length === 0}
            onChange={(event) =>
              select(
                shown.map((entry) => entry.talk.id),
                event.currentTarget.checked,
              )
            }
          />{' '}
          {t('selectAllShown')}
        </label>
        <span class="muted" aria-live="polite">
          {narrowed ? t('shownOfTotal', shown.length.toLocaleString(), plural(total, 'talk')) : plural(total, 'talk')}
        </span>
        {narrowed && (
          <button type="button" class="button button--quiet button--small" onClick={onClearFilters}>
            {t('clearFilters')}
          </button>
        )}
      </div>
      {shown.length === 0 && <p class="library__empty">{t('noTalkMatches')}</p>}
      <ul class="talk-list" aria-label={t('talks')}>
        {shown.slice(0, limit).map((entry) => (
          <TalkRow
            key={entry.talk.id}
            db={db}
            entry={entry}
            words={words}
            vocabulary={vocabulary}
            selected={selected.has(entry.talk.id)}
            onSelect={(on) => select([entry.talk.id], on)}
            onCopy={() => onCopy(entry)}
            onDelete={() => onDelete(entry)}
            onPlay={onPlay}
            announce={announce}
          />
        ))}
      </ul>
      {shown.length > limit && (
        <button type="button" class="button talk-list__more" onClick={() => setLimit(limit + PAGE_SIZE)}>
          {t('showMore', Math.min(PAGE_SIZE, shown.length - limit), (shown.length - limit).toLocaleString())}
        </button>
      )}
    </>
  );
}
