import { GRAMS, gramOf, type SearchVocabulary } from './search-vocabulary';

/** What the postings need of a talk's entry. */
export interface PostedEntry {
  /** Its number among the entries made with its vocabulary: a changed talk comes as a new entry, with a new slot. */
  slot: number;
  aboutWords: Uint32Array;
  noteWords: Uint32Array;
  vocabulary: SearchVocabulary;
}

/** The slot of a talk whose words the postings do not hold. */
export const NOT_HELD = 0xffffffff;

/**
 * Entries read per step of a build: a few milliseconds of work, so that no step holds up a keystroke for long.
 * Filling in 1,000 talks of ten notes each took 12 ms at 20,000 talks, and 250 still made idle slices of 20-30 ms
 * (the larger a library, the larger the bitsets each word's grams are set in, and the fewer of them the
 * processor's caches hold).
 */
const ENTRIES_A_STEP = 100;
/**
 * Words of the vocabulary laid out per step of a build (their runs and one- and two-letter grams): a few
 * milliseconds too. Every video id is a word, so a library of 20,000 talks has some 30,000: laid out in one
 * step, they held the page for 20–30 ms.
 */
const WORDS_A_STEP = 2500;
/** Query words whose postings are remembered: those of the last few keystrokes. */
const REMEMBERED = 32;
/**
 * A word held by more than one talk in this many keeps a bit per talk instead of a list of talks (a bit
 * each is smaller than 2 bytes a talk holding it from there on). Most pairs of a talk and a word are of
 * such common words.
 */
const DENSE = 16;

/** Which of the words a query word occurs in, and how many talks a search for it walks. */
interface Occurrences {
  words: Uint32Array;
  cost: number;
}

/** What a build makes (see the fields of `SearchPostings`). */
interface Built {
  vocabulary: SearchVocabulary;
  indexed: Uint8Array;
  starts: Uint32Array;
  slots: Uint16Array | Uint32Array;
  bitsAt: Int32Array;
  bits: Uint32Array;
  counts: Uint32Array;
  grams: Uint32Array;
}

/**
 * The inverse of each entry's word numbers: for each word of the vocabulary, the talks (slots) that hold
 * it. A query word then looks only at the talks that hold a word it occurs in, instead of at every
 * talk's words. A rare word lists its talks, in one array for all words (its run starts at
 * `starts[word]`); a common one has a bit for each talk.
 *
 * Built once from the whole library, in steps; entries made after it (a talk changed or added) are not
 * in it and are looked at one by one, as before, until it is built again. Slots of entries that have
 * since been replaced stay in it, held by no entry listed, so they never match anything shown.
 */
export class SearchPostings {
  readonly vocabulary: SearchVocabulary;
  /** Per slot, 1 when that entry's words are in the postings. */
  private readonly indexed: Uint8Array;
  /** Per word, where its run of slots starts (the next word's start ends it); a common word's run is empty. */
  private readonly starts: Uint32Array;
  private readonly slots: Uint16Array | Uint32Array;
  /** Per word, -1 or (for a common word) where its bits start in `bits`, a 32-bit number per 32 slots. */
  private readonly bitsAt: Int32Array;
  private readonly bits: Uint32Array;
  /** Per word, how many talks hold it. */
  private readonly counts: Uint32Array;
  /**
   * Per query word of one or two letters `a` to `z` (`gramOf`), a bit per slot: the talks holding a word
   * it occurs in. A query's first letters find their talks here, instead of OR-ing the postings of the
   * many words that hold them.
   */
  private readonly grams: Uint32Array;
  /** Per slot, the number of the last search that found it through the postings. */
  private readonly found: Uint32Array;
  /** A bit per slot: the talks one query word finds. */
  private readonly union: Uint32Array;
  private search = 0;
  private readonly occurrences = new Map<string, Occurrences>();

