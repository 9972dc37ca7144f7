// The attachment tray and the composer's files, against a real server (uploads over real HTTP with
// the console's cookie session; the test server's limit is 1 MB).
import { expect } from 'chai';
import type { Attachment } from '../protocol/index.ts';
import { uploadAttachment } from './attachment-upload.ts';
import type { OutgoingMessage } from './parley-composer.ts';
import './parley-composer.ts';
import { cleanup, mount, record, settle, until } from './test/fixtures.ts';
import { pngFile, signedInTicket, textFile, type Signed } from './test/real-server.ts';

describe('parley-attachment-tray', () => {
  let s: Signed;
  before(async function () {
    this.timeout(60000);
    s = await signedInTicket();
  });
  afterEach(cleanup);

  const parts = async () => {
    const composer = await mount('parley-composer', { ticketId: s.ticketId });
    const tray = composer.shadowRoot!.querySelector('parley-attachment-tray')!;
    const root = tray.shadowRoot!;
    const rows = () => [...root.querySelectorAll('li')];
    return { composer, tray, root, rows, field: composer.shadowRoot!.querySelector('textarea')! };
  };
  const button = (root: ShadowRoot, label: string) => root.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;

  it('uploads with progress reported up to the whole file, and the server answers the stored attachment', async () => {
    const file = await pngFile(300, 200, 'chart.png');
    const seen: [number, number][] = [];
    const up = uploadAttachment(s.ticketId, file, (loaded, total) => seen.push([loaded, total]));
    const a = await up.done;
    expect(a).to.include({ ticketId: s.ticketId, name: 'chart.png', type: 'image/png', width: 300, height: 200 });
    expect(seen.length).to.be.greaterThan(0);
    expect(seen.at(-1)![0]).to.equal(seen.at(-1)![1]);
    expect(seen.at(-1)![1]).to.be.at.least(file.size);
  });

  it('shows each file uploading with a progress bar, then its size, and sends once with the ids when every upload is done', async () => {
    const { composer, tray, root, rows, field } = await parts();
    const sent = record<OutgoingMessage>(composer, 'parley-send');
    const [a, b] = [await pngFile(200, 100, 'one.png'), await pngFile(400, 300, 'two.png')];
    composer.addFiles([a, b]);
    await settle(tray);
    expect(rows().map((r) => r.dataset.state)).to.deep.equal(['uploading', 'uploading']);
    expect(root.querySelector('progress')!.getAttribute('aria-label')).to.equal('Uploading one.png');
    expect(Number(root.querySelector('progress')!.max)).to.equal(a.size);
    // Enter while uploading: nothing goes yet, the composer says it will send.
    field.value = 'here are the charts';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await settle(composer);
    expect(sent).to.deep.equal([]);
    expect(composer.shadowRoot!.querySelector('.waiting[role=status]')!.textContent).to.contain('once the files have uploaded');
    await until(() => sent.length === 1, 'the send');
    await new Promise((r) => setTimeout(r, 100));
    expect(sent.length).to.equal(1);
    expect(sent[0]!.body).to.equal('here are the charts');
    expect(sent[0]!.attachments.map((x: Attachment) => x.name)).to.deep.equal(['one.png', 'two.png']);
    expect(sent[0]!.attachments.every((x) => /^[0-9a-f-]{36}$/.test(x.id))).to.equal(true);
    expect(field.value).to.equal('');
    await settle(tray);
    expect(rows()).to.deep.equal([]);
  });

  it('sends files without text, and never an empty message without files', async () => {
    const { composer, field } = await parts();
    const sent = record<OutgoingMessage>(composer, 'parley-send');
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(sent).to.deep.equal([]);
    composer.addFiles([await pngFile(20, 20, 'dot.png')]);
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await until(() => sent.length === 1, 'the send');
    expect(sent[0]!.body).to.equal('');
    expect(sent[0]!.attachments.map((x) => x.type)).to.deep.equal(['image/png']);
  });

  it('refuses a file over the limit saying so, offers no Retry that would be refused again, and holds the message until it is removed', async () => {
    const { composer, tray, root, rows, field } = await parts();
    const sent = record<OutgoingMessage>(composer, 'parley-send');
    composer.addFiles([textFile(s.maxUploadBytes + 50_000, 'huge.log')]);
    const error = await until(() => root.querySelector('li[data-state=failed] .error'), 'the refusal');
    expect(error.textContent).to.match(/larger than 1 MB/);
    field.value = 'see the log';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await settle(composer);
    expect(sent).to.deep.equal([]);
    expect(composer.shadowRoot!.querySelector('.problem')!.textContent).to.contain('cannot be sent as it is: remove it');
    // Offline is retried (e2e/attachments.test.ts); the same file over the limit would be refused again.
    expect(button(root, 'Retry huge.log')).to.equal(null);
    button(root, 'Remove huge.log').click();
    await settle(tray);
    expect(rows()).to.deep.equal([]);
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(sent.map((m) => [m.body, m.attachments.length])).to.deep.equal([['see the log', 0]]);
  });

  it('says when a type is not allowed (by content, whatever the name)', async () => {
    const { composer, root } = await parts();
    const exe = new File([new Uint8Array([0x4d, 0x5a, ...new Array(62).fill(0), 0x50, 0x45, 0, 0, ...new Array(200).fill(0x90)])], 'report.pdf', { type: 'application/pdf' });
    composer.addFiles([exe]);
    const error = await until(() => root.querySelector('li[data-state=failed] .error'), 'the refusal');
    expect(error.textContent).to.match(/not allowed/);
  });

  it('cancels an upload in flight: the file leaves and nothing is sent with the message', async () => {
    const { composer, tray, root, rows, field } = await parts();
    const sent = record<OutgoingMessage>(composer, 'parley-send');
    const changes = record<{ busy: boolean; count: number }>(tray, 'parley-attachments-change');
    composer.addFiles([textFile(900_000, 'big.txt')]);
    await settle(tray);
    button(root, 'Cancel uploading big.txt').click();
    await settle(tray);
    expect(rows()).to.deep.equal([]);
    expect(changes.at(-1)).to.deep.equal({ busy: false, failed: false, final: false, count: 0 });
    field.value = 'never mind';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(sent).to.deep.equal([{ body: 'never mind', attachments: [] }]);
  });

  it('removes an uploaded file from the server too', async () => {
    const { composer, tray, root, rows } = await parts();
    composer.addFiles([await pngFile(10, 10, 'oops.png')]);
    await until(() => rows()[0]?.dataset.state === 'done', 'the upload');
    const [a] = tray.attachments;
    expect((await fetch(a!.url)).status).to.equal(200);
    button(root, 'Remove oops.png').click();
    // The DELETE is the composer's own request: poll until it has landed, each try bounded so that one
    // stalled connection on a loaded machine cannot hang the test.
    let status = 200;
    for (const end = Date.now() + 15000; status !== 404 && Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      status = await fetch(a!.url, { cache: 'no-store', signal: AbortSignal.timeout(2000) }).then((r) => r.status, () => 0);
    }
    expect(status).to.equal(404);
  });

  it('starts empty on another ticket, deleting the first ticket\'s unsent upload', async function (this: { timeout(ms: number): void }) {
    this.timeout(20000);
    const { composer, tray, rows } = await parts();
    composer.addFiles([await pngFile(10, 10, 'elsewhere.png')]);
    await until(() => rows()[0]?.dataset.state === 'done', 'the upload');
    const [a] = tray.attachments;
    composer.ticketId = 'another-ticket';
    await settle(composer);
    await settle(tray);
    expect(rows()).to.deep.equal([]);
    // The DELETE is the composer's own request: poll until it has landed, each try bounded so that one
    // stalled connection on a loaded machine cannot hang the test.
    let status = 200;
    for (const end = Date.now() + 15000; status !== 404 && Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      status = await fetch(a!.url, { cache: 'no-store', signal: AbortSignal.timeout(2000) }).then((r) => r.status, () => 0);
    }
    expect(status).to.equal(404);
  });

  it('turns a pasted screenshot into screenshot.png and uploads it as a PNG', async () => {
    const { composer, tray, rows, field } = await parts();
    const shot = await pngFile(64, 48, 'image.png');
    const data = new DataTransfer();
    data.items.add(shot);
    const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    field.dispatchEvent(paste);
    expect(paste.defaultPrevented).to.equal(true);
    await until(() => rows()[0]?.dataset.state === 'done', 'the upload');
    expect(tray.attachments.map((a) => [a.name, a.type, a.width, a.height])).to.deep.equal([['screenshot.png', 'image/png', 64, 48]]);
  });

  it('takes at most 5 files and says why the rest were left out', async () => {
    const { composer, root, rows } = await parts();
    const files = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => pngFile(4, 4, `f${i}.png`)));
    composer.addFiles(files);
    await until(() => rows().length === 5 && rows().every((r) => r.dataset.state === 'done'), 'five uploads');
    expect(root.querySelector('.refused')!.textContent).to.contain('At most 5 files per message: 2 files were not added');
    expect(button(root, 'Attach files').disabled).to.equal(true);
  });

  it('hides the paperclip and the files while writing a note, and brings them back for the reply', async () => {
    const composer = await mount('parley-composer', { ticketId: s.ticketId, noteable: true });
    const tray = composer.shadowRoot!.querySelector('parley-attachment-tray')!;
    composer.addFiles([await pngFile(8, 8, 'kept.png')]);
    (composer as unknown as { toggleNote(on: boolean): void }).toggleNote(true);
    await settle(composer);
    expect(tray.hidden).to.equal(true);
    expect(getComputedStyle(tray).display).to.equal('none');
    composer.addFiles([await pngFile(8, 8, 'ignored.png')]);
    const notes = record<string>(composer, 'parley-note');
    const field = composer.shadowRoot!.querySelector('textarea')!;
    field.value = 'internal only';
    field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await until(() => notes.length === 1, 'the note');
    (composer as unknown as { toggleNote(on: boolean): void }).toggleNote(false);
    await settle(composer);
    expect(tray.hidden).to.equal(false);
    expect([...tray.shadowRoot!.querySelectorAll('li .name')].map((n) => n.textContent)).to.deep.equal(['kept.png']);
  });
});
