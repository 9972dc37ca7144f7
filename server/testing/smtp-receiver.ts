import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process on a loopback port. Every accepted mail is parsed (mailparser)
 * and kept. `refuse(n)` fails the next n with 451. `hold(true)` makes it read a mail's data and never answer, so the sender has it in flight;
 * such a mail counts as delivered only if it is later answered, which a dropped connection prevents.
 */
export async function startSmtpReceiver() {
  const delivered: { mail: ParsedMail; raw: string }[] = [];
  let holding = false;
  let held = 0;
  let refusing = 0;
  let refused = 0;
  const waiters: { match: () => boolean; resolve: () => void }[] = [];
  const check = () => {
    for (const w of waiters.splice(0)) (w.match() ? w.resolve() : waiters.push(w));
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (refusing > 0) {
          refusing--;
          refused++;
          return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        }
        if (holding) {
          held++;
          check();
          return; // never answered: the sender's connection drops when it dies
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        delivered.push({ mail: await simpleParser(raw), raw });
        callback();
        check();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    delivered,
    get held() {
      return held;
    },
    get refused() {
      return refused;
    },
    /** Answers the next `n` mails with a temporary failure (451). */
    refuse(n: number) {
      refusing = n;
    },
    hold(on: boolean) {
      holding = on;
    },
    /** Resolves once `match()` holds (checked after every mail), failing after `ms`. */
    until(match: () => boolean, ms = 15_000): Promise<void> {
      if (match()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`smtp: condition not met within ${ms} ms; ${delivered.length} delivered, ${held} held`)), ms);
        waiters.push({ match, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export type SmtpReceiver = Awaited<ReturnType<typeof startSmtpReceiver>>;
