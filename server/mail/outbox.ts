import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { CompiledQuery } from 'kysely';
import type { MailKind, OutboxMail } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import type { MailLocale, RenderedMail } from './layout.ts';


export interface QueuedMail {
  kind: MailKind;
  to: string;
  locale: MailLocale;
  ticketId: string | null;
  /** Unread-reply mail: the last message it carries (one such mail per ticket and seq). */
  uptoSeq?: number;
  /** The mail's text, given its unsubscribe link (each mail carries its own). */
  render: (unsubscribeUrl: string) => RenderedMail;
}

/** The `?` SQL runner of a MikroORM transaction, so mail joins the transaction that causes it. */
export function emSql(em: EntityManager): Database['sql'] {
  return async <T,>(query: string, params: unknown[] = []) => {
    let n = 0;
    const text = query.replace(/\?/g, () => `$${++n}`);
    return (await (em as SqlEntityManager).getKysely().executeQuery(CompiledQuery.raw(text, params))).rows as T[];
  };
}

export const unsubscribeUrl = (publicUrl: string, token: string) => `${publicUrl}/mail/unsubscribe/${token}`;

/**
 * Queues mails inside the caller's transaction: they commit (or vanish) with the event that causes
 * them, and the worker sends them after the commit. Addresses that unsubscribed get nothing, and
 * an unread-reply mail another instance queued first is not queued again. Returns how many were queued.
 */
export async function enqueueMail(sql: Database['sql'], publicUrl: string, mails: QueuedMail[]): Promise<number> {
  if (!mails.length) return 0;
  const off = new Set((await sql<{ address: string }>(
    `select address from mail_unsubscribes where address = any(?::text[])`, [mails.map((m) => m.to.toLowerCase())],
  )).map((r) => r.address));
  let queued = 0;
  for (const mail of mails) {
    if (off.has(mail.to.toLowerCase())) continue;
    const token = randomBytes(24).toString('base64url');
    const { subject, text, html } = mail.render(unsubscribeUrl(publicUrl, token));
    await sql(
      `insert into mail_outbox (id, created_at, kind, to_address, locale, subject, text, html, ticket_id, upto_seq, unsubscribe_token, state, next_attempt_at)
       values (gen_random_uuid(), now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', now()) on conflict do nothing returning id`,
      [mail.kind, mail.to, mail.locale, subject, text, html, mail.ticketId, mail.uptoSeq ?? null, token],
    ).then((rows) => (queued += rows.length));
  }
  return queued;
}

/** Unsubscribes the address a mail went to; false when no mail has this token. */
export async function unsubscribe(db: Database, token: string): Promise<boolean> {
  const rows = await db.sql<{ address: string }>(
    `insert into mail_unsubscribes (address, created_at)
     select lower(to_address), now() from mail_outbox where unsubscribe_token = ?
     on conflict (address) do nothing returning address`,
    [token],
  );
  if (rows.length) return true;
  return (await db.sql(`select 1 from mail_outbox where unsubscribe_token = ?`, [token])).length > 0;
}

interface OutboxRow { id: string; kind: string; to_address: string; locale: string; subject: string; text: string; ticket_id: string | null; state: string; attempts: number; created_at: Date; sent_at: Date | null; next_attempt_at: Date | null; last_error: string | null }

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The newest mails first (admin). */
export async function listOutbox(db: Database, limit: number): Promise<OutboxMail[]> {
  const rows = await db.sql<OutboxRow>(
    `select id, kind, to_address, locale, subject, text, ticket_id, state, attempts, created_at, sent_at, next_attempt_at, last_error
     from mail_outbox where state <> 'draft' order by seq desc limit ?`, [limit],
  );
  return rows.map((r) => ({
    id: r.id, kind: r.kind as MailKind, to: r.to_address, locale: r.locale, subject: r.subject, text: r.text, ticketId: r.ticket_id,
    state: r.state as OutboxMail['state'], attempts: Number(r.attempts), createdAt: iso(r.created_at)!, sentAt: iso(r.sent_at),
    nextAttemptAt: r.state === 'pending' ? iso(r.next_attempt_at) : null, lastError: r.last_error,
  }));
}
