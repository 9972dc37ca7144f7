// The panel's components in real Chromium, on a store seeded by hand (no server needed), plus one
// real network failure: rendering safety, states, right-to-left layout, phones, keyboard.
import { emulateMedia } from '@web/test-runner-commands';
import { expect } from 'chai';
import type { Message, Ticket, VisitorSession } from '../protocol/index.ts';
import { createStore, type Store } from './actions.ts';
import { show } from './app.tsx';
import launcherCss from './launcher.styles.ts';
import { $, $$, ticket, until } from './test/helpers.ts';

const events: string[] = [];
let host: HTMLElement | undefined;

/** A store whose server cannot be reached (port 9 refuses), shown in a fresh shadow root. */
function setup(locale = 'en'): { s: Store; root: ShadowRoot } {
  host?.remove();
  host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const s = createStore({
    siteKey: `test-${Math.random()}`,
    server: 'http://127.0.0.1:9',
    theme: {},
    locale,
    emit: (e) => events.push(e),
    badge: () => {},
    opened: () => {},
  });
  show(s, root);
  return { s, root };
}

const message = (seq: number, body: string, kind: 'customer' | 'member' = 'member'): Message => ({
  id: `m${seq}`, ticketId: 't1', seq, clientId: `c${seq}`, author: { kind, id: kind === 'member' ? 'u1' : 'c1', name: kind === 'member' ? 'Maya' : null },
  body, createdAt: '2026-01-01T10:05:00Z',
});

/** Opens the panel on ticket t1 with these messages, without any server. */
async function chat(s: Store, root: ShadowRoot, over: Partial<Ticket> = {}, messages: Message[] = []) {
  s.tickets.value = [ticket(over)];
  s.messages.value = { t1: messages };
  s.isOpen.value = true;
  s.view.value = { name: 'ticket', id: 't1' };
  return until(() => $(root, '.panel'));
}

