// Sending the new-ticket form: part of its chunk (widget-ticket-form.js), since only the form sends
// tickets. A ticket that cannot reach the server is kept (the form stays busy) and sent again until
// it lands: sooner when the browser is back online or the socket reconnects, else with backoff.
import { newClientId } from '../protocol/client/outbox.ts';
import type { NewTicket, Ticket, VisitorSession } from '../protocol/index.ts';
import { type ApiError, request } from './api.ts';
import type { Store } from './actions.ts';
import { fill } from './i18n/index.ts';
import { formStrings } from './i18n/form.ts';

/** What the store lends the sender: its session, its ticket merge, how many times the visitor was forgotten, and its words for a failure. */
export interface SenderLink {
  session(): Promise<VisitorSession>;
  upsert(ticket: Ticket): void;
  generation(): number;
  describe(e: unknown): string;
}

export function ticketSender(s: Store, link: SenderLink) {
  let queued: { input: NewTicket; timer?: ReturnType<typeof setTimeout>; delay: number } | undefined;
  const retry = () => {
    if (!queued) return;
    clearTimeout(queued.timer);
    void send(queued.input);
  };
  addEventListener('online', retry);

  const send = async (form: NewTicket) => {
    // The clientId makes a retry safe: the server answers it with the ticket it already stored.
    const input = { ...form, clientId: form.clientId ?? newClientId() };
    const generation = link.generation();
    s.busy.value = true;
    s.error.value = '';
    try {
      const ticket = await request<Ticket>(s.ctx.server, '/api/tickets', (await link.session()).visitorToken, input);
      queued = undefined;
      s.busy.value = false;
      s.seen.value = { ...s.seen.value, [ticket.id]: ticket.status };
      link.upsert(ticket);
      s.ctx.emit('ticketCreated', ticket);
      s.go({ name: 'ticket', id: ticket.id });
      return true;
    } catch (e) {
      const f = formStrings(s.t.value.dir);
      const { code, message } = e as ApiError;
      s.error.value = code === 'bad_request' ? fill(f.badRequest, { m: message }) : link.describe(e);
      // Offline: stay busy (the form keeps its text) and try again, sooner when the browser says it is back.
      if (code === 'network' && generation === link.generation()) {
        s.error.value += ' ' + f.willRetry;
        const delay = Math.min(30000, (queued?.delay ?? 500) * 2);
        queued = { input, delay, timer: setTimeout(retry, delay) };
      } else {
        queued = undefined;
        s.busy.value = false;
      }
      return false;
    }
  };

  return {
    send,
    retry,
    /** The visitor was forgotten (reset, identify): their queued ticket is not sent. */
    cancel: () => void (clearTimeout(queued?.timer), (queued = undefined)),
  };
}

export type TicketSender = ReturnType<typeof ticketSender>;
