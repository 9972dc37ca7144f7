import { useState } from 'preact/hooks';
import { DEFAULT_CATEGORIES, LIMITS, URGENCIES, type Urgency } from '../../protocol/index.ts';
import type { Store } from '../actions.ts';
import { fill } from '../i18n/index.ts';

/** New ticket: category (the site's list), urgency, description; checked here before the server checks it again. */
export function TicketForm({ s }: { s: Store }) {
  const t = s.t.value;
  const categories: readonly string[] = s.session.value?.site.categories.length ? s.session.value.site.categories : DEFAULT_CATEGORIES;
  const [category, setCategory] = useState(categories[0]!);
  const [urgency, setUrgency] = useState<Urgency>('medium');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState('');

  const submit = async (e: Event) => {
    e.preventDefault();
    const text = description.trim();
    const issue = !text ? t.required : text.length > LIMITS.description ? fill(t.tooLong, { n: LIMITS.description }) : '';
    setProblem(issue);
    const form = e.currentTarget as HTMLFormElement;
    if (issue) return form.querySelector('textarea')!.focus();
    await s.createTicket({ category: categories.includes(category) ? category : categories[0]!, urgency, description: text });
  };

  return (
    <form class="body" onSubmit={submit} noValidate>
      <label for="p-cat" data-focus tabIndex={-1}>
        {t.category}
      </label>
      <select id="p-cat" value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
        {categories.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
      <fieldset>
        <legend>{t.urgency}</legend>
        <div class="chips">
          {URGENCIES.map((u) => (
            <label key={u}>
              <input type="radio" name="urgency" value={u} checked={urgency === u} onChange={() => setUrgency(u)} />
              <span>{t.urgencies[u]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label for="p-desc">{t.description}</label>
      <textarea
        id="p-desc"
        rows={5}
        placeholder={t.describeHint}
        value={description}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? 'p-desc-err' : undefined}
        onInput={(e) => setDescription(e.currentTarget.value)}
      />
      {problem && (
        <p id="p-desc-err" class="field-error">
          {problem}
        </p>
      )}
      <button class="primary" type="submit" disabled={s.busy.value}>
        {s.busy.value ? t.sending : t.submit}
      </button>
    </form>
  );
}
