// Attachments in the widget, in real Chromium against the real server (test/parley-server-plugin.mjs):
// uploads from the paperclip, paste and drop with progress, refusals in the customer's words and
// retry, cancel and remove, the message sent once with its ids; staff files as thumbnails laid out
// before they load, the lightbox, download rows, and the same after a reload (join replay).
import { expect } from 'chai';
import type { Message, Ticket } from '../protocol/index.ts';
import { createStore, type Store } from './actions.ts';
import { show } from './app.tsx';
import { $, $$, parley, staff, ticket as sampleTicket, type, until } from './test/helpers.ts';

let host: HTMLElement | undefined;
const siteKeys: string[] = [];

/** A widget drawn from source, on the real server; `server` may be replaced by an address nothing answers. */
async function setup(siteKey?: string, server?: string, locale = 'en'): Promise<{ s: Store; root: ShadowRoot }> {
  const info = await parley();
  host?.remove();
  host = document.body.appendChild(document.createElement('div'));
  const root = host.attachShadow({ mode: 'open' });
  const s = createStore({ siteKey: siteKey ?? info.siteKey, server: server ?? info.url, theme: {}, locale, emit() {}, badge() {}, opened() {} });
  show(s, root);
  return { s, root };
}

/** A customer's ticket, accepted by Maya, open in the widget: the composer is there. */
async function chatting(): Promise<{ s: Store; root: ShadowRoot; ticket: Ticket }> {
  localStorage.clear();
  const { s, root } = await setup();
  s.open();
  const category = await until(() => s.session.value?.site.categories[0], 8000, 'the session');
  expect(await s.createTicket({ category, urgency: 'high', description: 'Attachments test' })).to.equal(true);
  const ticket = s.tickets.value[0]!;
  expect((await staff('accept', { ticket: ticket.id })).status).to.equal(200);
  await until(() => $(root, '.composer textarea'), 15000, 'the composer');
  return { s, root, ticket };
}

/** A real PNG of w×h from a canvas. */
const pngBlob = (w: number, h: number) => {
  const canvas = Object.assign(document.createElement('canvas'), { width: w, height: h });
  canvas.getContext('2d')!.fillRect(0, 0, w / 2, h / 2);
  return new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
};
const files = (...list: File[]) => {
  const dt = new DataTransfer();
  list.forEach((f) => dt.items.add(f));
  return dt;
};
/** Picks files with the paperclip's file input, as the browser's picker does. */
const pick = (root: ShadowRoot, ...list: File[]) => {
  const input = $<HTMLInputElement>(root, '.composer [type=file]')!;
  input.files = files(...list).files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
};
const sendButton = (root: ShadowRoot) => $<HTMLButtonElement>(root, '.composer [type=submit]')!;
const trayText = (root: ShadowRoot) => $$(root, '.tray li').map((li) => li.textContent);
const text = (bytes: number, name: string) => new File([new Uint8Array(bytes).fill(97)], name, { type: 'text/plain' });
const messagesOf = async (ticket: Ticket) => (await staff<{ messages: Message[] }>('messages', { ticket: ticket.id })).body.messages;

