import type { Database } from '../db/orm.ts';
import { PollLoop } from '../services/poll-loop.ts';
import { nextAttempt } from '../services/retry.ts';
import type { MailConfig } from './config.ts';
import { unsubscribeUrl } from './outbox.ts';
import type { MailTransport } from './transport.ts';

interface MailRow { id: string; to_address: string; subject: string; text: string; html: string; unsubscribe_token: string; attempts: number; created_at: Date }

/**
 * Sends the mail outbox. Safe with many instances: a claim takes rows with FOR UPDATE SKIP LOCKED
 * and leases them, so one worker at a time owns a mail; it is marked `sent` as soon as the relay
 * accepted it. A worker killed mid-send leaves the lease, which expires, and the mail is sent again:
 * the relay did not accept it (SMTP hands responsibility over with its reply to the final ".", and a
 * dropped connection before that reply is no delivery). Only a crash between that reply and our
 * update could double a mail (RFC 1047's window); the resend carries the same Message-ID.
 */
export class MailWorker {
  private readonly db: Database;
  private readonly config: MailConfig;
  private readonly send: MailTransport;
  private readonly publicUrl: () => string;
  private readonly onError: (err: unknown) => void;
  private readonly loop: PollLoop;
  /** Queues the mail that time causes (unread replies) before each claim, at most every `sweepMs`. */
  private readonly sweep: (publicUrl: string) => Promise<number>;
  private readonly sweepMs: number;
  private sweptAt = 0;
  /** Makes mails queued by SQL alone (drafts) ready to send, before every claim. */
  private readonly prepare: (publicUrl: string) => Promise<number>;

  constructor(db: Database, config: MailConfig, send: MailTransport, publicUrl: () => string, onError: (err: unknown) => void,
    sweep: (publicUrl: string) => Promise<number> = async () => 0, prepare: (publicUrl: string) => Promise<number> = async () => 0) {
    this.db = db;
    this.sweep = sweep;
    this.prepare = prepare;
    // Often enough that a mail goes out within a quarter of the delay (or 15 s), and never more than once a poll.
    this.sweepMs = Math.max(config.pollMs, Math.min(config.emailAfterMs / 4, 15_000));
    this.config = config;
    this.send = send;
    this.publicUrl = publicUrl;
    this.onError = onError;
    this.loop = new PollLoop(config.pollMs, () => this.drain());
  }

  start(): void {
    this.loop.start();
  }

  /** Mail was queued on this instance: send it now rather than at the next poll. */
  wake(): void {
    this.loop.wake();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async drain(): Promise<void> {
    try {
      if (Date.now() - this.sweptAt >= this.sweepMs) {
        this.sweptAt = Date.now();
        await this.sweep(this.publicUrl());
      }
      await this.prepare(this.publicUrl());
      while (!this.loop.isStopped && (await this.tick()) >= this.config.concurrency);
    } catch (err) {
      if (!this.loop.isStopped) this.onError(err);
    }
  }

  /** One batch: claim, send concurrently, record. Returns how many were claimed. */
  async tick(): Promise<number> {
    const lease = this.config.timeoutMs * 2 + 1000;
    const rows = await this.db.sql<MailRow>(
      `update mail_outbox m set lease_until = now() + (? * interval '1 millisecond'), attempts = m.attempts + 1
       where m.id in (
         select c.id from mail_outbox c
         where c.state = 'pending' and c.next_attempt_at <= now() and (c.lease_until is null or c.lease_until < now())
         order by c.seq limit ?
         for update skip locked
       )
       returning m.id, m.to_address, m.subject, m.text, m.html, m.unsubscribe_token, m.attempts, m.created_at`,
      [lease, this.config.concurrency],
    );
    await Promise.all(rows.map((row) => this.deliver(row)));
    return rows.length;
  }

  private async deliver(row: MailRow): Promise<void> {
    try {
      await this.send({
        id: row.id, to: row.to_address, subject: row.subject, text: row.text, html: row.html,
        unsubscribeUrl: unsubscribeUrl(this.publicUrl(), row.unsubscribe_token),
      });
    } catch (err) {
      const { at, giveUp } = nextAttempt(Number(row.attempts), new Date(row.created_at), this.config.backoffMs, this.config.retryForMs);
      await this.db.sql(
        `update mail_outbox set state = ?, next_attempt_at = ?, lease_until = null, last_error = ? where id = ?`,
        [giveUp ? 'failed' : 'pending', at, String((err as Error).message).slice(0, 1024), row.id],
      );
      return;
    }
    await this.db.sql(`update mail_outbox set state = 'sent', sent_at = now(), lease_until = null, next_attempt_at = null, last_error = null where id = ?`, [row.id]);
  }
}
