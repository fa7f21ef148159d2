import { useId } from 'preact/hooks';
import { t } from '../i18n/t';
import type { Interest } from '../talk/model';
import './StarRating.css';

const LEVELS: Interest[] = [0, 1, 2, 3, 4, 5];

/**
 * Interest as a radio group: 0 (unrated) to 5 stars. Native radios, so arrow keys move the
 * choice, and each one is a change.
 */
export function StarRating({ value, onChange }: { value: Interest; onChange: (value: Interest) => void }) {
  const id = useId();
  return (
    <div class="star-rating">
      <span id={`${id}-label`} class="field-label">
        {t('fieldInterest')}
      </span>
      <div role="radiogroup" aria-labelledby={`${id}-label`} class="star-rating__options">
        {LEVELS.map((level) => (
          <label key={level} class={level === 0 ? 'star-rating__option star-rating__option--none' : 'star-rating__option'}>
            <input type="radio" class="visually-hidden" name={`${id}-interest`} value={level} checked={value === level} onChange={() => onChange(level)} />
            <span aria-hidden="true" class={level <= value && level > 0 ? 'star-rating__star star-rating__star--on' : 'star-rating__star'}>
              {level === 0 ? '–' : level <= value ? '★' : '☆'}
            </span>
            <span class="visually-hidden">{interestLabel(level)}</span>
          </label>
        ))}
      </div>
    </div>
  );
}

export function interestLabel(level: Interest): string {
  return level === 0 ? t('interestUnrated') : level === 1 ? t('interestOneStar') : t('interestStars', level);
}
