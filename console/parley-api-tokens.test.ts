import { expect } from 'chai';
import type { ApiToken } from '../protocol/index.ts';
import './parley-api-tokens.ts';
import { cleanup, mount, stubFetch, until } from './test/fixtures.ts';

const token = (over: Partial<ApiToken> = {}): ApiToken => ({
  id: 'k1', name: 'CRM sync', scopes: ['tickets:read'], hint: 'parley_pat_AbCd', createdAt: '2026-01-01T00:00:00Z', lastUsedAt: null, ...over,
});

describe('parley-api-tokens', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  it('lists tokens with their scopes and when each was last used', async () => {
    restore = stubFetch((url) => (url.pathname === '/api/tokens' ? { body: { tokens: [token(), token({ id: 'k2', name: 'Billing', scopes: ['messages:write', 'messages:read'], lastUsedAt: '2026-02-03T10:00:00Z' })] } } : undefined));
    const el = await mount('parley-api-tokens');
    const root = el.shadowRoot!;
    const rows = await until(() => (root.querySelectorAll('tr[data-token-id]').length === 2 ? root.querySelectorAll('tr[data-token-id]') : null), 'rows');
    expect(rows[0]!.querySelector('[data-last-used]')!.textContent).to.equal('never');
    expect(rows[1]!.querySelector('[data-last-used]')!.textContent).to.not.equal('never');
    expect(rows[1]!.textContent).to.contain('messages:write');
    expect(root.textContent).to.not.contain('parley_pat_secret');
  });

  it('asks for a name and a scope, then shows the new token once', async () => {
    const bodies: unknown[] = [];
    restore = stubFetch((url, init) => {
      if (url.pathname !== '/api/tokens') return undefined;
      if (init?.method === 'POST') {
        bodies.push(JSON.parse(String(init.body)));
        return { status: 201, body: { ...token({ id: 'k9', name: 'Exporter', scopes: ['tickets:read', 'users:read'] }), token: 'parley_pat_secret-value' } };
      }
      return { body: { tokens: [] } };
    });
    const el = await mount('parley-api-tokens');
    const root = el.shadowRoot!;
    await until(() => root.querySelector('parley-state:not([kind=loading])'), 'empty state');
    const form = root.querySelector('form')!;
    form.querySelector<HTMLInputElement>('input[name=name]')!.value = 'Exporter';
    form.requestSubmit();
    await el.updateComplete;
    expect(form.querySelector('[role=alert]')!.textContent).to.contain('at least one scope');
    expect(bodies).to.deep.equal([]);
    for (const s of ['tickets:read', 'users:read']) form.querySelector<HTMLInputElement>(`input[value="${s}"]`)!.checked = true;
    form.requestSubmit();
    const shown = await until(() => root.querySelector('[data-token]'), 'token shown');
    expect(bodies).to.deep.equal([{ name: 'Exporter', scopes: ['tickets:read', 'users:read'] }]);
    expect(shown.textContent).to.equal('parley_pat_secret-value');
    expect(root.querySelector('[role=status]')!.textContent).to.contain('not shown again');
    expect(root.querySelector('tr[data-token-id=k9]')).to.exist;
    // Leaving the page forgets it: a fresh page lists the token without its secret.
    cleanup();
    const again = await mount('parley-api-tokens');
    await until(() => again.shadowRoot!.querySelector('parley-state:not([kind=loading])'), 'reloaded');
    expect(again.shadowRoot!.textContent).to.not.contain('parley_pat_secret-value');
  });

  it('revokes a token after confirmation', async () => {
    const deleted: string[] = [];
    restore = stubFetch((url, init) => {
      if (init?.method === 'DELETE') {
        deleted.push(url.pathname);
        return { status: 200, body: null };
      }
      return url.pathname === '/api/tokens' ? { body: { tokens: [token()] } } : undefined;
    });
    const confirmOriginal = window.confirm;
    window.confirm = () => true;
    try {
      const el = await mount('parley-api-tokens');
      const row = await until(() => el.shadowRoot!.querySelector('tr[data-token-id=k1]'), 'row');
      row.querySelector<HTMLButtonElement>('button')!.click();
      await until(() => !el.shadowRoot!.querySelector('tr[data-token-id=k1]'), 'row gone');
      expect(deleted).to.deep.equal(['/api/tokens/k1']);
    } finally {
      window.confirm = confirmOriginal;
    }
  });

  it('shows the server refusal when creating fails', async () => {
    restore = stubFetch((url, init) => {
      if (url.pathname !== '/api/tokens') return undefined;
      if (init?.method === 'POST') return { status: 403, body: { error: { code: 'forbidden', message: 'admins only' } } };
      return { body: { tokens: [] } };
    });
    const el = await mount('parley-api-tokens');
    const root = el.shadowRoot!;
    const form = root.querySelector('form')!;
    form.querySelector<HTMLInputElement>('input[name=name]')!.value = 'X';
    form.querySelector<HTMLInputElement>('input[value="tickets:read"]')!.checked = true;
    form.requestSubmit();
    const alert = await until(() => form.querySelector('[role=alert]'), 'alert');
    expect(alert.textContent).to.contain('admins only');
    expect(root.querySelector('[data-token]')).to.not.exist;
  });
});
