import type { Platform } from '../messages/incoming-message.ts';

export interface Group {
  id: number;
  platform: Platform;
  externalId: string;
  title: string;
  gridNodeId: number | null;
  tags: string[];
  active: boolean;
}

export interface GroupRepository {
  findByExternal(platform: Platform, externalId: string): Promise<Group | null>;
  findById(id: number): Promise<Group | null>;
  /** Records a group the bot is in; an unknown group is created unmapped. */
  upsertSeen(platform: Platform, externalId: string, title: string): Promise<Group>;
  mapToNode(groupId: number, gridNodeId: number): Promise<Group>;
  listUnmapped(): Promise<Group[]>;
  list(): Promise<Group[]>;
}