  private constructor(built: Built) {
    this.vocabulary = built.vocabulary;
    this.indexed = built.indexed;
    this.starts = built.starts;
    this.slots = built.slots;
    this.bitsAt = built.bitsAt;
    this.bits = built.bits;
    this.counts = built.counts;
    this.grams = built.grams;
    this.found = new Uint32Array(built.indexed.length);
    this.union = new Uint32Array(Math.ceil(built.indexed.length / 32));
  }

  /** The postings of these entries (those made with the first one's vocabulary), built at once. */
  static of(entries: readonly PostedEntry[]): SearchPostings | null {
    const build = SearchPostings.builder(entries);
    for (;;) {
      const built = build();
      if (built !== undefined) return built;
    }
  }

  /**
   * The same build, a step each call: it returns undefined until the last step, then the postings (or
   * null when there is nothing to index). The entries must not change in between (they never do: a
   * change of the library comes as a new list).
   */
  static builder(entries: readonly PostedEntry[]): () => SearchPostings | null | undefined {
    const vocabulary = entries[0]?.vocabulary;
    if (vocabulary === undefined) return () => null;
    const slotCount = vocabulary.slotCount;
    const wordCount = vocabulary.size;
    const bitWords = Math.ceil(slotCount / 32);
    const indexed = new Uint8Array(slotCount);
    const counts = new Uint32Array(wordCount);
    const starts = new Uint32Array(wordCount + 1);
    const bitsAt = new Int32Array(wordCount).fill(-1);
    const grams = new Uint32Array(GRAMS * bitWords);
    /** Per word, where its grams (`gramsIn`) start in `gramList`; the next word's start ends them. */
    const gramStarts = new Uint32Array(wordCount + 1);
    let gramList = new Uint16Array(0);
    let slots: Uint16Array | Uint32Array = new Uint16Array(0);
    let bits = new Uint32Array(0);
    /** Counting each word's talks, then laying out the words, then filling in each word's talks. */
    let phase: 'count' | 'lay out' | 'fill' = 'count';
    let at = 0;
    let word = 0;
    let dense = 0;
    const gramsSoFar: number[] = [];
    const held = (entry: PostedEntry) => entry.vocabulary === vocabulary && entry.slot < slotCount;
    // Indexed loops: a `for…of` over a typed array makes an iterator result a word until optimized,
    // megabytes of garbage for the page's collector while a library is taken in.
    const count = (words: Uint32Array) => {
      for (let i = 0; i < words.length; i++) counts[words[i]]++;
    };
    const fill = (words: Uint32Array, slot: number) => {
      const at = slot >>> 5;
      const bit = 1 << (slot & 31);
      for (let i = 0; i < words.length; i++) {
        const word = words[i];
        if (bitsAt[word] === -1) slots[starts[word]++] = slot;
        else bits[bitsAt[word] + at] |= bit;
        for (let gram = gramStarts[word]; gram < gramStarts[word + 1]; gram++) grams[gramList[gram] * bitWords + at] |= bit;
      }
    };
    return () => {
      if (phase === 'lay out') {
        const end = Math.min(wordCount, word + WORDS_A_STEP);
        for (; word < end; word++) {
          const common = counts[word] * DENSE > slotCount;
          if (common) bitsAt[word] = bitWords * dense++;
          starts[word + 1] = starts[word] + (common ? 0 : counts[word]);
          vocabulary.gramsIn(word, gramsSoFar);
          gramStarts[word + 1] = gramsSoFar.length;
        }
        if (word < wordCount) return undefined;
        slots = slotCount <= 0x10000 ? new Uint16Array(starts[wordCount]) : new Uint32Array(starts[wordCount]);
        bits = new Uint32Array(bitWords * dense);
        gramList = Uint16Array.from(gramsSoFar);
        phase = 'fill';
        at = 0;
        return undefined;
      }
      const end = Math.min(entries.length, at + ENTRIES_A_STEP);
      for (; at < end; at++) {
        const entry = entries[at];
        if (!held(entry)) continue;
        if (phase === 'count') {
          count(entry.aboutWords);
          count(entry.noteWords);
        } else {
          // `starts[word]` moves along its run as it fills.
          fill(entry.aboutWords, entry.slot);
          fill(entry.noteWords, entry.slot);
          indexed[entry.slot] = 1;
        }
      }
      if (at < entries.length) return undefined;
      if (phase === 'count') {
        phase = 'lay out';
        return undefined;
      }
      // Each `starts[word]` has moved to the end of its run, which is the next word's start.
      starts.copyWithin(1, 0, wordCount);
      starts[0] = 0;
      return new SearchPostings({ vocabulary, indexed, starts, slots, bitsAt, bits, counts, grams });
    };
  }

