import { useId, useState } from 'preact/hooks';
import type { TalkDetailsPatch } from '../db/library';
import { TALK_STATUSES, type TalkStatus } from '../talk/model';
import { STATUS_LABELS } from '../ui/TalkDetailsForm';
import { plural } from './storage-facts';

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
    <section class="bulk-actions" aria-label="Selected talks">
      <strong class="bulk-actions__count">{plural(count, 'talk')} selected</strong>
      <SetText label="Category" suggestions={vocabulary.categories} onSet={(category) => onSet({ category }, category ? `Category set to “${category}”` : 'Category cleared')} />
      <SetText label="Event" suggestions={vocabulary.events} onSet={(event) => onSet({ event }, event ? `Event set to “${event}”` : 'Event cleared')} />
      <form
        class="bulk-actions__group"
        onSubmit={(event) => {
          event.preventDefault();
          onSet({ status }, `Status set to “${STATUS_LABELS[status]}”`);
        }}
      >
        <label for={statusId} class="field-label">
          Status
        </label>
        <select id={statusId} value={status} onChange={(event) => setStatus(event.currentTarget.value as TalkStatus)}>
          {TALK_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
        <button type="submit" class="button button--small">
          Set status
        </button>
      </form>
      <span class="bulk-actions__end">
        <button type="button" class="button button--danger button--small" onClick={onDelete}>
          Delete selected
        </button>
        <button type="button" class="button button--quiet button--small" onClick={onClear}>
          Clear selection
        </button>
      </span>
    </section>
  );
}

function SetText({ label, suggestions, onSet }: { label: string; suggestions: string[]; onSet: (value: string) => void }) {
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
        Set {label.toLowerCase()}
      </button>
    </form>
  );
}
