import type { ComponentType, JSX } from 'preact';
import { lazyValue, type LazyOptions } from './lazy-value';

export type LazyComponent<P> = ((props: P) => JSX.Element | null) & {
  /** Starts loading the code now, ahead of its first use. */
  preload(): Promise<ComponentType<P>>;
};

/**
 * A component whose code is loaded on first use, so that it stays out of the page's first load; nothing is drawn
 * until then. Once loaded it is drawn at once.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>, options?: LazyOptions): LazyComponent<P> {
  const code = lazyValue(load, options);
  function Lazy(props: P) {
    const Component = code.useLoaded();
    return Component ? <Component {...props} /> : null;
  }
  return Object.assign(Lazy, { preload: code.preload });
}
