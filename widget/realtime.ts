// The widget's live side: one RealtimeSocket, an outbox kept in storage, and a TicketSubscription
// per ticket the customer chats on or reads. Writes the store's signals as events arrive.
import { Outbox, RealtimeSocket, TicketSubscription } from '../protocol/client/index.ts';
import type { Attachment, Message, Ticket } from '../protocol/index.ts';
import { save } from './storage.ts';
import { put, ticketById, type State } from './store.ts';

export interface Realtime {
  /** Subscribes to a ticket's room (history, messages, typing, read) once. */
  follow(ticket: Ticket): void;
  send(ticketId: string, body: string, attachments?: Attachment[]): void;
  retry(clientId: string): void;
  typing(ticketId: string): void;
  read(ticketId: string, seq: number): void;
  /** Waits (bounded) until nothing is left to send, e.g. before a log-out. */
  drain(): Promise<void>;
  close(): void;
}

export interface RealtimeHooks {
  token(): Promise<string>;
  /** The token was refused: get a fresh session before the next attempt. */
  unauthorized(): void;
  /** The server revoked the token (close code 4001: replaced by an identify or reset elsewhere, secret rotated). */
  revoked(): void;
  upsert(ticket: Ticket): void;
  /** Reload the tickets (status changes are not replayed). */
  refresh(): void;
}

export function createRealtime(s: State, { token, unauthorized, revoked, upsert, refresh }: RealtimeHooks): Realtime {
  const { ctx } = s;
  const socket = new RealtimeSocket(ctx.server.replace(/^http/, 'ws') + '/ws', { auth: token });
  const outbox = new Outbox(socket, { items: s.pending.value });
  const subs = new Map<string, TicketSubscription>();
  let typingTimer: ReturnType<typeof setTimeout>;
  const typist = (id: string, name = '') => {
    clearTimeout(typingTimer);
    put(s.typists, id, name);
    if (name) typingTimer = setTimeout(() => put(s.typists, id, ''), 4000);
  };
  const append = (m: Message) => {
    const list = s.messages.value[m.ticketId] ?? [];
    if (!list.some((x) => x.seq === m.seq)) put(s.messages, m.ticketId, [...list, m].sort((a, b) => a.seq - b.seq));
  };

  outbox.onChange((items) => save(ctx.siteKey, 'outbox', (s.pending.value = items)));
  outbox.onSent((m) => (subs.get(m.ticketId)?.receive(m), append(m)));
  socket.onState((state) => (s.connection.value = state));
  // Ticket events sent while the socket was not yet (or no longer) authenticated are not replayed:
  // every `ready`, the first one included, reloads the tickets.
  socket.on('ready', refresh);
  socket.on('error', (f) => f.code === 'unauthorized' && unauthorized());
  socket.onRevoked = revoked;
  socket.on('presence', (f) => f.ticketId || (s.staff.value = f.online.filter((p) => p.kind !== 'customer')));
  socket.on('queue', (f) => put(s.queue, f.ticketId, f.position));
  for (const type of ['ticket_created', 'ticket_accepted', 'ticket_rejected', 'ticket_closed', 'ticket_updated'] as const) socket.on(type, (f) => upsert(f.ticket));
  socket.connect();

  return {
    follow(ticket) {
      const { id, lastSeq } = ticket;
      if (subs.has(id)) return;
      const handlers = {
        message(m: Message) {
          outbox.delivered(m);
          append(m);
          if (m.author.kind === 'customer') return;
          typist(id);
          // History replayed on join is not news for the site owner's listeners.
          if (m.seq > lastSeq) ctx.emit('message', m);
        },
        ticket: upsert,
        typing: (author: Message['author']) => author.kind !== 'customer' && typist(id, author.name || s.t.value.title),
        read: (seq: number, by: Message['author']) => by.kind !== 'customer' && seq > (s.theirRead.value[id] ?? 0) && put(s.theirRead, id, seq),
        error: () => (s.error.value = s.t.value.errors.other!),
      };
      subs.set(id, new TicketSubscription(socket, id, handlers, s.messages.value[id]?.at(-1)?.seq));
    },
    send: (ticketId, body, attachments) => void outbox.send(ticketId, body, false, attachments),
    retry: (clientId) => outbox.retry(clientId),
    typing: (ticketId) => subs.get(ticketId)?.typing(),
    read(ticketId, seq) {
      subs.get(ticketId)?.read(seq);
      upsert({ ...ticketById(s, ticketId)!, readSeq: seq });
    },
    async drain() {
      for (let i = 0; i < 60 && socket.state === 'open' && outbox.items.some((item) => item.state === 'sending'); i++) await new Promise((r) => setTimeout(r, 50));
    },
    close() {
      subs.forEach((sub) => sub.leave());
      socket.close();
    },
  };
}
