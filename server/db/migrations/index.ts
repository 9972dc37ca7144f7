import { Migration0001Initial } from './0001-initial.ts';
import { Migration0030RateLimits } from './0030-rate-limits.ts';
import { Migration0050Ratings } from './0050-ratings.ts';
import { Migration0060CustomerContext } from './0060-customer-context.ts';
import { Migration0061CannedResponses } from './0061-canned-responses.ts';
import { Migration0062Labels } from './0062-labels.ts';
import { Migration0070Integrations } from './0070-integrations.ts';
import { Migration0080Routing } from './0080-routing.ts';
import { Migration0120InternalNotes } from './0120-internal-notes.ts';
import { Migration0130Search } from './0130-search.ts';
import { Migration0131InboxOrder } from './0131-inbox-order.ts';
import { Migration0140Mail } from './0140-mail.ts';
import { Migration0141UnreadReplyMail } from './0141-unread-reply-mail.ts';
import { Migration0142SiteHours } from './0142-site-hours.ts';
import { Migration0143TicketEmail } from './0143-ticket-email.ts';
import { Migration0144ResumeLinks } from './0144-resume-links.ts';
import { Migration0150Deployment } from './0150-deployment.ts';
import { Migration0160Attachments } from './0160-attachments.ts';
import { Migration0170MailCustomerReplies } from './0170-mail-customer-replies.ts';
import { Migration0180CategoryLabels } from './0180-category-labels.ts';
import { Migration0190CustomerConnections } from './0190-customer-connections.ts';
import { Migration0200CustomerReplyDrafts } from './0200-customer-reply-drafts.ts';

// Listed explicitly (no file globbing) so the same list runs on PGlite and PostgreSQL, from .ts sources.
export const migrationsList = [
  { name: '0001-initial', class: Migration0001Initial },
  { name: '0030-rate-limits', class: Migration0030RateLimits },
  { name: '0050-ratings', class: Migration0050Ratings },
  { name: '0060-customer-context', class: Migration0060CustomerContext },
  { name: '0061-canned-responses', class: Migration0061CannedResponses },
  { name: '0062-labels', class: Migration0062Labels },
  { name: '0070-integrations', class: Migration0070Integrations },
  { name: '0080-routing', class: Migration0080Routing },
  { name: '0120-internal-notes', class: Migration0120InternalNotes },
  { name: '0130-search', class: Migration0130Search },
  { name: '0131-inbox-order', class: Migration0131InboxOrder },
  { name: '0140-mail', class: Migration0140Mail },
  { name: '0141-unread-reply-mail', class: Migration0141UnreadReplyMail },
  { name: '0142-site-hours', class: Migration0142SiteHours },
  { name: '0143-ticket-email', class: Migration0143TicketEmail },
  { name: '0144-resume-links', class: Migration0144ResumeLinks },
  { name: '0150-deployment', class: Migration0150Deployment },
  { name: '0160-attachments', class: Migration0160Attachments },
  { name: '0170-mail-customer-replies', class: Migration0170MailCustomerReplies },
  { name: '0180-category-labels', class: Migration0180CategoryLabels },
  { name: '0190-customer-connections', class: Migration0190CustomerConnections },
  { name: '0200-customer-reply-drafts', class: Migration0200CustomerReplyDrafts },
];
