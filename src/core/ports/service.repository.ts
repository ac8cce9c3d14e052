// 三单式 service requests, their steps and bot posts, and the points ledger.
import type { NewServiceRequest, PointsEntry, PointsTotal, ServiceChanges, ServiceEvent, ServiceRequest, ServiceStatus } from '../service/service.types.ts';

export interface ServicePostRef {
  requestId: number;
  groupId: number;
  kind: string;
  sourceKey: string;
}

export interface ServiceRepository {
  /** Null when a request was already made from this message (a redelivery). */
  create(request: NewServiceRequest): Promise<ServiceRequest | null>;
  findById(id: number): Promise<ServiceRequest | null>;
  findBySource(messageId: number): Promise<ServiceRequest | null>;
  /** Requests on these nodes (all when omitted), of these statuses, by volunteer; newest first. */
  list(q: { gridNodeIds?: readonly number[]; statuses?: readonly ServiceStatus[]; volunteerId?: number; requesterId?: number; groupId?: number; limit?: number }): Promise<ServiceRequest[]>;
  /**
   * The requests awaiting their requester's confirmation (DONE) of these (group, requester) pairs, in one read; newest
   * first. For a batch's OK/thanks lines (see AwaitingConfirm): most have nothing waiting.
   */
  awaitingConfirm(pairs: readonly { groupId: number; requesterId: number }[]): Promise<{ id: number; groupId: number; requesterId: number }[]>;
  /**
   * Moves a request from one of `from` to `to` with the changes; null when it is no longer in `from` (someone else
   * moved it first: two volunteers answering 接单 at once, only one gets it).
   */
  transition(id: number, from: readonly ServiceStatus[], to: ServiceStatus, changes: ServiceChanges): Promise<ServiceRequest | null>;
  /** False when this message was already stored as an event. */
  addEvent(event: Omit<ServiceEvent, 'id'>): Promise<boolean>;
  events(requestId: number): Promise<ServiceEvent[]>;
  addPost(post: ServicePostRef): Promise<void>;
  /** Groups the bot posted this request in, by kind of post. */
  posts(requestId: number): Promise<ServicePostRef[]>;
  /** Appends to the ledger; false when this sourceKey was credited already. */
  credit(entry: Omit<PointsEntry, 'id'>): Promise<boolean>;
  /** Ledger entries, newest first; of one person, a period [from, to). */
  ledger(q: { personId?: number; from?: Date; to?: Date; limit?: number }): Promise<PointsEntry[]>;
  /** Points per person over [from, to) (all time when omitted), highest first. */
  totals(q: { from?: Date; to?: Date; personIds?: readonly number[] }): Promise<PointsTotal[]>;
  /** People holding VOLUNTEER over one of these nodes, with their skills. */
  volunteers(gridNodeIds: readonly number[]): Promise<{ personId: number; name: string; skills: string[]; gridNodeId: number }[]>;
}
