// Helpers for the console's component tests (run by @web/test-runner in real Chromium).
import type { LitElement } from 'lit';
import type { Message, Ticket } from '../../protocol/index.ts';

let n = 0;

export function makeTicket(over: Partial<Ticket> = {}): Ticket {
  n++;
  return {
    id: `t${n}`,
    siteId: 's1',
    customer: { id: `c${n}`, name: `Customer ${n}` },
    category: 'Billing',
    urgency: 'medium',
    description: `Problem number ${n}`,
    status: 'open',
    assignee: null,
    rejectReason: null,
    createdAt: new Date(Date.now() - n * 60000).toISOString(),
    acceptedAt: null,
    rejectedAt: null,
    closedAt: null,
    lastSeq: 0,
    readSeq: 0,
    ...over,
  };
}

export function makeMessage(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    ticketId: 't1',
    seq,
    clientId: `cid${seq}`,
    author: { kind: 'customer', id: 'c1', name: 'Ada' },
    body: `message ${seq}`,
    createdAt: new Date().toISOString(),
    ...over,
  };
}

/** Creates an element, sets its properties, attaches it and waits for its first render. */
export async function mount<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): Promise<HTMLElementTagNameMap[K]> {
  const el = document.createElement(tag);
  Object.assign(el, props);
  document.body.append(el);
  await (el as unknown as LitElement).updateComplete;
  return el;
}

export async function settle(el: Element): Promise<void> {
  await (el as LitElement).updateComplete;
}

/** Waits until `check` returns a truthy value (or fails after ~2 s). */
export async function until<T>(check: () => T, what = 'condition'): Promise<NonNullable<T>> {
  for (let i = 0; i < 100; i++) {
    const value = check();
    if (value) return value as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Collects the `detail` of every `name` event reaching `target`. */
export function record<T = unknown>(target: EventTarget, name: string): T[] {
  const seen: T[] = [];
  target.addEventListener(name, (e) => seen.push((e as CustomEvent<T>).detail));
  return seen;
}

type Route = (url: URL, init?: RequestInit) => { status?: number; body: unknown } | undefined;

/** Replaces window.fetch for an element test (the real server is exercised by the e2e suite); returns the restore. */
export function stubFetch(route: Route): () => void {
  const original = window.fetch;
  window.fetch = async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input), location.href);
    const answer = route(url, init);
    if (!answer) return new Response(JSON.stringify({ error: { code: 'not_found', message: 'no such route' } }), { status: 404 });
    return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200, headers: { 'content-type': 'application/json' } });
  };
  return () => (window.fetch = original);
}

export function cleanup(): void {
  document.body.replaceChildren();
}
