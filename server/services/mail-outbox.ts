import { resolve } from 'node:path';
import type { OutboxList } from '../../protocol/index.ts';
import type { Database } from '../db/orm.ts';
import type { MailConfig } from '../mail/config.ts';
import { listOutbox, unsubscribe } from '../mail/outbox.ts';
import { mailDir } from '../mail/transport.ts';

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

/** What the routes read and change of the mail outbox: the admin's list and the unsubscribe links. */
export class MailOutboxService {
  private readonly db: Database;
  private readonly config: MailConfig;
  private readonly dataDir: string;
  constructor(db: Database, config: MailConfig, dataDir: string) {
    this.db = db;
    this.config = config;
    this.dataDir = dataDir;
  }

  async list(limit: number): Promise<OutboxList> {
    return {
      mails: await listOutbox(this.db, limit),
      delivery: this.config.smtpUrl ? { kind: 'smtp' } : { kind: 'files', folder: resolve(mailDir(this.dataDir)) },
    };
  }

  /** Whether `token` is an unsubscribe link of a mail we sent. */
  async knows(token: string): Promise<boolean> {
    return TOKEN.test(token) && (await this.db.sql('select 1 from mail_outbox where unsubscribe_token = ?', [token])).length > 0;
  }

  /** Unsubscribes the address `token` was sent to; false when the link is not ours. */
  async unsubscribe(token: string): Promise<boolean> {
    return TOKEN.test(token) && unsubscribe(this.db, token);
  }
}
