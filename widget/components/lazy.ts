// A component kept in a chunk of its own (widget-<name>.js), fetched the first time it is drawn or
// preloaded earlier; until it arrives it draws nothing. `name` picks the component from the chunk's
// module (one loader can serve several components of a chunk).
import { signal } from '@preact/signals';
import { type FunctionComponent, h } from 'preact';

export function lazy<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  type P = M[K] extends FunctionComponent<infer Q> ? Q : never;
  // A signal: every place drawing this component redraws once it arrives.
  const loaded = signal<FunctionComponent<P>>();
  let loading: Promise<unknown> | undefined;
  const preload = () => (loading ??= load().then((m) => (loaded.value = m[name] as FunctionComponent<P>), () => (loading = undefined)));
  function Lazy(props: P & {}) {
    if (loaded.value) return h(loaded.value, props);
    void preload();
    return null;
  }
  return Object.assign(Lazy, { preload });
}
