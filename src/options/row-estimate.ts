/** A closed row's height before any is measured. */
const ROW_ESTIMATE = 104;
/** What a search's "In a note" excerpt adds to a row, below its facts: two lines of small text and its margin (TalkRow.css). */
export const EXCERPT_HEIGHT = 40;
/** Rows the mean is taken over, at most: it follows a window made wider or narrower within a screenful or two. */
const OVER = 32;

interface Mean {
  height: number;
  count: number;
}

/**
 * The height a closed row not yet measured is taken to have, before it is drawn: the mean of the rows
 * measured lately, with an excerpt and without. The list places a search's rows by it, so the nearer it
 * is, the more often its first draw holds just the rows that fit (none to add or drop once measured).
 */
export class RowEstimate {
  private readonly plain: Mean = { height: ROW_ESTIMATE, count: 0 };
  private readonly excerpt: Mean = { height: ROW_ESTIMATE + EXCERPT_HEIGHT, count: 0 };

  /** A closed row was measured, showing an excerpt or not. */
  measured(height: number, withExcerpt: boolean): void {
    const mean = withExcerpt ? this.excerpt : this.plain;
    mean.count = Math.min(mean.count + 1, OVER);
    mean.height += (height - mean.height) / mean.count;
  }

  /** A row's height, not measured yet; with an excerpt, as the plain rows and the excerpt until one such is measured. */
  of(withExcerpt: boolean): number {
    if (!withExcerpt) return this.plain.height;
    return this.excerpt.count > 0 ? this.excerpt.height : this.plain.height + EXCERPT_HEIGHT;
  }
}
