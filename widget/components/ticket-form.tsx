import { useState } from 'preact/hooks';
import { DEFAULT_CATEGORIES, LIMITS, type Urgency, URGENCIES } from '../../protocol/index.ts';
import type { Store } from '../actions.ts';

/** New ticket: category (the site's list), urgency, description; checked here before the server checks it again. */
export function TicketForm({ s }: { s: Store }) {
  const t = s.t.value;
  const site = s.session.value?.site.categories;
  const categories: readonly string[] = site?.length ? site : DEFAULT_CATEGORIES;
  const [problem, setProblem] = useState('');

  const submit = (e: Event) => {
    e.preventDefault();
    // Read from the form itself, so what is submitted is exactly what is on screen.
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const description = String(form.get('description')).trim();
    // The length limit is enforced by maxLength; an empty description is the one thing left to check.
    setProblem(description ? '' : t.required);
    if (!description) return (e.currentTarget as HTMLFormElement).querySelector('textarea')!.focus();
    void s.createTicket({ category: String(form.get('category')), urgency: form.get('urgency') as Urgency, description });
  };

  return (
    <form class="body" onSubmit={submit} noValidate>
      <label for="p-cat" data-focus tabIndex={-1}>
        {t.category}
      </label>
      <select id="p-cat" name="category">
        {categories.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
      <fieldset>
        <legend>{t.urgency}</legend>
        <div class="chips">
          {URGENCIES.map((u) => (
            <label key={u}>
              <input type="radio" name="urgency" value={u} defaultChecked={u === 'medium'} />
              <span>{t.urgencies[u]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label for="p-desc">{t.description}</label>
      <textarea
        id="p-desc"
        name="description"
        rows={5}
        maxLength={LIMITS.description}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? 'p-err' : undefined}
      />
      {problem && (
        <small id="p-err" class="error">
          {problem}
        </small>
      )}
      <button class="primary" type="submit" disabled={s.busy.value}>
        {s.busy.value ? t.sending : t.submit}
      </button>
    </form>
  );
}
