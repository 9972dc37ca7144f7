import * as v from 'valibot';
import { MAX_LABELS } from '../labels.ts';

/**
 * `PUT /api/tickets/:id/labels`. Each label's rule (and the limit of ten after dropping repeats) is
 * `normalizeLabels` in protocol/labels.ts, applied by the service; this caps the raw list.
 */
export const LabelsBody = v.object({
  labels: v.pipe(
    v.array(v.string('must be strings'), 'must be an array of strings'),
    v.maxLength(MAX_LABELS * 4, `has far more than ${MAX_LABELS} labels`),
    v.description(`at most ${MAX_LABELS}, each 1-32 letters, digits, - or _`),
  ),
}, 'must be a JSON object');
