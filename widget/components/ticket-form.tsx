// The new-ticket form, a chunk of its own (widget-ticket-form.js): most visits never open it.
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { LIMITS } from '../../protocol/limits.ts';
import { DEFAULT_CATEGORIES, type Urgency, URGENCIES } from '../../protocol/tickets.ts';
import type { Store } from '../actions.ts';
import { fill } from '../i18n/index.ts';
import { formStrings } from '../i18n/form.ts';
import { categoryLabel, put } from '../store.ts';
import forms from '../forms.styles.ts';
import css from '../ticket-form.styles.ts';
import { ContactFields, contactInput } from './contact-fields.tsx';

export { ticketSender } from '../new-ticket.ts';
/** The counter shows from here on: far from the limit it is noise. */
const COUNTER_FROM = LIMITS.description - 400;

/** New ticket: category (the site's list), urgency, description; checked here before the server checks it again. */
export function TicketForm({ s }: { s: Store }) {
  const t = s.t.value;
  const f = formStrings(t.dir);
  const site = s.session.value?.site.categories;
  const categories: readonly string[] = site?.length ? site : DEFAULT_CATEGORIES;
  // Signals, not state: with them no useState ships in widget-app.js (hooks' state code is the binding's now).
  const problem = useSignal('');
  const mailProblem = useSignal('');
  // The description is a draft: kept while the panel is closed, across reloads, and carried over from a chat closed under the customer.
  const draft = s.drafts.value.new ?? '';
  const form = useRef<HTMLFormElement>(null);
  // This chunk may arrive after the panel moved focus: take it then.
  useEffect(() => (form.current!.querySelector('[data-focus]') as HTMLElement).focus(), []);

  const submit = (e: Event) => {
    e.preventDefault();
    // Read from the form itself, so what is submitted is exactly what is on screen.
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const description = String(data.get('description')).trim();
    // The length limit is enforced by maxLength; an empty description is the one thing left to check.
    problem.value = description ? '' : f.required;
    if (!description) return (e.currentTarget as HTMLFormElement).querySelector('textarea')!.focus();
    const contact = contactInput(s, data, f);
    mailProblem.value = typeof contact === 'string' ? contact : '';
    if (typeof contact === 'string') return (e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('#p-email')!.focus();
    void s.createTicket({ category: String(data.get('category')), urgency: data.get('urgency') as Urgency, description, ...contact }).then((ok) => ok && put(s.drafts, 'new', ''));
  };
  const input = (e: Event) => {
    const text = (e.currentTarget as HTMLTextAreaElement).value;
    put(s.drafts, 'new', text);
    // A field error goes as soon as the customer fixes it.
    if (text.trim()) problem.value = '';
  };
  const left = LIMITS.description - draft.length;

  return (
    <form class="body" onSubmit={submit} noValidate ref={form}>
      <style>{forms + css}</style>
      <label for="p-cat" data-focus tabIndex={-1}>
        {f.category}
      </label>
      <select id="p-cat" name="category">
        {categories.map((c) => (
          <option key={c} value={c}>
            {categoryLabel(s, c)}
          </option>
        ))}
      </select>
      <fieldset>
        <legend>{f.urgency}</legend>
        <div class="chips">
          {URGENCIES.map((u) => (
            <label key={u}>
              <input type="radio" name="urgency" value={u} defaultChecked={u === 'medium'} />
              <span>{t.urgencies[u]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label for="p-desc">{f.description}</label>
      <textarea
        id="p-desc"
        name="description"
        rows={5}
        dir="auto"
        maxLength={LIMITS.description}
        value={draft}
        onInput={input}
        aria-invalid={problem.value ? 'true' : undefined}
        aria-describedby={problem.value ? 'p-err' : draft.length >= COUNTER_FROM ? 'p-left' : undefined}
      />
      {draft.length >= COUNTER_FROM && (
        <small id="p-left" class="count-down">
          {fill(f.left, { n: left })}
        </small>
      )}
      {problem.value && (
        <small id="p-err" class="error">
          {problem}
        </small>
      )}
      <ContactFields s={s} f={f} problem={mailProblem.value} fixed={() => (mailProblem.value = '')} />
      <button class="primary" type="submit" disabled={s.busy.value}>
        {s.busy.value ? t.sending : f.submit}
      </button>
    </form>
  );
}
