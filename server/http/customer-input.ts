import { CONTEXT_LIMITS } from '../../protocol/index.ts';

// The visitor's context and attributes are checked by their schemas (protocol/schemas/customers.ts).

/** The User-Agent header, cut to a sane length (the server, not the client, reports it). */
export const userAgentOf = (header: string | undefined): string | undefined =>
  header ? (header.length > CONTEXT_LIMITS.userAgent ? header.slice(0, CONTEXT_LIMITS.userAgent) : header) : undefined;
