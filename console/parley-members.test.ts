import { expect } from 'chai';
import type { User } from '../protocol/index.ts';
import './parley-members.ts';
import { cleanup, mount, stubFetch, until } from './test/fixtures.ts';

describe('parley-members', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  const me: User = { id: 'a1', email: 'admin@example.test', name: 'Admin', role: 'admin', active: true, status: 'online', capacity: 5, createdAt: '2026-01-01T00:00:00Z' };

  it('never offers to deactivate yourself, and shows the server\'s refusal of a new account', async () => {
    restore = stubFetch((url, init) => {
      if (url.pathname !== '/api/users') return undefined;
      if (init?.method === 'POST') return { status: 409, body: { error: { code: 'conflict', message: 'an account with this email exists' } } };
      return { body: { users: [me] } };
    });
    const el = await mount('parley-members', { me });
    const root = el.shadowRoot!;
    const row = await until(() => root.querySelector('tr[data-user="admin@example.test"]'), 'own row');
    expect(row.querySelector('button')).to.equal(null);
    const form = root.querySelector('form')!;
    form.querySelector<HTMLInputElement>('input[name=name]')!.value = 'Dup';
    form.querySelector<HTMLInputElement>('input[name=email]')!.value = 'admin@example.test';
    form.requestSubmit();
    const alert = await until(() => form.querySelector('[role=alert]'), 'error');
    expect(alert.textContent).to.equal('an account with this email exists');
  });

  it('sets a member\'s capacity, and refuses one out of range without asking the server', async () => {
    const mia: User = { ...me, id: 'm1', email: 'mia@example.test', name: 'Mia', role: 'member', capacity: 5 };
    const patches: unknown[] = [];
    restore = stubFetch((url, init) => {
      if (url.pathname === '/api/users') return { body: { users: [me, mia] } };
      if (url.pathname === '/api/users/m1' && init?.method === 'PATCH') {
        patches.push(JSON.parse(String(init.body)));
        return { body: { ...mia, capacity: 8 } };
      }
      return undefined;
    });
    const el = await mount('parley-members', { me });
    const root = el.shadowRoot!;
    const field = await until(() => root.querySelector<HTMLInputElement>('tr[data-user="mia@example.test"] input.capacity'), 'capacity field');
    expect(field.getAttribute('aria-label')).to.contain('Capacity of Mia');
    field.value = '8';
    field.dispatchEvent(new Event('change'));
    await until(() => patches.length, 'the patch');
    expect(patches).to.deep.equal([{ capacity: 8 }]);
    await until(() => root.querySelector<HTMLInputElement>('tr[data-user="mia@example.test"] input.capacity')!.value === '8', 'the saved value');
    field.value = '1000';
    field.dispatchEvent(new Event('change'));
    const alert = await until(() => root.querySelector('[role=alert]'), 'error');
    expect(alert.textContent).to.contain('0 to 100');
    expect(patches).to.have.length(1);
  });
});
