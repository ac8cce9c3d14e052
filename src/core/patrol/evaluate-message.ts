// The message rules together: one incoming group message and its context in, findings out. Pure; the service feeds it.
import { conflictFinding, type ConflictOptions } from './conflict.rule.ts';
import { hazardFinding, type HazardOptions } from './hazard.rule.ts';
import { spamFinding, type SpamContext, type SpamOptions } from './spam.rule.ts';
import type { NewPatrolFinding, PatrolGroupRef, PatrolMessage } from './patrol.types.ts';

export interface MessageContext extends SpamContext {
  /** The group's messages of the last minutes (the conflict window). */
  groupRecent: readonly PatrolMessage[];
}

export interface MessageRuleOptions {
  hazard?: Partial<HazardOptions>;
  spam?: Partial<SpamOptions>;
  conflict?: Partial<ConflictOptions>;
}

/** Hazards are read in everyone's messages (staff can report a fire too); spam and quarrels only in residents'. */
export function evaluateMessage(msg: PatrolMessage, group: PatrolGroupRef, ctx: MessageContext, options: MessageRuleOptions = {}): NewPatrolFinding[] {
  const found = [hazardFinding(msg, group, options.hazard), spamFinding(msg, group, ctx, options.spam)];
  if (!ctx.senderIsStaff) found.push(conflictFinding(msg, group, ctx.groupRecent, options.conflict));
  return found.filter((f): f is NewPatrolFinding => f !== null);
}
