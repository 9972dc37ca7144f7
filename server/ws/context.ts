import type { SocketActor } from '../domain/index.ts';
import type { Services } from '../services/index.ts';
import type { Connection } from './connection.ts';
import type { FairUse } from './fair-use.ts';
import type { Rooms } from './rooms.ts';

/** What a frame handler may use of the hub: a narrow view, so handlers never import the hub. */
export interface HandlerContext {
  readonly services: Services;
  readonly fairUse: FairUse;
  readonly rooms: Pick<Rooms, 'join' | 'leave' | 'tellPresence'>;
  /** Files a socket under its actor and sends `ready`; false when a cap refused it (the socket is then closed). */
  authenticate(conn: Connection, actor: SocketActor, credential: { sessionId?: string; tokenId?: string }): boolean;
}
