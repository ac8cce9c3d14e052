// 每月一题 topics and their tasks (each a ticket) in the store.
import type { MonthlyTopic, MonthlyTopicRepository, NewMonthlyTopic, TopicProblem, TopicTask } from '../../core/ports/monthly-topic.repository.ts';
import { onceOrNull } from './prisma-errors.ts';
import type { Db } from './prisma-store.ts';

type Row = Omit<MonthlyTopic, 'problem'> & { problem: unknown };
const topic = (r: Row): MonthlyTopic => ({ ...r, problem: r.problem as TopicProblem });

export class PrismaMonthlyTopicRepository implements MonthlyTopicRepository {
  constructor(private readonly db: Db) {}

  async create(t: NewMonthlyTopic): Promise<MonthlyTopic | null> {
    const r = await onceOrNull(() => this.db.monthlyTopic.create({ data: { ...t, problem: t.problem as object } }));
    return r && topic(r);
  }

  async findById(id: number) {
    const r = await this.db.monthlyTopic.findUnique({ where: { id } });
    return r && topic(r);
  }

  async list(q: { gridNodeIds: readonly number[]; month?: string }) {
    const rows = await this.db.monthlyTopic.findMany({
      where: { gridNodeId: { in: [...q.gridNodeIds] }, ...(q.month ? { month: q.month } : {}) },
      orderBy: [{ month: 'desc' }, { id: 'desc' }],
    });
    return rows.map(topic);
  }

  async setLead(id: number, lead: { leadDepartment?: string | null; leadPersonId?: number | null }) {
    return topic(await this.db.monthlyTopic.update({ where: { id }, data: lead }));
  }

  addTask(t: Omit<TopicTask, 'id' | 'createdAt'>): Promise<TopicTask> {
    return this.db.monthlyTopicTask.create({ data: t });
  }

  tasks(topicIds: readonly number[]): Promise<TopicTask[]> {
    if (!topicIds.length) return Promise.resolve([]);
    return this.db.monthlyTopicTask.findMany({ where: { topicId: { in: [...topicIds] } }, orderBy: { id: 'asc' } });
  }
}
