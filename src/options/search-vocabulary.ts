import { foldForSearch } from './search-text';

/** Query words whose matching words are remembered: those of the last few keystrokes. */
const REMEMBERED = 32;
const A = 'a'.charCodeAt(0);
/** The letters `a` to `z`, which a folded word is mostly made of. */
const LETTERS = 26;
/** The query words of one or two letters `a` to `z` (see `gramOf`): the first a user types. */
export const GRAMS = LETTERS + LETTERS * LETTERS;

/** The number of a folded query word of one or two letters `a` to `z` among the `GRAMS`, or -1. */
export function gramOf(part: string): number {
  const first = letterAt(part, 0);
  if (first === -1 || part.length > 2) return -1;
  if (part.length === 1) return first;
  const second = letterAt(part, 1);
  return second === -1 ? -1 : LETTERS + first * LETTERS + second;
}

/** The letter at `index` of `text` (0 for `a`), or -1 for anything else. */
function letterAt(text: string, index: number): number {
  const letter = text.charCodeAt(index) - A;
  return letter >= 0 && letter < LETTERS ? letter : -1;
}

/**
 * Every distinct folded word of the library, held once; each talk keeps only the numbers of its own
 * words. Search asks which words contain a typed word, then which talks hold one of those: the same
 * talks a scan of their whole folded text would find, since a typed word has no spaces and so can only
 * occur inside one word of the text. The text itself (and every note record) stays in the database.
 */
export class SearchVocabulary {
  private readonly words: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** For each query word, which of the first `upTo` words contain it (1) or not (0). */
  private readonly containing = new Map<string, { flags: Uint8Array; upTo: number }>();
  private slots = 0;
  /** Per word number, the last `numbersOf` call that found it (`calls`): each word is counted once a call. */
  private seen = new Uint32Array(0);
  private calls = 0;
  /** The numbers one `numbersOf` call found so far, reused from call to call. */
  private found = new Uint32Array(0);

  /** How many distinct words it holds. */
  get size(): number {
    return this.words.length;
  }

  /** How many slots it has given out. */
  get slotCount(): number {
    return this.slots;
  }

  /** A number for a new entry of a talk, its own among those made with this vocabulary (see `SearchPostings`). */
  newSlot(): number {
    return this.slots++;
  }

