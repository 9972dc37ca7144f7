// A component kept in a chunk of its own (widget-<name>.js), fetched the first time it is drawn or
// preloaded earlier; until it arrives it draws nothing.
import { type FunctionComponent, h } from 'preact';
import { useState } from 'preact/hooks';

export function lazy<P>(load: () => Promise<FunctionComponent<P>>) {
  let loaded: FunctionComponent<P> | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = () => (loading ??= load().then((c) => (loaded = c), () => (loading = undefined)));
  function Lazy(props: P & {}) {
    const [, redraw] = useState(0);
    if (loaded) return h(loaded, props);
    void preload().then(() => redraw(1));
    return null;
  }
  return Object.assign(Lazy, { preload });
}
