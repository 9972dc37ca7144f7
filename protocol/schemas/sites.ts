import * as v from 'valibot';
import { LIMITS } from '../limits.ts';
import { LANGUAGE_TAG } from '../users.ts';
import { HOURS_LIMITS, isTimeZone } from '../hours.ts';
import { ASK_EMAIL } from '../mail.ts';
import { ROUTING_MODES } from '../routing.ts';
import { flag, oneOf, optional, text, textList } from './text.ts';
import { EDGE_LIMITS } from './limits.ts';

const Origins = textList(EDGE_LIMITS.origins.items, EDGE_LIMITS.origins.length, 'origins allowed to embed the widget: scheme://host[:port]');
const Categories = textList(EDGE_LIMITS.categories.items, LIMITS.category, 'the categories the ticket form offers');
/** language → category → its name there; null removes them all. */
const CategoryLabels = v.nullable(v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(LANGUAGE_TAG, 'must be keyed by a lowercase language tag like ar or pt-br')),
    v.pipe(
      v.record(v.string(), text(LIMITS.category), 'must map each category to its name in that language'),
      v.check((labels) => Object.keys(labels).length <= EDGE_LIMITS.categories.items, `has more than ${EDGE_LIMITS.categories.items} names for one language`),
    ),
    'must be {language: {category: name}}',
  ),
  v.check((langs) => Object.keys(langs).length <= EDGE_LIMITS.labelLanguages.items, `has more than ${EDGE_LIMITS.labelLanguages.items} languages`),
));
const RequireIdentity = flag('true: only customers vouched for by an identity hash may open tickets');
const Routing = oneOf(ROUTING_MODES, 'manual: members accept or reject; auto: new tickets go to an available member');

const Clock = v.pipe(v.string('must be HH:MM'), v.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM (00:00 to 24:00)'));
/** Opening hours (protocol/hours.ts); null removes them. */
const Hours = v.nullable(v.object({
  timeZone: v.pipe(v.string('must be a time zone'), v.maxLength(64, 'is too long'), v.check(isTimeZone, 'is not a known IANA time zone (like Europe/Berlin)')),
  weekly: v.pipe(v.array(v.pipe(
    v.object({ day: v.pipe(v.number('must be a number'), v.integer('must be 0 to 6'), v.minValue(0, 'must be 0 to 6'), v.maxValue(6, 'must be 0 to 6')), from: Clock, to: Clock }, 'must be {day, from, to}'),
    v.check((s) => s.from !== s.to && s.from !== '24:00', 'from must differ from to, and not be 24:00'),
  ), 'must be a list'), v.maxLength(HOURS_LIMITS.spans, `has more than ${HOURS_LIMITS.spans} spans`)),
  closedDates: v.optional(v.pipe(v.array(v.pipe(v.string(), v.isoDate('must be YYYY-MM-DD')), 'must be a list'), v.maxLength(HOURS_LIMITS.closedDates, `has more than ${HOURS_LIMITS.closedDates} dates`))),
}, 'must be {timeZone, weekly, closedDates?}'));

const AskEmailSetting = oneOf(ASK_EMAIL, 'whether the ticket form asks for an email: off, optional or required');
const Transcripts = flag('true mails every closed ticket to its customer as a transcript');

/** The settings a site may leave out when it is created, and any of which a patch may change. */
const settings = {
  categories: optional(Categories),
  categoryLabels: v.optional(CategoryLabels),
  requireIdentity: optional(RequireIdentity),
  routing: optional(Routing),
  hours: v.optional(Hours),
  askEmail: optional(AskEmailSetting),
  transcripts: optional(Transcripts),
};

/** `POST /api/sites` */
export const NewSite = v.object({ name: text(LIMITS.name), origins: Origins, ...settings }, 'must be a JSON object');

/** `PATCH /api/sites/:id` */
export const SitePatch = v.object({ name: optional(text(LIMITS.name)), origins: optional(Origins), ...settings }, 'must be a JSON object');
