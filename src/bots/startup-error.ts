// The error a bot's start fails with when its platform cannot be reached or refuses it: an operator's problem,
// printed by `linli start` without a stack trace.

/** The platform could not be reached or logged in: an operator's problem, reported without a stack trace. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
