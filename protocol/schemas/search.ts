import * as v from 'valibot';
import { first, queryLabel, queryLimit, queryStatus } from './tickets.ts';
import { text } from './text.ts';

/** Longest search text: a few sentences; anything longer is a paste, not a search. */
export const SEARCH_MAX = 200;
/** Results per search, at most. */
export const SEARCH_RESULTS_MAX = 50;

/** `GET /api/search` */
export const SearchQuery = v.object({
  q: v.pipe(first, text(SEARCH_MAX, { description: 'words (web search syntax: "a phrase", -not, or), a ticket id or a customer email' })),
  status: queryStatus,
  label: queryLabel,
  limit: queryLimit(SEARCH_RESULTS_MAX, 20),
});
