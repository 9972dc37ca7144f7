// The new-ticket form's email field (as the site's askEmail asks) and the "email me a transcript"
// choice: how an answer reaches a customer who left (unread-reply mail with a resume link).
import type { Store } from '../actions.ts';
import type { formStrings } from '../i18n/form.ts';

type Strings = ReturnType<typeof formStrings>;
// The server checks again; this only catches typos before the ticket is sent.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `optional` / `required` when the form asks for an email: the site wants one and the customer's is not known yet. */
const asks = (s: Store) => {
  const v = s.session.value;
  return v && v.site.askEmail && v.site.askEmail !== 'off' && !v.customer.email ? v.site.askEmail : null;
};

/** What the submitted form adds to the new ticket, or the problem to show at the email field. */
export function contactInput(s: Store, data: FormData, f: Strings): { email?: string; transcript?: true } | string {
  const ask = asks(s);
  const email = String(data.get('email') ?? '').trim();
  if (ask === 'required' && !email) return f.emailRequired;
  if (email && !EMAIL.test(email)) return f.emailInvalid;
  return { ...(email && { email }), ...(data.get('transcript') && { transcript: true as const }) };
}

export function ContactFields({ s, f, problem, fixed }: { s: Store; f: Strings; problem: string; fixed: () => void }) {
  const ask = asks(s);
  const site = s.session.value?.site;
  // A transcript needs an address; a site that mails every transcript needs no question.
  const transcript = site && !site.transcripts && (ask || s.session.value?.customer.email);
  return (
    <>
      {ask && (
        <>
          <label for="p-email">{ask === 'required' ? f.email : f.emailOptional}</label>
          <input
            id="p-email"
            name="email"
            type="email"
            autocomplete="email"
            dir="ltr"
            maxLength={254}
            aria-required={ask === 'required' ? 'true' : undefined}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? 'p-mail-err' : undefined}
            onInput={fixed}
          />
          {problem && (
            <small id="p-mail-err" class="error">
              {problem}
            </small>
          )}
        </>
      )}
      {transcript && (
        <label class="check">
          <input type="checkbox" name="transcript" /> {f.transcript}
        </label>
      )}
    </>
  );
}
