import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../i18n/t';
import './Welcome.css';

/** What an empty library shows: how to clip a first talk, and a way to bring a backup in. */
export function Welcome({ clipKeys, children }: { clipKeys: string | null; children: ComponentChildren }) {
  const id = useId();
  return (
    <section class="welcome" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('welcomeTitle')}</h2>
      <ol class="welcome__steps">
        <li>{t('welcomeOpenTalk')}</li>
        <li>{clipKeys ? t('welcomeClipWithKeys', clipKeys) : t('welcomeClip')}</li>
        <li>{t('welcomeWrite')}</li>
      </ol>
      <p class="welcome__restore">{t('welcomeRestore')}</p>
      {children}
    </section>
  );
}
