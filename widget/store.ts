// The widget's state: signals read by small components. Only the actions (actions.ts, realtime.ts)
// write to them.
import { computed, effect, type Signal, signal } from '@preact/signals';
import type { OutboxItem, SocketState } from '../protocol/client/index.ts';
import type { Message, PresenceEntry, Ticket, VisitorSession } from '../protocol/index.ts';
import type { LoaderContext, Theme } from './contract.ts';
import type { Upload } from './upload.ts';
import { en, lang, loadStrings, type Strings } from './i18n/index.ts';
import { load } from './storage.ts';

export type View = { name: 'home' } | { name: 'new' } | { name: 'ticket'; id: string };

/** What the store needs from the loader (tests pass a plain object). */
export type StoreContext = Pick<LoaderContext, 'siteKey' | 'server' | 'theme' | 'locale' | 'identity' | 'resume' | 'emit' | 'badge' | 'opened'> & {
  launcher?: HTMLElement;
};

export function createState(ctx: StoreContext) {
  const locale = signal(ctx.locale || navigator.language);
  const tickets = signal<Ticket[]>([]);
  const messages = signal<Record<string, Message[]>>({});
  const seen = signal<Record<string, string>>(load(ctx.siteKey, 'seen', {}));
  const t = signal<Strings>(en);
  /** The locale whose strings are in `t`. The panel waits for the first ones, so an Arabic page never flashes English; a later switch keeps the old ones until the new arrive. */
  const shown = signal('');
  effect(() => {
    const want = locale.value;
    const got = loadStrings(want);
    const apply = (strings: Strings) => locale.peek() === want && ((t.value = strings), (shown.value = want));
    if (got instanceof Promise) void got.then(apply, () => apply(en));
    else apply(got);
  });
  const state = {
    ctx,
    isOpen: signal(false),
    /** Restored after a reload, so the customer comes back to the conversation they were in. */
    view: signal<View>(load(ctx.siteKey, 'view', { name: 'home' })),
    locale,
    t,
    stringsReady: computed(() => !!shown.value),
    theme: signal<Theme>({ ...ctx.theme }),
    session: signal<VisitorSession | null>(null),
    tickets,
    messages,
    /** Messages not stored by the server yet (the outbox). */
    pending: signal<OutboxItem[]>(load(ctx.siteKey, 'outbox', [])),
    /** ticketId → the files attached in its composer, uploading or uploaded (upload.ts, in the attachments chunk). */
    uploads: signal<Record<string, Upload[]>>({}),
    /** ticketId → name of the staff member typing there. */
    typists: signal<Record<string, string>>({}),
    /** ticketId → highest seq the staff side has read. */
    theirRead: signal<Record<string, number>>({}),
    /** Unsent text: ticketId → the composer's, `new` → the ticket form's description. Kept across closing the panel and reloads. */
    drafts: signal<Record<string, string>>(load(ctx.siteKey, 'drafts', {})),
    /** ticketId → the status the customer has seen; a different one is news. */
    seen,
    connection: signal<SocketState>('closed'),
    /** Staff online (from presence); null until known. */
    staff: signal<PresenceEntry[] | null>(null),
    /** The site's median first response in seconds (GET /api/reply-time); null when unknown. */
    replyTime: signal<number | null>(null),
    /** ticketId → its place in the auto-routing queue (1 = next); null or missing once it no longer waits. */
    queue: signal<Record<string, number | null>>({}),
    /** The latest status change, announced politely. */
    notice: signal(''),
    /** A failure to show (start-up, form submit). */
    error: signal(''),
    busy: signal(false),
    unreadOf(ticket: Ticket): number {
      const read = ticket.readSeq ?? 0;
      const list = messages.value[ticket.id];
      return list ? list.filter((m) => m.seq > read && m.author.kind !== 'customer').length : Math.max(0, ticket.lastSeq - read);
    },
  };
  const badge = computed(() => tickets.value.reduce((n, tk) => n + state.unreadOf(tk) + (seen.value[tk.id] === tk.status ? 0 : 1), 0));
  return { ...state, badge };
}

export type State = ReturnType<typeof createState>;

/** Sets one key of a signal holding a record (a new object, so readers update). */
export const put = <T>(sig: Signal<Record<string, T>>, key: string, value: T) => void (sig.value = { ...sig.value, [key]: value });

/** The ticket with this id, if known. */
export const ticketById = (s: State, id: string) => s.tickets.value.find((tk) => tk.id === id);

/** A category's name in the customer's language, from the site's `categoryLabels`; the name itself (what the server stores) otherwise. */
export const categoryLabel = (s: State, category: string) => s.session.value?.site.categoryLabels?.[lang(s.locale.value)]?.[category] ?? category;
