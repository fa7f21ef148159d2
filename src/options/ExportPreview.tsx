import { useId, useState } from 'preact/hooks';
import { t } from '../i18n/t';
import { Markdown } from '../ui/Markdown';
import type { RenderProgress } from './export-jobs';

/**
 * The talk log's beginning (`logPreview`) as it will be written, as its markdown source or rendered;
 * `busy` while it is behind what the options say, with the `progress` of the log being made.
 */
export function ExportPreview({ preview, busy, progress }: { preview: string; busy: boolean; progress: RenderProgress | null }) {
  const id = useId();
  const [rendered, setRendered] = useState(false);
  return (
    <section class="export-dialog__preview">
      <div class="export-dialog__preview-head">
        <h3 id={`${id}-preview`} class="field-label">
          {t('preview')}
        </h3>
        <div role="radiogroup" aria-label={t('previewAs')} class="export-dialog__preview-modes">
          <label>
            <input type="radio" name={`${id}-mode`} checked={!rendered} onChange={() => setRendered(false)} /> {t('previewSource')}
          </label>
          <label>
            <input type="radio" name={`${id}-mode`} checked={rendered} onChange={() => setRendered(true)} /> {t('previewRendered')}
          </label>
        </div>
        {progress && (
          <progress
            class="export-dialog__progress"
            aria-label={t('preparingTalkLog')}
            // Indeterminate while the library is read, before the first talk is written.
            value={progress.done > 0 ? progress.done : undefined}
            max={Math.max(progress.total, 1)}
          />
        )}
      </div>
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take the keyboard focus to be scrolled (axe: scrollable-region-focusable) */}
      <div role="region" tabIndex={0} aria-labelledby={`${id}-preview`} aria-busy={busy} class="export-dialog__preview-body">
        {rendered ? <Markdown source={preview} /> : <pre>{preview}</pre>}
      </div>
    </section>
  );
}
