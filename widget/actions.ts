// The store: state (store.ts) plus every action that changes it. Components call these only.
import { batch, effect } from '@preact/signals';
import type { Attachment, Identity, NewTicket, ReplyTime, Ticket, VisitorSession } from '../protocol/index.ts';
import { type ApiError, request } from './api.ts';
import type { Theme } from './contract.ts';
import { fill } from './i18n/index.ts';
import type { TicketSender } from './new-ticket.ts';
import { createRealtime, type Realtime } from './realtime.ts';
import { load, save } from './storage.ts';
import { categoryLabel, createState, ticketById, type StoreContext, type View } from './store.ts';

export function createStore(ctx: StoreContext) {
  const s = createState(ctx);
  const { siteKey, server } = ctx;
  let session: Promise<VisitorSession> | undefined;
  let live: Realtime | undefined;
  let starting: Promise<void> | undefined;
  /** The identity the current session was made with. */
  let signedAs: Identity | undefined;
  let forgotten = 0;

  /** Plain words for a failure, in the current language. */
  const describe = (e: unknown) => {
    const errors = s.t.value.errors;
    return errors[(e as ApiError).code] ?? errors.other!;
  };

  /** One visitor session per generation; a failed attempt is retried by the next caller. */
  const ensureSession = (): Promise<VisitorSession> => {
    if (session) return session;
    const generation = forgotten;
    signedAs = ctx.identity;
    // Undefined fields vanish in JSON: a first visit sends no token, an anonymous one no identity.
    // `context` tells staff the page and browser the customer writes from (the server adds the user agent).
    const context = { pageUrl: location.href, pageTitle: document.title, referrer: document.referrer, locale: navigator.language, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
    const body = { siteKey, visitorToken: load(siteKey, 'token', undefined), identity: ctx.identity, resumeToken: ctx.resume, context };
    return (session = request<VisitorSession>(server, '/api/visitor', null, body).then(
      (v) => {
        // A session for a visitor forgotten meanwhile is not stored.
        if (generation === forgotten) {
          save(siteKey, 'token', v.visitorToken);
          s.session.value = v;
          // A resume link opens its conversation (the server knows which).
          if (ctx.resume && v.ticketId) s.view.value = { name: 'ticket', id: v.ticketId };
        }
        ctx.resume = undefined;
        return v;
      },
      (e) => {
        session = undefined;
        // A link that expired says so, and the widget goes on as it would without it.
        if (!ctx.resume) throw e;
        ctx.resume = undefined;
        s.notice.value = s.t.value.resumeFailed;
        return ensureSession();
      },
    ));
  };

  const upsert = (ticket: Ticket) => {
    const before = ticketById(s, ticket.id);
    batch(() => {
      s.tickets.value = before ? s.tickets.value.map((tk) => (tk.id === ticket.id ? { ...tk, ...ticket, readSeq: Math.max(ticket.readSeq ?? 0, tk.readSeq ?? 0) } : tk)) : [ticket, ...s.tickets.value];
      const v = s.view.value;
      // The open ticket's own note already says it was rejected or closed (and is announced).
      const shown = v.name === 'ticket' && v.id === ticket.id && ticket.status !== 'assigned';
      if (before && before.status !== ticket.status && ticket.status !== 'open' && !shown) {
        s.notice.value = fill(s.t.value.notice[ticket.status], { name: ticket.assignee?.name ?? '', c: categoryLabel(s, ticket.category) });
      }
    });
    if (ticket.status === 'assigned') live?.follow(ticket);
  };

  const loadTickets = async () => {
    const generation = forgotten;
    const token = (await ensureSession()).visitorToken;
    // What the header promises ("We typically reply in …"); unknown is fine, so failures are quiet.
    void request<ReplyTime>(server, '/api/reply-time', token).then((r) => generation === forgotten && (s.replyTime.value = r.medianFirstResponseSeconds), () => {});
    const { tickets } = await request<{ tickets: Ticket[] }>(server, '/api/tickets', token);
    // An answer for a visitor forgotten meanwhile (identify, reset) is dropped.
    if (generation !== forgotten) return;
    batch(() => {
      // First visit on this browser: what exists now is not news.
      if (!Object.keys(s.seen.value).length) s.seen.value = Object.fromEntries(tickets.map((tk) => [tk.id, tk.status]));
      tickets.forEach(upsert);
      // A view restored after a reload whose ticket is gone (another visitor now) falls back home.
      const v = s.view.value;
      if (v.name === 'ticket' && !tickets.some((tk) => tk.id === v.id)) s.view.value = { name: 'home' };
    });
  };

  const connect = () => {
    live = createRealtime(s, {
      token: async () => (await ensureSession()).visitorToken,
      unauthorized: () => {
        save(siteKey, 'token', null);
        session = undefined;
      },
      // The token was revoked: start again. The server answers a dead stored token with a new
      // visitor, and another tab's newer token (after its identify) with that tab's customer.
      revoked: () => (forget(), void start()),
      upsert,
      refresh: () => (sender?.retry(), void loadTickets().catch(() => {})),
    });
    s.tickets.value.forEach((tk) => tk.status === 'assigned' && live!.follow(tk));
  };

  /** Signs in as a visitor, loads the tickets and goes live. Retried on the next open after a failure. */
  const start = () =>
    (starting ??= (async () => {
      s.error.value = '';
      try {
        await loadTickets();
        connect();
      } catch (e) {
        s.error.value = describe(e);
        starting = undefined;
      }
    })());

  const forget = () => {
    forgotten++;
    sender?.cancel();
    s.busy.value = false;
    live?.close();
    live = undefined;
    session = starting = undefined;
    batch(() => {
      s.session.value = null;
      s.tickets.value = [];
      s.messages.value = {};
      s.typists.value = {};
      s.theirRead.value = {};
      s.staff.value = null;
      s.notice.value = s.error.value = '';
      s.view.value = { name: 'home' };
    });
  };

  /** Sends the form's tickets; it comes with the form's chunk (new-ticket.ts). */
  let sender: TicketSender | undefined;

  const actions = {
    open() {
      if (s.isOpen.value) return;
      s.isOpen.value = true;
      ctx.opened(true);
      ctx.emit('opened');
      void start();
    },
    close() {
      if (!s.isOpen.value) return;
      s.isOpen.value = false;
      ctx.opened(false);
      ctx.emit('closed');
      ctx.launcher?.focus();
    },
    go(view: View) {
      batch(() => {
        s.view.value = view;
        s.error.value = '';
        s.notice.value = '';
      });
      const tk = view.name === 'ticket' && ticketById(s, view.id);
      // Closed and rejected tickets are joined only to read their history.
      if (tk && tk.lastSeq) live?.follow(tk);
    },
    /** Sends a new ticket (the form's chunk is fetched if it is not here yet); true once it is stored. */
    createTicket: (form: NewTicket): Promise<boolean> =>
      import('./components/ticket-form.tsx').then((m) => (sender ??= m.ticketSender(store, { session: ensureSession, upsert, generation: () => forgotten, describe })).send(form)),
    send: (ticketId: string, body: string, attachments?: Attachment[]) => live?.send(ticketId, body, attachments),
    retry: (clientId: string) => live?.retry(clientId),
    typing: (ticketId: string) => live?.typing(ticketId),
    /** Moves to the verified customer (the server carries the visitor's open tickets over); the same identity again changes nothing. */
    async identify(identity: Identity) {
      if (signedAs && identity.id === signedAs.id && identity.hash === signedAs.hash) return;
      ctx.identity = identity;
      if (!starting) return; // the first start signs in with it
      await starting;
      await live?.drain();
      forget();
      await start();
    },
    async reset() {
      await live?.drain();
      const old = s.session.value?.visitorToken;
      ctx.identity = undefined;
      save(siteKey, 'token', null);
      save(siteKey, 'seen', null);
      save(siteKey, 'outbox', null);
      s.pending.value = [];
      s.drafts.value = {};
      s.seen.value = {};
      forget();
      // The server ends the old token and closes its sockets in other tabs (4001).
      if (old) void request(server, '/api/visitor/reset', old, {}).catch(() => {});
      if (s.isOpen.value) await start();
    },
    setLocale: (locale: string) => void (s.locale.value = locale),
    setTheme: (theme: Theme) => void (s.theme.value = { ...s.theme.value, ...theme }),
  };

  // Seeing the list (or a ticket) while the panel is open makes its status changes no longer news.
  effect(() => {
    if (!s.isOpen.value) return;
    const v = s.view.value;
    const shown = s.tickets.value.filter((tk) => v.name !== 'ticket' || tk.id === v.id);
    if (shown.some((tk) => s.seen.value[tk.id] !== tk.status)) {
      s.seen.value = { ...s.seen.value, ...Object.fromEntries(shown.map((tk) => [tk.id, tk.status])) };
    }
  });
  effect(() => {
    save(siteKey, 'seen', s.seen.value);
    const t = s.t.value;
    const title = s.theme.value.title || t.title;
    ctx.badge(s.badge.value, (n) => (s.badge.value ? fill(t.launcherUnread, { title, n }) : title));
  });
  effect(() => save(siteKey, 'view', s.view.value));
  effect(() => save(siteKey, 'drafts', s.drafts.value));
  // Messages shown in the open chat are read.
  effect(() => {
    const v = s.view.value;
    if (!s.isOpen.value || v.name !== 'ticket') return;
    const last = s.messages.value[v.id]?.at(-1)?.seq ?? 0;
    if (last > (ticketById(s, v.id)?.readSeq ?? 0)) live?.read(v.id, last);
  });

  const store = { ...s, ...actions, start };
  return store;
}

export type Store = ReturnType<typeof createStore>;
