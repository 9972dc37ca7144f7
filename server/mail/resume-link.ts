import type { Database } from '../db/orm.ts';
import { newToken, tokenId } from '../services/tokens.ts';

/** How long a mailed resume link works. */
export const RESUME_LINK_MS = 7 * 86_400_000;

/**
 * The ticket's page with `?parley_resume=<token>`: the widget's loader trades the token for a visitor
 * token that reaches this ticket only (POST /api/visitor {siteKey, resumeToken}). Only the token's
 * SHA-256 is stored, so the database never holds a working link.
 */
export async function resumeLink(sql: Database['sql'], pageUrl: string, ticketId: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const token = newToken();
  await sql(`insert into resume_tokens (id, created_at, expires_at, ticket_id) values (?, now(), ?, ?)`, [tokenId(token), new Date(Date.now() + RESUME_LINK_MS), ticketId]);
  url.searchParams.set('parley_resume', token);
  return url.toString();
}
