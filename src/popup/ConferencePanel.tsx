import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { eventOfPlaylist, eventQueueOf, markWatched } from '../db/event-queue';
import { t } from '../i18n/t';
import { clipText, requireWithin } from '../talk/bounded-text';
import { interestStars } from '../talk/interest';
import { NAME_MAX_CHARS } from '../talk/limits';
import type { CapturedTalk } from '../talk/model';
import type { PlaylistSeen } from '../talk/playlist';
import { isStillQueued, upNext, type QueueResult } from '../talk/queue';
import { formatPlaybackTime } from '../talk/time';
import { isWatchedAt } from '../talk/watched';
import { type Announcement } from '../ui/Announcer';
import { errorMessage } from '../ui/error-message';
import { isReplyCutOff } from '../messages/reply-cut-off';
import { eventProgressText } from '../ui/event-progress';
import type { useLiveQuery } from '../ui/use-live-query';
import type { ConferenceConnector } from './conference-connector';
import type { TabConnector } from './tab-connector';

export interface ConferencePanelProps {
  db: TalklogDb;
  /** The popup's connection to the tab: the talk there and its page changes. */
  tab: Pick<TabConnector, 'whatTalkIsHere' | 'onPageChanged'>;
  connector: ConferenceConnector;
  /** The pages' live-query hook, handed over by ConferenceSlot (see there why). */
  useLiveQuery: typeof useLiveQuery;
  announce: (announcement: Announcement) => void;
}

/** How often the rows read so far are asked for while a playlist is read whole. */
const PROGRESS_EVERY_MS = 400;

interface PlaylistProgress {
  loaded: number;
  total: number | null;
}

interface Here {
  talk: CapturedTalk | null;
  playlist: PlaylistSeen | null;
  /** The event of the talks queued before from that playlist. */
  queuedEvent: string | null;
}

/**
 * A whole conference from the popup and side panel: queue the playlist in the tab, and what is up
 * next for the event of the talk in the tab (or of the playlist, once queued).
 */
export function ConferencePanel(props: ConferencePanelProps) {
  const { db, tab, connector } = props;
  const [here, setHere] = useState<Here | null>(null);
  const [pageChanges, setPageChanges] = useState(0);
  useEffect(() => tab.onPageChanged(() => setPageChanges((count) => count + 1)), [tab]);
  useEffect(() => {
    let current = true;
    void Promise.all([tab.whatTalkIsHere().catch(() => null), connector.whatPlaylistIsHere()]).then(async ([talkHere, playlistHere]) => {
      const playlist = playlistHere.kind === 'playlist' ? playlistHere.playlist : null;
      const queuedEvent = playlist && (await eventOfPlaylist(db, playlist));
      if (current) setHere({ talk: talkHere?.kind === 'talk' ? talkHere.talk : null, playlist, queuedEvent });
    });
    return () => {
      current = false;
    };
  }, [db, tab, connector, pageChanges]);

  if (!here) return null;
  return (
    <>
      {here.playlist && <QueuePlaylist key={here.playlist.id} {...props} playlist={here.playlist} queuedEvent={here.queuedEvent} />}
      <UpNext {...props} here={here} />
    </>
  );
}

