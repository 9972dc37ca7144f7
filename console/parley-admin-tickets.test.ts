import { expect } from 'chai';
import type { ServerFrame } from '../protocol/index.ts';
import type { RealtimeSocket } from '../protocol/client/index.ts';
import './parley-admin-tickets.ts';
import { cleanup, makeTicket, mount, settle, stubFetch, until } from './test/fixtures.ts';

describe('parley-admin-tickets', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  const rows = (el: HTMLElement) => {
    const table = el.shadowRoot!.querySelector('parley-ticket-table');
    return table ? [...table.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-ticket')) : [];
  };

  it('filters by status, urgency, assignee and text', async () => {
    const a = makeTicket({ status: 'open', urgency: 'urgent', description: 'Login loop on Safari' });
    const b = makeTicket({ status: 'assigned', urgency: 'low', assignee: { id: 'u7', name: 'Zoe' }, description: 'Invoice address' });
    const c = makeTicket({ status: 'closed', urgency: 'low', assignee: { id: 'u7', name: 'Zoe' }, description: 'Refund' });
    restore = stubFetch((url) => (url.pathname === '/api/tickets' ? { body: { tickets: [a, b, c] } } : undefined));
    const el = await mount('parley-admin-tickets');
    await until(() => rows(el).length === 3, 'three rows');
    const pick = async (label: string, value: string) => {
      const select = [...el.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent!.trim().startsWith(label))!.querySelector('select')!;
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await settle(el);
      await settle(el.shadowRoot!.querySelector('parley-ticket-table') ?? el);
    };
    await pick('Assignee', 'u7');
    expect(rows(el)).to.have.members([b.id, c.id]);
    await pick('Status', 'closed');
    expect(rows(el)).to.deep.equal([c.id]);
    await pick('Status', '');
    await pick('Assignee', 'none');
    expect(rows(el)).to.deep.equal([a.id]);
    await pick('Assignee', '');
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'invoice';
    search.dispatchEvent(new Event('input'));
    await settle(el);
    await settle(el.shadowRoot!.querySelector('parley-ticket-table')!);
    expect(rows(el)).to.deep.equal([b.id]);
    expect(el.shadowRoot!.querySelector('.summary')!.textContent).to.equal('1 of 3 tickets');
    search.value = 'nothing like this';
    search.dispatchEvent(new Event('input'));
    await settle(el);
    expect(el.shadowRoot!.querySelector('parley-state')!.getAttribute('heading')).to.equal('No tickets match');
  });

  it('adds and updates rows from lifecycle events on the socket', async () => {
    const a = makeTicket();
    restore = stubFetch(() => ({ body: { tickets: [a] } }));
    const handlers = new Map<string, (f: ServerFrame) => void>();
    const socket = { on: (type: string, h: (f: ServerFrame) => void) => (handlers.set(type, h), () => handlers.delete(type)) };
    const el = await mount('parley-admin-tickets', { socket: socket as unknown as RealtimeSocket });
    await until(() => rows(el).length === 1, 'first row');
    const b = makeTicket();
    handlers.get('ticket_created')!({ type: 'ticket_created', ticket: b });
    handlers.get('ticket_accepted')!({ type: 'ticket_accepted', ticket: { ...a, status: 'assigned', assignee: { id: 'u1', name: 'Mia' } } });
    await until(() => rows(el).length === 2, 'two rows');
    expect(el.tickets.find((t) => t.id === a.id)!.status).to.equal('assigned');
    el.remove();
    expect(handlers.size).to.equal(0);
  });

  it('shows an error state when the list cannot load', async () => {
    restore = stubFetch(() => ({ status: 403, body: { error: { code: 'forbidden', message: 'Admins only' } } }));
    const el = await mount('parley-admin-tickets');
    const state = await until(() => el.shadowRoot!.querySelector('parley-state[kind=error]'), 'error');
    expect(state.getAttribute('message')).to.equal('Admins only');
  });
});
