// The ticket form's email field and transcript choice, in real Chromium: shown as the site's
// askEmail asks (and not when the customer's email is known), required or optional, checked before
// sending, errors that clear as the customer types, and what the form hands to createTicket.
import { expect } from 'chai';
import type { NewTicket, VisitorSession } from '../protocol/index.ts';
import { createStore, type Store } from './actions.ts';
import { show } from './app.tsx';
import { $, until } from './test/helpers.ts';

let host: HTMLElement | undefined;

async function form(site: Record<string, unknown>, email: string | null = null, locale = 'en') {
  host?.remove();
  host = document.body.appendChild(document.createElement('div'));
  const root = host.attachShadow({ mode: 'open' });
  const s: Store = createStore({ siteKey: `contact-${Math.random()}`, server: 'http://127.0.0.1:9', theme: {}, locale, emit() {}, badge() {}, opened() {} });
  const sent: NewTicket[] = [];
  // The form's one way out; what reaches the server is tested in server/test/ticket-email.test.ts.
  s.createTicket = async (input: NewTicket) => (sent.push(input), true);
  show(s, root);
  s.session.value = { visitorToken: 'x', customer: { id: 'c1', email }, site: { id: 's1', name: 'Shop', categories: [], requireIdentity: false, ...site } } as unknown as VisitorSession;
  s.isOpen.value = true;
  s.go({ name: 'new' });
  type(await until(() => $<HTMLTextAreaElement>(root, '#p-desc')), 'My parcel is late');
  return { s, root, sent };
}

function type(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
const submit = (root: ShadowRoot) => $(root, 'form .primary')!.click();
const tick = () => new Promise((r) => setTimeout(r, 50));

describe('the ticket form: email and transcript', () => {
  afterEach(() => host?.remove());

  it('asks nothing when the site does not ask, and offers no transcript without an address', async () => {
    const { root, sent } = await form({ askEmail: 'off' });
    expect($(root, '#p-email')).to.equal(null);
    expect($(root, '[name=transcript]')).to.equal(null);
    submit(root);
    await until(() => sent.length === 1);
    expect(sent[0]).to.not.have.property('email');
  });

  it('requires a valid email when the site says so, clears the error as the customer types, and sends it with the transcript choice', async () => {
    const { root, sent } = await form({ askEmail: 'required' });
    const email = await until(() => $<HTMLInputElement>(root, '#p-email'));
    expect(email.getAttribute('aria-required')).to.equal('true');
    expect(root.querySelector('label[for=p-email]')!.textContent).to.equal('Email (for our reply)');
    submit(root);
    await until(() => $(root, '#p-mail-err'));
    expect($(root, '#p-mail-err')!.textContent).to.equal('Please give an email so we can reply.');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(root.activeElement).to.equal(email);
    type(email, 'lena@shop');
    await until(() => !$(root, '#p-mail-err'), 4000, 'the error to clear');
    submit(root);
    await until(() => $(root, '#p-mail-err'));
    expect($(root, '#p-mail-err')!.textContent).to.equal('This email address does not look right.');
    expect(sent).to.have.length(0);
    type(email, ' lena@shop.test ');
    $<HTMLInputElement>(root, '[name=transcript]')!.click();
    submit(root);
    await until(() => sent.length === 1);
    expect(sent[0]).to.include({ email: 'lena@shop.test', transcript: true, description: 'My parcel is late' });
  });

  it('leaves an optional email out when blank, and asks nothing of a customer whose email is known', async () => {
    const optional = await form({ askEmail: 'optional' });
    expect(optional.root.querySelector('label[for=p-email]')!.textContent).to.equal('Email (optional, for our reply)');
    submit(optional.root);
    await until(() => optional.sent.length === 1);
    expect(optional.sent[0]).to.not.have.property('email');
    expect(optional.sent[0]).to.not.have.property('transcript');

    const known = await form({ askEmail: 'required' }, 'lena@shop.test');
    expect($(known.root, '#p-email')).to.equal(null);
    expect($(known.root, '[name=transcript]'), 'a known address can get a transcript').to.not.equal(null);
    submit(known.root);
    await until(() => known.sent.length === 1);
    await tick();
    expect(known.sent).to.have.length(1);
  });

  it('offers no transcript checkbox when the site mails every transcript anyway', async () => {
    const { root } = await form({ askEmail: 'optional', transcripts: true });
    expect($(root, '#p-email')).to.not.equal(null);
    expect($(root, '[name=transcript]')).to.equal(null);
  });

  it('speaks Arabic', async () => {
    const { root } = await form({ askEmail: 'required' }, null, 'ar');
    await until(() => root.querySelector('label[for=p-email]')?.textContent === 'البريد الإلكتروني (لردنا)', 4000, 'the Arabic label');
  });
});
