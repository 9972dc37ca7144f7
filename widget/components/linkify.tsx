// Message text as Preact children: plain text nodes (never HTML) with http(s) links made clickable.
// Only http and https become links, so `javascript:` and friends stay text.
const URL_RE = /(https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\]])/;

/** Odd parts of the split are the URLs (the capture group). */
export const linkify = (text: string) =>
  text.split(URL_RE).map((part, i) =>
    i % 2 ? (
      <a href={part} target="_blank" rel="noopener noreferrer nofollow">
        {part}
      </a>
    ) : (
      part
    ),
  );
