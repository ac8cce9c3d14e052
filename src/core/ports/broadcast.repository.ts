// Where broadcasts and their deliveries are kept. A broadcast is created together with all its deliveries, in one
// transaction: every group's copy exists (PENDING) before the first send.
import type { Broadcast, BroadcastStatus, BroadcastTargets, Delivery, DeliveryCounts, DeliveryStatus } from '../broadcast/broadcast.types.ts';
import type { Platform } from '../messages/incoming-message.ts';
import type { Person } from './person.repository.ts';

export interface NewBroadcast {
  authorId: number;
  text: string;
  targets: BroadcastTargets;
  scheduledAt: Date | null;
  status: Extract<BroadcastStatus, 'DRAFT' | 'SCHEDULED'>;
  groupIds: number[];
}

export interface BroadcastRepository {
  /** The broadcast and one PENDING delivery per group, in one transaction. */
  create(input: NewBroadcast): Promise<{ broadcast: Broadcast; deliveries: Delivery[] }>;
  findById(id: number): Promise<Broadcast | null>;
  /** Newest first. */
  list(limit?: number): Promise<Broadcast[]>;
  /** Every broadcast in one of these states, oldest first (the ones whose queued work a restart must find again). */
  listByStatus(statuses: readonly BroadcastStatus[]): Promise<Broadcast[]>;
  /**
   * Moves the broadcast to `status` only when it is in one of `from` (a compare-and-set: of two processes racing,
   * one wins). Returns the updated broadcast, or null when it was not in `from`.
   */
  transition(id: number, from: readonly BroadcastStatus[], status: BroadcastStatus, finishedAt?: Date | null): Promise<Broadcast | null>;
  /** SENDING → DONE when no delivery is PENDING; true when this call finished it. */
  finishIfDone(id: number, at: Date): Promise<boolean>;

  /** Deliveries of a broadcast, by group id; only those in `statuses` when given. */
  deliveries(broadcastId: number, statuses?: readonly DeliveryStatus[]): Promise<Delivery[]>;
  /** The groups whose delivery is PENDING, by group id, with their platform: what dispatching queues (one read). */
  pendingTargets(broadcastId: number): Promise<{ groupId: number; platform: Platform | null }[]>;
  findDelivery(broadcastId: number, groupId: number): Promise<Delivery | null>;
  /**
   * Counts one attempt on a PENDING delivery and clears its reason, right before the send, in one statement and only
   * when no attempt is open. A PENDING delivery's reason says why its last attempt ended without a send: attempts > 0
   * with no reason means an attempt is in flight, or its worker died during it. Returns the attempt's number (1: the
   * first), or null when the delivery is not PENDING or an attempt is open (then findDelivery tells which).
   */
  beginNextAttempt(broadcastId: number, groupId: number): Promise<number | null>;
  /** The attempt failed and will be retried: the delivery stays PENDING with the reason. */
  noteFailure(broadcastId: number, groupId: number, reason: string): Promise<void>;
  markSent(broadcastId: number, groupId: number, at: Date): Promise<void>;
  /** PENDING → FAILED or SKIPPED with the reason; a delivery already SENT stays SENT. */
  markFailed(broadcastId: number, groupId: number, reason: string): Promise<void>;
  markSkipped(broadcastId: number, groupId: number, reason: string): Promise<void>;
  /** Every PENDING delivery of the broadcast → SKIPPED with the reason; returns their group ids. */
  skipPending(broadcastId: number, reason: string): Promise<number[]>;
  /** Every FAILED delivery → PENDING (attempts and the last reason kept); returns their group ids. */
  reopenFailed(broadcastId: number): Promise<number[]>;
  counts(broadcastId: number): Promise<DeliveryCounts>;

  /** The person with this key from the grid file (staff number or short name): authors are named by key. */
  personByKey(key: string): Promise<Person | null>;
}
