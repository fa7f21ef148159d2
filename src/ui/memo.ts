import { Component, h, type FunctionComponent } from 'preact';

/**
 * A component drawn again only when a prop changes (compared by identity): preact/compat's `memo`,
 * without the rest of compat, which would patch Preact for React's sake in every page.
 */
export function memo<P extends object>(render: FunctionComponent<P>): FunctionComponent<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const previous = this.props as Record<string, unknown>;
      const nextProps = next as Record<string, unknown>;
      const keys = Object.keys(nextProps);
      return keys.length !== Object.keys(previous).length || keys.some((key) => nextProps[key] !== previous[key]);
    }

    override render(props: P) {
      return h(render, props);
    }
  }
  return Memo as unknown as FunctionComponent<P>;
}
