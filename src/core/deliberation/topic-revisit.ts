// 回访: 7 days after the 办理结果公示 the bot asks the topic's voters, in its groups, to rate the result by reply
// (满意/基本满意/不满意); 3 days later the ratings (the latest of each voter) are reported to the staff who opened
// the topic and recorded its decision, by direct message.
import { readRating } from '../tickets/command-parser.ts';
import type { Store } from '../ports/store.port.ts';
import type { Cause, DeliberationService } from './deliberation.service.ts';
import { topicTexts } from './topic-texts.ts';
import type { Satisfaction, Topic } from './topic.types.ts';

export const REVISIT_AFTER_DAYS = 7;
export const REPORT_AFTER_DAYS = 3;
const DAY = 86_400_000;

export type RatingOutcome = { kind: 'rated'; satisfaction: Satisfaction } | { kind: 'not-voter' } | { kind: 'not-rating' } | { kind: 'duplicate' };

export interface RatingSummary {
  voters: number;
  rated: number;
  counts: Record<Satisfaction, number>;
}

export class TopicRevisit {
  constructor(private readonly d: { store: Store; deliberation: DeliberationService }) {}

  /** After the 公示: the 回访 and its report are timers, so they survive restarts. */
  async scheduleAfterDone(t: Topic, doneAt: Date) {
    await this.d.deliberation.schedule({ topicId: t.id, name: 'revisit' }, new Date(doneAt.getTime() + REVISIT_AFTER_DAYS * DAY));
    await this.d.deliberation.schedule({ topicId: t.id, name: 'report' }, new Date(doneAt.getTime() + (REVISIT_AFTER_DAYS + REPORT_AFTER_DAYS) * DAY));
  }

  async revisit(topicNo: number): Promise<void> {
    const t = await this.d.deliberation.get(topicNo);
    if (t.status !== 'DONE') return;
    const scope = await this.d.deliberation.scopes.of(t.gridNodeId);
    await this.d.deliberation.post(t, scope.groups, 'revisit', topicTexts.revisit(t));
  }

  /** A reply to the 回访 post: a rating from one of the topic's voters; anyone else is thanked and not counted. */
  async rate(topicNo: number, personId: number, text: string, cause: Cause): Promise<RatingOutcome> {
    const t = await this.d.deliberation.get(topicNo);
    const r = readRating(text.replace(/^(?:@\S+\s+)+/u, '').trim());
    if (!r) return { kind: 'not-rating' };
    if (!(await this.d.deliberation.voters(t)).has(personId)) return { kind: 'not-voter' };
    const added = await this.d.store.deliberation.addRating({ topicId: t.id, personId, satisfaction: r.satisfaction, messageId: cause.messageId, at: cause.at });
    return added ? { kind: 'rated', satisfaction: r.satisfaction } : { kind: 'duplicate' };
  }

  async summary(t: Topic): Promise<RatingSummary> {
    const latest = new Map<number, Satisfaction>();
    for (const r of await this.d.store.deliberation.ratings(t.id)) latest.set(r.personId, r.satisfaction);
    const counts: Record<Satisfaction, number> = { SATISFIED: 0, BASIC: 0, UNSATISFIED: 0 };
    for (const s of latest.values()) counts[s]++;
    return { voters: (await this.d.deliberation.voters(t)).size, rated: latest.size, counts };
  }

  /** The ratings to the staff of the topic (who opened or accepted it, who decided it). */
  async report(topicNo: number): Promise<RatingSummary> {
    const t = await this.d.deliberation.get(topicNo);
    const s = await this.summary(t);
    const staff = new Set([t.createdById, t.decidedById].filter((x): x is number => x !== null));
    for (const id of staff) await this.d.deliberation.direct(id, `topic:${t.id}:report:${id}`, topicTexts.ratingReport(t, s));
    return s;
  }
}
