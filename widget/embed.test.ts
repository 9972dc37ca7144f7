// Embedding the built widget (dist/widget.js served by the real server, on another origin than this
// page) the way a site owner does: isolation from hostile host CSS, one widget per page, the API.
import { expect } from 'chai';
import { $, api, embed, unembed, until } from './test/helpers.ts';

const HOSTILE = `
  * { font-family: "Comic Sans MS", cursive !important; color: #f0f !important; box-sizing: content-box !important; }
  div, button, span, p { padding: 40px !important; margin: 17px !important; background: yellow !important; border: 9px dotted red !important; }
  button { display: none !important; width: 3px !important; }
  parley-widget { display: none !important; transform: scale(.2) !important; opacity: 0 !important; }
  .panel, .launcher, .badge { display: block !important; position: static !important; }
`;

describe('embedding', () => {
  afterEach(() => {
    unembed();
    document.querySelectorAll('style[data-hostile], .host-probe').forEach((el) => el.remove());
  });

  it('is untouched by hostile host CSS and does not leak its own', async () => {
    const style = Object.assign(document.createElement('style'), { textContent: HOSTILE });
    style.dataset.hostile = '';
    document.head.append(style);
    // Elements of the host page named like the widget's internals keep the host's styles.
    const probe = Object.assign(document.createElement('div'), { className: 'host-probe' });
    probe.innerHTML = '<div class="panel">x</div><button class="launcher send primary">y</button>';
    document.body.append(probe);
    const look = () => {
      const css = getComputedStyle(probe.querySelector('.panel')!);
      return [css.padding, css.position, css.backgroundColor, css.fontFamily, css.width].join('|');
    };
    const before = look();

    const root = await embed({ accent: 'rgb(200, 30, 60)' });
    const host = document.querySelector('parley-widget')!;
    const launcher = $<HTMLButtonElement>(root, '.launcher')!;
    const css = getComputedStyle(launcher);
    expect(getComputedStyle(host).display).to.equal('block');
    expect(getComputedStyle(host).opacity).to.equal('1');
    expect(getComputedStyle(host).transform).to.equal('none');
    expect(css.display).to.equal('block');
    expect(css.width).to.equal('56px');
    expect(css.position).to.equal('fixed');
    expect(css.backgroundColor).to.equal('rgb(200, 30, 60)');
    expect(css.fontFamily).not.to.contain('Comic');
    const box = launcher.getBoundingClientRect();
    expect(box.width).to.equal(56);
    expect(box.right).to.be.closeTo(innerWidth - 20, 1);

    await api().open();
    const panel = await until(() => $(root, '.panel'));
    expect(getComputedStyle(panel).position).to.equal('fixed');
    expect(getComputedStyle(panel).padding).to.equal('0px');
    expect(getComputedStyle($(root, 'h2')!).color).to.equal('rgb(255, 255, 255)');

    expect(look()).to.equal(before);
    // The widget's `.launcher` rule (56px, fixed) never reaches the host's own `.launcher`.
    const hostButton = getComputedStyle(probe.querySelector('.launcher')!);
    expect(hostButton.width).to.equal('3px');
    expect(hostButton.position).to.equal('static');
  });

  it('starts one widget when the snippet is pasted twice', async () => {
    await embed();
    const first = api();
    await embed();
    await new Promise((r) => setTimeout(r, 300));
    expect(document.querySelectorAll('parley-widget').length).to.equal(1);
    expect(api()).to.equal(first);
  });

  it('runs calls queued before it loaded, and reports events', async () => {
    const events: string[] = [];
    // The stub a site owner may paste before the snippet.
    const stub = ((...args: unknown[]) => (stub.q = stub.q || []).push(args)) as ((...args: unknown[]) => void) & { q?: unknown[] };
    (window as unknown as { Parley: unknown }).Parley = stub;
    stub('on', 'ready', () => events.push('ready'));
    stub('on', 'opened', () => events.push('opened'));
    stub('on', 'closed', () => events.push('closed'));
    stub('setTheme', { title: 'Acme help', position: 'left' });
    stub('open');
    const root = await embed();
    const panel = await until(() => $(root, '.panel'), 8000, 'the panel opened by the queued call');
    expect(events.slice(0, 2)).to.deep.equal(['ready', 'opened']);
    expect($(root, 'h2')!.textContent).to.equal('Acme help');
    expect(panel.getBoundingClientRect().left).to.be.closeTo(20, 1);
    expect($(root, '.launcher')!.getAttribute('aria-expanded')).to.equal('true');

    api().close();
    await until(() => !$(root, '.panel'));
    expect(events).to.deep.equal(['ready', 'opened', 'closed']);
    expect(document.activeElement).to.equal(document.querySelector('parley-widget'));
    expect(root.activeElement).to.equal($(root, '.launcher'));
    expect($(root, '.launcher')!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('does not load the app for a first-time visitor until opened', async () => {
    const root = await embed();
    await new Promise((r) => setTimeout(r, 400));
    const loaded = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/widget-app.js'));
    expect($(root, '.panel')).to.equal(null);
    expect(root.querySelectorAll('style').length).to.equal(1);
    // Earlier tests in this page may have loaded it; what matters is that this widget did not render it.
    expect(loaded.length).to.be.at.most(1);
  });

  it('switches to a right-to-left language through the API', async () => {
    const root = await embed({ locale: 'en' });
    await api().open();
    const panel = await until(() => $(root, '.panel'));
    expect(panel.getAttribute('dir')).to.equal('ltr');
    api().setLocale('ar');
    await until(() => panel.getAttribute('dir') === 'rtl');
    expect(panel.getAttribute('lang')).to.equal('ar');
    expect($(root, 'h2')!.textContent).to.equal('الدعم');
    // The back/close buttons mirror: close sits on the left in RTL.
    const close = $(root, 'header .icon:last-child')!.getBoundingClientRect();
    const title = $(root, 'h2')!.getBoundingClientRect();
    expect(close.left).to.be.lessThan(title.left);
  });
});
