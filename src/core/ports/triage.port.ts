import type { TriageResult } from '../triage/triage.types.ts';

export interface TriageContext {
  groupId: number;
  gridNodeId: number;
}

/** Decides whether a message is an appeal and extracts what a ticket needs (issue #3 implements it). */
export interface Triage {
  classify(text: string, context?: TriageContext): Promise<TriageResult>;
}
