import type { TalklogDb } from '../db/database';
import { listRecentTalks } from '../db/talks';
import type { NoTalkReason } from '../talk/model';
import { useLiveQuery } from '../ui/use-live-query';

const EXPLANATIONS: Record<NoTalkReason, string> = {
  'not-youtube': 'This tab is not a YouTube video. Open a talk on YouTube to clip it and take notes.',
  'not-a-watch-page': 'This YouTube page is not a video. Open a talk to clip it and take notes.',
  unavailable: 'YouTube is not playing this video here (unavailable, private or sign-in required), so there is nothing to clip.',
  live: 'This is a live stream. Talklog clips recordings; come back when the talk is published as a video.',
  loading: 'YouTube is still loading this video. This updates by itself in a moment.',
};

export function NoTalkHere({ db, reason, onOpen }: { db: TalklogDb; reason: NoTalkReason; onOpen: (url: string) => void }) {
  const recent = useLiveQuery(() => listRecentTalks(db, 8), [db]).value;
  return (
    <>
      <p class="no-talk">{EXPLANATIONS[reason]}</p>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" class="section-heading">
          Recent talks
        </h2>
        {recent && recent.length === 0 && <p class="muted">Nothing clipped yet.</p>}
        <ul class="recent-list">
          {recent?.map((talk) => (
            <li key={talk.id}>
              <a
                href={talk.url}
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
