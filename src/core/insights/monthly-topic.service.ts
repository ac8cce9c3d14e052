// 每月一题 marked by staff: a problem of the analysis becomes the month's topic for a part of the grid, keeps a
// snapshot of what it was (the analysis's key is stable within one run only), gets a lead (a department, a person),
// and a task list whose tasks are tickets — opened through the ticket service like any appeal, with the SLA's
// deadlines, so they are followed, reminded and counted as every other ticket is.
import { DomainError, ErrorCode } from '../errors.ts';
import { ancestorCodes, isInSubtree, type GridNode } from '../grid/grid.types.ts';
import type { GridRepository } from '../ports/grid.repository.ts';
import type { MonthlyTopic, MonthlyTopicRepository, TopicProblem, TopicTask } from '../ports/monthly-topic.repository.ts';
import type { PersonRepository } from '../ports/person.repository.ts';
import type { StaffTicketService } from '../tickets/staff-ticket.service.ts';
import type { Actor } from '../tickets/ticket.service.types.ts';
import type { Ticket } from '../tickets/ticket.types.ts';
import { maskPii } from '../triage/mask.ts';
import type { HotReport, Problem } from './insights.types.ts';

export interface MonthlyTopicDeps {
  topics: MonthlyTopicRepository;
  people: Pick<PersonRepository, 'findById'>;
  /** Where the problem's places are (a task's ticket opens there); without it, on the topic's node. */
  grid?: Pick<GridRepository, 'findById' | 'findByCodes'>;
  /**
   * Without it (a read-only deployment) tasks cannot be added. `assign` is the console's 指派 (the assignee is told by
   * direct message, as for any ticket assigned from the console).
   */
  tickets?: Pick<StaffTicketService, 'report' | 'markComplex'> & { assign(ticketNo: number, actor: Actor, personId: number, note: string): Promise<Ticket> };
}

export interface NewTask {
  text: string;
  /**
   * Someone who may take tickets on `gridNodeId` (指派); else the on-duty grid worker of that place, as for any appeal
   * from there, told by direct message.
   */
  assigneeId?: number;
  /** The node the task's ticket opens on: one of taskNodes(topic) (default: the first, the most affected place). */
  gridNodeId?: number;
  /** 复杂事项: the longer resolve deadline of the SLA. */
  complex?: boolean;
}

/** A ticket's summary is at most 40 characters. */
const SUMMARY_MAX = 40;

/** What a topic keeps of a problem: everything but the evidence's words (the tickets hold those). */
export function snapshotOf(p: Problem): TopicProblem {
  const { rank: _rank, counted: _c, support: _s, history: _h, first, last, evidence, leadDepartment, ...kept } = p;
  return {
    ...kept,
    first: first.toISOString(),
    last: last.toISOString(),
    ...(leadDepartment ? { leadDepartment } : {}),
    evidence: evidence.map((e) => ({ id: e.id, ...(e.ticketId !== undefined ? { ticketId: e.ticketId } : {}) })),
  };
}

/** The overview's 每月一题 panel: the marked topics, and the top of the last analysis when one was made lately. */
export interface ProblemsOfMonth {
  month: string;
  topics: { id: number; month: string; title: string; count: number; flags: string[]; leadDepartment: string | null; tasks: number }[];
  top: { key: string; title: string; heat: number; count: number; flags: string[] }[];
  /** The month's problems were analysed (`top` is the analysis's); false while a first analysis runs. */
  analysed: boolean;
}

export class MonthlyTopicService {
  constructor(private readonly d: MonthlyTopicDeps) {}

  /** Marks `problem` as the month's topic of `node`; refused (TOPIC_EXISTS) when the node has it already that month. */
  async mark(month: string, node: GridNode, problem: Problem, by: Actor): Promise<MonthlyTopic> {
    const topic = await this.d.topics.create({
      month,
      gridNodeId: node.id,
      title: problem.title,
      problemKey: problem.key,
      problem: snapshotOf(problem),
      leadDepartment: problem.leadDepartment ?? null,
      leadPersonId: null,
      createdById: by.personId,
    });
    if (!topic) throw new DomainError(ErrorCode.TopicExists, `「${problem.title}」 is already a topic of ${month} for ${node.code}`, { month, node: node.code, key: problem.key });
    return topic;
  }

  async get(id: number): Promise<MonthlyTopic> {
    const t = await this.d.topics.findById(id);
    if (!t) throw new DomainError(ErrorCode.TopicNotFound, `no topic ${id}`, { id });
    return t;
  }

  /** Sets the lead: a department's name and/or a person (null clears); the person must exist. */
  async setLead(id: number, lead: { leadDepartment?: string | null; leadPersonId?: number | null }): Promise<MonthlyTopic> {
    await this.get(id);
    if (lead.leadPersonId != null && !(await this.d.people.findById(lead.leadPersonId))) {
      throw new DomainError(ErrorCode.NoAssignee, `no person ${lead.leadPersonId}`, { leadPersonId: lead.leadPersonId });
    }
    return this.d.topics.setLead(id, lead);
  }

