// The widget's live side: one RealtimeSocket, an outbox kept in storage, and a TicketSubscription
// per ticket the customer chats on or reads. Writes the store's signals as events arrive.
import { Outbox, RealtimeSocket, TicketSubscription } from '../protocol/client/index.ts';
import type { Message, Ticket } from '../protocol/index.ts';
import { save } from './storage.ts';
import { ticketById, type State } from './store.ts';

export interface Realtime {
  /** Subscribes to a ticket's room (history, messages, typing, read) once. */
  follow(ticket: Ticket): void;
  send(ticketId: string, body: string): void;
  retry(clientId: string): void;
  typing(ticketId: string): void;
  read(ticketId: string, seq: number): void;
  /** Waits (bounded) until nothing is left to send, e.g. before a log-out. */
  drain(ms: number): Promise<void>;
  close(): void;
}

export interface RealtimeHooks {
  token(): Promise<string>;
  /** The token was refused: get a fresh session before the next attempt. */
  unauthorized(): void;
  upsert(ticket: Ticket): void;
  /** Reload the tickets (after a reconnect). */
  refresh(): void;
}

export function createRealtime(s: State, { token, unauthorized, upsert, refresh }: RealtimeHooks): Realtime {
  const { ctx } = s;
  const socket = new RealtimeSocket(ctx.server.replace(/^http/, 'ws') + '/ws', { auth: token });
  const outbox = new Outbox(socket, { items: s.pending.value });
  const subs = new Map<string, TicketSubscription>();
  const timers: Record<string, ReturnType<typeof setTimeout>> = {};
  let readies = 0;

  const append = (m: Message) => {
    const list = s.messages.value[m.ticketId] ?? [];
    if (list.some((x) => x.seq === m.seq)) return;
    s.messages.value = { ...s.messages.value, [m.ticketId]: [...list, m].sort((a, b) => a.seq - b.seq) };
  };

  outbox.onChange((items) => {
    s.pending.value = items;
    save(ctx.siteKey, 'outbox', items.length ? items : null);
  });
  outbox.onSent((m) => (subs.get(m.ticketId) ? subs.get(m.ticketId)!.receive(m) : append(m)));
  socket.onState((state) => (s.connection.value = state));
  socket.on('ready', () => {
    // Status changes are not replayed: after a reconnect, ask for the tickets again.
    if (readies++) refresh();
  });
  socket.on('error', (f) => f.code === 'unauthorized' && unauthorized());
  socket.on('presence', (f) => {
    if (!f.ticketId) s.staff.value = f.online.filter((p) => p.kind !== 'customer');
  });
  socket.on('ticket_created', (f) => upsert(f.ticket));
  for (const type of ['ticket_accepted', 'ticket_rejected', 'ticket_closed'] as const) socket.on(type, (f) => upsert(f.ticket));

  const realtime: Realtime = {
    follow(ticket) {
      if (subs.has(ticket.id)) return;
      const known = ticket.lastSeq;
      subs.set(
        ticket.id,
        new TicketSubscription(socket, ticket.id, {
          message(m) {
            append(m);
            if (m.author.kind === 'customer') return;
            clearTimeout(timers[m.ticketId]);
            s.typists.value = { ...s.typists.value, [m.ticketId]: '' };
            // History replayed on join is not news for the site owner's listeners.
            if (m.seq > known) ctx.emit('message', m);
          },
          ticket: upsert,
          typing(author) {
            if (author.kind === 'customer') return;
            s.typists.value = { ...s.typists.value, [ticket.id]: author.name || s.t.value.title };
            clearTimeout(timers[ticket.id]);
            timers[ticket.id] = setTimeout(() => (s.typists.value = { ...s.typists.value, [ticket.id]: '' }), 4000);
          },
          read(seq, by) {
            if (by.kind !== 'customer' && seq > (s.theirRead.value[ticket.id] ?? 0)) s.theirRead.value = { ...s.theirRead.value, [ticket.id]: seq };
          },
          error: () => (s.error.value = s.t.value.errors.other!),
        }, (s.messages.value[ticket.id] ?? []).at(-1)?.seq ?? 0),
      );
    },
    send: (ticketId, body) => void outbox.send(ticketId, body),
    retry: (clientId) => outbox.retry(clientId),
    typing: (ticketId) => subs.get(ticketId)?.typing(),
    read(ticketId, seq) {
      subs.get(ticketId)?.read(seq);
      const tk = ticketById(s, ticketId);
      if (tk && (tk.readSeq ?? 0) < seq) upsert({ ...tk, readSeq: seq });
    },
    async drain(ms) {
      for (let waited = 0; waited < ms && socket.state === 'open' && outbox.items.some((i) => i.state === 'sending'); waited += 50) {
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close() {
      subs.forEach((sub) => sub.leave());
      socket.close();
    },
  };
  socket.connect();
  return realtime;
}
