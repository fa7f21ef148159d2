import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { TALK_STATUSES } from '../talk/model';
import { interestLabel } from '../ui/StarRating';
import { STATUS_LABELS } from '../ui/TalkDetailsForm';
import { SORT_ORDERS, type LibraryFilter, type SortOrder } from './library-filter';

interface FilterBarProps {
  filter: LibraryFilter;
  facets: { events: string[]; categories: string[]; tags: string[] };
  onChange: (patch: Partial<LibraryFilter>) => void;
}

/** The search box, the filters and the sort order of the library. */
export function FilterBar({ filter, facets, onChange }: FilterBarProps) {
  return (
    <div class="filter-bar" role="search" aria-label="Find talks">
      <input
        type="search"
        class="filter-bar__search"
        aria-label="Search"
        placeholder="Search titles, speakers, channels, tags and notes"
        value={filter.query}
        onInput={(event) => onChange({ query: event.currentTarget.value })}
      />
      <div class="filter-bar__filters">
        <Choice label="Event" value={filter.event} onChange={(event) => onChange({ event })}>
          <option value="">Any event</option>
          {facets.events.map((event) => (
            <option key={event} value={event}>
              {event}
            </option>
          ))}
        </Choice>
        <Choice label="Category" value={filter.category} onChange={(category) => onChange({ category })}>
          <option value="">Any category</option>
          {facets.categories.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </Choice>
        <Choice label="Tag" value={filter.tag} onChange={(tag) => onChange({ tag })}>
          <option value="">Any tag</option>
          {facets.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </Choice>
        <Choice label="Status" value={filter.status} onChange={(status) => onChange({ status: status as LibraryFilter['status'] })}>
          <option value="">Any status</option>
          {TALK_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </Choice>
        <Choice label="Interest" value={String(filter.minInterest)} onChange={(stars) => onChange({ minInterest: Number(stars) })}>
          <option value="0">Any interest</option>
          {([1, 2, 3, 4, 5] as const).map((stars) => (
            <option key={stars} value={stars}>
              {stars === 5 ? interestLabel(5) : `${interestLabel(stars)} or more`}
            </option>
          ))}
        </Choice>
        <Choice label="Sort" value={filter.sort} onChange={(sort) => onChange({ sort: sort as SortOrder })}>
          {Object.entries(SORT_ORDERS).map(([order, label]) => (
            <option key={order} value={order}>
              {label}
            </option>
          ))}
        </Choice>
      </div>
    </div>
  );
}

function Choice({ label, value, onChange, children }: { label: string; value: string; onChange: (value: string) => void; children: ComponentChildren }) {
  const id = useId();
  return (
    <span class="filter-bar__choice">
      <label for={id} class="field-label">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {children}
      </select>
    </span>
  );
}
