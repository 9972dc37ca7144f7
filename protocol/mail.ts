/** A mail in the outbox: `pending` (queued, or waiting to retry), `sent` (the relay took it, or its .eml file is written) or `failed` (retries ran out). */
export const MAIL_STATES = ['pending', 'sent', 'failed'] as const;
export type MailState = (typeof MAIL_STATES)[number];

export const MAIL_KINDS = ['new_ticket', 'unread_reply', 'transcript', 'customer_reply'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** `GET /api/mail` (admin): the newest mails, for the console's Outbox page. */
export interface OutboxMail {
  id: string;
  kind: MailKind;
  to: string;
  locale: string;
  subject: string;
  text: string;
  ticketId: string | null;
  state: MailState;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
}

export interface OutboxList {
  mails: OutboxMail[];
  /** Where the mail goes: `smtp` (a relay) or `files` (.eml files under this folder, when no relay is configured). */
  delivery: { kind: 'smtp' } | { kind: 'files'; folder: string };
}

/** Site setting: whether the widget's ticket form asks for an email. */
export const ASK_EMAIL = ['off', 'optional', 'required'] as const;
export type AskEmail = (typeof ASK_EMAIL)[number];
