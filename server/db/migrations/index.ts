import { Migration0001Initial } from './0001-initial.ts';
import { Migration0080Routing } from './0080-routing.ts';

// Listed explicitly (no file globbing) so the same list runs on PGlite and PostgreSQL, from .ts sources.
export const migrationsList = [
  { name: '0001-initial', class: Migration0001Initial },
  { name: '0080-routing', class: Migration0080Routing },
];
