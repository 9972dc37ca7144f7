// Ticket labels: the rule for one label and for a ticket's set, shared by server and console.

export const MAX_LABELS = 10;
/** 1-32 letters, digits, `-` or `_`. */
export const LABEL = /^[A-Za-z0-9_-]{1,32}$/;

/** A ticket's labels as stored: trimmed, each once (case-insensitively, the first spelling kept), in the given order; or the reason they are refused. */
export function normalizeLabels(input: readonly string[]): { ok: true; labels: string[] } | { ok: false; message: string } {
  const seen = new Set<string>();
  const labels: string[] = [];
  for (const raw of input) {
    const label = raw.trim();
    if (!LABEL.test(label)) return { ok: false, message: `"${label.slice(0, 40)}" is not a label: use 1-32 letters, digits, - or _` };
    if (seen.has(label.toLowerCase())) continue;
    seen.add(label.toLowerCase());
    labels.push(label);
  }
  if (labels.length > MAX_LABELS) return { ok: false, message: `a ticket has at most ${MAX_LABELS} labels` };
  return { ok: true, labels };
}
