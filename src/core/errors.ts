// Domain errors: one class, a stable code per place of failure. The chat layer maps a code to one polite Chinese
// sentence (tickets/replies.ts), the HTTP layer to a status; core never knows about either.

export const ErrorCode = {
  TicketNotFound: 'TICKET_NOT_FOUND',
  IllegalTransition: 'ILLEGAL_TRANSITION',
  NotAuthorized: 'NOT_AUTHORIZED',
  NotReporter: 'NOT_REPORTER',
  MalformedCommand: 'MALFORMED_COMMAND',
  GroupNotMapped: 'GROUP_NOT_MAPPED',
  GridNodeNotFound: 'GRID_NODE_NOT_FOUND',
  GridInvalid: 'GRID_INVALID',
  NoAssignee: 'NO_ASSIGNEE',
  ConcurrentUpdate: 'CONCURRENT_UPDATE',
  ConfigInvalid: 'CONFIG_INVALID',
  UnknownCategory: 'UNKNOWN_CATEGORY',
  UnknownTransferTarget: 'UNKNOWN_TRANSFER_TARGET',
  BroadcastNotFound: 'BROADCAST_NOT_FOUND',
  BroadcastNoTargets: 'BROADCAST_NO_TARGETS',
  BroadcastInvalid: 'BROADCAST_INVALID',
  BroadcastSchedulePast: 'BROADCAST_SCHEDULE_PAST',
  TopicNotFound: 'TOPIC_NOT_FOUND',
  TopicExists: 'TOPIC_EXISTS',
  ProblemNotFound: 'PROBLEM_NOT_FOUND',
  ServiceNotFound: 'SERVICE_NOT_FOUND',
  NoVolunteer: 'NO_VOLUNTEER',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function isDomainError(e: unknown, code?: ErrorCode): e is DomainError {
  return e instanceof DomainError && (code === undefined || e.code === code);
}

/**
 * The store refused the data itself (a value out of range, say), not the connection: trying the same data again
 * cannot help. Stores raise it so a batch can set the refused item apart instead of holding back the rest.
 */
export class RefusedDataError extends Error {
  override readonly name = 'RefusedDataError';
}
