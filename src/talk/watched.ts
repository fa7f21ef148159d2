/** When a talk counts as watched without the user saying so: the player seen at 90 % of its length or more. */
export const WATCHED_FRACTION = 0.9;

export function isWatchedAt(atSec: number | null, durationSec: number | null): boolean {
  return atSec !== null && durationSec !== null && durationSec > 0 && atSec >= durationSec * WATCHED_FRACTION;
}
