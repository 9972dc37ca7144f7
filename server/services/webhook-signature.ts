import { createHmac } from 'node:crypto';

/** `t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`, with one `v1` per secret still in use. */
export function signatureHeader(secrets: string[], body: string, unixSeconds: number): string {
  const parts = [`t=${unixSeconds}`];
  for (const secret of secrets) parts.push(`v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`);
  return parts.join(',');
}
