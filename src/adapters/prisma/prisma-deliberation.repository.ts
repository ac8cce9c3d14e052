// 议事 topics and everything kept about them in the store. Rows are unique by the message that caused them, so a
// redelivered message adds nothing.
import type { DeliberationRepository, TopicPostRef } from '../../core/ports/deliberation.repository.ts';
import type { NewTopic, Tally, Topic, TopicComment, TopicRating, TopicSecond, TopicStatus, TopicTask, TopicVote } from '../../core/deliberation/topic.types.ts';
import { onceOrNull as once } from './prisma-errors.ts';
import type { Db } from './prisma-store.ts';

type Row = Omit<Topic, 'result'> & { result: unknown };
const topic = (r: Row): Topic => ({ ...r, result: (r.result as Tally | null) ?? null });

export class PrismaDeliberationRepository implements DeliberationRepository {
  constructor(private readonly db: Db) {}

  async create(t: NewTopic) {
    const r = await once(() => this.db.topic.create({ data: t }));
    return r && topic(r);
  }

  async findById(id: number) {
    const r = await this.db.topic.findUnique({ where: { id } });
    return r && topic(r);
  }

  async findBySource(messageId: number) {
    const r = await this.db.topic.findUnique({ where: { sourceMessageId: messageId } });
    return r && topic(r);
  }

  async findBySourceTicket(ticketId: number) {
    const r = await this.db.topic.findUnique({ where: { sourceTicketId: ticketId } });
    return r && topic(r);
  }

  async list(q: { gridNodeIds?: readonly number[]; statuses?: readonly TopicStatus[]; limit?: number }) {
    const rows = await this.db.topic.findMany({
      where: { ...(q.gridNodeIds ? { gridNodeId: { in: [...q.gridNodeIds] } } : {}), ...(q.statuses ? { status: { in: [...q.statuses] } } : {}) },
      orderBy: { id: 'desc' },
      take: q.limit ?? 100,
    });
    return rows.map(topic);
  }

  async transition(id: number, from: TopicStatus, to: TopicStatus, changes: Parameters<DeliberationRepository['transition']>[3]) {
    const { result, ...rest } = changes;
    const data = { ...rest, status: to, ...(result !== undefined ? { result: result as object } : {}) };
    const n = await this.db.topic.updateMany({ where: { id, status: from }, data });
    return n.count === 1 ? this.findById(id) : null;
  }

  async addVote(v: Omit<TopicVote, 'id'>) {
    return (await once(() => this.db.topicVote.create({ data: v }))) !== null;
  }

  votes(topicId: number): Promise<TopicVote[]> {
    return this.db.topicVote.findMany({ where: { topicId }, orderBy: { id: 'asc' } });
  }

  async hasVoted(topicId: number, voterId: number) {
    return (await this.db.topicVote.findFirst({ where: { topicId, voterId }, select: { id: true } })) !== null;
  }

  async householdVotedByOther(topicId: number, householdKey: string, voterId: number) {
    return (await this.db.topicVote.findFirst({ where: { topicId, householdKey, voterId: { not: voterId } }, select: { id: true } })) !== null;
  }

  async addComment(c: Omit<TopicComment, 'id'>) {
    return (await once(() => this.db.topicComment.create({ data: c }))) !== null;
  }

  commentCount(topicId: number) {
    return this.db.topicComment.count({ where: { topicId } });
  }

  comments(topicId: number, limit: number): Promise<TopicComment[]> {
    return this.db.topicComment.findMany({ where: { topicId }, orderBy: [{ at: 'asc' }, { id: 'asc' }], take: limit });
  }

  async addSecond(s: Omit<TopicSecond, 'id'>) {
    return (await once(() => this.db.topicSecond.create({ data: s }))) !== null;
  }

  seconds(topicId: number): Promise<TopicSecond[]> {
    return this.db.topicSecond.findMany({ where: { topicId }, orderBy: { id: 'asc' } });
  }

  async addPost(p: TopicPostRef) {
    await once(() => this.db.topicPost.create({ data: p }));
  }

  async postedGroupIds(topicId: number) {
    const rows = await this.db.topicPost.findMany({ where: { topicId, kind: 'topic' }, select: { groupId: true }, distinct: ['groupId'] });
    return rows.map((r) => r.groupId);
  }

  addTask(t: Omit<TopicTask, 'id' | 'createdAt' | 'doneAt' | 'escalationLevel' | 'escalatedAt'>) {
    return once(() => this.db.topicTask.create({ data: t }));
  }

