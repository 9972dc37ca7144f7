import { LitElement, html, nothing } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { mayAccept, mayClose, mayHandOver, mayNote, maySend, timelineOrder, type CannedResponse, type MemberLoad, type Message, type Participant, type Ticket, type TicketEvent, type User } from '../protocol/index.ts';
import type { OutboxItem } from '../protocol/client/index.ts';
import { api, errorText } from './api.ts';
import { emit } from './emit.ts';
import { earliestExpiry } from './file-links.ts';
import { customerName } from './format.ts';
import type { RealtimeController } from './realtime-controller.ts';
import { ShortcutController } from './shortcuts.ts';
import { theme } from './theme.styles.ts';
import { styles } from './parley-chat-view.styles.ts';
import type { OutgoingMessage } from './parley-composer.ts';
import './parley-composer.ts';
import './parley-customer-panel.ts';
import './parley-label-editor.ts';
import './parley-message-list.ts';
import './parley-state.ts';
import './parley-ticket-details.ts';
import './parley-transfer.ts';

const TYPING_SHOWN_MS = 4000;
/** Fetch fresh file links this long before the first one expires. */
const FILE_LINKS_AHEAD_MS = 2 * 60_000;

/**
 * The chat window as a split view: the customer and the ticket's details on the left, the live
 * conversation on the right.
 * Joins the ticket's room through the shared socket, resumes from the last seq after a reconnect,
 * and sends through the shared outbox (each message once, with its sending state).
 * Keys: `a` accepts an open ticket, `r` puts the cursor in the reply field.
 * @attr ticket-id - the ticket to show
 * @prop user - the signed-in staff user
 * @prop realtime - the app's RealtimeController
 * @fires parley-accept - detail: Ticket
 * @fires parley-reject - detail: Ticket
 * @fires parley-read - detail: {ticketId, seq} (the viewer has read up to seq)
 * @fires parley-notify - detail: {text, kind} (something for the toast)
 * @fires parley-back - return to the list
 */
