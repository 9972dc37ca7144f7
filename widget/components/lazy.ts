// A component kept in a chunk of its own (widget-<name>.js), fetched the first time it is drawn or
// preloaded earlier; until it arrives it draws nothing. `name` picks the component from the chunk's
// module (one loader can serve several components of a chunk).
import { type FunctionComponent, h } from 'preact';
import { useState } from 'preact/hooks';

export function lazy<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  type P = M[K] extends FunctionComponent<infer Q> ? Q : never;
  let loaded: FunctionComponent<P> | undefined;
  let loading: Promise<unknown> | undefined;
  const preload = () => (loading ??= load().then((m) => (loaded = m[name] as FunctionComponent<P>), () => (loading = undefined)));
  function Lazy(props: P & {}) {
    const [, redraw] = useState(0);
    if (loaded) return h(loaded, props);
    void preload().then(() => redraw(1));
    return null;
  }
  return Object.assign(Lazy, { preload });
}
