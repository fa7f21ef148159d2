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
/** The count of each spelling of a tag, by the tag ignoring case. */
type SpellingCounts = Map<string, Counts>;

/**
 * How many talks hold each event, category and tag, kept as talks come and go: a change costs what
 * it touches, not a pass over the library. The facets stay the same object while no value comes or
 * goes, so what is drawn from them is not drawn again.
 */
export class FacetTally {
  private readonly events: Counts = new Map();
  private readonly categories: Counts = new Map();
  private readonly tags: SpellingCounts = new Map();
  private last: LibraryFacets | null = null;

  add(talk: Talk): void {
    this.count(talk, 1);
  }

  remove(talk: Talk): void {
    this.count(talk, -1);
  }

  facets(): LibraryFacets {
    this.last ??= {
      events: sortedText(this.events.keys()),
      categories: sortedText(this.categories.keys()),
      tags: sortedText([...this.tags.values()].map(mostCommonSpelling)),
    };
    return this.last;
  }

  private count(talk: Talk, by: 1 | -1): void {
    this.countOne(this.events, talk.event, by);
    this.countOne(this.categories, talk.category, by);
    for (const tag of talk.tags) this.countTag(tag, by);
  }

  /** Tags are one value whatever their case (as Search finds them): the facets offer each once, as most spelled. */
  private countTag(tag: string, by: 1 | -1): void {
    if (!tag) return;
    const key = tag.toLocaleLowerCase();
    const spellings = this.tags.get(key) ?? new Map<string, number>();
    const shownBefore = spellings.size > 0 ? mostCommonSpelling(spellings) : null;
    const count = (spellings.get(tag) ?? 0) + by;
    if (count > 0) spellings.set(tag, count);
    else spellings.delete(tag);
    if (spellings.size > 0) this.tags.set(key, spellings);
    else this.tags.delete(key);
    if ((spellings.size > 0 ? mostCommonSpelling(spellings) : null) !== shownBefore) this.last = null;
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

/** The spelling most talks use; between as many, the first in code point order (capitals first), whatever came first. */
function mostCommonSpelling(spellings: Counts): string {
  let best = '';
  let bestCount = 0;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && spelling < best)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}