  /**
   * The numbers of the distinct words of these texts, after folding (split where `/\s+/` splits), in
   * the order they first come. Every note of the library goes through here as it is read: it makes
   * nothing per word but the word itself, so that taking in a library leaves little for the page's
   * collector (a split array, a set and its iterator per text were most of its garbage).
   */
  numbersOf(texts: string[]): Uint32Array {
    if (this.calls === 0xffffffff) {
      this.seen.fill(0);
      this.calls = 0;
    }
    const call = ++this.calls;
    let count = 0;
    const added: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      const folded = foldForSearch(texts[i]);
      let start = -1;
      for (let at = 0; at <= folded.length; at++) {
        if (at < folded.length && !isSpace(folded.charCodeAt(at))) {
          if (start === -1) start = at;
          continue;
        }
        if (start === -1) continue;
        const word = folded.slice(start, at);
        start = -1;
        let number = this.numbers.get(word);
        if (number === undefined) {
          number = this.add(word);
          added.push(word);
        }
        if (this.seen[number] === call) continue;
        this.seen[number] = call;
        if (count === this.found.length) this.found = grown(this.found, count + 1);
        this.found[count++] = number;
      }
    }
    if (added.length > 0) this.keepOwnCopies(added);
    return this.found.slice(0, count);
  }

  /** A new word's number. */
  private add(word: string): number {
    const number = this.words.length;
    this.words.push(word);
    this.numbers.set(word, number);
    if (number === this.seen.length) this.seen = grown(this.seen, number + 1);
    return number;
  }

  /** For each word number, 1 if that word contains `part` (a folded query word). */
  wordsContaining(part: string): Uint8Array {
    let known = this.containing.get(part);
    if (known === undefined) {
      if (this.containing.size === REMEMBERED) this.containing.delete(this.containing.keys().next().value!);
      known = { flags: new Uint8Array(0), upTo: 0 };
      this.containing.set(part, known);
    }
    // Words added since the last time (a talk changed) are looked at; the others are known.
    if (known.upTo < this.words.length) {
      if (known.flags.length < this.words.length) {
        const flags = new Uint8Array(Math.max(this.words.length, 2 * known.flags.length));
        flags.set(known.flags);
        known.flags = flags;
      }
      for (let number = known.upTo; number < this.words.length; number++) known.flags[number] = this.words[number].includes(part) ? 1 : 0;
      known.upTo = this.words.length;
    }
    return known.flags;
  }

  /**
   * Lets go of which words hold each query word: a byte a word of the library for each of the last
   * `REMEMBERED`, which a cleared search needs none of.
   */
  forgetQueries(): void {
    this.containing.clear();
  }

  /** `wordsContaining(part)` when it is known for every word already; undefined rather than work it out. */
  private flagsKnown(part: string): Uint8Array | undefined {
    const known = this.containing.get(part);
    return known !== undefined && known.upTo === this.words.length ? known.flags : undefined;
  }

  /**
   * Whether one of these words (numbers) contains `part`. From its flags when they are known; else by
   * looking at these words alone, which for the few rows drawn is far less than flagging every word.
   */
  anyContains(numbers: Uint32Array, part: string): boolean {
    const flags = this.flagsKnown(part);
    if (flags !== undefined) return holdsAny(numbers, flags);
    for (let i = 0; i < numbers.length; i++) if (this.words[numbers[i]].includes(part)) return true;
    return false;
  }

  /** Adds to `letters` each character that comes right after `part` inside one of these words (numbers). */
  lettersAfter(numbers: Uint32Array, part: string, letters: Set<string>): void {
    const flags = this.flagsKnown(part);
    for (let i = 0; i < numbers.length; i++) {
      if (flags?.[numbers[i]] === 0) continue;
      const word = this.words[numbers[i]];
      for (let at = word.indexOf(part); at !== -1 && at + part.length < word.length; at = word.indexOf(part, at + 1)) letters.add(word[at + part.length]);
    }
  }

  /** Adds to `grams` the one- and two-letter query words (`gramOf`) found in this word (its number), each once. */
  gramsIn(number: number, grams: number[]): void {
    const word = this.words[number];
    const from = grams.length;
    const add = (gram: number) => {
      if (grams.indexOf(gram, from) === -1) grams.push(gram);
    };
    let previous = -1;
    for (let i = 0; i < word.length; i++) {
      const letter = letterAt(word, i);
      if (letter !== -1) {
        add(letter);
        if (previous !== -1) add(LETTERS + previous * LETTERS + letter);
      }
      previous = letter;
    }
  }

  /**
   * A word split out of a text may be a slice that keeps the whole text alive (V8 slices strings of
   * 13 characters or more). The new words are joined into a string of their own and split again, so
   * they keep only that alive.
   */
  private keepOwnCopies(added: string[]): void {
    const copies = added.join('\n').split('\n');
    const first = this.words.length - added.length;
    copies.forEach((copy, i) => {
      this.numbers.delete(added[i]);
      this.numbers.set(copy, first + i);
      this.words[first + i] = copy;
    });
  }
}

/** A copy of `array` with room for at least `length` numbers, twice its size or more. */
function grown(array: Uint32Array, length: number): Uint32Array<ArrayBuffer> {
  const copy = new Uint32Array(Math.max(length, 2 * array.length, 64));
  copy.set(array);
  return copy;
}

/** Whether this UTF-16 code unit is one `\s` matches in a regular expression: where words are split. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether any of a talk's words (`numbers`) is flagged. */
export function holdsAny(numbers: Uint32Array, flags: Uint8Array): boolean {
  for (let i = 0; i < numbers.length; i++) if (flags[numbers[i]] === 1) return true;
  return false;
}
