import { expect } from 'chai';
import type { User } from '../protocol/index.ts';
import './parley-chat-view.ts';
import { cleanup, makeMessage, makeTicket, mount, record, stubFetch, until } from './test/fixtures.ts';

const me: User = { id: 'u1', email: 'mia@example.com', name: 'Mia', role: 'member', active: true, status: 'online', capacity: 5, createdAt: '2026-01-01T00:00:00Z' };

describe('parley-chat-view', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  function serve(ticket: ReturnType<typeof makeTicket>, messages = [makeMessage(1)]) {
    restore = stubFetch((url) => {
      const base = `/api/tickets/${ticket.id}`;
      if (url.pathname === base) return { body: ticket };
      if (url.pathname === `${base}/events`) return { body: { events: [{ id: 'e1', ticketId: ticket.id, action: 'create', from: null, to: 'open', actor: { kind: 'customer', id: 'c1', name: 'Ada' }, reason: null, at: ticket.createdAt }] } };
      if (url.pathname === `${base}/messages`) return { body: { messages: messages.filter((m) => m.seq > Number(url.searchParams.get('after'))), hasMore: false } };
      return undefined;
    });
  }

  it('shows details with history on the left and the conversation on the right', async () => {
    const t = makeTicket({ status: 'closed', assignee: { id: 'u1', name: 'Mia' }, description: 'Card declined <script>x</script>' });
    serve(t, [makeMessage(1, { ticketId: t.id }), makeMessage(2, { ticketId: t.id, author: { kind: 'member', id: 'u1', name: 'Mia' } })]);
    const el = await mount('parley-chat-view', { ticketId: t.id, user: me });
    const details = await until(() => el.shadowRoot!.querySelector('parley-ticket-details'), 'details');
    await (details as unknown as { updateComplete: Promise<void> }).updateComplete;
    expect(details.shadowRoot!.querySelector('.desc')!.textContent).to.equal('Card declined <script>x</script>');
    expect(details.shadowRoot!.querySelector('[data-status]')!.textContent).to.equal('closed');
    expect(details.shadowRoot!.querySelector('ol li')!.textContent).to.contain('Created');
    const list = el.shadowRoot!.querySelector('parley-message-list')!;
    expect(list.messages.map((m) => m.seq)).to.deep.equal([1, 2]);
    const composer = el.shadowRoot!.querySelector('parley-composer')!;
    expect(composer.disabled).to.equal(true);
    expect(composer.notice).to.contain('closed');
  });

  it('offers accept and reject on an open ticket', async () => {
    const t = makeTicket({ status: 'open' });
    serve(t, []);
    const el = await mount('parley-chat-view', { ticketId: t.id, user: me });
    const accepted = record(el, 'parley-accept');
    const button = await until(() => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Accept'), 'accept button');
    button.click();
    expect(accepted).to.deep.equal([t]);
    expect(el.shadowRoot!.querySelector('parley-composer')!.notice).to.contain('Accept the ticket');
  });

  it('lets an admin join a conversation assigned to someone else, and sends through the outbox', async () => {
    const t = makeTicket({ status: 'assigned', assignee: { id: 'u2', name: 'Sam' } });
    serve(t, []);
    const sent: [string, string][] = [];
    const realtime = {
      socket: {},
      outbox: { items: [], onChange: () => () => {}, send: (id: string, body: string) => sent.push([id, body]) },
      rooms: { watch: () => () => {}, subscription: () => undefined },
    };
    const admin: User = { ...me, id: 'a1', role: 'admin' };
    const el = await mount('parley-chat-view', { ticketId: t.id, user: admin, realtime: realtime as never });
    const composer = await until(() => el.shadowRoot!.querySelector('parley-composer'), 'composer');
    expect(composer.disabled).to.equal(true);
    expect(composer.notice).to.contain('Assigned to Sam');
    const join = [...composer.querySelectorAll('button')].find((b) => b.textContent === 'Join the conversation')!;
    join.click();
    await el.updateComplete;
    await composer.updateComplete;
    expect(composer.disabled).to.equal(false);
    const field = composer.shadowRoot!.querySelector('textarea')!;
    field.value = 'Admin here, stepping in.';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(sent).to.deep.equal([[t.id, 'Admin here, stepping in.']]);
  });

  it('takes files dropped on the conversation into the reply, and sends them through the outbox with the text', async () => {
    const t = makeTicket({ status: 'assigned', assignee: { id: 'u1', name: 'Mia' } });
    serve(t, []);
    const sent: unknown[][] = [];
    const realtime = {
      socket: {},
      outbox: { items: [], onChange: () => () => {}, send: (...args: unknown[]) => sent.push(args) },
      rooms: { watch: () => () => {}, subscription: () => undefined },
    };
    const el = await mount('parley-chat-view', { ticketId: t.id, user: me, realtime: realtime as never });
    const composer = await until(() => el.shadowRoot!.querySelector('parley-composer'), 'composer');
    await composer.updateComplete;
    expect(composer.getAttribute('ticket-id')).to.equal(t.id);
    const conversation = el.shadowRoot!.querySelector<HTMLElement>('.conversation')!;
    const data = new DataTransfer();
    data.items.add(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
    conversation.dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(conversation.classList.contains('dropping')).to.equal(true);
    conversation.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(conversation.classList.contains('dropping')).to.equal(false);
    const tray = composer.shadowRoot!.querySelector('parley-attachment-tray')!;
    await tray.updateComplete;
    // The ticket exists only in this test's stubbed answers, so the real server refuses the upload.
    expect([...tray.shadowRoot!.querySelectorAll('li .name')].map((n) => n.textContent)).to.deep.equal(['notes.txt']);
    // The composer hands the outbox the text and the uploaded files.
    composer.dispatchEvent(new CustomEvent('parley-send', { detail: { body: 'see file', attachments: [{ id: 'a1' }] }, bubbles: true, composed: true }));
    expect(sent).to.deep.equal([[t.id, 'see file', false, [{ id: 'a1' }]]]);
  });

  it('fetches fresh file links shortly before the first one expires, and shows them', async () => {
    const t = makeTicket({ status: 'closed', assignee: { id: 'u1', name: 'Mia' } });
    const file = (exp: number) => ({ id: 'f1', ticketId: t.id, name: 'invoice.pdf', type: 'application/pdf', size: 10, url: `/api/attachments/f1?exp=${exp}&sig=s${exp}` });
    // Due within the refresh margin (2 min) at once; the server's second answer carries a later one.
    const soon = Math.ceil(Date.now() / 1000) + 120;
    const later = soon + 3600;
    let asked = 0;
    restore = stubFetch((url) => {
      const base = `/api/tickets/${t.id}`;
      if (url.pathname === base) return { body: t };
      if (url.pathname === `${base}/events`) return { body: { events: [] } };
      if (url.pathname !== `${base}/messages`) return undefined;
      asked++;
      return { body: { messages: [makeMessage(1, { ticketId: t.id, body: 'the invoice', attachments: [file(asked === 1 ? soon : later)] })], hasMore: false } };
    });
    const el = await mount('parley-chat-view', { ticketId: t.id, user: me });
    const link = () => el.shadowRoot!.querySelector('parley-message-list')?.shadowRoot?.querySelector('parley-attachment')?.shadowRoot?.querySelector('a.download')?.getAttribute('href');
    await until(() => link()?.includes(`exp=${later}`), 'the fresh link');
    expect(asked).to.equal(2);
  });

  it('does not offer joining to a member who is not the assignee', async () => {
    const t = makeTicket({ status: 'assigned', assignee: { id: 'u2', name: 'Sam' } });
    serve(t, []);
    const el = await mount('parley-chat-view', { ticketId: t.id, user: me });
    const composer = await until(() => el.shadowRoot!.querySelector('parley-composer'), 'composer');
    expect(composer.disabled).to.equal(true);
    expect(composer.querySelector('button')).to.equal(null);
  });

  it('shows an error state for a ticket that cannot be opened', async () => {
    restore = stubFetch(() => ({ status: 403, body: { error: { code: 'forbidden', message: 'You may not see this ticket' } } }));
    const el = await mount('parley-chat-view', { ticketId: 'nope', user: me });
    const state = await until(() => el.shadowRoot!.querySelector('parley-state[kind=error]'), 'error');
    expect(state.getAttribute('message')).to.equal('You may not see this ticket');
  });

  it('clears the typing line when the ticket closes, and r puts the cursor in the reply field', async () => {
    const t = makeTicket({ status: 'assigned', assignee: { id: me.id, name: me.name } });
    serve(t, []);
    let room: { typing?: (a: { kind: string; id: string; name: string }) => void; ticket?: (t: unknown) => void } = {};
    const realtime = {
      socket: {},
      outbox: { items: [], onChange: () => () => {}, send: () => {} },
      rooms: { watch: (_id: string, handlers: typeof room) => ((room = handlers), () => {}), subscription: () => undefined },
    };
    const el = await mount('parley-chat-view', { ticketId: t.id, user: me, realtime: realtime as never });
    const list = await until(() => el.shadowRoot!.querySelector('parley-message-list'), 'list');
    (document.activeElement as HTMLElement | null)?.blur();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true, cancelable: true }));
    const composer = el.shadowRoot!.querySelector('parley-composer')!;
    await until(() => composer.shadowRoot!.activeElement?.tagName === 'TEXTAREA' || null, 'focused reply field');
    room.typing!({ kind: 'customer', id: 'c1', name: 'Ada' });
    await el.updateComplete;
    expect(list.typing).to.equal('Ada');
    room.ticket!({ ...t, status: 'closed' });
    await el.updateComplete;
    expect(list.typing).to.equal('');
  });

  it('accepts an open ticket with a', async () => {
    const t = makeTicket({ status: 'open' });
    serve(t, []);
    const el = await mount('parley-chat-view', { ticketId: t.id, user: me });
    const accepted = record(el, 'parley-accept');
    await until(() => el.shadowRoot!.querySelector('parley-ticket-details'), 'details');
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true }));
    expect(accepted.map((x) => (x as { id: string }).id)).to.deep.equal([t.id]);
  });

  it('opens a note with n on a closed ticket (never while typing), sends it as internal, and keeps replies\' numbering', async () => {
    const t = makeTicket({ status: 'closed', assignee: { id: me.id, name: me.name } });
    const history = [makeMessage(1, { ticketId: t.id }), makeMessage(1, { id: 'n1', ticketId: t.id, internal: true, afterSeq: 1, body: 'note one' }), makeMessage(2, { ticketId: t.id })];
    serve(t, history);
    const sent: [string, string, boolean | undefined][] = [];
    const realtime = {
      socket: {},
      outbox: { items: [], onChange: () => () => {}, send: (id: string, body: string, internal?: boolean) => sent.push([id, body, internal]) },
      rooms: { watch: () => () => {}, subscription: () => undefined },
    };
    const el = await mount('parley-chat-view', { ticketId: t.id, user: me, realtime: realtime as never });
    const list = await until(() => el.shadowRoot!.querySelector('parley-message-list'), 'list');
    await until(() => (list.messages.length === 3 ? true : null), 'history');
    expect(list.messages.map((m) => [m.internal === true, m.seq])).to.deep.equal([[false, 1], [true, 1], [false, 2]]);
    const composer = el.shadowRoot!.querySelector('parley-composer')!;
    expect(composer.disabled).to.equal(true);
    // Typing "n" in a field is text, not the shortcut.
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true, cancelable: true, composed: true }));
    await composer.updateComplete;
    expect(composer.note).to.equal(false);
    input.remove();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true, cancelable: true }));
    await until(() => composer.shadowRoot!.activeElement?.tagName === 'TEXTAREA' || null, 'focused note field');
    expect(composer.note).to.equal(true);
    const field = composer.shadowRoot!.querySelector('textarea')!;
    field.value = 'customer called back';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(sent).to.deep.equal([[t.id, 'customer called back', true]]);
  });
});
