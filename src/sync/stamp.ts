/** When a value was written and by which device: the order every sync merge decides by. */
export interface Stamp {
  /** ISO 8601 time. */
  at: string;
  /** The writing device's id; breaks ties between equal times, so every device picks the same winner. */
  by: string;
}

export function compareStamps(a: Stamp, b: Stamp): number {
  return Date.parse(a.at) - Date.parse(b.at) || (a.by < b.by ? -1 : a.by > b.by ? 1 : 0);
}

export function sameStamp(a: Stamp | null | undefined, b: Stamp | null | undefined): boolean {
  return a != null && b != null && a.at === b.at && a.by === b.by;
}

export function laterStamp<T extends Stamp>(a: T, b: T): T {
  return compareStamps(a, b) >= 0 ? a : b;
}

/** A time strictly after `stamp`, and not before `at`: an edit made on top of a version stamped by a faster clock still sorts after it. */
export function timeAfter(at: string, stamp: Stamp | null | undefined): string {
  if (!stamp || Date.parse(at) > Date.parse(stamp.at)) return at;
  return new Date(Date.parse(stamp.at) + 1).toISOString();
}
