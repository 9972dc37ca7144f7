/**
 * The server's own account of where a message's time went, read from its `GET /metrics` before and
 * after a measured phase: how many batch statements the message writer ran, how many messages each
 * carried, how long each took, and receive → ack. Summed over the instances given.
 */
export interface WriterFigures {
  batches: number;
  messagesPerBatch: number;
  /** Mean time of one batch statement, sent to answered. */
  batchMs: number;
  /** Mean time from a message frame read to its ack sent. */
  ackMs: number;
}

type Sums = Record<string, number>;
const NAMES = ['parley_message_batch_seconds_sum', 'parley_message_batch_seconds_count', 'parley_message_batch_messages_sum', 'parley_message_seconds_sum', 'parley_message_seconds_count'];

/** Reads the counters (null when a server does not answer: the figures are then left out, not guessed). */
export async function readWriterSums(urls: string[]): Promise<Sums | null> {
  const sums: Sums = Object.fromEntries(NAMES.map((k) => [k, 0]));
  try {
    for (const url of urls) {
      const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
      for (const line of text.split('\n')) {
        const [name, value] = line.split(' ');
        if (name && name in sums) sums[name]! += Number(value);
      }
    }
  } catch {
    return null;
  }
  return sums;
}

const round = (v: number) => Math.round(v * 100) / 100;

export function writerFigures(before: Sums | null, after: Sums | null): WriterFigures | null {
  if (!before || !after) return null;
  const d = (k: string) => after[k]! - before[k]!;
  const batches = d('parley_message_batch_seconds_count');
  const acks = d('parley_message_seconds_count');
  return {
    batches,
    messagesPerBatch: batches ? round(d('parley_message_batch_messages_sum') / batches) : 0,
    batchMs: batches ? round((d('parley_message_batch_seconds_sum') / batches) * 1000) : 0,
    ackMs: acks ? round((d('parley_message_seconds_sum') / acks) * 1000) : 0,
  };
}
