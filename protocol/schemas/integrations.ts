import * as v from 'valibot';
import { INTEGRATION_LIMITS, SCOPES } from '../integrations.ts';
import { text } from './text.ts';

/** `POST /api/tokens` */
export const NewApiTokenBody = v.object({
  name: text(INTEGRATION_LIMITS.tokenName),
  scopes: v.pipe(
    v.array(v.picklist(SCOPES, `must name only these scopes: ${SCOPES.join(', ')}`), 'must be an array of scopes'),
    v.minLength(1, 'must name at least one scope'),
    v.maxLength(SCOPES.length * 2, `has more than ${SCOPES.length * 2} entries`),
    v.transform((list) => [...new Set(list)]),
    v.description('what the token may do'),
  ),
}, 'must be a JSON object');
