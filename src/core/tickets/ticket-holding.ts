// Who keeps a ticket when someone other than its holder works on it (指派, 转派, 吹哨 or dispatch made someone its
// holder, or they claimed it): a supervisor's progress note or result is theirs, the ticket stays the holder's.
import { mayDo, type Role } from '../people/roles.ts';
import type { Actor } from './ticket.service.types.ts';
import type { Ticket } from './ticket.types.ts';
import { canMove } from './transitions.ts';

/** The ticket has a holder, and it is not the actor. */
export const heldByOther = (t: Ticket, actor: Actor): t is Ticket & { assigneeId: number } => t.assigneeId !== null && t.assigneeId !== actor.personId;

/**
 * 办结 by someone else keeps the ticket its holder's when the holder has accepted it, or when a supervisor (督办 over it:
 * `roles` are the actor's over the ticket's node) resolves it while it waits for them; a colleague who resolves a
 * ticket still waiting for its holder did the work, and claims it.
 */
export const resolveKeepsHolder = (t: Ticket, actor: Actor, roles: readonly Role[]): t is Ticket & { assigneeId: number } =>
  heldByOther(t, actor) && (!canMove(t.status, 'claim') || mayDo('supervise', roles));
