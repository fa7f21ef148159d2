import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../i18n/t';
import { TALK_STATUSES } from '../talk/model';
import { interestLabel } from '../ui/StarRating';
import { statusLabel } from '../ui/status-label';
import { SORT_ORDERS, type LibraryFilter, type SortOrder } from './library-filter';
import './FilterBar.css';

interface FilterBarProps {
  filter: LibraryFilter;
  facets: { events: string[]; categories: string[]; tags: string[] };
  onChange: (patch: Partial<LibraryFilter>) => void;
}

/** The search box, the filters and the sort order of the library. */
export function FilterBar({ filter, facets, onChange }: FilterBarProps) {
  return (
    <div class="filter-bar" role="search" aria-label={t('findTalks')}>
      <input
        type="search"
        class="filter-bar__search"
        aria-label={t('search')}
        placeholder={t('searchPlaceholder')}
        value={filter.query}
        onInput={(event) => onChange({ query: event.currentTarget.value })}
      />
      <div class="filter-bar__filters">
        <Choice label={t('fieldEvent')} value={filter.event} onChange={(event) => onChange({ event })}>
          <option value="">{t('anyEvent')}</option>
          {facets.events.map((event) => (
            <option key={event} value={event}>
              {event}
            </option>
          ))}
        </Choice>
        <Choice label={t('fieldCategory')} value={filter.category} onChange={(category) => onChange({ category })}>
          <option value="">{t('anyCategory')}</option>
          {facets.categories.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </Choice>
        <Choice label={t('fieldTag')} value={filter.tag} onChange={(tag) => onChange({ tag })}>
          <option value="">{t('anyTag')}</option>
          {facets.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </Choice>
        <Choice label={t('fieldStatus')} value={filter.status} onChange={(status) => onChange({ status: status as LibraryFilter['status'] })}>
          <option value="">{t('anyStatus')}</option>
          {TALK_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </Choice>
        <Choice label={t('fieldInterest')} value={String(filter.minInterest)} onChange={(stars) => onChange({ minInterest: Number(stars) })}>
          <option value="0">{t('anyInterest')}</option>
          {([1, 2, 3, 4, 5] as const).map((stars) => (
            <option key={stars} value={String(stars)}>
              {stars === 5 ? interestLabel(5) : t('interestOrMore', interestLabel(stars))}
            </option>
          ))}
        </Choice>
        <Choice label={t('fieldSort')} value={filter.sort} onChange={(sort) => onChange({ sort: sort as SortOrder })}>
          {Object.entries(SORT_ORDERS).map(([order, label]) => (
            <option key={order} value={order}>
              {t(label)}
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
