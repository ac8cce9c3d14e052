// Room events: who joined, who left, the group's new name or id, the bot's own arrival or removal. Each one changes
// the stored group (the assistant reads a group afresh for every batch).
import type { Platform } from '../messages/incoming-message.ts';
import type { PatrolAlerts } from '../patrol/patrol-alerts.ts';
import type { Group } from '../ports/group.repository.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { Store } from '../ports/store.port.ts';
import { stripControlChars } from '../util/control-chars.ts';

export interface GroupEventsDeps {
  store: Store;
  /** Tells the bot's staff when it is removed from a group, or may no longer send there. */
  alerts: PatrolAlerts;
  logger: Logger;
}

export class GroupEvents {
  constructor(private readonly d: GroupEventsDeps) {}

  async membersJoined(platform: Platform, groupExternalId: string, given: string, members: { externalId: string; name: string }[], botJoined: boolean) {
    const { store } = this.d;
    // titles and names come in here as messages do: cleaned of control characters the same way
    const title = stripControlChars(given);
    const group = await store.groups.upsertSeen(platform, groupExternalId, title);
    if (botJoined) {
      await store.groups.setActive(group.id, true);
      if (group.muted) this.d.logger.info({ groupId: group.id, externalId: groupExternalId, title }, 'bot may send messages in a group again');
      if (group.gridNodeId === null) this.d.logger.warn({ groupId: group.id, title }, 'bot added to a group that is not mapped to the grid: see `linli groups pending`');
    }
    for (const m of members) {
      const name = stripControlChars(m.name);
      await store.people.ensureByIdentity(platform, m.externalId, name);
      await store.groups.memberJoined(group.id, m.externalId, name, new Date());
    }
  }

  async membersLeft(platform: Platform, groupExternalId: string, members: { externalId: string }[], botRemoved: boolean) {
    const { store } = this.d;
    const group = await store.groups.findByExternal(platform, groupExternalId);
    if (!group) return;
    for (const m of members) await store.groups.memberLeft(group.id, m.externalId, new Date());
    if (botRemoved) {
      await store.groups.setActive(group.id, false);
      await this.d.alerts.botRemoved(platform, group);
      this.d.logger.warn({ groupId: group.id, title: group.title }, 'bot removed from a group');
    }
  }

  /**
   * The bot is still in the group but may not send there (restricted): the group is inactive, muted, until it may send
   * again (membersJoined, botJoined). Nothing is posted there (broadcasts skip it with this reason, the outbox drops
   * any other post), but unlike a group the bot was removed from its messages are still read: appeals become tickets.
   */
  async botMuted(platform: Platform, groupExternalId: string, given: string) {
    const group = await this.d.store.groups.upsertSeen(platform, groupExternalId, stripControlChars(given));
    if (group.muted) return;
    await this.d.store.groups.setActive(group.id, false, { muted: true });
    await this.d.alerts.botMuted(platform, group);
    this.d.logger.warn({ groupId: group.id, externalId: groupExternalId, title: group.title }, 'bot may not send messages in a group: it is skipped until it may');
  }

  /** The platform moved the group to a new id (a Telegram supergroup upgrade): it keeps its mapping and tickets. */
  async groupMoved(platform: Platform, fromExternalId: string, toExternalId: string): Promise<Group | null> {
    const moved = await this.d.store.groups.moveExternal(platform, fromExternalId, toExternalId);
    if (moved) {
      this.d.logger.info({ groupId: moved.id, from: fromExternalId, to: toExternalId, title: moved.title }, 'group moved to a new id');
    }
    return moved;
  }

  async topicChanged(platform: Platform, groupExternalId: string, given: string) {
    const title = stripControlChars(given);
    const group = await this.d.store.groups.upsertSeen(platform, groupExternalId, title);
    this.d.logger.info({ groupId: group.id, title }, 'group renamed');
  }
}
