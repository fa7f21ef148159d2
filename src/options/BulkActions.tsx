import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TalkDetailsPatch } from '../db/library';
import { t } from '../i18n/t';
import { TALK_STATUSES, type TalkStatus } from '../talk/model';
import { statusLabel } from '../ui/status-label';
import { plural } from '../i18n/plural';
import './BulkActions.css';

interface BulkActionsProps {
  count: number;
  vocabulary: { categories: string[]; events: string[] };
  /** `description` says what changed: `Category set to “Observability”`. */
  onSet: (patch: TalkDetailsPatch, description: string) => void;
  onDelete: () => void;
  /** Whether the selected talks are being deleted: Delete selected is busy, and does nothing more. */
  deleting: boolean;
  onClear: () => void;
  /** Told the bar's height as it changes, and 0 once it is gone: what it covers at the window's top, being sticky. */
  onHeight: (px: number) => void;
}

/** What can be done to several selected talks at once. An empty box sets nothing: clearing has its own button. */
export function BulkActions({ count, vocabulary, onSet, onDelete, deleting, onClear, onHeight }: BulkActionsProps) {
  const bar = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const observer = new ResizeObserver(() => onHeight(bar.current?.offsetHeight ?? 0));
    if (bar.current) observer.observe(bar.current);
    return () => {
      observer.disconnect();
      onHeight(0);
    };
  }, [onHeight]);
  const [status, setStatus] = useState<TalkStatus>('watched');
  const [problem, setProblem] = useState<{ field: 'category' | 'event'; text: string } | null>(null);
  const statusId = useId();
  const problemId = useId();
  const textField = (field: 'category' | 'event') => ({
    invalid: problem?.field === field,
    problemId,
    onEdit: () => setProblem((shown) => (shown?.field === field ? null : shown)),
  });
  return (
    <section ref={bar} class="bulk-actions" aria-label={t('selectedTalks')}>
      <strong class="bulk-actions__count">{t('talksSelected', plural(count, 'talk'))}</strong>
      <SetText
        label={t('fieldCategory')}
        setButton={t('setCategory')}
        clearButton={t('clearCategory')}
        suggestions={vocabulary.categories}
        {...textField('category')}
        onSet={(category) => onSet({ category }, t('categorySetTo', category))}
        onMissing={() => setProblem({ field: 'category', text: t('categoryMissing') })}
        onClearValue={() => onSet({ category: null }, t('categoryCleared'))}
      />
      <SetText
        label={t('fieldEvent')}
        setButton={t('setEvent')}
        clearButton={t('clearEvent')}
        suggestions={vocabulary.events}
        {...textField('event')}
        onSet={(event) => onSet({ event }, t('eventSetTo', event))}
        onMissing={() => setProblem({ field: 'event', text: t('eventMissing') })}
        onClearValue={() => onSet({ event: null }, t('eventCleared'))}
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
        <button type="button" class="button button--danger button--small" aria-disabled={deleting} aria-busy={deleting} onClick={onDelete}>
          {t('deleteSelected')}
        </button>
        <button type="button" class="button button--quiet button--small" onClick={onClear}>
          {t('clearSelection')}
        </button>
      </span>
      {problem && (
        <p id={problemId} role="alert" class="bulk-actions__problem">
          {problem.text}
        </p>
      )}
    </section>
  );
}

interface SetTextProps {
  /** The field's name, and its two buttons', such as `Category`, `Set category` and `Clear category`. */
  label: string;
  setButton: string;
  clearButton: string;
  suggestions: string[];
  invalid: boolean;
  /** The element that says what is wrong with the field. */
  problemId: string;
  onSet: (value: string) => void;
  onMissing: () => void;
  onClearValue: () => void;
  onEdit: () => void;
}

function SetText({ label, setButton, clearButton, suggestions, invalid, problemId, onSet, onMissing, onClearValue, onEdit }: SetTextProps) {
  const id = useId();
  const [value, setValue] = useState('');
  return (
    <form
      class="bulk-actions__group"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = value.trim();
        if (trimmed === '') onMissing();
        else onSet(trimmed);
      }}
    >
      <label for={id} class="field-label">
        {label}
      </label>
      <input
        id={id}
        type="text"
        list={`${id}-list`}
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? problemId : undefined}
        onInput={(event) => {
          setValue(event.currentTarget.value);
          onEdit();
        }}
      />
      <datalist id={`${id}-list`}>
        {suggestions.map((suggestion) => (
          <option key={suggestion} value={suggestion} />
        ))}
      </datalist>
      <button type="submit" class="button button--small">
        {setButton}
      </button>
      <button type="button" class="button button--quiet button--small" onClick={onClearValue}>
        {clearButton}
      </button>
    </form>
  );
}
