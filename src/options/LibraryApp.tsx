import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { allTalksAndNotes, listTalksWithNoteCounts } from '../db/talks';
import { renderTalkLog } from '../export/talk-log';
import { Announcer, errorMessage, type Announcement } from '../ui/Announcer';
import { markAppReady } from '../ui/app-ready';
import { downloadText } from '../ui/download';
import { useLiveQuery } from '../ui/use-live-query';
import { TalkTable } from './TalkTable';
import { matchesQuery } from './talk-search';

/** The options page: every talk, searchable, and the talk log export. */
export function LibraryApp({ db }: { db: TalklogDb }) {
  const entries = useLiveQuery(() => listTalksWithNoteCounts(db), [db]).value;
  const [query, setQuery] = useState('');
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const shown = useMemo(() => entries?.filter((entry) => matchesQuery(entry, query)), [entries, query]);

  useEffect(() => {
    if (entries) markAppReady();
  }, [entries]);

  const exportMarkdown = async () => {
    try {
      const { talks, notes } = await allTalksAndNotes(db);
      downloadText('talklog.md', renderTalkLog(talks, notes), 'text/markdown');
      setAnnouncement({ kind: 'status', text: `Exported ${talks.length} ${talks.length === 1 ? 'talk' : 'talks'} to talklog.md.` });
    } catch (error) {
      setAnnouncement({ kind: 'alert', text: `Could not export: ${errorMessage(error)}` });
    }
  };

  return (
    <div class="library">
      <header class="library__bar">
        <h1 class="brand">
          <img src="/icons/icon-32.png" alt="" width={24} height={24} />
          Talklog library
        </h1>
        <input
          type="search"
          class="library__search"
          aria-label="Search"
          placeholder="Search titles, speakers, channels"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <button type="button" class="button button--primary" onClick={() => void exportMarkdown()}>
          Export markdown
        </button>
      </header>
      <Announcer announcement={announcement} />
      <main>
        {entries === undefined && <p class="muted">Opening your library…</p>}
        {entries?.length === 0 && (
          <p class="library__empty">No talks yet. Open a talk on YouTube and press the Talklog button to clip it.</p>
        )}
        {shown && shown.length > 0 && <TalkTable entries={shown} />}
        {entries && entries.length > 0 && shown?.length === 0 && <p class="muted">No talk matches “{query}”.</p>}
      </main>
    </div>
  );
}
