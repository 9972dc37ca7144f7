/**
 * widget.js: the only script a site owner embeds. It draws the launcher inside a Shadow DOM, exposes
 * `window.Parley`, and loads the app (widget-app.js, next to this file) only on first open, or when
 * the visitor has a ticket with something new. Nothing here blocks the page or shifts its layout.
 */
import type { Identity } from '../protocol/index.ts';
import { storageKey, type LoaderContext, type Theme, type WidgetApp, type WidgetEvent } from './contract.ts';
import launcherCss from './launcher.styles.ts';

type Call = [string, ...unknown[]];
type Api = ((method: string, ...args: unknown[]) => unknown) & { q?: IArguments[]; version?: string } & Record<string, unknown>;

const w = window as unknown as { Parley?: Api };
const existing = w.Parley;
// A second copy of the snippet finds the real API already there and does nothing.
if (!existing?.version) start();

function start(): void {
  const script = (document.currentScript ?? document.querySelector('script[data-site]')) as HTMLScriptElement;
  const data = script.dataset;
  const src = new URL(script.src);
  const listeners: Record<string, Set<(detail: unknown) => void>> = {};
  let app: WidgetApp | undefined;
  let loading: Promise<WidgetApp> | undefined;

  const ctx = {
    siteKey: data.site!,
    server: src.origin,
    // accent, position, greeting, title (the rest of the dataset is harmless here)
    theme: { ...data } as Theme,
    locale: data.locale,
    emit: (event: WidgetEvent, detail?: unknown) => listeners[event]?.forEach((fn) => fn(detail)),
  } as LoaderContext;

  // A resume link from an email: taken out of the address, so a shared or bookmarked URL does not carry it.
  const url = new URL(location.href);
  if ((ctx.resume = url.searchParams.get('parley_resume') ?? undefined)) {
    url.searchParams.delete('parley_resume');
    history.replaceState(history.state, '', url);
  }

  const host = document.createElement('parley-widget');
  // Inline !important beats any stylesheet rule of the host page, even an !important one.
  host.style.cssText = 'all:initial!important;position:fixed!important;z-index:2147483000!important;display:block!important';
  const root = (ctx.root = host.attachShadow({ mode: 'open' }));
  root.innerHTML = `<style>${launcherCss}</style><button class="launcher" aria-expanded="false"><svg viewBox="0 0 24 24" aria-hidden="true"><path class="i-chat" d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/><path class="i-close" d="M6 6l12 12M18 6L6 18"/></svg><span class="badge" hidden></span></button>`;
  const launcher = (ctx.launcher = root.querySelector('button')!);
  const badge = root.querySelector('span')!;
  launcher.setAttribute('aria-label', data.title || 'Support');

  const theme = (t: Theme) => {
    Object.assign(ctx.theme, t);
    if (ctx.theme.accent) host.style.setProperty('--parley-accent', ctx.theme.accent);
    host.dataset.position = ctx.theme.position === 'left' ? 'left' : 'right';
  };
  theme({});

  let isOpen = false;
  ctx.opened = (open) => {
    isOpen = open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.classList.toggle('open', open);
  };
  ctx.badge = (count, label) => {
    badge.hidden = !count;
    badge.textContent = count > 9 ? '9+' : String(count);
    // The app knows the language: its name holds the visible count (WCAG "label in name").
    if (label) launcher.setAttribute('aria-label', label(badge.textContent));
  };

  const load = () =>
    (loading ??= import(new URL('widget-app.js', src).href).then((m) => (app = m.mount(ctx) as WidgetApp)));
  const withApp = (fn: (a: WidgetApp) => unknown) => (app ? fn(app) : load().then(fn));

  const api = ((method: string, ...args: unknown[]) => (api[method] as (...a: unknown[]) => unknown)?.(...args)) as Api;
  Object.assign(api, {
    version: '1',
    open: () => withApp((a) => a.open()),
    close: () => app?.close(),
    toggle: () => api(isOpen ? 'close' : 'open'),
    identify: (identity: Identity) => (app ? app.identify(identity) : (ctx.identity = identity)),
    reset: () => {
      // Forget the visitor even if the app never loaded on this page (its token, unsent messages, what it had seen).
      for (const what of ['token', 'outbox', 'seen', 'view', 'drafts', 'scroll'] as const) localStorage.removeItem(storageKey(ctx.siteKey, what));
      ctx.identity = undefined;
      return app?.reset();
    },
    setLocale: (locale: string) => (app ? app.setLocale(locale) : (ctx.locale = locale)),
    setTheme: (t: Theme) => (theme(t), app?.setTheme(t)),
    on: (event: string, fn: (detail: unknown) => void) => (listeners[event] ??= new Set()).add(fn),
    off: (event: string, fn: (detail: unknown) => void) => listeners[event]?.delete(fn),
  });
  w.Parley = api;
  launcher.onclick = api.toggle as () => void;

  const attach = () => {
    document.body.append(host);
    // Calls queued by the stub (`Parley('open')` before this file loaded) run in order.
    for (const call of existing?.q ?? []) api(...(Array.from(call) as Call));
    ctx.emit('ready');
    if (ctx.resume) api('open');
    setTimeout(checkNews, 0);
  };
  // After the page's own load event, so the widget never delays it.
  if (document.readyState === 'complete') attach();
  else addEventListener('load', attach, { once: true });

  // A returning visitor with an active ticket or unseen news gets the app in the background, so
  // the launcher shows the badge and status changes arrive live.
  function checkNews(): void {
    const token = localStorage.getItem(storageKey(ctx.siteKey, 'token'));
    if (!token || app) return;
    const seen = JSON.parse(localStorage.getItem(storageKey(ctx.siteKey, 'seen')) || '{}');
    fetch(ctx.server + '/api/tickets', { headers: { authorization: 'Bearer ' + token } })
      .then((r) => (r.ok ? r.json() : { tickets: [] }))
      .then(({ tickets }: { tickets: { id: string; status: string; lastSeq: number; readSeq?: number }[] }) => {
        if (tickets.some((t) => t.status === 'open' || t.status === 'assigned' || t.lastSeq > (t.readSeq ?? 0) || seen[t.id] !== t.status)) load();
      })
      .catch(() => {});
  }
}
