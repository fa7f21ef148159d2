import type { Interest } from './model';

/** `★★★★☆` for 4; empty for an unrated talk. */
export function interestStars(interest: Interest): string {
  return interest > 0 ? '★'.repeat(interest) + '☆'.repeat(5 - interest) : '';
}
