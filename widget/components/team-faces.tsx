import type { PresenceEntry } from '../../protocol/index.ts';

/** "Maya Lopez" → "ML": what stands in for a photo (staff have no avatars on the wire). */
export const initials = (name?: string | null) =>
  (name ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('') || '?';

/** The first three staff online, as overlapping initials; their names are the tooltip. The status line says it in words. */
export function TeamFaces({ staff }: { staff: PresenceEntry[] | null }) {
  if (!staff?.length) return null;
  return (
    <span class="faces" aria-hidden="true">
      {staff.slice(0, 3).map((p) => (
        <span key={p.id} class="face" title={p.name ?? ''}>
          {initials(p.name)}
        </span>
      ))}
    </span>
  );
}
