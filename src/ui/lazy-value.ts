import { useEffect, useState } from 'preact/hooks';
import { paintedAndIdle } from './when-idle';

export interface LazyValue<T> {
  /** Starts loading now, ahead of its first use. */
  preload(): Promise<T>;
  /** The value once loaded, null until then: the first component to use it starts the load, and each draws again once it is in. */
  useLoaded(): T | null;
}

export interface LazyOptions {
  /**
   * Loaded on first use only once the page is painted and idle: code for what the page can show without
   * (formatting, thumbnails, a panel below the editor), whose fetch and evaluation must not stand between
   * the page's first paint and the user's first keystroke.
   */
  afterPaint?: boolean;
}

/** A value (a module's code) loaded on first use, so that it stays out of the page's first load. */
export function lazyValue<T>(load: () => Promise<T>, { afterPaint = false }: LazyOptions = {}): LazyValue<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  let waited: Promise<T> | null = null;
  const preload = () => (loading ??= load().then((value) => (loaded = value)));
  // A load already begun (preload) is drawn as soon as it is in.
  const loadOnUse = afterPaint ? () => loading ?? (waited ??= paintedAndIdle().then(preload)) : preload;
  return {
    preload,
    useLoaded() {
      const [value, setValue] = useState(() => loaded);
      useEffect(() => {
        if (value === null) void loadOnUse().then((next) => setValue(() => next));
      }, [value]);
      return value;
    },
  };
}
