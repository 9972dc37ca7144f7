import { expect } from 'chai';
import type { User } from '../protocol/index.ts';
import './parley-login.ts';
import { cleanup, mount, record, stubFetch, until } from './test/fixtures.ts';

describe('parley-login', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  const fill = (el: HTMLElement, email: string, password: string) => {
    const root = el.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[name=email]')!.value = email;
    root.querySelector<HTMLInputElement>('input[name=password]')!.value = password;
    root.querySelector('form')!.requestSubmit();
  };

  it('asks for both fields before calling the server', async () => {
    let calls = 0;
    restore = stubFetch(() => (calls++, undefined));
    const el = await mount('parley-login');
    fill(el, 'mia@example.test', '');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('Enter your email and password.');
    expect(calls).to.equal(0);
  });

  it('says plainly that the credentials do not match, without telling which', async () => {
    restore = stubFetch(() => ({ status: 401, body: { error: { code: 'unauthorized', message: 'invalid credentials' } } }));
    const el = await mount('parley-login');
    fill(el, 'mia@example.test', 'wrong-password-1');
    const alert = await until(() => el.shadowRoot!.querySelector('[role=alert]'), 'alert');
    expect(alert.textContent).to.equal('That email and password do not match an active account.');
  });

  it('announces the signed-in user', async () => {
    const user: User = { id: 'u1', email: 'mia@example.test', name: 'Mia', role: 'member', active: true, status: 'online', capacity: 5, createdAt: '2026-01-01T00:00:00Z' };
    restore = stubFetch((url, init) => (url.pathname === '/api/auth/login' && init?.method === 'POST' ? { body: { user } } : undefined));
    const el = await mount('parley-login');
    const signedIn = record<User>(el, 'parley-signed-in');
    fill(el, 'mia@example.test', 'member-password-1');
    await until(() => signedIn.length, 'signed-in event');
    expect(signedIn).to.deep.equal([user]);
  });
});
