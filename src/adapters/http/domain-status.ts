// The one place where errors become HTTP statuses (core knows nothing of HTTP): domain error codes, the API's own
// HttpErrors, and Hono's HTTPExceptions (a malformed JSON body, a body over the limit).
import { HTTPException } from 'hono/http-exception';
import { isDomainError } from '../../core/errors.ts';
import { errorReply } from '../../core/tickets/replies.ts';
import { zhForCode, zhForDomain } from './error-zh.ts';
import { HttpError } from './http-error.ts';

const STATUS_BY_CODE: Record<string, number> = {
  NOT_AUTHORIZED: 403,
  NOT_REPORTER: 403,
  TICKET_NOT_FOUND: 404,
  BROADCAST_NOT_FOUND: 404,
  TOPIC_NOT_FOUND: 404,
  PROBLEM_NOT_FOUND: 404,
  SERVICE_NOT_FOUND: 404,
  TOPIC_EXISTS: 409,
  ILLEGAL_TRANSITION: 409,
  CONCURRENT_UPDATE: 409,
  MALFORMED_COMMAND: 400,
  UNKNOWN_TRANSFER_TARGET: 400,
  BROADCAST_SCHEDULE_PAST: 400,
  GRID_NODE_NOT_FOUND: 422,
  GROUP_NOT_MAPPED: 422,
  GRID_INVALID: 422,
  UNKNOWN_CATEGORY: 422,
  NO_ASSIGNEE: 422,
  NO_VOLUNTEER: 422,
  BROADCAST_NO_TARGETS: 422,
  BROADCAST_INVALID: 422,
  CONFIG_INVALID: 500,
};

/**
 * `code`: the stable machine code; `reason`: a finer one where a code covers several kinds (OUTSIDE_SCOPE,
 * MERGE_INTO_ITSELF …); `message`: English, for logs, scripts and the CLI; `messageZh`: what the console shows staff.
 */
export interface ErrorBody {
  /** `field`: the input field a refusal is about (a transfer's target, a broadcast's time). */
  error: { code: string; reason?: string; message: string; messageZh: string; field?: string; details?: Record<string, unknown> };
}

/** Status and JSON body for an error thrown while answering; anything unrecognised is a 500. */
export function errorResponse(e: unknown): { status: number; body: ErrorBody } {
  if (e instanceof HttpError) {
    return { status: e.status, body: { error: { code: e.code, ...(e.reason ? { reason: e.reason } : {}), message: e.message, messageZh: e.zh ?? zhForCode(e.code, e.reason) } } };
  }
  if (e instanceof HTTPException) {
    // Hono's only 400 here is a body that does not parse as JSON (its validator); the code is the one clients knew
    const code = e.status === 413 ? 'BODY_TOO_LARGE' : e.status === 400 ? 'BAD_JSON' : `HTTP_${e.status}`;
    return { status: e.status, body: { error: { code, message: e.message || 'bad request', messageZh: zhForCode(code) } } };
  }
  if (isDomainError(e)) {
    const reason = typeof e.details['reason'] === 'string' ? { reason: e.details['reason'] } : {};
    // a refusal of one field of the input (a transfer's target, a broadcast's time) names the field and says why in
    // Chinese as the chat does
    if (typeof e.details['field'] === 'string') {
      return { status: STATUS_BY_CODE[e.code] ?? 400, body: { error: { code: e.code, ...reason, message: e.message, messageZh: errorReply(e), field: e.details['field'], details: e.details } } };
    }
    return { status: STATUS_BY_CODE[e.code] ?? 422, body: { error: { code: e.code, ...reason, message: e.message, messageZh: zhForDomain(e), details: e.details } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error', messageZh: zhForCode('INTERNAL') } } };
}
