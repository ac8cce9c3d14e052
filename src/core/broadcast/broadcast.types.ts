// Broadcast (批量发布 / 一键发布): one notice sent to many groups, one Delivery per group, created before any send.
import type { Platform } from '../messages/incoming-message.ts';

export const BROADCAST_STATUSES = ['DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'CANCELLED', 'DONE'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

export const DELIVERY_STATUSES = ['PENDING', 'SENT', 'FAILED', 'SKIPPED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const BROADCAST_STATUS_ZH: Record<BroadcastStatus, string> = {
  DRAFT: '草稿',
  SCHEDULED: '定时待发',
  SENDING: '发送中',
  PAUSED: '已暂停',
  CANCELLED: '已取消',
  DONE: '已完成',
};

export const DELIVERY_STATUS_ZH: Record<DeliveryStatus, string> = {
  PENDING: '待发送',
  SENT: '已发送',
  FAILED: '失败',
  SKIPPED: '已跳过',
};

/** A group named by its id (number) or its platform id (string, e.g. "dy-20hao@chatroom"). */
export type GroupRef = number | string;

/**
 * What the author asked for. The filters compose (AND): groups under `nodeCode` (its whole subtree), carrying any of
 * `tags`, on `platform`, among `groupIds`; minus `exclude`. Only active groups mapped to a grid node are targeted.
 */
export interface BroadcastTargets {
  nodeCode?: string;
  tags?: string[];
  platform?: Platform;
  groupIds?: GroupRef[];
  exclude?: GroupRef[];
}

export interface Broadcast {
  id: number;
  authorId: number;
  text: string;
  targets: BroadcastTargets;
  scheduledAt: Date | null;
  status: BroadcastStatus;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export interface Delivery {
  id: number;
  broadcastId: number;
  groupId: number;
  status: DeliveryStatus;
  reason: string | null;
  attempts: number;
  sentAt: Date | null;
}

export type DeliveryCounts = Record<DeliveryStatus, number> & { total: number };

/** The data of a job on the broadcast queue: `start` (a scheduled broadcast is due) or `send` (one group). */
export type BroadcastJob = { kind: 'start'; broadcastId: number } | { kind: 'send'; broadcastId: number; groupId: number };

/** Key of a group's copy: the job id and the outbox key, so a group is sent a broadcast at most once. */
export const deliveryKey = (broadcastId: number, groupId: number) => `bc:${broadcastId}:${groupId}`;
export const startJobId = (broadcastId: number) => `bc:${broadcastId}:start`;