export class ParleyChatView extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    ticketId: { attribute: 'ticket-id' },
    user: { attribute: false },
    realtime: { attribute: false },
    ticket: { state: true },
    events: { state: true },
    messages: { state: true },
    pending: { state: true },
    typing: { state: true },
    otherRead: { state: true },
    confirmClose: { state: true },
    closing: { state: true },
    joined: { state: true },
    dropping: { state: true },
  };
  declare ticketId: string;
  declare user: User | null;
  declare realtime: RealtimeController | null;
  declare ticket: Ticket | null;
  declare events: TicketEvent[];
  declare messages: Message[];
  declare pending: OutboxItem[];
  declare typing: string;
  declare otherRead: number;
  declare confirmClose: boolean;
  declare closing: boolean;
  /** An admin chose to take part in a conversation assigned to someone else. */
  declare joined: boolean;
  /** Files are being dragged over the conversation. */
  declare dropping: boolean;
  private offs: (() => void)[] = [];
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private subscribedSocket: unknown = null;
  private fileLinksTimer: ReturnType<typeof setTimeout> | undefined;
  /** The saved replies this user may use, for `/` in the composer (none if they cannot load). */
  private canned = new Task(this, {
    args: () => [this.user?.id] as const,
    task: async ([userId]): Promise<CannedResponse[]> => (userId ? api.cannedResponses().catch(() => []) : []),
  });
  /** Labels used on other tickets, offered when labelling this one. */
  private labelsInUse = new Task(this, {
    args: () => [this.ticketId] as const,
    task: async (): Promise<string[]> => api.labelsInUse().catch(() => []),
  });
  private labelling = false;
  /** Colleagues to hand an assigned ticket to (loaded when this viewer may hand it over). */
  private staff = new Task(this, {
    args: () => [this.ticket && this.me && mayHandOver(this.me, this.ticket) ? this.ticket.id : ''] as const,
    task: async ([id]): Promise<MemberLoad[]> => (id ? api.members().catch(() => []) : []),
  });
  private handingOver = false;
  /** Set while detached: coming back reloads, since events were missed meanwhile. */
  private stale = false;
  /** Loads the ticket, its audit trail and its whole history whenever `ticketId` changes. */
  private loader = new Task(this, {
    args: () => [this.ticketId] as const,
    task: async ([id]) => {
      this.unsubscribe();
      const [ticket, events, messages] = await Promise.all([api.ticket(id), api.events(id), this.history(id)]);
      return { ticket, events, messages };
    },
    onComplete: (loaded) => {
      Object.assign(this, { ...loaded, pending: [], typing: '', otherRead: 0, confirmClose: false, joined: false });
      this.subscribe();
      this.markRead();
      // Ready to answer: put the cursor in the reply field.
      if (this.canSend) this.focusComposer();
    },
  });

  constructor() {
    super();
    this.ticketId = '';
    this.user = null;
    this.realtime = null;
    this.ticket = null;
    this.events = [];
    this.messages = [];
    this.pending = [];
    this.typing = '';
    this.otherRead = 0;
    this.confirmClose = false;
    this.closing = false;
    this.joined = false;
    this.dropping = false;
    new ShortcutController(this, () => ({
      a: () => Boolean(this.ticket && this.me && mayAccept(this.me, this.ticket) && emit(this, 'parley-accept', this.ticket)),
      r: () => this.canSend && this.focusComposer(),
      n: () => {
        if (!this.canNote) return false;
        this.composer()?.toggleNote(true);
      },
    }));
  }

  protected override updated(changed: Map<string, unknown>) {
    if (changed.has('messages')) this.scheduleFileLinks();
    // The app's socket is replaced after a sign-in again: follow the new one.
    if (this.ticket && this.realtime?.socket && this.subscribedSocket !== this.realtime.socket) this.subscribe();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.fileLinksTimer);
    this.unsubscribe();
    this.stale = true;
  }

  override connectedCallback() {
    super.connectedCallback();
    if (this.stale && this.ticketId) void this.loader.run();
    this.stale = false;
  }

  private composer() {
    return this.renderRoot.querySelector('parley-composer');
  }

  private focusComposer() {
    void this.updateComplete.then(() => this.renderRoot.querySelector('parley-composer')?.focus());
  }

  /** The whole stored history, page by page. */
  private async history(id: string, after = 0): Promise<Message[]> {
    const all: Message[] = [];
    for (;;) {
      // Pages go by public seq; staff pages carry the notes placed among them.
      const page = await api.messages(id, lastPublic(all) ?? after);
      all.push(...page.messages);
      if (!page.hasMore || !page.messages.length) return all;
    }
  }

  private subscribe() {
    const rooms = this.realtime?.rooms;
    const outbox = this.realtime?.outbox;
    if (!rooms || !outbox || !this.ticket) return;
    this.unsubscribe();
    this.subscribedSocket = this.realtime!.socket;
    const id = this.ticket.id;
    const shown = lastPublic(this.messages) ?? 0;
    const unwatch = rooms.watch(id, {
      message: (m) => {
        outbox.delivered(m);
        this.merge([m]);
        if (m.author.id !== this.user?.id) this.typing = '';
        this.markRead();
      },
      ticket: (t) => {
        const changed = t.status !== this.ticket?.status;
        this.ticket = { ...t, readSeq: this.ticket?.readSeq };
        // Nobody types into a closed conversation: drop a typing line left from before.
        if (t.status !== 'assigned') (clearTimeout(this.typingTimer), (this.typing = ''));
        if (changed) void api.events(id).then((events) => (this.events = events), () => {});
      },
      typing: (author) => {
        if (author.id === this.user?.id) return;
        this.typing = author.name || (author.kind === 'customer' && this.ticket ? customerName(this.ticket) : 'Someone');
        clearTimeout(this.typingTimer);
        this.typingTimer = setTimeout(() => (this.typing = ''), TYPING_SHOWN_MS);
      },
      // "Seen" on staff messages means the customer read them (not another staff member in the room).
      read: (seq, by) => {
        if (by.kind === 'customer') this.otherRead = Math.max(this.otherRead, seq);
      },
      error: (_code, message) => emit(this, 'parley-notify', { text: `Live updates unavailable: ${message}`, kind: 'error' }),
    }, shown);
    // A room someone else already watched may be ahead of the history we loaded: fetch the difference.
    if ((rooms.subscription(id)?.lastSeq ?? 0) > shown) void this.history(id, shown).then((ms) => this.merge(ms), () => {});
    this.pending = outbox.items.filter((i) => i.ticketId === id);
    this.offs = [unwatch, outbox.onChange((items) => (this.pending = items.filter((i) => i.ticketId === id)))];
  }

  /** File links expire (1–2 h): shortly before the first one does, the history is fetched again for fresh ones. */
  private scheduleFileLinks() {
    clearTimeout(this.fileLinksTimer);
    const first = earliestExpiry(this.messages);
    if (first === null || !this.isConnected) return;
    this.fileLinksTimer = setTimeout(() => void this.refreshFileLinks(first), Math.max(0, first - Date.now() - FILE_LINKS_AHEAD_MS));
  }

  private async refreshFileLinks(before: number) {
    const id = this.ticket?.id;
    const fresh = id ? await this.history(id).catch(() => null) : null;
    if (!fresh || id !== this.ticket?.id) return;
    const byId = new Map(fresh.map((m) => [m.id, m.attachments]));
    const messages = this.messages.map((m) => (m.attachments?.length && byId.get(m.id)?.length ? { ...m, attachments: byId.get(m.id) } : m));
    // Links no fresher than before (a server clock behind ours): stop, rather than asking again at once.
    if ((earliestExpiry(messages) ?? Infinity) <= before) return;
    this.messages = messages;
  }

  /** Adds messages and notes once each, in timeline order, whatever path they came by (notes are numbered apart). */
  private merge(incoming: Message[]) {
    const key = (m: Message) => `${m.internal ? 'n' : 'm'}${m.seq}`;
    const byKey = new Map(this.messages.map((m) => [key(m), m]));
    let added = false;
    for (const m of incoming) if (m.ticketId === this.ticket?.id && !byKey.has(key(m))) (byKey.set(key(m), m), (added = true));
    if (added) this.messages = [...byKey.values()].sort(timelineOrder);
  }

  private unsubscribe() {
    this.offs.forEach((off) => off());
    this.offs = [];
    this.subscribedSocket = null;
    clearTimeout(this.typingTimer);
  }

  private markRead() {
    const last = lastPublic(this.messages) ?? 0;
    const sub = this.realtime?.rooms?.subscription(this.ticketId);
    if (!sub || !last || document.visibilityState === 'hidden') return;
    if ((this.ticket?.readSeq ?? 0) >= last) return;
    sub.read(last);
    if (this.ticket) this.ticket = { ...this.ticket, readSeq: last };
    emit(this, 'parley-read', { ticketId: this.ticketId, seq: last });
  }

  private get canSend(): boolean {
    const t = this.ticket;
    const me = this.me;
    if (!t || !me || !this.realtime?.outbox) return false;
    // An admin writes in someone else's conversation only after saying so (mayJoin).
    if (me.kind === 'admin' && t.assignee?.id !== me.id && !this.joined) return false;
    return maySend(me, t);
  }

  /** Staff note on any ticket they may see, in every state (protocol/lifecycle.ts, NOTE_REFUSALS). */
  private get canNote(): boolean {
    const t = this.ticket;
    const me = this.me;
    return Boolean(t && me && this.realtime?.outbox && mayNote(me, t));
  }

  private get notice(): string {
    const t = this.ticket;
    if (!t) return '';
    if (t.status === 'closed') return 'This ticket is closed. The conversation is read-only.';
    if (t.status === 'rejected') return 'This ticket was rejected, so there is no conversation.';
    if (t.status === 'open') return 'Accept the ticket to start the conversation.';
    if (t.assignee?.id !== this.user?.id) return `Assigned to ${t.assignee?.name ?? 'another member'}. You are reading this conversation.`;
    return 'Connecting…';
  }

  /** The signed-in user as the shared rules (protocol/lifecycle.ts) see them. */
  private get me(): Participant | null {
    return this.user ? { kind: this.user.role, id: this.user.id } : null;
  }

  /** Admins may write in any assigned conversation, after saying so. */
  private mayJoin(t: Ticket): boolean {
    return this.user?.role === 'admin' && t.status === 'assigned' && t.assignee?.id !== this.user.id && !this.joined;
  }

  /** Saves the ticket's labels; the answer (and the ticket_updated event for everyone else) shows them. */
  private async setLabels(labels: string[]) {
    if (!this.ticket) return;
    this.labelling = true;
    this.requestUpdate();
    try {
      this.ticket = { ...(await api.setLabels(this.ticket.id, labels)), readSeq: this.ticket.readSeq };
    } catch (e) {
      emit(this, 'parley-notify', { text: errorText(e), kind: 'error' });
    } finally {
      this.labelling = false;
      this.requestUpdate();
    }
  }

  /** Transfers (userId) or releases (null); a member who gave the ticket away no longer sees it, so goes back to the list. */
  private async handOver(userId: string | null) {
    if (!this.ticket) return;
    this.handingOver = true;
    this.requestUpdate();
    try {
      const t = await api.assign(this.ticket.id, userId);
      this.ticket = { ...t, readSeq: this.ticket.readSeq };
      emit(this, 'parley-notify', { text: userId ? `Transferred to ${t.assignee?.name ?? 'another member'}.` : 'Released to the open queue.', kind: 'success' });
      if (userId && this.user?.role !== 'admin') emit(this, 'parley-back');
      else this.events = await api.events(t.id);
    } catch (e) {
      emit(this, 'parley-notify', { text: errorText(e), kind: 'error' });
    } finally {
      this.handingOver = false;
      this.requestUpdate();
    }
  }

  /** Files dragged over the conversation: only while a reply may be written (notes take none). */
  private dragOver(e: DragEvent) {
    if (!this.canSend || this.composer()?.note || !e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    this.dropping = true;
  }

  private drop(e: DragEvent) {
    this.dropping = false;
    if (!this.canSend || !e.dataTransfer?.files.length) return;
    e.preventDefault();
    this.composer()?.addFiles([...e.dataTransfer.files]);
  }

  private async close() {
    if (!this.ticket) return;
    this.closing = true;
    try {
      this.ticket = { ...(await api.close(this.ticket.id)), readSeq: this.ticket.readSeq };
      this.events = await api.events(this.ticket.id);
      emit(this, 'parley-notify', { text: 'Ticket closed. The chat is now disabled for both sides.', kind: 'success' });
    } catch (e) {
      emit(this, 'parley-notify', { text: errorText(e), kind: 'error' });
    } finally {
      this.closing = false;
      this.confirmClose = false;
    }
  }

  private actions(t: Ticket) {
    const closable = Boolean(this.me && mayClose(this.me, t));
    if (this.me && mayAccept(this.me, t)) {
      return html`<div class="actions" slot="actions">
        <button class="btn primary" @click=${() => emit(this, 'parley-accept', t)}>Accept</button>
        <button class="btn danger" @click=${() => emit(this, 'parley-reject', t)}>Reject</button></div>`;
    }
    if (!closable) return nothing;
    if (this.confirmClose) {
      return html`<div class="confirm" slot="actions" role="group" aria-label="Confirm closing">
        <span>Close this ticket? The customer can no longer write.</span>
        <div class="actions">
          <button class="btn danger solid" ?disabled=${this.closing} @click=${this.close}>Yes, close ticket</button>
          <button class="btn" @click=${() => (this.confirmClose = false)}>Cancel</button></div></div>`;
    }
    return html`<div class="actions" slot="actions"><button class="btn danger" @click=${() => (this.confirmClose = true)}>Close ticket</button></div>
      ${this.me && mayHandOver(this.me, t) ? html`<parley-transfer slot="actions" .ticket=${t} .members=${this.staff.value ?? []} ?busy=${this.handingOver}
        @parley-transfer=${(e: CustomEvent<string>) => this.handOver(e.detail)} @parley-release=${() => this.handOver(null)}></parley-transfer>` : nothing}`;
  }

  override render() {
    if (this.loader.status === TaskStatus.ERROR) {
      return html`<parley-state kind="error" heading="This ticket could not be opened" message=${errorText(this.loader.error)} @parley-retry=${() => this.loader.run()}></parley-state>`;
    }
    const t = this.ticket;
    if (!t || this.loader.status === TaskStatus.PENDING) return html`<parley-state kind="loading" heading="Opening the conversation…"></parley-state>`;
    return html`<header>
        <button class="btn small ghost" @click=${() => emit(this, 'parley-back')} aria-label="Back to the list">← Back</button>
        <h1>${customerName(t)} · ${t.category}</h1>
      </header>
      <div class="split">
        <aside class="side" aria-label="Customer and ticket">
          <parley-customer-panel customer-id=${t.customer.id} ticket-id=${t.id} .now=${Date.now()}></parley-customer-panel>
          <parley-label-editor .labels=${t.labels ?? []} .suggestions=${this.labelsInUse.value ?? []} ?disabled=${this.labelling}
            @parley-labels-change=${(e: CustomEvent<string[]>) => this.setLabels(e.detail)}></parley-label-editor>
          <parley-ticket-details .ticket=${t} .events=${this.events}>${this.actions(t)}</parley-ticket-details>
        </aside>
        <div class="conversation ${this.dropping ? 'dropping' : ''}" aria-label="Conversation" role="region"
          @dragover=${this.dragOver} @dragleave=${(e: DragEvent) => e.currentTarget === e.target && (this.dropping = false)} @drop=${this.drop}>
          <parley-message-list .messages=${this.messages} .pending=${this.pending} viewer-id=${this.user?.id ?? ''}
            read-seq=${this.otherRead} typing=${this.typing} customer-name=${customerName(t)} @parley-retry-message=${(e: CustomEvent<string>) => this.realtime?.outbox?.retry(e.detail)}></parley-message-list>
          <parley-composer ticket-id=${t.id} ?disabled=${!this.canSend} ?noteable=${this.canNote} notice=${this.notice} .canned=${this.canned.value ?? []}
            .placeholders=${{ 'customer.name': customerName(t), 'agent.name': this.user?.name ?? '', 'ticket.id': t.id }}
            @parley-send=${(e: CustomEvent<OutgoingMessage>) => this.realtime?.outbox?.send(t.id, e.detail.body, false, e.detail.attachments)}
            @parley-note=${(e: CustomEvent<string>) => this.realtime?.outbox?.send(t.id, e.detail, true)}
            @parley-typing=${(e: CustomEvent<{ internal?: boolean } | undefined>) => {
              const sub = this.realtime?.rooms?.subscription(t.id);
              if (e.detail?.internal) sub?.typingNote();
              else sub?.typing();
            }}>${this.mayJoin(t)
              ? html`<button class="btn small" @click=${() => (this.joined = true)}>Join the conversation</button>` : nothing}</parley-composer>
        </div>
      </div>`;
  }
}
customElements.define('parley-chat-view', ParleyChatView);
declare global {
  interface HTMLElementTagNameMap { 'parley-chat-view': ParleyChatView }
}

/** The last public message's seq (the customer's numbering: paging, resume and read positions use it). */
function lastPublic(messages: readonly Message[]): number | undefined {
  return messages.findLast((m) => !m.internal)?.seq;
}
