import type { AppealRepository } from './appeal.repository.ts';
import type { AuditRepository } from './audit.repository.ts';
import type { BroadcastRepository } from './broadcast.repository.ts';
import type { DeliberationRepository } from './deliberation.repository.ts';
import type { CorrectionRepository } from './correction.repository.ts';
import type { GridRepository } from './grid.repository.ts';
import type { GroupRepository } from './group.repository.ts';
import type { MessageRepository } from './message.repository.ts';
import type { MonthlyTopicRepository } from './monthly-topic.repository.ts';
import type { PatrolRepository } from './patrol.repository.ts';
import type { PendingSendRepository } from './pending-send.repository.ts';
import type { PersonRepository } from './person.repository.ts';
import type { ServiceRepository } from './service.repository.ts';
import type { StatsRepository } from './stats.repository.ts';
import type { StaffAuthRepository } from './staff-auth.repository.ts';
import type { TicketRepository } from './ticket.repository.ts';

/** All repositories over one database (PostgreSQL or embedded PGlite). */
export interface Store {
  readonly kind: 'postgres' | 'pglite';
  grid: GridRepository;
  groups: GroupRepository;
  people: PersonRepository;
  messages: MessageRepository;
  tickets: TicketRepository;
  corrections: CorrectionRepository;
  broadcasts: BroadcastRepository;
  patrol: PatrolRepository;
  pendingSends: PendingSendRepository;
  /** Daily ticket roll-ups and the overview's reads. */
  stats: StatsRepository;
  /** Tickets as appeals for the insights (每月一题). */
  appeals: AppealRepository;
  /** 每月一题 topics marked by staff, and their task lists. */
  topics: MonthlyTopicRepository;
  /** 议事 topics, votes, discussion and 实事清单. */
  deliberation: DeliberationRepository;
  /** 三单式 service requests and the volunteers' points ledger. */
  service: ServiceRepository;
  staffAuth: StaffAuthRepository;
  audit: AuditRepository;
  close(): Promise<void>;
}
