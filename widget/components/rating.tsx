// The rating of a closed conversation (1-5 and an optional comment), once. Its own chunk: most
// visitors never close a ticket on the page, so this stays out of widget-app.js.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { canRate, type Rating as Stored, RATING } from '../../protocol/ratings.ts';
import type { Ticket } from '../../protocol/tickets.ts';
import type { Store } from '../actions.ts';
import { type ApiError, request } from '../api.ts';
import { fill } from '../i18n/index.ts';
import { ratingStrings } from '../i18n/rating.ts';
import forms from '../forms.styles.ts';
import css from '../rating.styles.ts';

export function Rating({ s, ticket }: { s: Store; ticket: Ticket }) {
  const t = s.t.value;
  const r = ratingStrings(t.dir);
  const token = s.session.value?.visitorToken;
  const path = `/api/tickets/${ticket.id}/rating`;
  // undefined while loading, null when not rated yet.
  const rating = useSignal<Stored | null>();
  const error = useSignal('');
  const busy = useSignal(false);
  const load = () =>
    void request<{ rating: Stored | null }>(s.ctx.server, path, token).then(
      (res) => (rating.value = res.rating),
      () => (rating.value = null),
    );
  useEffect(load, [ticket.id, token]);

  if (rating.value === undefined) return null;
  if (rating.value) return <p class="note" role="status">{fill(r.thanks, { n: rating.value.score })}</p>;
  if (!canRate(ticket)) return null;

  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const score = Number(form.get('score'));
    if (!score) return;
    busy.value = true;
    request<Stored>(s.ctx.server, path, token, { score, comment: String(form.get('comment')).trim() || undefined }).then(
      (stored) => (rating.value = stored),
      // Rated meanwhile (another tab): show that rating instead.
      (err: ApiError) => (err.code === 'conflict' ? load() : (error.value = t.errors[err.code] ?? t.errors.other!), (busy.value = false)),
    );
  };

  return (
    <form class="note rate" onSubmit={submit}>
      <style>{forms + css}</style>
      <fieldset>
        <legend>{r.ask}</legend>
        <div class="stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n}>
              <input type="radio" name="score" value={n} required aria-label={fill(r.star, { n })} />
              <span aria-hidden="true">★</span>
            </label>
          ))}
        </div>
      </fieldset>
      <textarea name="comment" rows={2} maxLength={RATING.comment} aria-label={r.comment} placeholder={r.comment} dir="auto" />
      {error.value && <small class="error" role="alert">{error}</small>}
      <button class="primary" type="submit" disabled={busy}>
        {r.submit}
      </button>
    </form>
  );
}
