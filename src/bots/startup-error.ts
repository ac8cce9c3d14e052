// The error a bot's start fails with when its platform cannot be reached or refuses it: an operator's problem,
// printed by `linli start` without a stack trace.

/** The platform could not be reached or logged in: an operator's problem, reported without a stack trace. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  /** The exit code of `linli start` (1 unless a more specific one is documented, e.g. 3: the account is busy). */
  readonly exitCode: number;

  constructor(message: string, opts: { exitCode?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.exitCode = opts.exitCode ?? 1;
  }
}
