import { Fragment, type ComponentChild } from 'preact';
import { t } from '../i18n/t';
import { formatPlaybackTime } from '../talk/time';
import './Byline.css';

interface BylineProps {
  speakers: string[];
  channel: string | null;
  durationSec: number | null;
  class?: string;
  /** How a piece of text is shown (the library highlights search words); as is by default. */
  show?: (text: string) => ComponentChild;
}

/**
 * Who gives the talk and where it was published. The speakers and the channel look different
 * (the channel marked as one) so that "A · B · CNCF" never reads as three speakers. Each name is
 * isolated (`bdi`), each speaker apart with the commas outside: a Hebrew or Arabic one keeps its own
 * direction without moving the others or the separators around it.
 */
export function Byline({ speakers, channel, durationSec, class: className, show = (text) => text }: BylineProps) {
  const duration = durationSec ? formatPlaybackTime(durationSec) : null;
  return (
    <p class={className ? `byline ${className}` : 'byline'}>
      {speakers.length > 0 && (
        <span class="byline__speakers">
          <span class="visually-hidden">{t('bylineSpeakers')} </span>
          {speakers.map((speaker, i) => (
            <Fragment key={i}>
              {i > 0 && ', '}
              <bdi>{show(speaker)}</bdi>
            </Fragment>
          ))}
        </span>
      )}{' '}
      <span class="byline__channel">
        {channel && (
          <>
            <span class="byline__channel-mark" aria-hidden="true">
              ▶
            </span>
            <span class="visually-hidden">{t('bylineChannel')} </span>
            <bdi>{show(channel)}</bdi>
          </>
        )}
        {channel && duration && ' · '}
        {duration}
      </span>
    </p>
  );
}
