import { describe, expect, it } from 'vitest';
import { LocalBus } from './bus.ts';
import { fitPayload } from './pg-bus.ts';
import type { BusEvent, Envelope } from './events.ts';

/** The receiving side of a broker bus, fed payloads as the broker hands them over. */
class Wire extends LocalBus {
  received: Envelope[] = [];
  constructor(id: string) {
    super(id);
    this.subscribe((e, local) => void (local ? null : this.received.push(e)));
  }
  payload(event: BusEvent): string {
    return fitPayload(this.envelope(event));
  }
  hear(payload: string | undefined): void {
    this.receiveRemote(payload);
  }
}

describe('a bus hearing payloads from the broker', () => {
  const event: BusEvent = { t: 'read', ticketId: 't1', seq: 3, by: { kind: 'member', id: 'u1' } };

  it('drops its own echoes and delivers the other instances\' events', () => {
    const a = new Wire('instance-a');
    const b = new Wire('instance-b');
    a.hear(a.payload(event));
    expect(a.received).toEqual([]);
    a.hear(b.payload(event));
    expect(a.received).toEqual([{ i: 'instance-b', ...event }]);
  });

  it('tells an id apart from one it begins with, and ignores what is not JSON', () => {
    const a = new Wire('a');
    a.hear(new Wire('ab').payload(event));
    a.hear(JSON.stringify({ ...event, i: 'a' }));
    a.hear('{not json');
    a.hear(undefined);
    expect(a.received.map((e) => e.i)).toEqual(['ab']);
  });
});
