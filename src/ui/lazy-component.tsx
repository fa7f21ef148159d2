import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P> = ((props: P) => JSX.Element | null) & {
  /** Starts loading the code now, ahead of its first use. */
  preload(): Promise<ComponentType<P>>;
};

/**
 * A component whose code is loaded on first use, so that it stays out of the page's first load;
 * until then `fallback` is drawn (nothing by default). Once loaded it is drawn at once.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: (props: P) => JSX.Element | null = () => null,
): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => (loading ??= load().then((component) => (loaded = component)));
  function Lazy(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (!Component) void preload().then((component) => setComponent(() => component));
    }, [Component]);
    return Component ? <Component {...props} /> : fallback(props);
  }
  return Object.assign(Lazy, { preload });
}
