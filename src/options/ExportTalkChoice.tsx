import { useId } from 'preact/hooks';
import { TALK_CHOICES, type TalkChoice } from '../export/talk-choice';
import { t, type MessageKey } from '../i18n/t';
import { plural } from '../i18n/plural';

export type ExportScope = 'shown' | 'all';

interface ExportTalkChoiceProps {
  scope: ExportScope;
  onScope: (scope: ExportScope) => void;
  shownCount: number;
  allCount: number;
  /** Whether a search or filter leaves some talks out; if not, there is no scope to choose. */
  narrowed: boolean;
  choice: TalkChoice;
  onChoice: (choice: TalkChoice) => void;
  /** How many talks the file will hold. */
  chosenCount: number;
}

const CHOICE_LABELS: Record<TalkChoice, MessageKey> = { all: 'exportEveryTalk', 'watched-or-noted': 'exportWatchedOrNoted', noted: 'exportOnlyNoted' };

/** Which talks the exported log holds: the shown or all, and of those, which kind; and how many that makes. */
export function ExportTalkChoice({ scope, onScope, shownCount, allCount, narrowed, choice, onChoice, chosenCount }: ExportTalkChoiceProps) {
  const id = useId();
  return (
    <>
      {narrowed && (
        <fieldset>
          <legend class="field-label">{t('talks')}</legend>
          <label>
            <input type="radio" name={`${id}-scope`} checked={scope === 'shown'} onChange={() => onScope('shown')} />{' '}
            {t('exportShown', plural(shownCount, 'talk'))}
          </label>
          <label>
            <input type="radio" name={`${id}-scope`} checked={scope === 'all'} onChange={() => onScope('all')} /> {t('exportAll', plural(allCount, 'talk'))}
          </label>
        </fieldset>
      )}
      <fieldset>
        <legend class="field-label">{t('exportWhichTalks')}</legend>
        {TALK_CHOICES.map((value) => (
          <label key={value}>
            <input type="radio" name={`${id}-choice`} checked={choice === value} onChange={() => onChoice(value)} /> {t(CHOICE_LABELS[value])}
          </label>
        ))}
        <p class="muted export-dialog__hint">{t('exportWillHold', plural(chosenCount, 'talk'))}</p>
      </fieldset>
    </>
  );
}
