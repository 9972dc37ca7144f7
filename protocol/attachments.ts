/**
 * A file attached to a ticket's message (`POST /api/tickets/:id/attachments`). `url` is a capability
 * URL (`?exp=&sig=`) that works without headers (so `<img src>` does) until it expires; every answer
 * that carries an attachment carries a fresh one. `width`/`height`: raster images only, so a client
 * can lay out a thumbnail before it loads.
 */
export interface Attachment {
  id: string;
  ticketId: string;
  name: string;
  /** The detected media type (by content, never by the name or the declared type). */
  type: string;
  size: number;
  width?: number;
  height?: number;
  url: string;
}

/** At most this many attachments per message. */
export const MAX_ATTACHMENTS = 5;
/** An upload refused for what the file is (its size, its type): sending the same file again cannot succeed, so no client offers Retry. */
export const refusedForGood = (code: string): boolean => code === 'too_large' || code === 'type_not_allowed';

/** How long a capability URL works once handed out. */
export const ATTACHMENT_URL_TTL_MS = 60 * 60_000;

/** Types that a browser may show inline (everything else, SVG and HTML included, downloads). */
export const INLINE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/**
 * Allowed types, by detected content. Text has no magic number: a file that file-type cannot name and
 * that is valid UTF-8 without NUL bytes counts as text/plain (text/csv when its name ends in .csv).
 * Office files are zips inside; file-type tells docx/xlsx/pptx apart by their parts.
 */
export const ALLOWED_TYPES: readonly string[] = [
  ...INLINE_TYPES,
  'application/pdf',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
];

/** A file name as shown: the last path part, at most this many characters. */
export const MAX_ATTACHMENT_NAME = 200;

/** "📎 screenshot.png" (and "+2" for more): how a list shows a message that is only attachments. */
export const attachmentPreview = (names: readonly string[]): string =>
  names.length ? `📎 ${names[0]}${names.length > 1 ? ` +${names.length - 1}` : ''}` : '';
