import { useId } from 'preact/hooks';
import { t } from '../i18n/t';

/** Long logs are previewed in part: the whole document is what Download and Copy give. */
const PREVIEW_CHARS = 20_000;

/** The talk log as it will be written; `busy` while it is behind what the options say. */
export function ExportPreview({ markdown, busy }: { markdown: string; busy: boolean }) {
  const id = useId();
  return (
    <section class="export-dialog__preview">
      <h3 id={`${id}-preview`} class="field-label">
        {t('preview')}
      </h3>
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take the keyboard focus to be scrolled (axe: scrollable-region-focusable) */}
      <pre role="region" tabIndex={0} aria-labelledby={`${id}-preview`} aria-busy={busy}>
        {markdown.length > PREVIEW_CHARS ? `${markdown.slice(0, PREVIEW_CHARS)}\n…` : markdown}
      </pre>
    </section>
  );
}
