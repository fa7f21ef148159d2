import type { TalklogDb } from '../db/database';
import { listRecentTalks } from '../db/talks';
import type { NoTalkReason } from '../talk/model';
import { useLiveQuery } from '../ui/use-live-query';
import { t } from '../i18n/t';
import { explainNoTalk } from '../ui/no-talk-explanation';

interface NoTalkHereProps {
  db: TalklogDb;
  reason: NoTalkReason;
  onOpen: (url: string) => void;
  /** Offered on a video YouTube does not play: notes on it are still welcome. */
  onWriteNote?: () => void;
}

export function NoTalkHere({ db, reason, onOpen, onWriteNote }: NoTalkHereProps) {
  const recent = useLiveQuery(() => listRecentTalks(db, 8), [db]).value;
  return (
    <>
      <p class="no-talk">{explainNoTalk(reason)}</p>
      {onWriteNote && (
        <div class="talk-card__actions">
          <button type="button" class="button" onClick={onWriteNote}>
            {t('writeNoteOnIt')}
          </button>
        </div>
      )}
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" class="section-heading">
          {t('recentTalks')}
        </h2>
        {recent && recent.length === 0 && <p class="muted">{t('nothingClipped')}</p>}
        <ul class="plain-list recent-talks">
          {recent?.map((talk) => (
            <li key={talk.id}>
              <a
                href={talk.url}
                dir="auto"
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(talk.url);
                }}
              >
                {talk.title}
              </a>
              {talk.channel && <span class="muted"> · {talk.channel}</span>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
