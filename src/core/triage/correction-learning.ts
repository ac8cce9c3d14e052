// Triage learning from corrections: when staff re-categorise a ticket (改类) or reject it as not an appeal, the
// message that opened it is stored as a labelled example, which `linli triage retrain` folds into the local model.
import type { CorrectionRepository } from '../ports/correction.repository.ts';
import type { Logger } from '../ports/logger.port.ts';
import type { MessageRepository } from '../ports/message.repository.ts';
import { DEFAULT_CATEGORIES } from './categories.ts';

export interface CorrectionLearningDeps {
  messages: MessageRepository;
  corrections: CorrectionRepository;
  logger: Logger;
  /** Category codes and their Chinese names; a correction may name either. */
  categories?: Record<string, string>;
}

export class CorrectionLearning {
  readonly categories: Record<string, string>;

  constructor(private readonly d: CorrectionLearningDeps) {
    this.categories = d.categories ?? DEFAULT_CATEGORIES;
  }

  /** The category code a correction names: the code itself, or its Chinese name (or the start of it). */
  categoryCode(nameOrCode: string): string | undefined {
    if (nameOrCode in this.categories) return nameOrCode;
    return Object.entries(this.categories).find(([, zh]) => zh === nameOrCode || zh.startsWith(nameOrCode))?.[0];
  }

  /** Stores the ticket's first incoming message under `label` (a ticket opened without a message teaches nothing). */
  async learn(ticket: { id: number; number: number }, label: string, actorId: number): Promise<void> {
    const source = await this.d.messages.firstIncomingOfTicket(ticket.id);
    if (!source) return;
    await this.d.corrections.add({ text: source.text, label, ticketId: ticket.id, actorId });
    this.d.logger.info({ ticketNo: ticket.number, label }, 'triage correction stored');
  }
}
