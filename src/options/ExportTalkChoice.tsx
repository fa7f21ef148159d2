import { useId } from 'preact/hooks';
import { t } from '../i18n/t';
import { plural } from './storage-facts';

export type ExportScope = 'shown' | 'all';

interface ExportTalkChoiceProps {
  scope: ExportScope;
  onScope: (scope: ExportScope) => void;
  shownCount: number;
  allCount: number;
  /** Whether a search or filter leaves some talks out; if not, there is nothing to choose. */
  narrowed: boolean;
}

/** Which talks the exported log holds. */
export function ExportTalkChoice({ scope, onScope, shownCount, allCount, narrowed }: ExportTalkChoiceProps) {
  const id = useId();
  if (!narrowed) return null;
  return (
    <fieldset>
      <legend class="field-label">{t('talks')}</legend>
      <label>
        <input type="radio" name={`${id}-scope`} checked={scope === 'shown'} onChange={() => onScope('shown')} /> {t('exportShown', plural(shownCount, 'talk'))}
      </label>
      <label>
        <input type="radio" name={`${id}-scope`} checked={scope === 'all'} onChange={() => onScope('all')} /> {t('exportAll', plural(allCount, 'talk'))}
      </label>
    </fieldset>
  );
}
