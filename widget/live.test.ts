// The widget against the real server: a customer's whole flow, with a member acting through the
// server's HTTP API (see test/parley-server-plugin.mjs).
import { expect } from 'chai';
import type { Message, Ticket } from '../protocol/index.ts';
import { $, $$, api, embed, identityHash, parley, staff, type, unembed, until } from './test/helpers.ts';

const click = (el: HTMLElement | null) => el!.click();
const pill = (root: ShadowRoot) => $(root, '.summary .pill')?.textContent;

/** Opens the widget and files a ticket through the form; returns the created ticket. */
async function fileTicket(root: ShadowRoot, description: string): Promise<Ticket> {
  const created = new Promise<Ticket>((resolve, reject) => {
    api().on('ticketCreated', resolve);
    setTimeout(() => reject(new Error(`no ticketCreated event (${$(root, '.error')?.textContent})`)), 8000);
  });
  await api().open();
  click(await until(() => $(root, '.primary'), 8000, 'the new-ticket button'));
  const area = await until(() => $<HTMLTextAreaElement>(root, '#p-desc'));
  type(area, description);
  click($(root, 'input[value=high]'));
  click($(root, 'form .primary'));
  return created;
}

/** Files a ticket that a member then accepts; waits until the widget shows it accepted. */
async function fileAccepted(root: ShadowRoot, description: string): Promise<Ticket> {
  const ticket = await fileTicket(root, description);
  await staff('accept', { ticket: ticket.id });
  // Generous: on a loaded 2-core machine the accept, its frame and the render can take seconds.
  await until(() => pill(root) === 'Assigned', 15000, 'the acceptance');
  return ticket;
}

/** The page goes away (its storage stays), `meanwhile` runs, the page comes back: the new widget's root. */
async function reload(meanwhile?: () => Promise<unknown>): Promise<ShadowRoot> {
  const saved = { ...localStorage };
  unembed();
  Object.entries(saved).forEach(([k, v]) => localStorage.setItem(k, v));
  await meanwhile?.();
  return embed();
}

