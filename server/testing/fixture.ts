import { afterAll, beforeAll } from 'vitest';
import type { Ticket } from '../../protocol/index.ts';
import { cast, newTicket, type TestSocket } from './api.ts';
import type { Config } from '../config.ts';
import { startTestServer, type TestServer } from './test-server.ts';

export interface Fixture {
  server: TestServer;
  c: Awaited<ReturnType<typeof cast>>;
  /** A ticket of `c.customer`, accepted by `c.member`. */
  ticket: Ticket;
  /** Sockets to close after the file's tests. */
  sockets: TestSocket[];
}

/** Registers hooks that start a server with the usual cast and an assigned ticket, and tear it down. */
export function useAssignedTicket(config?: Partial<Config>): Fixture {
  const f = { sockets: [] as TestSocket[] } as unknown as Fixture;
  beforeAll(async () => {
    f.server = await startTestServer({ config });
    f.c = await cast(f.server.url, f.server.admin);
    f.ticket = (await newTicket(f.c.customer)).body;
    await f.c.member.post(`/api/tickets/${f.ticket.id}/accept`);
  });
  afterAll(async () => {
    for (const s of f.sockets) s.close();
    await f.server?.close();
  });
  return f;
}
