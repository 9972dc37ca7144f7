import * as v from 'valibot';
import { RATING } from '../ratings.ts';
import { optional, text } from './text.ts';

// Control characters other than tab and line breaks have no place in a comment (and break exports).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** `POST /api/tickets/:id/rating`: an integer score 1-5 and an optional comment (blank means none). */
export const RatingBody = v.object({
  score: v.pipe(
    v.number(`must be an integer from ${RATING.minScore} to ${RATING.maxScore}`),
    v.integer(`must be an integer from ${RATING.minScore} to ${RATING.maxScore}`),
    v.minValue(RATING.minScore, `must be an integer from ${RATING.minScore} to ${RATING.maxScore}`),
    v.maxValue(RATING.maxScore, `must be an integer from ${RATING.minScore} to ${RATING.maxScore}`),
  ),
  comment: optional(v.pipe(
    text(RATING.comment, { min: 0 }),
    v.check((s: string) => !CONTROL.test(s), 'contains control characters'),
    v.transform((s: string) => s || undefined),
  )),
}, 'must be a JSON object');
