// 议事 in the store: topics, their votes, comments, seconds, posts and 实事清单, and who lives where.
import type { NewTopic, Tally, Topic, TopicComment, TopicRating, TopicSecond, TopicStatus, TopicTask, TopicVote } from '../deliberation/topic.types.ts';

export interface TopicPostRef {
  topicId: number;
  groupId: number;
  kind: string;
  sourceKey: string;
}

export interface DeliberationRepository {
  /** Null when a topic was already made from this message (a redelivery). */
  create(topic: NewTopic): Promise<Topic | null>;
  findById(id: number): Promise<Topic | null>;
  /** The topic a chat message made. */
  findBySource(messageId: number): Promise<Topic | null>;
  /** The topic a ticket was turned into. */
  findBySourceTicket(ticketId: number): Promise<Topic | null>;
  /** Topics on these nodes (all when omitted), of these statuses, newest first. */
  list(q: { gridNodeIds?: readonly number[]; statuses?: readonly TopicStatus[]; limit?: number }): Promise<Topic[]>;
  /**
   * Moves a topic from one status to another with the given changes; null when it is no longer in `from` (another
   * message or timer moved it first), so each step happens once.
   */
  transition(id: number, from: TopicStatus, to: TopicStatus, changes: Partial<Pick<Topic, 'openedAt' | 'closesAt' | 'closedAt' | 'createdById' | 'result' | 'decision' | 'decidedById' | 'decidedAt' | 'doneAt'>>): Promise<Topic | null>;
  /** False when this message was already stored as a vote. */
  addVote(vote: Omit<TopicVote, 'id'>): Promise<boolean>;
  votes(topicId: number): Promise<TopicVote[]>;
  hasVoted(topicId: number, voterId: number): Promise<boolean>;
  /** 一户一票: someone other than `voterId` voted on the topic for the household `householdKey`. */
  householdVotedByOther(topicId: number, householdKey: string, voterId: number): Promise<boolean>;
  addComment(comment: Omit<TopicComment, 'id'>): Promise<boolean>;
  commentCount(topicId: number): Promise<number>;
  /** The discussion, oldest first, at most `limit` (the console's topic page). */
  comments(topicId: number, limit: number): Promise<TopicComment[]>;
  /** False when the person already seconded it, or the message was stored. */
  addSecond(second: Omit<TopicSecond, 'id'>): Promise<boolean>;
  seconds(topicId: number): Promise<TopicSecond[]>;
  addPost(post: TopicPostRef): Promise<void>;
  /** Groups a topic was posted in (its 'topic' posts). */
  postedGroupIds(topicId: number): Promise<number[]>;
  /** Null when a task was already made from this message. */
  addTask(task: Omit<TopicTask, 'id' | 'createdAt' | 'doneAt' | 'escalationLevel' | 'escalatedAt'>): Promise<TopicTask | null>;
  tasks(topicId: number): Promise<TopicTask[]>;
  findTask(taskId: number): Promise<TopicTask | null>;
  /** Raises a task not done from level `from` to `from + 1`; null when it is done or no longer at `from`. */
  escalateTask(taskId: number, from: number, at: Date): Promise<TopicTask | null>;
  /** Tasks not done that have a due date, by id after `afterId` (reconciling their timers). */
  openTasksWithDue(afterId: number, limit: number): Promise<TopicTask[]>;
  /** Marks a task done; null when it was done already. */
  finishTask(taskId: number, at: Date): Promise<TopicTask | null>;
  /** False when this message was already stored as a rating. */
  addRating(rating: Omit<TopicRating, 'id'>): Promise<boolean>;
  ratings(topicId: number): Promise<TopicRating[]>;
  /** The household (room) of each person who lives on one of these nodes. */
  households(gridNodeIds: readonly number[]): Promise<Map<number, string>>;
  setResidence(personId: number, gridNodeId: number, householdKey: string): Promise<void>;
  /** Whether the person has a registered household anywhere in the grid. */
  hasResidence(personId: number): Promise<boolean>;
  /** Which of these people have a registered household anywhere in the grid. */
  registeredAmong(personIds: readonly number[]): Promise<Set<number>>;
  /** The distinct accounts now in these groups, as "<platform>:<user id>". */
  memberAccounts(groupIds: readonly number[]): Promise<Set<string>>;
  /** Those of memberAccounts(groupIds) whose person is registered as living, but on none of `gridNodeIds`. */
  memberAccountsLivingOutside(groupIds: readonly number[], gridNodeIds: readonly number[]): Promise<Set<string>>;
}

export type { Tally };
