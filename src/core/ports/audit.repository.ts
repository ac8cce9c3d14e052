// The audit log: who (person and the roles they held), what (action, route, object), when and with what outcome.
// Written for every state-changing admin request and every sign-in attempt, allowed or refused.

/** ok: done; denied: refused by access rules or a wrong secret; invalid: bad input; failed: an error answer; limited: rate-limited. */
export type AuditOutcome = 'ok' | 'denied' | 'invalid' | 'failed' | 'limited' | 'unauthenticated';

export interface AuditEntry {
  id: number;
  at: Date;
  personId: number | null;
  /** "ROLE@NODE" for each role held at the time. */
  roles: string[];
  /** e.g. "POST /api/patrol/findings/:id/ack" or "auth.verify" */
  action: string;
  /** The path as requested. */
  route: string;
  /** The object acted on (route parameters, the person key asked for). */
  object: Record<string, unknown> | null;
  outcome: AuditOutcome;
  status: number;
  ip: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at?: Date };

export interface AuditRepository {
  record(e: NewAuditEntry): Promise<void>;
  /** Newest first. */
  list(filter?: { personId?: number; limit?: number }): Promise<AuditEntry[]>;
}
