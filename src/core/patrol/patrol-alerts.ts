// Patrol findings to the people who act on them: the rules run on each handled batch, on a timer and when the bot
// is removed; alerts and the daily digest go as direct messages through the outbox, keyed so a retry sends once.
import type { Platform } from '../messages/incoming-message.ts';
import type { Group } from '../ports/group.repository.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { StoredMessage } from '../ports/message.repository.ts';
import type { Outbox } from '../ports/outbox.port.ts';
import type { IdentityRef } from '../ports/person.repository.ts';
import type { PatrolService } from './patrol.service.ts';
import type { PatrolFinding } from './patrol.types.ts';

/** A message the assistant handled; `ticketed` when it opened, joined or added to a ticket. */
export interface HandledMessage {
  stored: StoredMessage;
  group: Group;
  prevId?: number;
  ticketed: boolean;
  /** The ticket it opened, joined or added to. */
  ticketId?: number;
  /** The urgency triage gave the ticket this message opened, when above normal (the hazard model's or the LLM's reading). */
  raised?: 'URGENT' | 'EMERGENCY';
  /** The message repeated the bot's own words (a pasted receipt or alert): no danger of its own. */
  echo?: boolean;
  /** The sender's own words around a pasted copy of the bot's: all of the message the rules judge. */
  ownText?: string;
}

export interface PatrolAlertsDeps {
  /** Absent: no patrol runs and nothing is sent. */
  patrol?: PatrolService;
  outbox: Outbox;
  /** A person's accounts (staff ones from the router's grid snapshot when there is one). */
  identities: (personId: number) => Promise<IdentityRef[]>;
  logger: Logger;
}

export class PatrolAlerts {
  constructor(private readonly d: PatrolAlertsDeps) {}

  /** Runs the patrol rules on the handled messages and alerts staff of new findings; a failure is logged, never raised. */
  async afterHandled(done: readonly HandledMessage[]) {
    if (!this.d.patrol || done.length === 0) return;
    try {
      const found = await this.d.patrol.onMessages(done.filter((l) => l.group.gridNodeId !== null));
      for (const l of done) {
        const findings = found.get(l.stored.id);
        if (!findings) continue;
        // a message that is already a ticket has reached its worker; a hazard (飞线充电 as much as a gas leak) or
        // anything life-threatening also alerts the grid and the community
        await this.send(l.stored.platform, l.ticketed ? findings.filter((f) => f.severity === 'CRITICAL' || f.rule === 'hazard') : findings);
      }
    } catch (e) {
      this.d.logger.error({ err: e, messageIds: done.map((l) => l.stored.id) }, 'patrol failed on a batch of messages');
    }
  }

  /** Timer work of the patrol: unanswered questions in office hours, group health. Returns the alerts sent. */
  async tick(platform: Platform): Promise<number> {
    if (!this.d.patrol) return 0;
    const found = [...(await this.d.patrol.checkUnanswered()), ...(await this.d.patrol.checkGroupHealth())];
    return this.send(platform, found);
  }

  /** The daily patrol digest to every grid worker and community staff member with open findings (once per day). */
  async digest(platform: Platform, day: string): Promise<number> {
    if (!this.d.patrol) return 0;
    let sent = 0;
    for (const d of await this.d.patrol.dailyDigest()) {
      const id = (await this.d.identities(d.personId)).find((i) => i.platform === platform);
      if (!id) continue;
      await this.d.outbox.send({ key: `patrol-digest:${day}:${d.personId}`, platform, to: { user: id.externalId }, text: d.text, ticketId: null });
      sent++;
    }
    return sent;
  }

  /** The bot was removed from a mapped group: its staff hear of it. */
  async botRemoved(platform: Platform, group: Group): Promise<number> {
    if (!this.d.patrol) return 0;
    return this.send(platform, await this.d.patrol.botRemoved(group));
  }

  async botMuted(platform: Platform, group: Group): Promise<number> {
    if (!this.d.patrol) return 0;
    return this.send(platform, await this.d.patrol.botMuted(group));
  }

  /** Grouped alerts, one direct message per person per rule, keyed by the findings so a retry sends once. */
  private async send(platform: Platform, findings: PatrolFinding[]): Promise<number> {
    if (!this.d.patrol || findings.length === 0) return 0;
    let sent = 0;
    for (const alert of await this.d.patrol.alerts(findings)) {
      for (const pid of alert.recipientPersonIds) {
        const id = (await this.d.identities(pid)).find((i) => i.platform === platform);
        if (!id) continue;
        await this.d.outbox.send({ key: `patrol:${alert.findingIds.join(',')}:${pid}`, platform, to: { user: id.externalId }, text: alert.text, ticketId: null });
        sent++;
      }
    }
    return sent;
  }
}
