// The one place where domain error codes become HTTP statuses (core knows nothing of HTTP).
import { isDomainError } from '../../core/errors.ts';

const STATUS_BY_CODE: Record<string, number> = {
  NOT_AUTHORIZED: 403,
  NOT_REPORTER: 403,
  TICKET_NOT_FOUND: 404,
  BROADCAST_NOT_FOUND: 404,
  ILLEGAL_TRANSITION: 409,
  CONCURRENT_UPDATE: 409,
  MALFORMED_COMMAND: 400,
  GRID_NODE_NOT_FOUND: 422,
  GROUP_NOT_MAPPED: 422,
  GRID_INVALID: 422,
  UNKNOWN_CATEGORY: 422,
  NO_ASSIGNEE: 422,
  BROADCAST_NO_TARGETS: 422,
  BROADCAST_INVALID: 422,
  CONFIG_INVALID: 500,
};

/** Status and JSON body for an error thrown by a handler; anything that is not a DomainError is a 500. */
export function errorResponse(e: unknown): { status: number; body: { error: { code: string; message: string; details?: Record<string, unknown> } } } {
  if (isDomainError(e)) {
    return { status: STATUS_BY_CODE[e.code] ?? 422, body: { error: { code: e.code, message: e.message, details: e.details } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } } };
}