  /** Whether this entry's words are in the postings; those of others must be looked at one by one. */
  holds(entry: PostedEntry): boolean {
    return entry.vocabulary === this.vocabulary && entry.slot < this.indexed.length && this.indexed[entry.slot] === 1;
  }

  /** The slot of each entry, or `NOT_HELD` for one whose words are not in the postings. */
  slotsOf(entries: readonly PostedEntry[]): Uint32Array {
    return Uint32Array.from(entries, (entry) => (this.holds(entry) ? entry.slot : NOT_HELD));
  }

  /** About how many steps a search for this folded query word takes: the number to weigh against looking at every talk. */
  cost(part: string): number {
    return gramOf(part) === -1 ? this.occurrencesOf(part).cost : this.indexed.length + this.union.length;
  }

  /**
   * Finds the talks that hold, for each of these folded query words, a word in which it occurs;
   * `foundAll` then tells of a slot whether its talk is one of them. Until the next call.
   */
  findAll(parts: string[]): void {
    if (this.search + parts.length >= NOT_HELD) {
      this.found.fill(0);
      this.search = 0;
    }
    const { found, union } = this;
    parts.forEach((part, i) => {
      // The talks holding any word the part occurs in, a bit each, then marked found in `found`.
      const gram = gramOf(part);
      if (gram === -1) this.unite(this.occurrencesOf(part).words);
      else union.set(this.grams.subarray(gram * union.length, (gram + 1) * union.length));
      // A talk found for every part so far holds the number of the part before; only those go on.
      const before = i === 0 ? -1 : this.search;
      const now = ++this.search;
      for (let k = 0; k < union.length; k++) {
        for (let set = union[k]; set !== 0; set &= set - 1) {
          const slot = 32 * k + 31 - Math.clz32(set & -set);
          if (before === -1 || found[slot] === before) found[slot] = now;
        }
      }
    });
  }

  /** Lets go of what it and its vocabulary worked out for query words: a cleared search needs none of it. */
  forgetQueries(): void {
    this.occurrences.clear();
    this.vocabulary.forgetQueries();
  }

  /** Whether the last `findAll` found this slot's talk. */
  foundAll(slot: number): boolean {
    return this.found[slot] === this.search;
  }

  /** Sets `union` to the talks holding any of these words. */
  private unite(words: Uint32Array): void {
    const { slots, starts, bits, bitsAt, union } = this;
    union.fill(0);
    for (const word of words) {
      const from = bitsAt[word];
      if (from === -1) {
        for (let at = starts[word], end = starts[word + 1]; at < end; at++) union[slots[at] >>> 5] |= 1 << (slots[at] & 31);
      } else {
        for (let k = 0; k < union.length; k++) union[k] |= bits[from + k];
      }
    }
  }

  private occurrencesOf(part: string): Occurrences {
    let known = this.occurrences.get(part);
    if (known === undefined) {
      const flags = this.vocabulary.wordsContaining(part);
      const words: number[] = [];
      // Each word's list of talks, or its bits; then each talk found.
      let cost = this.indexed.length;
      for (let word = 0; word < this.counts.length; word++) {
        if (flags[word] !== 1) continue;
        words.push(word);
        cost += this.bitsAt[word] === -1 ? this.counts[word] : this.union.length;
      }
      if (this.occurrences.size === REMEMBERED) this.occurrences.delete(this.occurrences.keys().next().value!);
      known = { words: Uint32Array.from(words), cost };
      this.occurrences.set(part, known);
    }
    return known;
  }
}