describe('attachments in the widget', () => {
  afterEach(() => host?.remove());

  it('uploads a picked file with progress, holds Send until it is up, then sends one message with its id', async function (this: { timeout(ms: number): void }) {
    this.timeout(40000);
    const { s, root, ticket } = await chatting();
    const sent: number[] = [];
    const stop = s.uploads.subscribe((all) => all[ticket.id]?.forEach((u) => u.xhr && sent.push(u.sent)));
    // Big enough to be in flight for a while over loopback.
    pick(root, text(4 * 1048576, 'log.txt'));
    const bar = await until(() => $<HTMLProgressElement>(root, '.tray progress'), 4000, 'the progress bar');
    expect(bar.getAttribute('aria-label')).to.equal('Uploading log.txt');
    expect(trayText(root)[0]).to.contain('log.txt').and.contain('4 MB');
    expect(sendButton(root).disabled, 'Send waits for the upload').to.equal(true);
    $(root, '.composer textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const remove = await until(() => $(root, '.tray [aria-label="Remove log.txt"]'), 30000, 'the upload to finish');
    stop();
    expect(sent.some((p) => p > 0), `progress seen: ${sent}`).to.equal(true);
    expect($(root, '.tray progress')).to.equal(null);
    expect((await messagesOf(ticket)).length, 'Enter sent nothing while uploading').to.equal(0);
    expect(remove).to.exist;
    expect(sendButton(root).disabled, 'files alone may be sent').to.equal(false);

    type($<HTMLTextAreaElement>(root, '.composer textarea')!, 'Here is the log');
    sendButton(root).click();
    // Until the server acknowledges it, the pending message keeps its files whole (drawn with it).
    expect(s.pending.value.map((p) => p.attachments?.map((f) => f.name))).to.deep.equal([['log.txt']]);
    await until(() => !$(root, '.tray'), 2000, 'the tray to empty on send');
    const row = await until(() => $<HTMLAnchorElement>(root, '.msg.mine a.file'), 8000, 'the sent file');
    expect(row.textContent).to.contain('log.txt').and.contain('TXT');
    // A pending message is drawn with its files too: read the store once the server has acknowledged it.
    await until(() => s.pending.value.length === 0, 8000, 'the acknowledgement');
    const stored = await messagesOf(ticket);
    expect(stored).to.have.length(1);
    expect(stored[0]!.body).to.equal('Here is the log');
    expect(stored[0]!.attachments!.map((a) => [a.name, a.size])).to.deep.equal([['log.txt', 4 * 1048576]]);
  });

  it('says why a file is refused (too large with the limit, type not allowed), offering no retry that cannot help', async function (this: { timeout(ms: number): void }) {
    this.timeout(40000);
    const { s, root, ticket } = await chatting();
    pick(root, text(10 * 1048576 + 100_000, 'huge.txt'), new File([new Uint8Array(300)], 'data.bin'));
    await until(() => $$(root, '.tray .error').length === 2, 20000, 'both refusals');
    const [huge, bin] = $$(root, '.tray li');
    expect(huge!.querySelector('.error')!.textContent).to.equal('Too large: a file can be up to 10 MB.');
    expect(huge!.querySelector('[role=alert]')).to.exist;
    expect(bin!.querySelector('.error')!.textContent).to.equal('This type of file cannot be sent. Images, PDF, text, CSV, zip and office files can.');
    expect(sendButton(root).disabled, 'a failed file holds the message until it is retried or removed').to.equal(true);

    // The same file would be refused again: only Remove is offered (the offline test retries).
    for (const row of [huge!, bin!]) expect([...row.querySelectorAll('button')].map((b) => b.textContent)).to.not.include('Retry');
    expect(s.uploads.value[ticket.id]!.every((u) => u.final && !u.xhr)).to.equal(true);

    // Removing both leaves nothing to hold Send back.
    $(root, '.tray [aria-label="Remove data.bin"]')!.click();
    $(root, '.tray [aria-label="Remove huge.txt"]')!.click();
    await until(() => !$(root, '.tray'), 4000, 'the tray to go');
    expect(sendButton(root).disabled).to.equal(true); // nothing typed, no files
    expect(await messagesOf(ticket)).to.have.length(0);
  });

  it('tells an offline customer the server cannot be reached, and the retry tries again', async function (this: { timeout(ms: number): void }) {
    // A store whose server nothing answers (port 9): a real refused connection.
    const { s, root } = await setup(`offline-${Math.random()}`, 'http://127.0.0.1:9');
    s.session.value = { visitorToken: 'v', site: {} } as never;
    s.tickets.value = [sampleTicket()];
    s.go({ name: 'ticket', id: 't1' });
    s.isOpen.value = true;
    await until(() => $(root, '.composer'), 4000, 'the composer');
    pick(root, text(10, 'a.txt'));
    const error = await until(() => $(root, '.tray .error'), 8000, 'the network error');
    expect(error.textContent).to.equal('Cannot reach support. Check your connection and try again.');
    [...$$(root, '.tray button')].find((b) => b.textContent === 'Retry')!.click();
    // The store clears the error at once (the DOM follows on the next render, maybe after the refusal).
    expect(s.uploads.value.t1![0]!.error, 'retrying').to.equal(undefined);
    await until(() => $(root, '.tray .error'), 8000, 'the second failure');
  });

  it('says it in Arabic', async () => {
    const { s, root } = await setup(`offline-ar-${Math.random()}`, 'http://127.0.0.1:9', 'ar');
    s.session.value = { visitorToken: 'v', site: {} } as never;
    s.tickets.value = [sampleTicket()];
    s.go({ name: 'ticket', id: 't1' });
    s.isOpen.value = true;
    const clip = await until(() => $(root, '.composer button[type=button]'), 4000, 'the paperclip');
    expect(clip.getAttribute('aria-label')).to.equal('إرفاق ملفات');
    pick(root, text(10, 'a.txt'));
    expect((await until(() => $(root, '.tray .error'), 8000, 'the network error')).textContent).to.equal('تعذر الاتصال بالدعم. تحقق من الشبكة.');
    expect($(root, '.tray [aria-label="إزالة a.txt"]')).to.exist;
  });

  it('cancels an upload in flight, and removing a finished one deletes it on the server', async function (this: { timeout(ms: number): void }) {
    this.timeout(40000);
    const { s, root, ticket } = await chatting();
    pick(root, text(8 * 1048576, 'big.txt'));
    const xhr = await until(() => s.uploads.value[ticket.id]?.[0]?.xhr, 4000);
    $(root, '.tray [aria-label="Cancel big.txt"]')!.click();
    expect(xhr.readyState, 'aborted').to.equal(XMLHttpRequest.UNSENT);
    await until(() => !$(root, '.tray'), 4000, 'the tray to go');

    pick(root, text(20, 'small.txt'));
    const remove = await until(() => $(root, '.tray [aria-label="Remove small.txt"]'), 8000, 'the upload');
    const { id } = s.uploads.value[ticket.id]![0]!.att!;
    remove.click();
    await until(() => !$(root, '.tray'), 4000, 'the tray to go');
    // Once the widget's DELETE is done, the upload is gone: deleting it again finds nothing.
    const url = `${(await parley()).url}/api/attachments/${id}`;
    await until(() => performance.getEntriesByType('resource').some((e) => e.name === url), 8000, "the widget's DELETE");
    const again = await fetch(url, { method: 'DELETE', headers: { authorization: `Bearer ${s.session.value!.visitorToken}` } });
    expect(again.status).to.equal(404);
  });

  it('turns a pasted screenshot into screenshot.png, takes dropped files, at most 5 a message, and sends once', async function (this: { timeout(ms: number): void }) {
    this.timeout(40000);
    const { s, root, ticket } = await chatting();
    const area = $<HTMLTextAreaElement>(root, '.composer textarea')!;
    const image = new File([await pngBlob(320, 200)], 'image.png', { type: 'image/png' });
    const paste = new ClipboardEvent('paste', { clipboardData: files(image), bubbles: true, cancelable: true });
    area.dispatchEvent(paste);
    expect(paste.defaultPrevented, 'the file is not pasted as text').to.equal(true);
    await until(() => $(root, '.tray [aria-label="Remove screenshot.png"]'), 8000, 'the pasted screenshot');
    expect(s.uploads.value[ticket.id]![0]!.att).to.include({ name: 'screenshot.png', type: 'image/png', width: 320, height: 200 });

    const drop = new DragEvent('drop', { dataTransfer: files(...[1, 2, 3, 4, 5].map((n) => text(5, `n${n}.txt`))), bubbles: true, cancelable: true });
    $(root, '.chat')!.dispatchEvent(drop);
    expect(drop.defaultPrevented, 'the browser does not open the files').to.equal(true);
    expect((await until(() => $(root, '.banner.error'))).textContent).to.equal('At most 5 files per message.');
    await until(() => $$(root, '.tray li').length === 5 && !s.uploads.value[ticket.id]!.some((u) => !u.att), 15000, 'five uploads');
    expect(trayText(root).map((t) => t!.split(/\d/)[0])).to.deep.equal(['screenshot.png', 'n', 'n', 'n', 'n']);

    // Files only: Enter sends them once, with an empty body.
    area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await until(() => $(root, '.msg.mine .thumb img'), 8000, 'the sent thumbnail');
    await until(() => s.pending.value.length === 0, 8000, 'the acknowledgement');
    const stored = await messagesOf(ticket);
    expect(stored).to.have.length(1);
    expect(stored[0]!.body).to.equal('');
    expect(stored[0]!.attachments!.map((a) => a.name)).to.deep.equal(['screenshot.png', 'n1.txt', 'n2.txt', 'n3.txt', 'n4.txt']);
    expect($$(root, '.msg.mine a.file')).to.have.length(4);
  });

  it("shows staff files: thumbnails sized before they load, a lightbox (Esc, focus back), download rows; again after a reload", async function (this: { timeout(ms: number): void }) {
    this.timeout(40000);
    const { s, root, ticket } = await chatting();
    expect((await staff('files', { ticket: ticket.id, body: 'Your chart and invoice' })).status).to.equal(201);
    const img = await until(() => $<HTMLImageElement>(root, '.msg:not(.mine) .thumb img'), 8000, 'the thumbnail');
    // 400×300 scaled into 240×180, set as attributes: the box is known before a byte of the image arrives.
    expect([img.getAttribute('width'), img.getAttribute('height')]).to.deep.equal(['240', '180']);
    expect(img.getBoundingClientRect().height).to.equal(180);
    expect(img.src).to.match(new RegExp(`^${(await parley()).url}/api/attachments/[\\w-]+\\?exp=\\d+&sig=`));
    const thumb = img.parentElement as HTMLButtonElement;
    expect(thumb.getAttribute('aria-label')).to.equal('Open chart.png full size');

    const row = $<HTMLAnchorElement>(root, '.msg:not(.mine) a.file')!;
    expect(row.getAttribute('download')).to.equal('invoice.pdf');
    expect(row.textContent).to.contain('invoice.pdf').and.contain('PDF').and.contain('kB');
    const res = await fetch(row.href);
    expect(res.status).to.equal(200);
    expect(await res.text()).to.match(/^%PDF-1\.4/);

    thumb.focus();
    thumb.click();
    const box = await until(() => $(root, '.lightbox'), 4000, 'the lightbox');
    expect(box.getAttribute('role')).to.equal('dialog');
    expect(box.querySelector('img')!.getAttribute('width')).to.equal('400');
    const close = box.querySelector('button')!;
    await until(() => root.activeElement === close, 4000, 'focus in the lightbox');
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    close.dispatchEvent(tab);
    expect(tab.defaultPrevented, 'Tab stays inside').to.equal(true);
    close.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    await until(() => !$(root, '.lightbox'), 4000, 'the lightbox to close');
    expect(s.isOpen.value, 'Esc closed only the lightbox').to.equal(true);
    expect(root.activeElement, 'focus back on the thumbnail').to.equal(thumb);
    thumb.click();
    (await until(() => $<HTMLButtonElement>(root, '.lightbox button'))).click();
    await until(() => !$(root, '.lightbox') && root.activeElement === thumb, 4000, 'the close button to close it');

    // A reload: the history replayed on join carries the files with fresh URLs.
    const again = await setup();
    again.s.open();
    again.s.go({ name: 'ticket', id: ticket.id });
    const replayed = await until(() => $<HTMLImageElement>(again.root, '.thumb img'), 15000, 'the replayed thumbnail');
    expect(replayed.getAttribute('height')).to.equal('180');
    expect($(again.root, 'a.file')!.getAttribute('download')).to.equal('invoice.pdf');
  });
});