describe('widget components', () => {
  afterEach(() => host?.remove());

  it('renders message text as text, with only http(s) links clickable', async () => {
    const { s, root } = setup();
    await chat(s, root, {}, [
      message(1, '<b>bold?</b><script>window.hacked=1</script> javascript:alert(1) see https://example.com/a?b=1, thanks'),
      message(2, 'mine: www.example.org and http://x.test/path.', 'customer'),
    ]);
    const [theirs, mine] = $$(root, '.bubble');
    expect(theirs!.querySelector('b, script')).to.equal(null);
    expect(theirs!.textContent).to.contain('<b>bold?</b><script>');
    expect([...theirs!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.com/a?b=1']);
    expect([...mine!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['http://x.test/path']);
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
    expect($$(root, '.meta').map((m) => m.textContent)).to.deep.equal([`Maya · ${new Date('2026-01-01T10:05:00Z').toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' })}`, `${new Date('2026-01-01T10:05:00Z').toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' })} · Sent`]);
    s.theirRead.value = { t1: 2 };
    await until(() => $$(root, '.meta')[1]!.textContent!.endsWith('Seen'));
  });

  it('shows each unsent message as sending or failed, with a retry', async () => {
    const { s, root } = setup();
    await chat(s, root);
    s.pending.value = [
      { clientId: 'a', ticketId: 't1', body: 'on its way', state: 'sending', tries: 0 },
      { clientId: 'b', ticketId: 't1', body: 'refused', state: 'failed', error: 'ticket is closed', tries: 0 },
      { clientId: 'c', ticketId: 'other', body: 'another ticket', state: 'sending', tries: 0 },
    ];
    await until(() => $$(root, '.msg').length === 2);
    expect($(root, '.msg.sending .meta')!.textContent).to.equal('Sending…');
    const retry = $(root, '.msg.failed button')!;
    expect(retry.textContent).to.equal('Not sent (ticket is closed) · Retry');
  });

  it('turns chat off once the ticket is closed, and keeps the history', async () => {
    const { s, root } = setup();
    await chat(s, root, {}, [message(1, 'hello')]);
    const field = await until(() => $<HTMLTextAreaElement>(root, '.composer textarea'));
    expect(field.getAttribute('aria-label')).to.equal('Write a message…');
    expect(getComputedStyle(field).fontSize).to.equal('16px');
    s.tickets.value = [ticket({ status: 'closed' })];
    await until(() => !$(root, '.composer'));
    expect($$(root, '.note').at(-1)!.textContent).to.contain('closed');
    expect($$(root, '.bubble').length).to.equal(1);
    expect($(root, '.pill')!.textContent).to.equal('Closed');
  });

  it('explains an open or rejected ticket instead of a composer', async () => {
    const { s, root } = setup();
    await chat(s, root, { status: 'open', assignee: null });
    expect($(root, '.note')!.textContent).to.contain('Waiting for a support member');
    s.tickets.value = [ticket({ status: 'rejected', rejectReason: 'Please write to billing@example.com' })];
    await until(() => $(root, '.note')!.textContent!.includes('rejected'));
    expect($(root, '.note')!.textContent).to.contain('Please write to billing@example.com');
    expect($(root, '.composer')).to.equal(null);
  });

  it('says in plain words when the server cannot be reached', async () => {
    const { s, root } = setup();
    s.open();
    const alert = await until(() => $(root, '[role=alert]'), 8000, 'the error');
    expect(alert.textContent).to.equal('Cannot reach support. Check your connection and try again.');
    expect(events).to.include('opened');
  });

  it('mirrors the layout in Arabic', async () => {
    const { s, root } = setup('ar');
    const panel = await chat(s, root, {}, [message(1, 'مرحبا'), message(2, 'شكرا', 'customer')]);
    expect(panel.getAttribute('dir')).to.equal('rtl');
    expect($(root, 'h2')!.textContent).to.equal('الدعم');
    expect($(root, '.pill')!.textContent).to.equal('مقبولة');
    const [theirs, mine] = $$(root, '.msg').map((m) => m.getBoundingClientRect());
    const box = panel.getBoundingClientRect();
    // In RTL the customer's own messages sit on the left, the member's on the right.
    expect(mine!.left - box.left).to.be.lessThan(40);
    expect(box.right - theirs!.right).to.be.lessThan(40);
    // The back button comes first on the right.
    const back = $(root, 'header .icon')!.getBoundingClientRect();
    expect(back.right).to.be.closeTo(box.right - 12, 2);
  });

  it('can be driven by keyboard: focus moves into each view, Escape closes', async () => {
    const { s, root } = setup();
    s.tickets.value = [ticket({ status: 'open' })];
    s.isOpen.value = true;
    await until(() => root.activeElement?.classList.contains('greet'), 4000, 'focus on the greeting');
    s.go({ name: 'new' });
    await until(() => root.activeElement?.getAttribute('for') === 'p-cat', 4000, 'focus on the form');
    expect($(root, '#p-cat')!.tagName).to.equal('SELECT');
    expect($(root, 'label[for=p-desc]')).not.to.equal(null);
    // The form refuses an empty description, says why, and points the field at the message.
    $(root, 'form .primary')!.click();
    const error = await until(() => $(root, '#p-err'));
    expect(error.textContent).to.equal('Please describe the problem.');
    expect($(root, '#p-desc')!.getAttribute('aria-describedby')).to.equal('p-err');
    expect(root.activeElement).to.equal($(root, '#p-desc'));
    $(root, '.panel')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await until(() => !$(root, '.panel'));
    expect(events).to.include('closed');
  });
});

describe('widget look and feel', () => {
  afterEach(async () => {
    host?.remove();
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  it('shows the faces of the staff online and the usual reply time in the header', async () => {
    const { s, root } = setup();
    await chat(s, root);
    s.connection.value = 'open';
    s.staff.value = [{ kind: 'member', id: 'u1', name: 'Maya Lopez' }, { kind: 'admin', id: 'u2', name: 'ali' }];
    await until(() => $$(root, 'header .face').length === 2);
    expect($$(root, 'header .face').map((f) => f.textContent)).to.deep.equal(['ML', 'A']);
    expect($(root, 'header small')!.textContent).to.equal('We are online');
    s.replyTime.value = 290;
    await until(() => $(root, 'header small')!.textContent === 'We typically reply in 5 minutes');
    s.replyTime.value = 3 * 3600;
    await until(() => $(root, 'header small')!.textContent === 'We typically reply in 3 hours');
    s.staff.value = [];
    await until(() => !$(root, 'header .face'));
  });

  it('says when the team is back outside its hours while no one is online, in the visitor\'s own time', async () => {
    const { s, root } = setup();
    await chat(s, root);
    s.connection.value = 'open';
    const backAt = new Date(Date.now() + 26 * 3600_000);
    const site = (availability: unknown) => ({ visitorToken: 'x', customer: { id: 'c1' }, site: { id: 's1', name: 'Shop', categories: [], availability } }) as unknown as VisitorSession;
    s.session.value = site({ open: false, backAt: backAt.toISOString() });
    const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(backAt);
    await until(() => / at /.test($(root, 'header small')?.textContent ?? ''), 4000, 'the back-at line');
    expect($(root, 'header small')!.textContent).to.match(new RegExp(`^Back (tomorrow|\\w+day) at ${time}$`));
    // Someone online answers now: the usual promise again.
    s.staff.value = [{ kind: 'member', id: 'u1', name: 'Maya Lopez' }];
    await until(() => $(root, 'header small')!.textContent === 'We are online');
    // Open again (hours): no back-at line.
    s.staff.value = [];
    s.session.value = site({ open: true, backAt: null });
    await until(() => !/Back/.test($(root, 'header small')?.textContent ?? ''), 4000, 'the line to go');
  });

  it('groups messages by author and day, and says "Seen" once, on the last message read', async () => {
    const { s, root } = setup();
    const at = (seq: number, body: string, kind: 'customer' | 'member', createdAt: string) => ({ ...message(seq, body, kind), createdAt });
    await chat(s, root, {}, [
      at(1, 'Hello', 'member', '2026-01-01T10:00:00Z'),
      at(2, 'How can I help?', 'member', '2026-01-01T10:01:00Z'),
      at(3, 'My invoice', 'customer', '2026-01-01T10:02:00Z'),
      at(4, 'is wrong', 'customer', '2026-01-01T10:03:00Z'),
      at(5, 'Still there?', 'customer', '2026-01-03T09:00:00Z'),
    ]);
    s.theirRead.value = { t1: 4 };
    await until(() => $$(root, '.meta').some((m) => m.textContent!.endsWith('Seen')));
    expect($$(root, '.day').length).to.equal(2);
    const metas = $$(root, '.msg').map((m) => m.querySelector('.meta')?.textContent ?? null);
    const time = (iso: string) => new Date(iso).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit' });
    expect(metas).to.deep.equal([null, `Maya · ${time('2026-01-01T10:01:00Z')}`, null, `${time('2026-01-01T10:03:00Z')} · Seen`, `${time('2026-01-03T09:00:00Z')} · Sent`]);
    // One face per group of staff messages, beside its last one.
    expect($$(root, '.msg .face').map((f) => f.textContent)).to.deep.equal(['M']);
    expect($$(root, '.bubble').every((b) => b.getAttribute('dir') === 'auto')).to.equal(true);
    expect($(root, '[role=log]')!.getAttribute('aria-live')).to.equal('polite');
  });

  it('animates the typing dots unless the visitor prefers reduced motion', async () => {
    const { s, root } = setup();
    await chat(s, root);
    s.typists.value = { t1: 'Maya' };
    const dot = await until(() => $(root, '.dots i'));
    expect($(root, '.typing')!.textContent).to.equal('Maya is typing…');
    expect(getComputedStyle(dot).animationName).to.equal('parley-dot');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(dot).animationName).to.equal('none');
  });

  it('follows the dark colour scheme, unless the site fixes a theme', async () => {
    const { s, root } = setup();
    const panel = await chat(s, root);
    const background = () => getComputedStyle(panel).backgroundColor;
    expect(background()).to.equal('rgb(246, 246, 250)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(background()).to.equal('rgb(22, 22, 29)');
    s.theme.value = { theme: 'light' };
    await until(() => background() === 'rgb(246, 246, 250)');
    await emulateMedia({ colorScheme: 'light' });
    s.theme.value = { theme: 'dark' };
    await until(() => background() === 'rgb(22, 22, 29)');
  });

  it('tells a waiting customer their place in the queue', async () => {
    const { s, root } = setup();
    await chat(s, root, { status: 'open', assignee: null });
    expect($(root, '.note')!.textContent).not.to.contain('queue');
    s.queue.value = { t1: 2 };
    await until(() => $(root, '.note')!.textContent!.startsWith('You are number 2 in the queue.'));
    s.queue.value = { t1: null };
    await until(() => !$(root, '.note')!.textContent!.includes('queue'));
  });
});

describe('on a phone', () => {
  it('opens full screen, with 16px inputs', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width:375px;height:640px;border:0';
    document.body.append(frame);
    const doc = frame.contentDocument!;
    const el = doc.body.appendChild(doc.createElement('div'));
    el.dataset.position = 'right'; // as the loader sets it
    const root = el.attachShadow({ mode: 'open' });
    // The launcher's styles share the shadow root, as in the loader.
    root.innerHTML = `<style>${launcherCss}</style><button class="launcher open"></button>`;
    const s = createStore({ siteKey: 'phone', server: 'http://127.0.0.1:9', theme: {}, locale: 'en', emit() {}, badge() {}, opened() {} });
    show(s, root);
    await chat(s, root);
    const panel = await until(() => $(root, '.panel'));
    const box = panel.getBoundingClientRect();
    expect([box.left, box.top, box.width]).to.deep.equal([0, 0, 375]);
    expect(Math.round(box.height)).to.equal(640);
    expect(getComputedStyle($(root, '.composer textarea')!).fontSize).to.equal('16px');
    // The launcher hides behind the full-screen panel; the "Open" status pill must not hide with it.
    expect(getComputedStyle($(root, '.launcher')!).display).to.equal('none');
    s.tickets.value = [ticket({ status: 'open', assignee: null })];
    const pill = await until(() => $(root, '.pill.open'));
    expect(getComputedStyle(pill).display).not.to.equal('none');
    frame.remove();
  });
});
