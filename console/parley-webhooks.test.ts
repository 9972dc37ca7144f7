import { expect } from 'chai';
import type { WebhookDelivery, WebhookEndpoint } from '../protocol/index.ts';
import './parley-webhooks.ts';
import { cleanup, mount, stubFetch, until } from './test/fixtures.ts';

const hook = (over: Partial<WebhookEndpoint> = {}): WebhookEndpoint => ({
  id: 'h1', url: 'https://crm.example/parley', events: ['ticket.created', 'message.created'], active: true, failingSince: null, createdAt: '2026-01-01T00:00:00Z', ...over,
});
const delivery = (over: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  id: 'd1aaaaaa-0000-4000-8000-000000000000', eventId: 'e1', type: 'ticket.created', ticketId: 't1', state: 'failed', attempts: 17,
  createdAt: '2026-01-01T00:00:00Z', lastAttemptAt: '2026-01-02T00:00:00Z', nextAttemptAt: null, responseStatus: 500, durationMs: 42, response: 'internal error', ...over,
});

describe('parley-webhooks', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  it('shows which endpoints are failing', async () => {
    restore = stubFetch((url) => (url.pathname === '/api/webhooks' ? { body: { webhooks: [hook(), hook({ id: 'h2', url: 'https://down.example/x', failingSince: '2026-01-02T00:00:00Z' })] } } : undefined));
    const el = await mount('parley-webhooks');
    const root = el.shadowRoot!;
    const down = await until(() => root.querySelector('[data-hook=h2]'), 'failing hook');
    expect(down.querySelector('[data-failing]')!.textContent).to.contain('Failing since');
    expect(root.querySelector('[data-hook=h1] [data-failing]')).to.not.exist;
    expect(root.querySelector('[data-hook=h1]')!.textContent).to.contain('message.created');
  });

  it('creates an endpoint with the chosen events and shows its secret', async () => {
    const bodies: unknown[] = [];
    restore = stubFetch((url, init) => {
      if (url.pathname !== '/api/webhooks') return undefined;
      if (init?.method === 'POST') {
        bodies.push(JSON.parse(String(init.body)));
        return { status: 201, body: { ...hook({ id: 'h9', url: 'https://new.example/hook', events: ['ticket.closed'] }), secret: 'whsec_shown-once' } };
      }
      return { body: { webhooks: [] } };
    });
    const el = await mount('parley-webhooks');
    const root = el.shadowRoot!;
    const form = root.querySelector('form')!;
    form.querySelector<HTMLInputElement>('input[name=url]')!.value = 'not a url';
    form.requestSubmit();
    await el.updateComplete;
    expect(form.querySelector('[role=alert]')!.textContent).to.contain('URL');
    form.querySelector<HTMLInputElement>('input[name=url]')!.value = 'https://new.example/hook';
    form.requestSubmit();
    await el.updateComplete;
    expect(form.querySelector('[role=alert]')!.textContent).to.contain('at least one event');
    form.querySelector<HTMLInputElement>('input[value="ticket.closed"]')!.checked = true;
    form.requestSubmit();
    const secret = await until(() => root.querySelector('[data-hook=h9] [data-secret]'), 'secret');
    expect(secret.textContent).to.equal('whsec_shown-once');
    expect(bodies).to.deep.equal([{ url: 'https://new.example/hook', events: ['ticket.closed'] }]);
  });

  it('opens the delivery log and redelivers a failed delivery', async () => {
    const redelivered: string[] = [];
    restore = stubFetch((url, init) => {
      if (url.pathname === '/api/webhooks') return { body: { webhooks: [hook()] } };
      if (url.pathname === '/api/webhooks/h1/deliveries') return { body: { deliveries: [delivery(), delivery({ id: 'd2', state: 'delivered', attempts: 1, responseStatus: 200, response: 'ok' })] } };
      if (init?.method === 'POST' && url.pathname.endsWith('/redeliver')) {
        redelivered.push(url.pathname);
        return { body: delivery({ state: 'pending', attempts: 0, nextAttemptAt: '2026-01-03T00:00:00Z' }) };
      }
      return undefined;
    });
    const el = await mount('parley-webhooks');
    const card = await until(() => el.shadowRoot!.querySelector('[data-hook=h1]'), 'hook');
    [...card.querySelectorAll('button')].find((b) => b.textContent === 'Deliveries')!.click();
    const log = await until(() => card.querySelector('parley-webhook-deliveries'), 'log');
    const row = await until(() => log.shadowRoot!.querySelector(`tr[data-delivery="${delivery().id}"]`), 'delivery row');
    expect(row.textContent).to.contain('failed');
    expect(row.textContent).to.contain('500');
    expect(row.textContent).to.contain('42 ms');
    expect(row.textContent).to.contain('internal error');
    row.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => log.shadowRoot!.querySelector(`tr[data-delivery="${delivery().id}"] .state-pending`), 'pending again');
    expect(redelivered).to.deep.equal([`/api/webhooks/h1/deliveries/${delivery().id}/redeliver`]);
    expect(log.shadowRoot!.querySelector(`tr[data-delivery="${delivery().id}"] button`)!.hasAttribute('disabled')).to.equal(true);
  });

  it('loads the log again on Refresh, keeping the rows meanwhile, and says why a load failed', async () => {
    let loads = 0;
    let fail = false;
    restore = stubFetch((url) => {
      if (url.pathname === '/api/webhooks') return { body: { webhooks: [hook()] } };
      if (url.pathname === '/api/webhooks/h1/deliveries') {
        loads++;
        return fail ? { status: 500, body: { error: { code: 'internal', message: 'database away' } } } : { body: { deliveries: [delivery()] } };
      }
      return undefined;
    });
    const el = await mount('parley-webhooks');
    const card = await until(() => el.shadowRoot!.querySelector('[data-hook=h1]'), 'hook');
    [...card.querySelectorAll('button')].find((b) => b.textContent === 'Deliveries')!.click();
    const log = await until(() => card.querySelector('parley-webhook-deliveries'), 'log');
    await until(() => log.shadowRoot!.querySelector('tr[data-delivery]'), 'delivery row');
    expect(loads).to.equal(1);
    fail = true;
    [...log.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Refresh')!.click();
    const error = await until(() => log.shadowRoot!.querySelector('[role=alert]'), 'the error');
    expect(loads).to.equal(2);
    expect(error.textContent).to.contain('database away');
    expect(log.shadowRoot!.querySelector('tr[data-delivery]'), 'the rows stay').to.exist;
  });

  it('pauses an endpoint with a PATCH', async () => {
    const patches: unknown[] = [];
    restore = stubFetch((url, init) => {
      if (init?.method === 'PATCH' && url.pathname === '/api/webhooks/h1') {
        patches.push(JSON.parse(String(init.body)));
        return { body: hook({ active: false }) };
      }
      return url.pathname === '/api/webhooks' ? { body: { webhooks: [hook()] } } : undefined;
    });
    const el = await mount('parley-webhooks');
    const card = await until(() => el.shadowRoot!.querySelector('[data-hook=h1]'), 'hook');
    [...card.querySelectorAll('button')].find((b) => b.textContent === 'Pause')!.click();
    await until(() => [...el.shadowRoot!.querySelectorAll('[data-hook=h1] button')].find((b) => b.textContent === 'Resume'), 'resumed button');
    expect(patches).to.deep.equal([{ active: false }]);
  });
});
