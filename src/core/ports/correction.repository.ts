/** Labelled examples from staff corrections, folded into the local model by `linli triage retrain`. */
export interface TriageCorrection {
  id: number;
  text: string;
  label: string;
  ticketId: number | null;
  actorId: number | null;
  createdAt: Date;
}

export interface CorrectionRepository {
  add(c: Omit<TriageCorrection, 'id' | 'createdAt'>): Promise<TriageCorrection>;
  list(): Promise<TriageCorrection[]>;
}
