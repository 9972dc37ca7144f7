// Attachments in the timeline and the lightbox, with files uploaded to a real server.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import type { Attachment } from '../protocol/index.ts';
import { uploadAttachment } from './attachment-upload.ts';
import { thumbSize } from './parley-attachment.ts';
import './parley-message-list.ts';
import { cleanup, makeMessage, mount, settle, until } from './test/fixtures.ts';
import { pdfFile, pngFile, signedInTicket, type Signed } from './test/real-server.ts';

/** The focused element, looking through shadow roots. */
function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

describe('parley-attachment and parley-lightbox', () => {
  let s: Signed;
  let wide: Attachment;
  let tall: Attachment;
  let invoice: Attachment;
  before(async function () {
    this.timeout(60000);
    s = await signedInTicket();
    const up = async (f: File) => uploadAttachment(s.ticketId, f, () => {}).done;
    [wide, tall, invoice] = [await up(await pngFile(880, 440, 'wide.png')), await up(await pngFile(100, 400, 'tall.png')), await up(pdfFile('invoice.pdf'))];
  });
  afterEach(cleanup);

  const list = (attachments: Attachment[], body = '') =>
    mount('parley-message-list', { messages: [makeMessage(1, { ticketId: s.ticketId, body, attachments })] });

  it('lays a thumbnail out from the attachment\'s width and height before the image loads, scaled to fit', async () => {
    expect(thumbSize(880, 440)).to.deep.equal({ width: 240, height: 120 });
    expect(thumbSize(100, 400)).to.deep.equal({ width: 45, height: 180 });
    expect(thumbSize(40, 30)).to.deep.equal({ width: 40, height: 30 });
    const el = await list([wide, tall]);
    const items = [...el.shadowRoot!.querySelectorAll('parley-attachment')];
    await Promise.all(items.map(settle));
    const imgs = items.map((i) => i.shadowRoot!.querySelector('img')!);
    expect(imgs.map((i) => i.complete)).to.deep.equal([false, false]);
    const boxes = () => imgs.map((i) => [Math.round(i.getBoundingClientRect().width), Math.round(i.getBoundingClientRect().height)]);
    expect(boxes()).to.deep.equal([[240, 120], [45, 180]]);
    // No bubble for a message that is only files.
    expect(el.shadowRoot!.querySelector('.bubble')).to.equal(null);
    await until(() => imgs.every((i) => i.complete && i.naturalWidth > 0), 'the images');
    expect(imgs.map((i) => i.naturalWidth)).to.deep.equal([880, 100]);
    expect(boxes()).to.deep.equal([[240, 120], [45, 180]]);
  });

  it('shows another file as a row with name, type and size, and a link that downloads its bytes', async () => {
    const el = await list([invoice], 'the invoice');
    const item = el.shadowRoot!.querySelector('parley-attachment')!;
    await settle(item);
    const row = item.shadowRoot!.querySelector('.file')!;
    expect(row.querySelector('.name')!.textContent).to.equal('invoice.pdf');
    expect(row.querySelector('.meta')!.textContent).to.equal(`PDF · ${invoice.size} B`);
    expect(item.shadowRoot!.querySelector('img')).to.equal(null);
    const link = row.querySelector<HTMLAnchorElement>('a.download')!;
    expect(link.getAttribute('download')).to.equal('invoice.pdf');
    const res = await fetch(link.href);
    expect(res.headers.get('content-disposition')).to.match(/^attachment/);
    expect(new Uint8Array(await res.arrayBuffer())).to.deep.equal(new Uint8Array(await pdfFile().arrayBuffer()));
    expect(el.shadowRoot!.querySelector('.bubble')!.textContent).to.equal('the invoice');
  });

  it('opens the image full size in a labelled modal dialog, keeps focus inside, closes on Escape and gives focus back', async () => {
    const el = await list([wide]);
    const item = el.shadowRoot!.querySelector('parley-attachment')!;
    await settle(item);
    const thumb = item.shadowRoot!.querySelector<HTMLButtonElement>('button.thumb')!;
    expect(thumb.getAttribute('aria-label')).to.equal('Open image wide.png');
    thumb.focus();
    await sendKeys({ press: 'Enter' });
    const box = el.shadowRoot!.querySelector('parley-lightbox')!;
    const dialog = await until(() => box.shadowRoot!.querySelector('dialog[open]'), 'the lightbox');
    expect(dialog.getAttribute('aria-label')).to.equal('Image wide.png');
    expect(dialog.matches(':modal')).to.equal(true);
    const full = dialog.querySelector('img')!;
    expect(full.getAttribute('src')).to.equal(wide.url);
    expect(deepActive()?.textContent).to.equal('Close');
    // Tab cycles within the dialog (the page behind is inert).
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      expect(dialog.contains(deepActive()), `tab ${i}`).to.equal(true);
    }
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(dialog.contains(deepActive())).to.equal(true);
    // The console's shortcuts listen on the window: none fires while the lightbox is open.
    const keys: string[] = [];
    const listen = (e: KeyboardEvent) => keys.push(e.key);
    addEventListener('keydown', listen);
    await sendKeys({ press: 'n' });
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.hasAttribute('open'), 'closing');
    await until(() => deepActive() === thumb, 'focus back on the thumbnail');
    await sendKeys({ press: 'n' });
    removeEventListener('keydown', listen);
    expect(keys).to.deep.equal(['n']);
  });

  it('closes with its close button too, focus back on the thumbnail', async () => {
    const el = await list([tall]);
    const item = el.shadowRoot!.querySelector('parley-attachment')!;
    await settle(item);
    const thumb = item.shadowRoot!.querySelector<HTMLButtonElement>('button.thumb')!;
    thumb.click();
    const box = el.shadowRoot!.querySelector('parley-lightbox')!;
    const dialog = await until(() => box.shadowRoot!.querySelector('dialog[open]'), 'the lightbox');
    dialog.querySelector<HTMLButtonElement>('button.close')!.click();
    await until(() => !dialog.hasAttribute('open'), 'closing');
    expect(deepActive()).to.equal(thumb);
  });
});
