import { sortedText } from '../db/library';
import type { Talk } from '../talk/model';

/** The values the filters offer: those in use, each once, in a people-friendly order. */
export interface LibraryFacets {
  events: string[];
  categories: string[];
  tags: string[];
}

export const NO_FACETS: LibraryFacets = { events: [], categories: [], tags: [] };

type Counts = Map<string, number>;

/**
 * How many talks hold each event, category and tag, kept as talks come and go: a change costs what
 * it touches, not a pass over the library. The facets stay the same object while no value comes or
 * goes, so what is drawn from them is not drawn again.
 */
export class FacetTally {
  private readonly events: Counts = new Map();
  private readonly categories: Counts = new Map();
  private readonly tags: Counts = new Map();
  private last: LibraryFacets | null = null;

  add(talk: Talk): void {
    this.count(talk, 1);
  }

  remove(talk: Talk): void {
    this.count(talk, -1);
  }

  facets(): LibraryFacets {
    this.last ??= { events: sortedText(this.events.keys()), categories: sortedText(this.categories.keys()), tags: sortedText(this.tags.keys()) };
    return this.last;
  }

  private count(talk: Talk, by: 1 | -1): void {
    this.countOne(this.events, talk.event, by);
    this.countOne(this.categories, talk.category, by);
    for (const tag of talk.tags) this.countOne(this.tags, tag, by);
  }

  private countOne(counts: Counts, value: string | null | undefined, by: 1 | -1): void {
    if (!value) return;
    const count = (counts.get(value) ?? 0) + by;
    // A value that comes or goes changes the facets.
    if (count > 0 ? !counts.has(value) : counts.has(value)) this.last = null;
    if (count > 0) counts.set(value, count);
    else counts.delete(value);
  }
}
