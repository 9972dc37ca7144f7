export { RealtimeSocket } from './socket.ts';
export type { SocketOptions, SocketState } from './socket.ts';
export { TicketSubscription } from './ticket-subscription.ts';
export type { SubscriptionHandlers } from './ticket-subscription.ts';
export { Push } from './push.ts';
export type { PushResult, AckFrame } from './push.ts';
export { Outbox, newClientId } from './outbox.ts';
export type { OutboxItem, OutboxState, OutboxOptions } from './outbox.ts';
export { Timer, backoff, BACKOFF_MS } from './timer.ts';
