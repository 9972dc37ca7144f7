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

describe('the widget with the real server', () => {
  afterEach(unembed);

  it('files a ticket, sees it accepted live, chats both ways, and stops when it closes', async function (this: { timeout(ms: number): void }) {
    this.timeout(25000);
    const root = await embed();
    const messages: Message[] = [];
    api().on('message', (m) => messages.push(m));

    await api().open();
    click(await until(() => $(root, '.primary')));
    // The form refuses an empty description without asking the server.
    click(await until(() => $(root, 'form .primary')));
    expect((await until(() => $(root, 'form .error'))).textContent).to.equal('Please describe the problem.');
    expect($(root, '#p-desc')!.getAttribute('aria-invalid')).to.equal('true');
    expect((await staff<{ tickets: Ticket[] }>('tickets')).body.tickets.length).to.equal(0);
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
    await until(() => $$(root, '.msg.mine:not(.sending) .meta').some((m) => /Sent|Read/.test(m.textContent!)), 8000, 'the ack');
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
    const ticket = await fileTicket(root, 'Returning later');
    await staff('accept', { ticket: ticket.id });
    await until(() => pill(root) === 'Assigned');
    api().close();
    // The visitor leaves (the page goes away, storage stays), a member answers meanwhile.
    const saved = { ...localStorage };
    unembed();
    Object.entries(saved).forEach(([k, v]) => localStorage.setItem(k, v));
    await staff('message', { ticket: ticket.id, body: 'Answer while you were gone' });

    const again = await embed();
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
      await until(() => $(root, 'header small')!.textContent === 'We are online', 8000, 'presence');
      type(composer, 'Hello Maya');
      composer.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await until(() => $(root, '.msg.mine .meta')?.textContent!.endsWith('Sent'), 8000, 'sent');
      expect((await staff('read', { ticket: ticket.id, seq: '1' })).status).to.equal(200);
      await until(() => $(root, '.msg.mine .meta')!.textContent!.endsWith('Read'), 8000, 'the read receipt');
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
});
