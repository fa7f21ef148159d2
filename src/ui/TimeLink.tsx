import { formatPlaybackTime } from '../talk/time';
import { videoTimeUrl } from '../talk/video-id';
import { t } from '../i18n/t';

/**
 * A note's `12:34` link. It is a real link to `…&t=754s` (middle-click, copy link work);
 * a plain click goes to `onSeek`, which seeks the open video when it can.
 */
export function TimeLink({ videoId, atSec, onSeek }: { videoId: string; atSec: number; onSeek?: (atSec: number) => void }) {
  const label = formatPlaybackTime(atSec);
  return (
    <a
      class="time-link"
      href={videoTimeUrl(videoId, atSec)}
      target="_blank"
      rel="noreferrer"
      aria-label={t('playFrom', label)}
      onClick={(event) => {
        if (!onSeek || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        onSeek(atSec);
      }}
    >
      {label}
    </a>
  );
}
