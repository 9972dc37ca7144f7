import { expect } from 'chai';
import type { CannedResponse } from '../protocol/index.ts';
import './parley-canned-responses.ts';
import { cleanup, mount, stubFetch, until } from './test/fixtures.ts';

const make = (shortcut: string, scope: 'team' | 'personal'): CannedResponse => ({ id: `id-${shortcut}`, shortcut, title: `Title ${shortcut}`, body: `Body {{customer.name}} ${shortcut}`, scope, ownerId: scope === 'team' ? null : 'u1', createdAt: '', updatedAt: '' });

describe('parley-canned-responses', () => {
  let restore = () => {};
  afterEach(() => {
    cleanup();
    restore();
  });

  function serve(list: CannedResponse[]) {
    const calls: { method: string; path: string; body: unknown }[] = [];
    restore = stubFetch((url, init) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, path: url.pathname, body });
      if (method === 'GET') return { body: { cannedResponses: list } };
      if (method === 'POST') return body.shortcut === 'taken' ? { status: 409, body: { error: { code: 'conflict', message: 'the shortcut /taken is already taken' } } } : { status: 201, body: { ...make(body.shortcut, body.scope), ...body } };
      if (method === 'PATCH') return { body: { ...list.find((r) => url.pathname.endsWith(r.id))!, ...body } };
      return undefined;
    });
    return calls;
  }

  const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-shortcut'));

  it('lists only its scope and creates a reply in it', async () => {
    const calls = serve([make('refund', 'team'), make('sig', 'personal')]);
    const el = await mount('parley-canned-responses', { scope: 'team' });
    await until(() => el.shadowRoot!.querySelector('tbody tr'), 'rows');
    expect(rows(el)).to.deep.equal(['refund']);
    const form = el.shadowRoot!.querySelector('form')!;
    (form.elements.namedItem('shortcut') as HTMLInputElement).value = '/hello';
    (form.elements.namedItem('title') as HTMLInputElement).value = 'Greeting';
    (form.elements.namedItem('body') as HTMLTextAreaElement).value = 'Hi {{customer.name}}';
    form.requestSubmit();
    await until(() => rows(el).includes('hello'), 'the new row');
    expect(calls.at(-1)).to.deep.equal({ method: 'POST', path: '/api/canned-responses', body: { shortcut: 'hello', title: 'Greeting', body: 'Hi {{customer.name}}', scope: 'team' } });
  });

  it('edits a reply in the form, and shows the server\'s refusal in plain words', async () => {
    const calls = serve([make('sig', 'personal')]);
    const el = await mount('parley-canned-responses', { scope: 'personal' });
    const edit = await until(() => el.shadowRoot!.querySelector<HTMLButtonElement>('tbody button'), 'edit button');
    expect(edit.textContent).to.equal('Edit /sig');
    edit.click();
    await el.updateComplete;
    const form = el.shadowRoot!.querySelector('form')!;
    expect((form.elements.namedItem('title') as HTMLInputElement).value).to.equal('Title sig');
    (form.elements.namedItem('title') as HTMLInputElement).value = 'Signature';
    form.requestSubmit();
    await until(() => el.shadowRoot!.querySelector('tbody')!.textContent!.includes('Signature'), 'the saved title');
    expect(calls.at(-1)).to.deep.include({ method: 'PATCH', path: '/api/canned-responses/id-sig' });
    (form.elements.namedItem('shortcut') as HTMLInputElement).value = 'taken';
    (form.elements.namedItem('title') as HTMLInputElement).value = 'x';
    (form.elements.namedItem('body') as HTMLTextAreaElement).value = 'y';
    form.requestSubmit();
    const alert = await until(() => el.shadowRoot!.querySelector('form [role=alert]'), 'the error');
    expect(alert.textContent).to.contain('already taken');
  });
});