  tasks(topicId: number): Promise<TopicTask[]> {
    return this.db.topicTask.findMany({ where: { topicId }, orderBy: { id: 'asc' } });
  }

  findTask(taskId: number): Promise<TopicTask | null> {
    return this.db.topicTask.findUnique({ where: { id: taskId } });
  }

  async escalateTask(taskId: number, from: number, at: Date) {
    const n = await this.db.topicTask.updateMany({ where: { id: taskId, doneAt: null, escalationLevel: from }, data: { escalationLevel: from + 1, escalatedAt: at } });
    return n.count === 1 ? this.db.topicTask.findUnique({ where: { id: taskId } }) : null;
  }

  openTasksWithDue(afterId: number, limit: number): Promise<TopicTask[]> {
    return this.db.topicTask.findMany({ where: { id: { gt: afterId }, doneAt: null, dueAt: { not: null } }, orderBy: { id: 'asc' }, take: limit });
  }

  async finishTask(taskId: number, at: Date) {
    const n = await this.db.topicTask.updateMany({ where: { id: taskId, doneAt: null }, data: { doneAt: at } });
    return n.count === 1 ? this.db.topicTask.findUnique({ where: { id: taskId } }) : null;
  }

  async addRating(r: Omit<TopicRating, 'id'>) {
    return (await once(() => this.db.topicRating.create({ data: r }))) !== null;
  }

  ratings(topicId: number): Promise<TopicRating[]> {
    return this.db.topicRating.findMany({ where: { topicId }, orderBy: { id: 'asc' } });
  }

  async households(gridNodeIds: readonly number[]) {
    const rows = await this.db.residence.findMany({ where: { gridNodeId: { in: [...gridNodeIds] } }, orderBy: { id: 'asc' } });
    return new Map(rows.map((r) => [r.personId, r.householdKey]));
  }

  async setResidence(personId: number, gridNodeId: number, householdKey: string) {
    await this.db.residence.upsert({ where: { personId_gridNodeId: { personId, gridNodeId } }, create: { personId, gridNodeId, householdKey }, update: { householdKey } });
  }

  async hasResidence(personId: number) {
    return (await this.db.residence.findFirst({ where: { personId }, select: { id: true } })) !== null;
  }

  async registeredAmong(personIds: readonly number[]) {
    if (!personIds.length) return new Set<number>();
    const rows = await this.db.residence.findMany({ where: { personId: { in: [...personIds] } }, select: { personId: true } });
    return new Set(rows.map((r) => r.personId));
  }

  async memberAccountsLivingOutside(groupIds: readonly number[], gridNodeIds: readonly number[]) {
    const out = new Set<string>();
    if (!groupIds.length) return out;
    const members = await this.db.groupMember.findMany({ where: { groupId: { in: [...groupIds] }, leftAt: null }, select: { externalUserId: true, group: { select: { platform: true } } } });
    const byPlatform = new Map<(typeof members)[number]['group']['platform'], Set<string>>();
    for (const m of members) (byPlatform.get(m.group.platform) ?? byPlatform.set(m.group.platform, new Set()).get(m.group.platform)!).add(m.externalUserId);
    if (!byPlatform.size) return out;
    const ids = await this.db.identity.findMany({
      where: { OR: [...byPlatform].map(([platform, users]) => ({ platform, externalUserId: { in: [...users] } })) },
      select: { personId: true, platform: true, externalUserId: true },
    });
    if (!ids.length) return out;
    const homes = await this.db.residence.findMany({ where: { personId: { in: [...new Set(ids.map((i) => i.personId))] } }, select: { personId: true, gridNodeId: true } });
    const inside = new Set(gridNodeIds);
    const registered = new Set(homes.map((h) => h.personId));
    const livesInside = new Set(homes.filter((h) => inside.has(h.gridNodeId)).map((h) => h.personId));
    for (const i of ids) if (registered.has(i.personId) && !livesInside.has(i.personId)) out.add(`${i.platform}:${i.externalUserId}`);
    return out;
  }

  async memberAccounts(groupIds: readonly number[]) {
    if (!groupIds.length) return new Set<string>();
    const rows = await this.db.groupMember.findMany({ where: { groupId: { in: [...groupIds] }, leftAt: null }, select: { externalUserId: true, group: { select: { platform: true } } } });
    return new Set(rows.map((r) => `${r.group.platform}:${r.externalUserId}`));
  }
}