function QueuePlaylist({ connector, playlist, queuedEvent, announce }: ConferencePanelProps & { playlist: PlaylistSeen; queuedEvent: string | null }) {
  // Queued again (new uploads), its talks go in the event it was queued under. Else the playlist's title, a page's
  // text: cut to an event's limit, never refused.
  const [event, setEvent] = useState(() => queuedEvent ?? clipText(playlist.title, NAME_MAX_CHARS));
  const [progress, setProgress] = useState<PlaylistProgress | null>(null);
  const size = playlist.size ?? playlist.rows.length;

  const queue = async (submit: Event) => {
    submit.preventDefault();
    if (progress) return;
    try {
      // What the user typed past the limit is refused as queuePlaylist would, before the tab reads the whole playlist.
      requireWithin(event.trim(), NAME_MAX_CHARS, 'An event');
      setProgress({ loaded: playlist.rows.length, total: playlist.size });
      const result = await queueWithProgress(connector, playlist.id, event, (step) => {
        setProgress(step);
        announce({ kind: 'status', text: t('readingPlaylist', step.loaded, step.total ?? step.loaded) });
      });
      let text = t('queuedCounts', result.queued, result.alreadyInLibrary, result.skipped);
      if (result.deletedBefore) text += ` ${t('deletedStayOut', result.deletedBefore)}`;
      if (!result.complete) text += ` ${t('playlistIncomplete', result.read, result.size ?? result.read)}`;
      announce({ kind: 'status', text });
    } catch (error) {
      announce({ kind: 'alert', text: isReplyCutOff(error) ? t('queueInterrupted') : t('couldNotQueue', errorMessage(error)) });
    } finally {
      setProgress(null);
    }
  };

  return (
    <section class="conference" aria-labelledby="playlist-heading">
      <h2 id="playlist-heading" class="section-heading">
        {t('playlistHeading')}
      </h2>
      <p class="conference__title">{playlist.title}</p>
      <p class="muted conference__meta">{size === 1 ? t('playlistVideosOne') : t('playlistVideosMany', size)}</p>
      <form class="conference__queue" onSubmit={(submit) => void queue(submit)}>
        <label class="conference__event">
          <span class="field-label">{t('fieldEvent')}</span>
          <input type="text" value={event} onInput={(input) => setEvent(input.currentTarget.value)} />
        </label>
        <button type="submit" class="button" aria-disabled={progress !== null}>
          {t('queueTalks')}
        </button>
      </form>
      {progress && <progress class="conference__progress" max={progress.total ?? progress.loaded} value={progress.loaded} aria-label={t('playlistHeading')} />}
    </section>
  );
}

/** Queues the playlist; meanwhile asks the tab how many rows it has read, and reports each new count. */
async function queueWithProgress(
  connector: ConferenceConnector,
  playlistId: string,
  event: string,
  onProgress: (progress: PlaylistProgress) => void,
): Promise<QueueResult> {
  let reported = 0;
  let finished = false;
  const timer = setInterval(() => {
    void connector.whatPlaylistIsHere().then((here) => {
      // An answer arriving after the queue is done must not cover its result.
      if (finished || here.kind !== 'playlist' || here.playlist.id !== playlistId || here.playlist.rows.length <= reported) return;
      reported = here.playlist.rows.length;
      onProgress({ loaded: reported, total: here.playlist.size });
    });
  }, PROGRESS_EVERY_MS);
  try {
    return await connector.queuePlaylist(playlistId, event);
  } finally {
    finished = true;
    clearInterval(timer);
  }
}

function UpNext({ db, connector, useLiveQuery, here, announce }: ConferencePanelProps & { here: Here }) {
  // Whose event the queue is: the talk in the tab, else the playlist's once queued.
  const queue = useLiveQuery(() => eventQueueOf(db, here.talk?.videoId ?? null, here.playlist), [db, here]).value;

  // Seen at 90 % or more when the popup opens: watched. Once per opening, so the user can undo it.
  const checked = useRef(false);
  const anchor = queue?.anchor;
  const seen = here.talk;
  const markIfWatched = useCallback(async () => {
    if (checked.current || !anchor || !seen || anchor.videoId !== seen.videoId) return;
    checked.current = true;
    if (isWatchedAt(seen.currentSec, seen.durationSec) && (await markWatched(db, anchor.videoId))) {
      announce({ kind: 'status', text: t('markedWatched', anchor.title) });
    }
  }, [db, anchor, seen, announce]);
  useEffect(() => void markIfWatched(), [markIfWatched]);

  if (!anchor?.event || !queue) return null;
  const next = upNext(queue.queued, seen ? anchor.id : null);
  return (
    <section class="conference" aria-labelledby="up-next-heading">
      <h2 id="up-next-heading" class="section-heading">
        {t('upNextIn', anchor.event)}
      </h2>
      <p class="muted conference__meta">{eventProgressText(queue.progress)}</p>
      {next ? (
        <>
          <p class="conference__next">
            <a
              href={next.url}
              onClick={(click) => {
                click.preventDefault();
                connector.openHere(next.url);
              }}
            >
              {next.title}
            </a>
            <span class="muted">
              {' · '}
              {[next.speakers.join(', '), next.durationSec ? formatPlaybackTime(next.durationSec) : '', interestStars(next.interest)]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </p>
          <button type="button" class="button" onClick={() => connector.openHere(next.url)}>
            {t('playNext')}
          </button>
        </>
      ) : (
        <p class="muted">{t(seen && isStillQueued(anchor) ? 'lastTalkLeft' : 'queueFinished')}</p>
      )}
    </section>
  );
}
