import { useId, useState } from 'preact/hooks';
import type { TalkDetailsPatch } from '../db/library';
import { t } from '../i18n/t';
import { TALK_STATUSES, type TalkStatus } from '../talk/model';
import { statusLabel } from '../ui/status-label';
import { plural } from './storage-facts';
import './BulkActions.css';

interface BulkActionsProps {
  count: number;
  vocabulary: { categories: string[]; events: string[] };
  /** `description` says what changed: `Category set to “Observability”`. */
  onSet: (patch: TalkDetailsPatch, description: string) => void;
  onDelete: () => void;
  onClear: () => void;
}

/** What can be done to several selected talks at once. */
export function BulkActions({ count, vocabulary, onSet, onDelete, onClear }: BulkActionsProps) {
  const [status, setStatus] = useState<TalkStatus>('watched');
  const statusId = useId();
  return (
    <section class="bulk-actions" aria-label={t('selectedTalks')}>
      <strong class="bulk-actions__count">{t('talksSelected', plural(count, 'talk'))}</strong>
      <SetText
        label={t('fieldCategory')}
        button={t('setCategory')}
        suggestions={vocabulary.categories}
        onSet={(category) => onSet({ category }, category ? t('categorySetTo', category) : t('categoryCleared'))}
      />
      <SetText
        label={t('fieldEvent')}
        button={t('setEvent')}
        suggestions={vocabulary.events}
        onSet={(event) => onSet({ event }, event ? t('eventSetTo', event) : t('eventCleared'))}
      />
      <form
        class="bulk-actions__group"
        onSubmit={(event) => {
          event.preventDefault();
          onSet({ status }, t('statusSetTo', statusLabel(status)));
        }}
      >
        <label for={statusId} class="field-label">
          {t('fieldStatus')}
        </label>
        <select id={statusId} value={status} onChange={(event) => setStatus(event.currentTarget.value as TalkStatus)}>
          {TALK_STATUSES.map((value) => (
            <option key={value} value={value}>
              {statusLabel(value)}
            </option>
          ))}
        </select>
        <button type="submit" class="button button--small">
          {t('setStatus')}
        </button>
      </form>
      <span class="bulk-actions__end">
        <button type="button" class="button button--danger button--small" onClick={onDelete}>
          {t('deleteSelected')}
        </button>
        <button type="button" class="button button--quiet button--small" onClick={onClear}>
          {t('clearSelection')}
        </button>
      </span>
    </section>
  );
}

/** `label` names the field and `button` its button, such as `Category` and `Set category`. */
function SetText({ label, button, suggestions, onSet }: { label: string; button: string; suggestions: string[]; onSet: (value: string) => void }) {
  const id = useId();
  const [value, setValue] = useState('');
  return (
    <form
      class="bulk-actions__group"
      onSubmit={(event) => {
        event.preventDefault();
        onSet(value.trim());
      }}
    >
      <label for={id} class="field-label">
        {label}
      </label>
      <input id={id} type="text" list={`${id}-list`} value={value} onInput={(event) => setValue(event.currentTarget.value)} />
      <datalist id={`${id}-list`}>
        {suggestions.map((suggestion) => (
          <option key={suggestion} value={suggestion} />
        ))}
      </datalist>
      <button type="submit" class="button button--small">
        {button}
      </button>
    </form>
  );
}
