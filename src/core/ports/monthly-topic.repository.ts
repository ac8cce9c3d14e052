// 每月一题 topics in the store: the problem staff marked for a month and a part of the grid, and its task list.
import type { Problem } from '../insights/insights.types.ts';

/**
 * What a topic keeps of the problem it was marked from (the analysis's key is only stable within one run): its figures,
 * flags and trend as they were, dates as ISO text (it is stored as JSON), and of the evidence only the appeal and
 * ticket ids (the tickets hold the words).
 */
export type TopicProblem = Omit<Problem, 'rank' | 'counted' | 'support' | 'history' | 'first' | 'last' | 'evidence'> & {
  first: string;
  last: string;
  evidence: { id: string; ticketId?: number }[];
};

export interface MonthlyTopic {
  id: number;
  month: string;
  gridNodeId: number;
  title: string;
  problemKey: string;
  problem: TopicProblem;
  leadDepartment: string | null;
  leadPersonId: number | null;
  createdById: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface TopicTask {
  id: number;
  topicId: number;
  ticketId: number;
  text: string;
  createdById: number;
  createdAt: Date;
}

export type NewMonthlyTopic = Omit<MonthlyTopic, 'id' | 'createdAt' | 'updatedAt'>;

export interface MonthlyTopicRepository {
  /** Null when the month already has this topic for the node (the same title or the same problem key). */
  create(topic: NewMonthlyTopic): Promise<MonthlyTopic | null>;
  findById(id: number): Promise<MonthlyTopic | null>;
  /** Topics on these nodes (a subtree's ids), of one month or all, newest first. */
  list(q: { gridNodeIds: readonly number[]; month?: string }): Promise<MonthlyTopic[]>;
  setLead(id: number, lead: { leadDepartment?: string | null; leadPersonId?: number | null }): Promise<MonthlyTopic>;
  addTask(task: Omit<TopicTask, 'id' | 'createdAt'>): Promise<TopicTask>;
  /** The tasks of these topics, oldest first. */
  tasks(topicIds: readonly number[]): Promise<TopicTask[]>;
}
