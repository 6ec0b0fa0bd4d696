import { type ComponentType, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads the first time it is drawn, so that the popup's first paint
 * carries only what the list needs (README, Performance: popup JS ≤ 20 KiB gzip). Until its code
 * is there it draws nothing: a file of the extension itself, milliseconds away. `preload` fetches
 * it ahead, where drawing it late would move what the user was just shown.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { preload(): Promise<unknown> } {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => void (loaded = component),
      // A file that failed to load (the extension was updated meanwhile) is asked for again next time.
      () => void (loading = undefined),
    ));
  function Lazy(props: P) {
    const [, setReady] = useState(false);
    // What this render drew: the code may arrive between the render and the effect (another
    // instance asked first), and the effect must still draw again then.
    const drawn = loaded;
    useEffect(() => {
      if (drawn) return;
      void preload().then(() => setReady(loaded !== undefined));
    }, [drawn]);
    return drawn ? h(drawn, props) : null;
  }
  return Object.assign(Lazy, { preload });
}
