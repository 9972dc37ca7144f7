import type { ErrorCode } from '../errors.ts';
import type { ClientFrame, ServerFrame } from '../frames.ts';

export type AckFrame = Extract<ServerFrame, { type: 'ack' }>;
/** How a request ended: answered, refused, or no answer in time (or the connection it went out on dropped). */
export type PushResult =
  | { status: 'ack'; reply: AckFrame }
  | { status: 'error'; code: ErrorCode; message: string; retryAfterMs?: number }
  | { status: 'timeout' };

/**
 * One request carrying a `ref`. It settles exactly once; its timeout starts when the frame actually
 * goes on the wire, so a request buffered while offline does not time out before it was sent.
 */
export class Push {
  readonly frame: ClientFrame & { ref: string };
  readonly result: Promise<PushResult>;
  done = false;
  private _timeoutMs: number;
  private _settle!: (result: PushResult) => void;
  private _handle: ReturnType<typeof setTimeout> | undefined;

  constructor(frame: ClientFrame & { ref: string }, timeoutMs: number) {
    this.frame = frame;
    this._timeoutMs = timeoutMs;
    this.result = new Promise((resolve) => (this._settle = resolve));
  }

  /** @internal The socket wrote the frame: start the clock. */
  sent(): void {
    clearTimeout(this._handle);
    this._handle = setTimeout(() => this.resolve({ status: 'timeout' }), this._timeoutMs);
  }

  /** @internal Settles the push; later calls are ignored. */
  resolve(result: PushResult): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this._handle);
    this._settle(result);
  }
}
