import { useRef, useState } from 'preact/hooks';

/** When a new note began: the playback second, asked of the tab as its first words are typed, until it tells. */
export interface StartTime {
  /** Known start, shown in the hint; null while unknown or for a note away from the video. */
  atSec: number | null;
  /** Puts a start that is already known (a draft from elsewhere), or none (an emptied box). */
  set(sec: number | null): void;
  /** Words typed in a note: asks where the video is, unless asked already. `onKnown` hears the answer while the note is still the same one. */
  begin(onKnown: (sec: number | null) => void): void;
  /** The start, once the tab has answered. */
  settled(): Promise<number | null>;
}

const ASK_AGAIN_MS = 1000;

/** A note typed for a minute still points at the moment it is about, not the moment it was saved. */
export function useStartTime(currentSec: () => Promise<number | null>, initial: number | null): StartTime {
  const [atSec, setAtSec] = useState(initial);
  const asked = useRef<Promise<number | null> | null>(initial === null ? null : Promise.resolve(initial));
  return {
    atSec,
    set(sec) {
      asked.current = sec === null ? null : Promise.resolve(sec);
      setAtSec(sec);
    },
    begin(onKnown) {
      if (asked.current !== null) return;
      const question: Promise<number | null> = currentSec()
        .catch(() => null)
        .then((sec) => {
          // Only if this is still the note being typed (not emptied, saved or replaced meanwhile).
          if (asked.current === question) {
            // No time (an ad plays, the player is still loading): a later keystroke asks again, and the first time
            // told is the note's. A second apart at most: a live stream never tells.
            if (sec === null) {
              setTimeout(() => {
                if (asked.current === question) asked.current = null;
              }, ASK_AGAIN_MS);
            }
            setAtSec(sec);
            onKnown(sec);
          }
          return sec;
        });
      asked.current = question;
    },
    settled: () => asked.current ?? Promise.resolve(null),
  };
}
