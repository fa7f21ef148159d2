import type { ComponentChildren } from 'preact';
import { useId, useMemo, useRef } from 'preact/hooks';
import { t } from '../i18n/t';
import { TALK_STATUSES } from '../talk/model';
import { memo } from '../ui/memo';
import { interestLabel } from '../ui/StarRating';
import { statusLabel } from '../ui/status-label';
import { FIND_KEYS, useFindGoesToSearch } from './find-shortcut';
import { SORT_ORDERS, type LibraryFilter, type SortOrder } from './library-filter';
import './FilterBar.css';

interface FilterBarProps {
  filter: LibraryFilter;
  facets: { events: string[]; categories: string[]; tags: string[] };
  onChange: (patch: Partial<LibraryFilter>) => void;
}

/** The search box, the filters and the sort order of the library. */
export function FilterBar({ filter, facets, onChange }: FilterBarProps) {
  // The choices' options, made again only when they change: the bar is drawn at every keystroke.
  const events = useMemo(() => asOptions(facets.events), [facets.events]);
  const categories = useMemo(() => asOptions(facets.categories), [facets.categories]);
  const tags = useMemo(() => asOptions(facets.tags), [facets.tags]);
  const fixed = useMemo(
    () => ({
      statuses: TALK_STATUSES.map((status): Option => [status, statusLabel(status)]),
      interests: ([1, 2, 3, 4, 5] as const).map((stars): Option => [String(stars), stars === 5 ? interestLabel(5) : t('interestOrMore', interestLabel(stars))]),
      sorts: Object.entries(SORT_ORDERS).map(([order, label]): Option => [order, t(label)]),
    }),
    [],
  );
  const search = useRef<HTMLInputElement>(null);
  useFindGoesToSearch(search);
  return (
    <div class="filter-bar" role="search" aria-label={t('findTalks')}>
      <input
        ref={search}
        type="search"
        class="filter-bar__search"
        aria-label={t('search')}
        aria-keyshortcuts={FIND_KEYS}
        placeholder={t('searchPlaceholder')}
        value={filter.query}
        onInput={(event) => onChange({ query: event.currentTarget.value })}
      />
      <div class="filter-bar__filters">
        <Choice label={t('fieldEvent')} value={filter.event} onChange={(event) => onChange({ event })}>
          <option value="">{t('anyEvent')}</option>
          <Options options={events} />
        </Choice>
        <Choice label={t('fieldCategory')} value={filter.category} onChange={(category) => onChange({ category })}>
          <option value="">{t('anyCategory')}</option>
          <Options options={categories} />
        </Choice>
        <Choice label={t('fieldTag')} value={filter.tag} onChange={(tag) => onChange({ tag })}>
          <option value="">{t('anyTag')}</option>
          <Options options={tags} />
        </Choice>
        <Choice label={t('fieldStatus')} value={filter.status} onChange={(status) => onChange({ status: status as LibraryFilter['status'] })}>
          <option value="">{t('anyStatus')}</option>
          <Options options={fixed.statuses} />
        </Choice>
        <Choice label={t('fieldInterest')} value={String(filter.minInterest)} onChange={(stars) => onChange({ minInterest: Number(stars) })}>
          <option value="0">{t('anyInterest')}</option>
          <Options options={fixed.interests} />
        </Choice>
        <Choice label={t('fieldSort')} value={filter.sort} onChange={(sort) => onChange({ sort: sort as SortOrder })}>
          <Options options={fixed.sorts} />
        </Choice>
      </div>
    </div>
  );
}

/** A choice's value and what it says. */
type Option = [value: string, label: string];

const asOptions = (values: string[]) => values.map((value): Option => [value, value]);

/** A choice's options: the same list draws nothing again. */
const Options = memo(function Options({ options }: { options: Option[] }) {
  return (
    <>
      {options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
});

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
