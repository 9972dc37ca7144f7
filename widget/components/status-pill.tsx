import type { TicketStatus } from '../../protocol/index.ts';
import type { Store } from '../actions.ts';

export function StatusPill({ s, status }: { s: Store; status: TicketStatus }) {
  return <span class={`pill ${status}`}>{s.t.value.status[status]}</span>;
}
