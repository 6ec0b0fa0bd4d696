import { type ComponentType, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P> = ComponentType<P> & {
  /** Fetches the code now (when the page is idle, say), so that the first draw is immediate. */
  preload(): Promise<unknown>;
};

/**
 * A component whose code loads the first time it is drawn or preloaded, so that the popup's
 * first paint carries only what the list needs (README, Performance: popup JS ≤ 20 KiB gzip).
 * Until its code is there it draws nothing: a file of the extension itself, milliseconds away.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = () => (loading ??= load().then((component) => (loaded = component)));
  function Lazy(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      if (!loaded) void preload().then(() => setReady(true));
    }, []);
    return loaded ? h(loaded, props) : null;
  }
  return Object.assign(Lazy, { preload });
}
