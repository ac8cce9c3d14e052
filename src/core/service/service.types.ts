// 三单式 service: 群众点单 (a resident asks for help with something that is a service, not a fault), 党组织派单
// (community staff dispatch it to a volunteer, or post it to the volunteers' group for the first taker), 党员接单
// (a volunteer takes it). The volunteer reports it done, the resident confirms, and the volunteer earns points.
import type { Satisfaction } from '../tickets/ticket.types.ts';

export type ServiceStatus = 'REQUESTED' | 'DISPATCHED' | 'TAKEN' | 'DONE' | 'CONFIRMED' | 'CANCELLED';

/** The kinds of help the service covers; 其他 for anything else a resident asks for. */
export const SERVICE_KINDS = ['帮办代办', '陪诊', '送餐', '小修', '其他'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_STATUS_ZH: Record<ServiceStatus, string> = {
  REQUESTED: '待派单',
  DISPATCHED: '已派单',
  TAKEN: '已接单',
  DONE: '待确认',
  CONFIRMED: '已完成',
  CANCELLED: '已取消',
};

export interface ServiceRequest {
  id: number;
  gridNodeId: number;
  groupId: number | null;
  requesterId: number;
  /** The resident's words as written: staff read them, everyone else masked. */
  text: string;
  summary: string;
  kind: string;
  status: ServiceStatus;
  volunteerId: number | null;
  pooled: boolean;
  dispatchedById: number | null;
  dispatchedAt: Date | null;
  takenAt: Date | null;
  doneAt: Date | null;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  result: string | null;
  rating: Satisfaction | null;
  sourceMessageId: number | null;
  createdAt: Date;
}

export type NewServiceRequest = Pick<ServiceRequest, 'gridNodeId' | 'groupId' | 'requesterId' | 'text' | 'summary' | 'kind' | 'sourceMessageId'>;

/** Fields a step may change, besides the status. */
export type ServiceChanges = Partial<
  Pick<ServiceRequest, 'volunteerId' | 'pooled' | 'dispatchedById' | 'dispatchedAt' | 'takenAt' | 'doneAt' | 'confirmedAt' | 'cancelledAt' | 'result' | 'rating'>
>;

export interface ServiceEvent {
  id: number;
  requestId: number;
  kind: string;
  actorId: number | null;
  note: string | null;
  messageId: number | null;
  at: Date;
}

/** One line of the points ledger (append-only; a correction is a new negative entry). */
export interface PointsEntry {
  id: number;
  personId: number;
  points: number;
  cause: string;
  requestId: number | null;
  /** Makes each credit happen once, e.g. "service:12:confirmed". */
  sourceKey: string;
  at: Date;
}

/** A volunteer's points over a period, for the ranking and the 公示. */
export interface PointsTotal {
  personId: number;
  points: number;
  entries: number;
}

/** The group tag that marks a volunteers' group (志愿者群) in the grid file. */
export const VOLUNTEER_GROUP_TAG = '志愿者群';
