// 议事 topics as the console reads them: a row per topic for the list (scope, status, turnout, the 实事清单's
// progress) and one topic whole — its tally (frozen at close, else live from the stored votes, through the same
// tally and electorate code the bot posts), the discussion with each comment's message text, the seconds, the
// decision, the 实事清单 with overdue marks and the 回访's ratings. Names instead of ids; masking is the server's.
import type { DeliberationService } from '../../core/deliberation/deliberation.service.ts';
import type { TopicRevisit } from '../../core/deliberation/topic-revisit.ts';
import { TASK_OWNER_ROLES } from '../../core/deliberation/topic-tasks.ts';
import { ruleZh } from '../../core/deliberation/topic-texts.ts';
import { TOPIC_STATUS_ZH, type Tally, type Topic, type TopicTask } from '../../core/deliberation/topic.types.ts';
import type { Store } from '../../core/ports/store.port.ts';
import { Names } from './ticket-views.ts';

/** How many comments the topic page shows (the oldest first); the count says how many there are. */
export const DISCUSSION_SHOWN = 200;

export interface TopicViewParts {
  store: Pick<Store, 'deliberation' | 'grid' | 'groups' | 'people' | 'messages'>;
  service: DeliberationService;
  revisit: TopicRevisit;
  now: () => Date;
}

const isOverdue = (k: TopicTask, now: Date) => k.doneAt === null && k.dueAt !== null && k.dueAt < now;

/** The tally a page shows: frozen at close, else counted now; none for a proposal (nothing is voted on yet). */
async function tallyOf(t: Topic, service: DeliberationService): Promise<(Tally & { frozen: boolean }) | null> {
  if (t.status === 'PROPOSED') return null;
  return t.result ? { ...t.result, frozen: true } : { ...(await service.liveTally(t.id)), frozen: false };
}

async function taskView(k: TopicTask, names: Names, now: Date) {
  return {
    id: k.id,
    text: k.text,
    owner: k.ownerPersonId !== null ? ((await names.person(k.ownerPersonId)) ?? `#${k.ownerPersonId}`) : (k.ownerDepartment ?? ''),
    ownerIsPerson: k.ownerPersonId !== null,
    dueAt: k.dueAt,
    doneAt: k.doneAt,
    overdue: isOverdue(k, now),
  };
}

export class TopicViews {
  constructor(private readonly o: TopicViewParts) {}

  /** A topic's row in the list. */
  async row(t: Topic, names: Names) {
    const { store, service, now } = this.o;
    const node = await names.node(t.gridNodeId);
    const tally = await tallyOf(t, service);
    const tasks = await store.deliberation.tasks(t.id);
    const at = now();
    return {
      id: t.id,
      title: t.title,
      status: t.status,
      statusZh: TOPIC_STATUS_ZH[t.status],
      scope: node ? { code: node.code, name: node.name, level: node.level } : null,
      counting: t.counting,
      rule: t.rule,
      quorumPct: t.quorumPct,
      ruleZh: ruleZh(t),
      openedAt: t.openedAt,
      closesAt: t.closesAt,
      closedAt: t.closedAt,
      decidedAt: t.decidedAt,
      doneAt: t.doneAt,
      createdAt: t.createdAt,
      turnout: tally ? { counted: tally.counted, electorate: tally.electorate, turnout: tally.turnout, passed: tally.passed, frozen: tally.frozen } : null,
      seconds: t.status === 'PROPOSED' ? (await store.deliberation.seconds(t.id)).length : null,
      tasks: { total: tasks.length, done: tasks.filter((k) => k.doneAt !== null).length, overdue: tasks.filter((k) => isOverdue(k, at)).length },
    };
  }

  /** One topic whole, and whether `personId` may act on it (staff over its scope, as in the chat). */
  async detail(t: Topic, personId: number) {
    const { store, service, revisit, now } = this.o;
    const names = new Names(store);
    const scope = await service.scopes.of(t.gridNodeId);
    const [row, tally, comments, commentCount, seconds, tasks, ratings, canAct] = await Promise.all([
      this.row(t, names),
      tallyOf(t, service),
      store.deliberation.comments(t.id, DISCUSSION_SHOWN),
      store.deliberation.commentCount(t.id),
      store.deliberation.seconds(t.id),
      store.deliberation.tasks(t.id),
      store.deliberation.ratings(t.id),
      service.scopes.isStaffOver(personId, scope),
    ]);
    const messages = new Map((await store.messages.findManyById(comments.map((c) => c.messageId))).map((m) => [m.id, m]));
    const groups = new Map(scope.groups.map((g) => [g.id, g.title]));
    const discussion = [];
    for (const c of comments) {
      const m = messages.get(c.messageId);
      discussion.push({ id: c.id, at: c.at, person: (await names.person(c.personId)) ?? m?.senderName ?? `#${c.personId}`, group: c.groupId === null ? null : (groups.get(c.groupId) ?? (await names.group(c.groupId))), text: m?.text ?? '' });
    }
    // who an item may be given to by name, as TopicTasks matches it (any other text names a department)
    const holders = await store.people.holders([...new Set([...scope.coverIds, ...scope.nodeIds])], TASK_OWNER_ROLES);
    const at = now();
    return {
      topic: {
        ...row,
        options: t.options,
        windowHours: t.windowHours,
        decision: t.decision,
        decidedBy: await names.person(t.decidedById),
        createdBy: await names.person(t.createdById),
        proposer: await names.person(t.proposerId),
      },
      scope: { code: scope.node.code, name: scope.node.name, level: scope.node.level, groups: scope.groups.map((g) => ({ title: g.title, platform: g.platform })) },
      tally,
      discussion: { total: commentCount, items: discussion },
      seconds: { count: seconds.length, needed: service.options.secondsNeeded, items: await Promise.all(seconds.map(async (s) => ({ person: (await names.person(s.personId)) ?? `#${s.personId}`, at: s.at }))) },
      tasks: await Promise.all(tasks.map((k) => taskView(k, names, at))),
      ratings: t.status === 'DONE' || ratings.length ? await revisit.summary(t) : null,
      owners: [...new Set(holders.map((h) => h.person.name))],
      canAct,
    };
  }
}
