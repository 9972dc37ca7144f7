import { expect } from 'chai';
import type { Site, Team, User } from '../protocol/index.ts';
import './parley-teams.ts';
import { cleanup, mount, stubFetch, until } from './test/fixtures.ts';

const user = (id: string, name: string, active = true): User => ({
  id, email: `${id}@example.test`, name, role: 'member', active, status: 'online', capacity: 5, createdAt: '2026-01-01T00:00:00Z',
});
const site = { id: 's1', name: 'Shop', categories: ['Billing', 'Technical', 'Account'] } as Site;
const billing: Team = { id: 't1', name: 'Billing desk', memberIds: ['u1'], categories: ['Billing'], createdAt: '2026-01-01T00:00:00Z' };

describe('parley-teams', () => {
  let restore = () => {};
  let sent: { method: string; path: string; body: unknown }[] = [];
  beforeEach(() => {
    sent = [];
    restore = stubFetch((url, init) => {
      const method = init?.method ?? 'GET';
      if (method !== 'GET') sent.push({ method, path: url.pathname, body: init?.body ? JSON.parse(String(init.body)) : null });
      if (url.pathname === '/api/teams' && method === 'GET') return { body: { teams: [billing] } };
      if (url.pathname === '/api/teams' && method === 'POST') {
        const body = JSON.parse(String(init!.body));
        if (body.name === 'Billing desk') return { status: 409, body: { error: { code: 'conflict', message: 'a team with this name exists' } } };
        return { status: 201, body: { id: 't2', createdAt: '2026-01-02T00:00:00Z', ...body } };
      }
      if (url.pathname === '/api/teams/t1' && method === 'PATCH') return { body: { ...billing, ...JSON.parse(String(init!.body)) } };
      if (url.pathname === '/api/teams/t1' && method === 'DELETE') return { body: {} };
      if (url.pathname === '/api/users') return { body: { users: [user('u1', 'Mia'), user('u2', 'Tom'), user('u3', 'Gone', false)] } };
      if (url.pathname === '/api/sites') return { body: { sites: [site] } };
      return undefined;
    });
  });
  afterEach(() => {
    cleanup();
    restore();
  });

  it('lists teams with member names, and offers active members and the free categories', async () => {
    const el = await mount('parley-teams');
    const root = el.shadowRoot!;
    const row = await until(() => root.querySelector('tr[data-team="Billing desk"]'), 'team row');
    expect(row.textContent).to.contain('Mia');
    const members = [...root.querySelectorAll<HTMLInputElement>('input[name=member]')].map((i) => i.value);
    expect(members).to.deep.equal(['u1', 'u2']);
    const cats = [...root.querySelectorAll<HTMLInputElement>('input[name=category]')];
    expect(cats.map((c) => [c.value, c.disabled])).to.deep.equal([['Account', false], ['Billing', true], ['Technical', false]]);
  });

  it('creates a team from the form, and shows the server\'s refusal', async () => {
    const el = await mount('parley-teams');
    const root = el.shadowRoot!;
    await until(() => root.querySelector('input[name=member]'), 'form');
    const form = root.querySelector('form')!;
    form.requestSubmit();
    await el.updateComplete;
    expect(form.querySelector('[role=alert]')!.textContent).to.contain('needs a name');
    form.querySelector<HTMLInputElement>('input[name=name]')!.value = 'Tech';
    form.querySelector<HTMLInputElement>('input[name=member][value=u2]')!.checked = true;
    form.querySelector<HTMLInputElement>('input[name=category][value=Technical]')!.checked = true;
    form.requestSubmit();
    await until(() => root.querySelector('tr[data-team="Tech"]'), 'new team');
    expect(sent).to.deep.equal([{ method: 'POST', path: '/api/teams', body: { name: 'Tech', memberIds: ['u2'], categories: ['Technical'] } }]);
    form.querySelector<HTMLInputElement>('input[name=name]')!.value = 'Billing desk';
    form.requestSubmit();
    const alert = await until(() => form.querySelector('[role=alert]'), 'conflict');
    expect(alert.textContent).to.equal('a team with this name exists');
  });

  it('edits a team in the same form (its own categories stay selectable), and deletes one', async () => {
    const el = await mount('parley-teams');
    const root = el.shadowRoot!;
    const edit = await until(() => root.querySelector<HTMLButtonElement>('button[aria-label="Edit Billing desk"]'), 'edit');
    edit.click();
    await el.updateComplete;
    const form = root.querySelector('form')!;
    expect(form.querySelector('h2')!.textContent).to.equal('Edit Billing desk');
    const billingBox = form.querySelector<HTMLInputElement>('input[name=category][value=Billing]')!;
    expect([billingBox.checked, billingBox.disabled]).to.deep.equal([true, false]);
    form.querySelector<HTMLInputElement>('input[name=member][value=u2]')!.checked = true;
    form.requestSubmit();
    await until(() => sent.length, 'patch');
    expect(sent[0]).to.deep.equal({ method: 'PATCH', path: '/api/teams/t1', body: { name: 'Billing desk', memberIds: ['u1', 'u2'], categories: ['Billing'] } });
    await until(() => root.querySelector('tr[data-team="Billing desk"]')!.textContent!.includes('Tom'), 'updated row');
    root.querySelector<HTMLButtonElement>('button[aria-label="Delete Billing desk"]')!.click();
    await until(() => !root.querySelector('tr[data-team="Billing desk"]'), 'deleted');
    expect(sent.at(-1)).to.deep.equal({ method: 'DELETE', path: '/api/teams/t1', body: null });
  });
});
