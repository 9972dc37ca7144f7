// The rating of a closed conversation (1-5 and an optional comment), once. Its own chunk: most
// visitors never close a ticket on the page, so this stays out of widget-app.js.
import { useEffect, useState } from 'preact/hooks';
import { canRate, type Rating as Stored, RATING } from '../../protocol/ratings.ts';
import type { Ticket } from '../../protocol/tickets.ts';
import type { Store } from '../actions.ts';
import { type ApiError, request } from '../api.ts';
import { fill } from '../i18n/index.ts';
import { ratingStrings } from '../i18n/rating.ts';
import css from '../rating.styles.ts';

export function Rating({ s, ticket }: { s: Store; ticket: Ticket }) {
  const t = s.t.value;
  const r = ratingStrings(t.dir);
  const token = s.session.value?.visitorToken;
  const path = `/api/tickets/${ticket.id}/rating`;
  // undefined while loading, null when not rated yet.
  const [rating, setRating] = useState<Stored | null>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const load = () =>
    void request<{ rating: Stored | null }>(s.ctx.server, path, token).then(
      (res) => setRating(res.rating),
      () => setRating(null),
    );
  useEffect(load, [ticket.id, token]);

  if (rating === undefined) return null;
  if (rating) return <p class="note" role="status">{fill(r.thanks, { n: rating.score })}</p>;
  if (!canRate(ticket)) return null;

  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const score = Number(form.get('score'));
    if (!score) return;
    setBusy(true);
    request<Stored>(s.ctx.server, path, token, { score, comment: String(form.get('comment')).trim() || undefined }).then(
      (stored) => setRating(stored),
      // Rated meanwhile (another tab): show that rating instead.
      (err: ApiError) => (err.code === 'conflict' ? load() : setError(t.errors[err.code] ?? t.errors.other!), setBusy(false)),
    );
  };

  return (
    <form class="note rate" onSubmit={submit}>
      <style>{css}</style>
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
      {error && <small class="error" role="alert">{error}</small>}
      <button class="primary" type="submit" disabled={busy}>
        {r.submit}
      </button>
    </form>
  );
}
