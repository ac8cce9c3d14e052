import type { Platform } from '../messages/incoming-message.ts';

export interface Group {
  id: number;
  platform: Platform;
  externalId: string;
  title: string;
  gridNodeId: number | null;
  tags: string[];
  active: boolean;
  /**
   * Inactive because the bot, still a member, may not send there (Telegram: restricted); false whenever active. The bot
   * still reads such a group (appeals become tickets) but posts nothing there (see botReads, DirectOutbox).
   */
  muted: boolean;
}

export interface GroupRepository {
  findByExternal(platform: Platform, externalId: string): Promise<Group | null>;
  /** Groups by platform and platform id, in one read; unknown ones are left out (in no particular order). */
  findManyByExternal(refs: readonly { platform: Platform; externalId: string }[]): Promise<Group[]>;
  findById(id: number): Promise<Group | null>;
  /** Groups by id, in id order; unknown ids are left out. */
  findManyById(ids: readonly number[]): Promise<Group[]>;
  /** Records a group the bot is in; an unknown group is created unmapped. */
  upsertSeen(platform: Platform, externalId: string, title: string): Promise<Group>;
  mapToNode(groupId: number, gridNodeId: number): Promise<Group>;
  listUnmapped(): Promise<Group[]>;
  rename(groupId: number, title: string): Promise<void>;
  /**
   * The platform gave the group a new id (a Telegram group upgraded to a supergroup): the group keeps its mapping,
   * tickets and history under the new id. A row the new id got meanwhile (its first messages) is folded into it.
   * Returns the moved group, or null when no group has the old id (moved already).
   */
  moveExternal(platform: Platform, fromExternalId: string, toExternalId: string): Promise<Group | null>;
  /**
   * The bot left or was removed (`muted`: it is still there but may not send): it stays silent there, and broadcasts
   * skip the group, until it is back (or may send again). Muted, it still reads the group's messages (botReads).
   */
  setActive(groupId: number, active: boolean, opts?: { muted?: boolean }): Promise<void>;
  memberJoined(groupId: number, externalUserId: string, displayName: string, at: Date): Promise<void>;
  memberLeft(groupId: number, externalUserId: string, at: Date): Promise<void>;
  /** Members currently in the group. */
  memberCount(groupId: number): Promise<number>;
  list(): Promise<Group[]>;
}
