import type { CorrectionRepository, TriageCorrection } from '../../core/ports/correction.repository.ts';
import type { Db } from './prisma-store.ts';

export class PrismaCorrectionRepository implements CorrectionRepository {
  constructor(private readonly db: Db) {}

  add(c: Omit<TriageCorrection, 'id' | 'createdAt'>) {
    return this.db.triageCorrection.create({ data: c });
  }

  list() {
    return this.db.triageCorrection.findMany({ orderBy: { id: 'asc' } });
  }
}
