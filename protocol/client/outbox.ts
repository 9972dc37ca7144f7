import type { Attachment } from '../attachments.ts';
import type { Message } from '../messages.ts';
import type { RealtimeSocket } from './socket.ts';

export type OutboxState = 'sending' | 'failed';

/** A message the server has not stored yet. Once acked it leaves the outbox and becomes a `Message`. */
export interface OutboxItem {
  clientId: string;
  ticketId: string;
  body: string;
  /** An internal note (staff only). */
  internal?: boolean;
  /** Uploaded files the message carries (their ids go on the frame; kept whole so the sender sees them while it is pending). */
  attachments?: Attachment[];
  state: OutboxState;
  /** Why it failed, in the server's words. */
  error?: string;
  /** @internal timeouts on a live connection */
  tries: number;
}

export interface OutboxOptions {
  /** Wait for an ack this long before resending (with the same clientId). */
  timeoutMs?: number;
  /** Timeouts on a live connection before the item is marked failed. */
  maxTries?: number;
  /** Items left over from an earlier page (e.g. kept in storage). */
  items?: OutboxItem[];
}

/** A random id usable as `clientId`; works on plain-http pages too, where `crypto.randomUUID` is missing. */
export function newClientId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Messages waiting for the server. Each keeps its clientId for life, so a resend (after a timeout or a
 * reconnect) is stored once; they go out one at a time, in the order they were written.
 */
export class Outbox {
  items: OutboxItem[];
  private _socket: RealtimeSocket;
  private _timeoutMs: number;
  private _maxTries: number;
  private _inFlight: OutboxItem | null = null;
  /** Set while the server asked us to wait (`rate_limited`): nothing goes out until it fires. */
  private _holdOff: ReturnType<typeof setTimeout> | undefined;
  private _changeListeners = new Set<(items: OutboxItem[]) => void>();
  private _sentListeners = new Set<(message: Message, item: OutboxItem) => void>();

  constructor(socket: RealtimeSocket, opts: OutboxOptions = {}) {
    this._socket = socket;
    this._timeoutMs = opts.timeoutMs ?? 10000;
    this._maxTries = opts.maxTries ?? 3;
    this.items = opts.items?.map((item) => ({ ...item, tries: 0 })) ?? [];
    socket.on('ready', () => this._pump());
    this._pump();
  }

  /** Queues a message (with files already uploaded, if any); it goes out now or as soon as the socket is back. */
  send(ticketId: string, body: string, internal = false, attachments: Attachment[] = []): OutboxItem {
    const item: OutboxItem = { clientId: newClientId(), ticketId, body, state: 'sending', tries: 0, ...(internal ? { internal } : {}), ...(attachments.length ? { attachments } : {}) };
    this.items = [...this.items, item];
    this._changed();
    this._pump();
    return item;
  }

  /** Tries a failed message again, with its original clientId. */
  retry(clientId: string): void {
    this._update(clientId, { state: 'sending', error: undefined, tries: 0 });
    this._pump();
  }

  /**
   * A stored message seen on the socket: its item, if any, is done even before the ack arrives
   * (the room's `message` can overtake the sender's `ack`), so it is never shown twice.
   */
  delivered(message: Message): void {
    if (!this.items.some((i) => i.clientId === message.clientId && i.ticketId === message.ticketId)) return;
    this.items = this.items.filter((i) => i.clientId !== message.clientId);
    this._changed();
  }

  onChange(listener: (items: OutboxItem[]) => void): () => void {
    this._changeListeners.add(listener);
    return () => this._changeListeners.delete(listener);
  }

  /** Called with the stored message when the server acknowledges one. */
  onSent(listener: (message: Message, item: OutboxItem) => void): () => void {
    this._sentListeners.add(listener);
    return () => this._sentListeners.delete(listener);
  }

  private async _pump(): Promise<void> {
    const item = this.items.find((i) => i.state === 'sending');
    if (!item || this._inFlight || this._holdOff || this._socket.state !== 'open') return;
    this._inFlight = item;
    const { clientId, ticketId, body, internal, attachments } = item;
    const ids = attachments?.map((a) => a.id);
    const result = await this._socket.push({ type: 'message', ticketId, clientId, body, ...(internal ? { internal } : {}), ...(ids?.length ? { attachments: ids } : {}) }, this._timeoutMs).result;
    this._inFlight = null;
    if (result.status === 'ack' && result.reply.message) {
      this.items = this.items.filter((i) => i.clientId !== clientId);
      this._changed();
      for (const listener of [...this._sentListeners]) listener(result.reply.message, item);
    } else if (result.status === 'error' && result.code === 'rate_limited' && result.retryAfterMs !== undefined) {
      // Over the fair-use limit: not the message's fault, so it waits as long as told and goes again.
      this._holdOff = setTimeout(() => {
        this._holdOff = undefined;
        this._pump();
      }, result.retryAfterMs);
      return;
    } else if (result.status === 'error') {
      this._update(clientId, { state: 'failed', error: result.message });
    } else if (this._socket.state === 'open') {
      // A timeout on a live connection: resend as is; the server stores a clientId once.
      const tries = item.tries + 1;
      this._update(clientId, tries >= this._maxTries ? { state: 'failed', tries } : { tries });
    }
    // Otherwise the connection dropped: the item stays `sending` and goes out on the next `ready`.
    this._pump();
  }

  private _update(clientId: string, patch: Partial<OutboxItem>): void {
    this.items = this.items.map((item) => (item.clientId === clientId ? { ...item, ...patch } : item));
    this._changed();
  }

  private _changed(): void {
    for (const listener of [...this._changeListeners]) listener(this.items);
  }
}