  /**
   * The nodes a task's ticket may open on: the problem's places inside the topic's part of the grid (most appeals
   * first), then the topic's own node. A ticket on a building is dispatched to that building's grid worker, as an
   * appeal from there would be; one on a community node reaches no grid worker at all.
   */
  async taskNodes(topic: MonthlyTopic): Promise<number[]> {
    const grid = this.d.grid;
    const root = grid ? await grid.findById(topic.gridNodeId) : null;
    const places: number[] = [];
    if (grid && root) {
      for (const g of topic.problem.grids ?? []) {
        const n = await grid.findById(g.gridNodeId);
        if (n && isInSubtree(n, root)) places.push(n.id);
      }
    }
    return [...new Set([...places, topic.gridNodeId])];
  }

  /**
   * Adds a task: a ticket on the problem's place (see taskNodes), reported by the staff member, in the problem's first category, with the
   * SLA's deadlines; assigned to `assigneeId` and marked complex when asked.
   */
  async addTask(topic: MonthlyTopic, task: NewTask, actor: Actor): Promise<{ task: TopicTask; ticket: Ticket }> {
    const tickets = this.d.tickets;
    if (!tickets) throw new DomainError(ErrorCode.ConfigInvalid, 'tasks need the running ticket service');
    const reporter = await this.d.people.findById(actor.personId);
    if (!reporter) throw new DomainError(ErrorCode.NotAuthorized, `no person ${actor.personId}`);
    const text = maskPii(task.text.trim());
    const nodes = await this.taskNodes(topic);
    const gridNodeId = task.gridNodeId ?? nodes[0]!;
    if (!nodes.includes(gridNodeId)) throw new DomainError(ErrorCode.GridNodeNotFound, `node ${gridNodeId} is not a place of topic ${topic.id}`, { gridNodeId });
    let { ticket } = await tickets.report({
      groupId: null,
      gridNodeId,
      reporter,
      messageId: null,
      explicit: true,
      triage: {
        isAppeal: true,
        confidence: 1,
        category: topic.problem.categories[0] ?? 'other',
        place: topic.problem.places[0] ? { text: topic.problem.places[0] } : {},
        urgency: 'normal',
        summary: [...text].slice(0, SUMMARY_MAX).join(''),
        source: 'rules',
      },
    });
    // 按值班自动分派: the on-duty worker the report chose is assigned as the console assigns, so they are told
    const assigneeId = task.assigneeId ?? ticket.assigneeId ?? undefined;
    if (assigneeId !== undefined) ticket = await tickets.assign(ticket.number, actor, assigneeId, `每月一题任务：${topic.title}`);
    if (task.complex) ticket = await tickets.markComplex(ticket.number, actor, `每月一题任务：${topic.title}`, null);
    const saved = await this.d.topics.addTask({ topicId: topic.id, ticketId: ticket.id, text, createdById: actor.personId });
    return { task: saved, ticket };
  }

  /**
   * The topics a part of the grid reads (`nodes`: every node in it): those marked on its nodes, and those marked above
   * it (the street's, read by a community) whose problem lies in it — one of its most affected grids, where the topic's
   * tasks open. Newest first.
   */
  async visibleIn(nodes: readonly Pick<GridNode, 'id' | 'path'>[], month?: string): Promise<MonthlyTopic[]> {
    const inPart = new Set(nodes.map((n) => n.id));
    const own = await this.d.topics.list({ gridNodeIds: [...inPart], ...(month ? { month } : {}) });
    const aboveCodes = [...new Set(nodes.flatMap((n) => ancestorCodes(n)))];
    const above = this.d.grid && aboveCodes.length ? (await this.d.grid.findByCodes(aboveCodes)).filter((n) => !inPart.has(n.id)) : [];
    if (!above.length) return own;
    const marked = await this.d.topics.list({ gridNodeIds: above.map((n) => n.id), ...(month ? { month } : {}) });
    const touching = marked.filter((t) => (t.problem.grids ?? []).some((g) => inPart.has(g.gridNodeId)));
    return [...own, ...touching].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
  }

  /**
   * The overview's panel for the nodes of a part of the grid: the topics marked for `month` and the month after (a
   * topic may be marked on the running month), and the top of an analysis already made, if any (none is run here).
   */
  async summary(nodes: readonly Pick<GridNode, 'id' | 'path'>[], month: string, next: string, last: HotReport | undefined): Promise<ProblemsOfMonth> {
    const topics = [...(await this.visibleIn(nodes, next)), ...(await this.visibleIn(nodes, month))];
    const tasks = await this.d.topics.tasks(topics.map((t) => t.id));
    return {
      month,
      topics: topics.map((t) => ({
        id: t.id, month: t.month, title: t.title, count: t.problem.count, flags: t.problem.flags, leadDepartment: t.leadDepartment,
        tasks: tasks.filter((k) => k.topicId === t.id).length,
      })),
      top: (last?.problems ?? []).slice(0, 3).map((p) => ({ key: p.key, title: p.title, heat: p.heat, count: p.count, flags: p.flags })),
      analysed: last !== undefined,
    };
  }
}