describe('the widget with the real server', () => {
  afterEach(unembed);

  it('files a ticket, sees it accepted live, chats both ways, and stops when it closes', async function (this: { timeout(ms: number): void }) {
    this.timeout(25000);
    const root = await embed();
    const messages: Message[] = [];
    api().on('message', (m) => messages.push(m));
    // The server is shared by every browser test file (attachments.test.tsx files tickets too): count from here.
    const ticketCount = async () => (await staff<{ tickets: Ticket[] }>('tickets')).body.tickets.length;
    const before = await ticketCount();

    await api().open();
    click(await until(() => $(root, '.primary')));
    // The form refuses an empty description without asking the server.
    click(await until(() => $(root, 'form .primary')));
    expect((await until(() => $(root, 'form .error'))).textContent).to.equal('Please describe the problem.');
    expect($(root, '#p-desc')!.getAttribute('aria-invalid')).to.equal('true');
    expect(await ticketCount()).to.equal(before);
    api().close();

    const ticket = await fileTicket(root, 'My invoice shows the wrong VAT number');
    expect(ticket).to.include({ status: 'open', urgency: 'high', description: 'My invoice shows the wrong VAT number' });
    await until(() => pill(root) === 'Open');
    expect($(root, '.note')!.textContent).to.contain('Waiting');
    expect($(root, '.composer')).to.equal(null);

    expect((await staff('accept', { ticket: ticket.id })).status).to.equal(200);
    await until(() => pill(root) === 'Assigned', 8000, 'the live status change');
    expect($(root, '.banner')!.textContent).to.equal(`Maya accepted your ticket “${ticket.category}”.`);
    const composer = await until(() => $<HTMLTextAreaElement>(root, '.composer textarea'));

    await staff('message', { ticket: ticket.id, body: 'Hi! See https://example.com/vat?id=1. <img src=x onerror="window.pwned=1">' });
    const bubble = await until(() => $$(root, '.msg:not(.mine) .bubble')[0], 8000, 'the member message');
    const link = bubble.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://example.com/vat?id=1');
    expect(link.getAttribute('rel')).to.contain('noopener');
    expect(bubble.querySelector('img')).to.equal(null);
    expect(bubble.textContent).to.contain('<img src=x');
    expect(messages.map((m) => m.body)).to.have.length(1);
    expect($(root, '[role=log]')!.getAttribute('aria-live')).to.equal('polite');

    type(composer, 'Thanks, the number should be DE123');
    composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await until(() => $$(root, '.msg.mine:not(.sending) .meta').some((m) => /Sent|Seen/.test(m.textContent!)), 8000, 'the ack');
    const stored = (await staff<{ messages: Message[] }>('messages', { ticket: ticket.id })).body.messages;
    expect(stored.map((m) => m.body)).to.deep.equal(['Hi! See https://example.com/vat?id=1. <img src=x onerror="window.pwned=1">', 'Thanks, the number should be DE123']);

    expect((await staff('close', { ticket: ticket.id })).status).to.equal(200);
    await until(() => pill(root) === 'Closed', 8000, 'the close');
    expect($(root, '.composer')).to.equal(null);
    expect($$(root, '.note').at(-1)!.textContent).to.contain('closed');
    // History stays readable.
    expect($$(root, '.bubble').length).to.equal(2);
    expect((window as unknown as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('follows a hand-over live: released to the queue, the ticket shows open again', async function (this: { timeout(ms: number): void }) {
    this.timeout(30000);
    const root = await embed();
    const ticket = await fileAccepted(root, 'Please pass me to billing');
    expect((await staff('release', { ticket: ticket.id })).status).to.equal(200);
    await until(() => pill(root) === 'Open', 15000, 'the release (ticket_updated)');
  });

  it('shows news on the launcher badge while closed, and clears it when read', async function (this: { timeout(ms: number): void }) {
    this.timeout(25000);
    const root = await embed();
    const ticket = await fileTicket(root, 'Where is my parcel?');
    await staff('accept', { ticket: ticket.id });
    await until(() => pill(root) === 'Assigned');
    api().close();
    await staff('message', { ticket: ticket.id, body: 'It left the warehouse today.' });
    const badge = $(root, '.badge')!;
    await until(() => !badge.hidden && badge.textContent === '1', 8000, 'the badge');
    await api().open();
    // Still on the ticket's chat: reading it clears the badge.
    await until(() => badge.hidden, 8000, 'the badge to clear');
  });

  it('says when no member is online and still takes tickets', async function (this: { timeout(ms: number): void }) {
    this.timeout(25000);
    const root = await embed();
    await api().open();
    await until(() => $(root, '.body .note')?.textContent!.includes('No one is online'), 8000, 'the presence note');
    expect($(root, 'header small')!.textContent).to.equal('');
    const ticket = await fileTicket(root, 'Nobody around?');
    expect(ticket.status).to.equal('open');
  });

  it('keeps the tickets across identify, and forgets the visitor on reset', async function (this: { timeout(ms: number): void }) {
    this.timeout(25000);
    const { siteSecret } = await parley();
    const root = await embed();
    const ticket = await fileTicket(root, 'Filed before logging in');
    const anonymousToken = localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':token'))!);

    const id = `user-${Date.now()}`;
    await api().identify({ id, name: 'Lena', email: 'lena@example.test', hash: await identityHash(siteSecret, id) });
    // identify starts over on the ticket list, now the verified customer's.
    await until(() => $$(root, '.ticket').length === 1, 8000, 'the moved ticket');
    expect($(root, '.ticket small')!.textContent).to.equal('Filed before logging in');
    const { body } = await staff<{ tickets: Ticket[] }>('tickets');
    expect(body.tickets.find((t) => t.id === ticket.id)!.customer.name).to.equal('Lena');

    // Identifying again with the same identity changes nothing (no loop, no new session).
    const token = localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':token'))!);
    await api().identify({ id, name: 'Lena', email: 'lena@example.test', hash: await identityHash(siteSecret, id) });
    expect(localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':token'))!)).to.equal(token);

    await api().reset();
    await until(() => $(root, '.body > small')?.textContent === 'No tickets yet.', 8000, 'an empty list after reset');
    const fresh = localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':token'))!);
    expect(fresh).to.be.a('string');
    expect(fresh).not.to.equal(token);
    expect(fresh).not.to.equal(anonymousToken);
  });

  it('keeps messages written offline, sends each once when back, and resumes what it missed', async function (this: { timeout(ms: number): void }) {
    this.timeout(25000);
    // The widget's WebSocket, wrapped so the test can cut the line and keep it down for a while.
    const Native = window.WebSocket;
    const sockets: WebSocket[] = [];
    let offline = false;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(offline ? 'ws://127.0.0.1:9/ws' : url, protocols);
        sockets.push(this);
      }
    };
    try {
      const root = await embed();
      const ticket = await fileTicket(root, 'Flaky connection on the train');
      await staff('accept', { ticket: ticket.id });
      const composer = await until(() => $<HTMLTextAreaElement>(root, '.composer textarea'));
      await staff('message', { ticket: ticket.id, body: 'before the tunnel' });
      await until(() => $$(root, '.msg:not(.mine)').length === 1);

      offline = true;
      sockets.filter((ws) => ws.readyState === WebSocket.OPEN).forEach((ws) => ws.close());
      await until(() => $(root, 'header small')!.textContent === 'Reconnecting…', 8000, 'the offline state');
      await staff('message', { ticket: ticket.id, body: 'sent while you were away' });
      for (const body of ['first, typed offline', 'second, typed offline']) {
        type(composer, body);
        composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }
      await until(() => $$(root, '.msg.sending').length === 2, 8000, 'two pending messages');
      expect($$(root, '.msg.sending .meta').map((m) => m.textContent)).to.deep.equal(['Sending…', 'Sending…']);

      offline = false;
      await until(() => $$(root, '.msg.sending').length === 0, 15000, 'the outbox to drain');
      await until(() => $$(root, '.bubble').length === 4, 8000, 'the missed message');
      expect($$(root, '.bubble').map((b) => b.textContent)).to.deep.equal(['before the tunnel', 'sent while you were away', 'first, typed offline', 'second, typed offline']);
      const stored = (await staff<{ messages: Message[] }>('messages', { ticket: ticket.id })).body.messages;
      expect(stored.map((m) => m.body)).to.deep.equal(['before the tunnel', 'sent while you were away', 'first, typed offline', 'second, typed offline']);
      expect(stored.map((m) => m.seq)).to.deep.equal([1, 2, 3, 4]);
    } finally {
      window.WebSocket = Native;
    }
  });

  it('loads the app by itself for a returning visitor with news, and shows it on the badge', async function (this: { timeout(ms: number): void }) {
    this.timeout(25000);
    const root = await embed();
    const ticket = await fileAccepted(root, 'Returning later');
    api().close();
    // The visitor leaves, a member answers meanwhile, the visitor comes back.
    const again = await reload(() => staff('message', { ticket: ticket.id, body: 'Answer while you were gone' }));
    const badge = $(again, '.badge')!;
    await until(() => !badge.hidden, 10000, 'the badge without opening');
    expect(badge.textContent).to.equal('1');
    expect($(again, '.panel')).to.equal(null);
  });

  it('shows who is online, the member typing, and read receipts', async function (this: { timeout(ms: number): void }) {
    this.timeout(25000);
    const root = await embed();
    const ticket = await fileTicket(root, 'Is anyone there?');
    await staff('accept', { ticket: ticket.id });
    const composer = await until(() => $<HTMLTextAreaElement>(root, '.composer textarea'));
    try {
      await staff('typing', { ticket: ticket.id });
      await until(() => $(root, '.typing')?.textContent === 'Maya is typing…', 8000, 'the typing indicator');
      // Earlier tests on this server answered tickets, so the median reply time may be known.
      await until(() => /^(We are online|We typically reply in \d+ minutes?)$/.test($(root, 'header small')!.textContent!), 8000, 'presence');
      expect($$(root, 'header .face').map((f) => f.textContent)).to.deep.equal(['M']);
      type(composer, 'Hello Maya');
      composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await until(() => $(root, '.msg.mine .meta')?.textContent!.endsWith('Sent'), 8000, 'sent');
      expect((await staff('read', { ticket: ticket.id, seq: '1' })).status).to.equal(200);
      await until(() => $(root, '.msg.mine .meta')!.textContent!.endsWith('Seen'), 8000, 'the read receipt');
    } finally {
      await staff('offline');
    }
    await until(() => $(root, 'header small')!.textContent === '', 8000, 'nobody online again');
  });

  it('says so in plain words when the site vouches with a wrong identity hash', async function (this: { timeout(ms: number): void }) {
    this.timeout(15000);
    const root = await embed();
    await api().open();
    await until(() => $(root, '.body .primary'));
    await api().identify({ id: 'someone', hash: 'not-the-right-hash' });
    const alert = await until(() => $(root, '[role=alert]'), 8000, 'the error');
    expect(alert.textContent).to.equal('We could not confirm your account. Please sign in again.');
  });

  it('says once that a ticket was rejected, and scrolls the closed note into view', async function (this: { timeout(ms: number): void }) {
    this.timeout(45000);
    const root = await embed();
    const rejected = await fileTicket(root, 'Please refund me');
    await until(() => pill(root) === 'Open');
    await staff('reject', { ticket: rejected.id, reason: 'Write to billing@example.com' });
    // The browser suites share one server, busy with the others' work: give the event time on a loaded machine.
    await until(() => pill(root) === 'Rejected', 20000, 'the rejection');
    const panel = $(root, '.panel')!;
    expect(panel.textContent!.split('was rejected').length - 1).to.equal(1);
    expect(panel.textContent).to.contain('Write to billing@example.com');

    click($(root, 'header .icon'));
    const closed = await fileTicket(root, 'A long story');
    await staff('accept', { ticket: closed.id });
    await until(() => $(root, '.composer textarea'));
    for (let i = 0; i < 12; i++) await staff('message', { ticket: closed.id, body: `line ${i}\n…\n…` });
    await until(() => $$(root, '.msg').length === 12, 8000, 'the messages');
    await staff('close', { ticket: closed.id });
    const note = await until(() => $$(root, '.note').find((n) => n.textContent!.includes('closed')), 8000, 'the closed note');
    const chat = $(root, '.chat')!;
    await until(() => note.getBoundingClientRect().bottom <= chat.getBoundingClientRect().bottom + 1, 8000, 'the note in view');
    expect(panel.textContent!.split('was closed').length - 1).to.equal(0);
  });

  it('keeps a ticket filed offline and sends it once when back online', async function (this: { timeout(ms: number): void }) {
    this.timeout(25000);
    const root = await embed();
    await api().open();
    await until(() => $(root, '.body .primary'));
    // The browser's network, cut for ticket creation only (the real server stays up).
    const native = window.fetch;
    let offline = true;
    window.fetch = (input, init) => (offline && String(input).endsWith('/api/tickets') && init?.method === 'POST' ? Promise.reject(new TypeError('Failed to fetch')) : native(input, init));
    try {
      const created = new Promise<Ticket>((resolve) => api().on('ticketCreated', resolve));
      click($(root, '.body .primary'));
      type(await until(() => $<HTMLTextAreaElement>(root, '#p-desc')), 'Written in a tunnel');
      click($(root, 'form .primary'));
      const alert = await until(() => $(root, '[role=alert]'), 8000, 'the offline error');
      expect(alert.textContent).to.contain('sent once you are back online');
      expect($<HTMLButtonElement>(root, 'form .primary')!.disabled).to.equal(true);
      expect($<HTMLTextAreaElement>(root, '#p-desc')!.value).to.equal('Written in a tunnel');
      offline = false;
      dispatchEvent(new Event('online'));
      const ticket = await created;
      await until(() => pill(root) === 'Open', 8000, 'the ticket view');
      expect($(root, '[role=alert]')).to.equal(null);
      const { body } = await staff<{ tickets: Ticket[] }>('tickets');
      expect(body.tickets.filter((t) => t.description === 'Written in a tunnel').map((t) => t.id)).to.deep.equal([ticket.id]);
    } finally {
      window.fetch = native;
    }
  });

  it('reopens on the conversation the customer was in after a reload, and names the unread count', async function (this: { timeout(ms: number): void }) {
    this.timeout(25000);
    const root = await embed();
    const ticket = await fileAccepted(root, 'Where is my order?');
    api().close();
    await staff('message', { ticket: ticket.id, body: 'On its way' });
    const launcher = $(root, '.launcher')!;
    await until(() => launcher.getAttribute('aria-label') === 'Support, 1 unread', 8000, 'the count in the name');
    const again = await reload();
    await api().open();
    await until(() => pill(again) === 'Assigned', 8000, 'the restored conversation');
    expect($(again, '.summary small')!.textContent).to.equal('Where is my order?');
    await until(() => $(again, '.launcher')!.getAttribute('aria-label') === 'Support', 8000, 'the name without a count');
  });

  it('rates a closed conversation once (its own chunk), shows the rating after a reload, and starts a new one', async function (this: { timeout(ms: number): void }) {
    this.timeout(25000);
    const root = await embed();
    const ticket = await fileAccepted(root, 'Printer on fire');
    expect($(root, '.rate')).to.equal(null);
    await staff('close', { ticket: ticket.id });
    const form = await until(() => $<HTMLFormElement>(root, 'form.rate'), 8000, 'the rating form');
    expect(performance.getEntriesByType('resource').some((r) => r.name.endsWith('/widget-rating.js'))).to.equal(true);
    // No score chosen: nothing is sent.
    click(form.querySelector('.primary'));
    expect((await staff('rating', { ticket: ticket.id })).body).to.deep.equal({ rating: null });
    const star = form.querySelectorAll<HTMLInputElement>('input[name=score]')[3]!;
    expect(star.getAttribute('aria-label')).to.equal('4 of 5');
    click(star);
    type(form.querySelector('textarea')!, 'Quick and kind');
    click(form.querySelector('.primary'));
    await until(() => $$(root, '.note').some((n) => n.textContent === 'You rated this conversation 4 of 5. Thank you!'), 8000, 'the thanks');
    expect($(root, 'form.rate')).to.equal(null);
    const { body } = await staff<{ rating: { score: number; comment: string } }>('rating', { ticket: ticket.id });
    expect(body.rating).to.include({ score: 4, comment: 'Quick and kind' });

    // After a reload the given rating shows, not the form; the history stays readable.
    const again = await reload();
    await api().open();
    await until(() => $$(again, '.note').some((n) => n.textContent!.startsWith('You rated this conversation 4')), 8000, 'the stored rating');
    expect($(again, 'form.rate')).to.equal(null);
    click($$(again, '.chat .primary').find((b) => b.textContent === 'Start a new conversation')!);
    await until(() => $(again, '#p-desc'), 8000, 'the new-ticket form');
  });
});
