import { signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { Store } from '../actions.ts';
import { fill } from '../i18n/index.ts';
import { Icon } from './icons.tsx';
import { lazy } from './lazy.ts';
import { TeamFaces } from './team-faces.tsx';
import { TicketView } from './ticket-view.tsx';

/** "5 minutes", "2 hours" in the customer's language (at least a minute: "0 minutes" promises too much). */
const duration = (seconds: number, locale: string) => {
  const minutes = Math.max(1, Math.round(seconds / 60));
  const [n, unit] = minutes < 90 ? [minutes, 'minute'] : [Math.round(minutes / 60), 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
};

/** On a phone the panel covers the page: Tab and Shift+Tab go round inside it instead of into the hidden page. */
const trap = (e: KeyboardEvent, panel: HTMLElement) => {
  if (!matchMedia('(max-width: 480px)').matches) return;
  const all = [...panel.querySelectorAll<HTMLElement>('button,select,textarea,input,a[href]')].filter((el) => !(el as HTMLButtonElement).disabled && el.offsetParent);
  const edge = e.shiftKey ? all[0] : all.at(-1);
  if (edge && (panel.getRootNode() as ShadowRoot).activeElement === edge) {
    e.preventDefault();
    (e.shiftKey ? all.at(-1) : all[0])!.focus();
  }
};

/** "Back Monday at 10:00" shows only outside the site's hours with no one online: a chunk of its own (widget-back-at.js), fetched then. */
const backAtText = signal<typeof import('../../protocol/back-at.ts').backAtText | undefined>();

/** The new-ticket form is a chunk of its own (widget-ticket-form.js): preloaded once the panel is open, drawn when asked for. */
const TicketForm = lazy(() => import('./ticket-form.tsx'), 'TicketForm');
/** So is the home screen with the ticket list (widget-home.js): a returning customer reopens on their conversation without it; fetched at once when the panel opens on it, else with the form. */
const Home = lazy(() => import('./home.tsx'), 'Home');

/** The open widget: header (title, presence, back, close), announcements, then the current view. */
export function Panel({ s }: { s: Store }) {
  const ref = useRef<HTMLDivElement>(null);
  const view = s.view.value;
  const open = s.isOpen.value && s.stringsReady.value;
  // Focus follows the view: its marked element (heading, first field or the composer).
  useEffect(() => {
    (ref.current?.querySelector('[data-focus]') as HTMLElement | null)?.focus();
  }, [open, view]);
  // Idle once open: fetch the form now, so "New ticket" shows it without a wait.
  useEffect(() => void (open && setTimeout(() => (Home.preload(), TicketForm.preload()), 500)), [open]);
  if (!open) return null;

  const t = s.t.value;
  const title = s.theme.value.title || t.title;
  const staff = s.staff.value;
  const live = s.connection.value === 'open';
  const reply = s.replyTime.value;
  // With no one online the home screen says so; promising a reply time then would mislead.
  // Outside the site's hours, with no one online: when the team is back, in the visitor's own time.
  const away = s.session.value?.site.availability;
  const closed = !staff?.length && away && !away.open && away.backAt && Date.parse(away.backAt) > Date.now();
  if (closed && !backAtText.value) void import('../../protocol/back-at.ts').then((m) => (backAtText.value = m.backAtText));
  const back = closed && backAtText.value ? backAtText.value(new Date(away.backAt!), new Date(), t.dir === 'rtl' ? 'ar' : 'en') : '';
  const status = !live && s.session.value ? t.reconnecting : back || (!staff?.length ? '' : reply !== null ? fill(t.replyIn, { d: duration(reply, s.locale.value) }) : t.staffOnline);

  return (
    <div
      ref={ref}
      class="panel"
      role="dialog"
      aria-labelledby="p-title"
      dir={t.dir}
      data-theme={s.theme.value.theme}
      lang={s.locale.value}
      onKeyDown={(e) => (e.key === 'Escape' ? s.close() : e.key === 'Tab' && trap(e, ref.current!))}
    >
      <header>
        {view.name !== 'home' && (
          <button class="icon" aria-label={t.back} onClick={() => s.go({ name: 'home' })}>
            <Icon name="back" flip />
          </button>
        )}
        <TeamFaces staff={staff} />
        <div class="head">
          <h2 id="p-title">{title}</h2>
          <small>{status}</small>
        </div>
        <button class="icon" aria-label={t.close} onClick={s.close}>
          <Icon name="close" />
        </button>
      </header>
      {/* A signal in JSX: a new notice rewrites this text node, the panel does not re-render. */}
      <p class="banner" role="status">
        {s.notice}
      </p>
      {s.error.value && (
        <p class="banner error" role="alert">
          {s.error.value}
        </p>
      )}
      {view.name === 'home' ? <Home s={s} /> : view.name === 'new' ? <TicketForm s={s} /> : <TicketView s={s} id={view.id} />}
    </div>
  );
}
