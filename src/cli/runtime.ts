// Shared set-up for CLI commands: configuration, logger and store, with errors turned into exit codes.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig, ConfigError, type Config } from '../config.ts';
import { createLogger } from '../adapters/logging/pino.logger.ts';
import { openStore, StoreInUseError, STORE_IN_USE_EXIT_CODE } from '../adapters/prisma/prisma-store.ts';
import type { Store } from '../core/ports/store.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import { DomainError } from '../core/errors.ts';

export const EXIT = { ok: 0, failure: 1, badInput: 2, accountBusy: 3, storeInUse: STORE_IN_USE_EXIT_CODE } as const;

/** Thrown by commands for input the user must fix: printed without a stack, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function config(): Config {
  return loadConfig();
}

/**
 * Checks first what a command was given that needs no store (option values, arguments, input files: `check` throws
 * UsageError, or returns what it parsed), then opens the store and runs `run` with the checked input. A wrong argument
 * is refused at once (exit 2, one line) and nothing is created on disk: opening the embedded store costs ~0.7 s of
 * CPU, and creating one (a new LINLI_DATA_DIR) as much again.
 */
export async function withCheckedStore<I, T>(
  check: () => I | Promise<I>,
  run: (input: I, store: Store, cfg: Config, logger: Logger) => Promise<T>,
): Promise<T> {
  const input = await check();
  return withStore((store, cfg, logger) => run(input, store, cfg, logger));
}

/** Opens the store (see withCheckedStore for a command whose arguments can be checked without it), runs `fn`, closes it. */
export async function withStore<T>(fn: (store: Store, cfg: Config, logger: Logger) => Promise<T>): Promise<T> {
  const cfg = config();
  const logger = createLogger(cfg.wechat.puppet || cfg.telegram.token ? cfg.logLevel : cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
  const store = await openStore(cfg.store);
  try {
    return await fn(store, cfg, logger);
  } finally {
    await store.close();
  }
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such folder',
  ENOTDIR: 'a part of the path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/**
 * A file the operator named that cannot be written (`--out` into a folder that does not exist, no permission): one
 * line to fix, not a stack. Reading a missing file is said by each command where it reads (`cannot read …`).
 */
function fileProblem(e: unknown): string | null {
  const err = e as { code?: unknown; path?: unknown; syscall?: unknown } | null;
  if (!err || typeof err.code !== 'string' || typeof err.path !== 'string' || !(err.code in FILE_PROBLEMS)) return null;
  // a missing file (not its folder) is one read: said as such
  if (err.code === 'ENOENT' && existsSync(dirname(err.path))) return `cannot open ${err.path}: no such file`;
  return `cannot ${err.syscall === 'open' || err.syscall === 'write' || err.syscall === 'mkdir' ? 'write' : 'use'} ${err.path}: ${FILE_PROBLEMS[err.code]}`;
}

/**
 * Refuses, before any work is done, a file the operator asked to write that cannot be written (its folder missing or
 * not writable, the name a folder): the same one line as a failed write, said at once rather than after a long job.
 */
export function assertWritableFile(file: string): void {
  const folder = dirname(resolve(file));
  let code: string | null = null;
  try {
    if (!statSync(folder).isDirectory()) code = 'ENOTDIR';
    else if (existsSync(file) && statSync(file).isDirectory()) code = 'EISDIR';
    else accessSync(folder, constants.W_OK);
  } catch (e) {
    code = typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'EACCES';
  }
  if (code) throw new UsageError(`cannot write ${file}: ${FILE_PROBLEMS[code] ?? code}`);
}

/** Runs a command action and maps failures to a message on stderr and an exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      if (e instanceof UsageError || e instanceof ConfigError || e instanceof DomainError) {
        console.error(`error: ${e.message}`);
        process.exitCode = EXIT.badInput;
      } else if (e instanceof StoreInUseError) {
        console.error(`error: ${e.message}`);
        process.exitCode = EXIT.storeInUse;
      } else if (fileProblem(e)) {
        console.error(`error: ${fileProblem(e)}`);
        process.exitCode = EXIT.badInput;
      } else if ((e as Error).name === 'StartupError') {
        console.error(`error: ${(e as Error).message}`);
        process.exitCode = (e as { exitCode?: number }).exitCode ?? EXIT.failure;
      } else {
        console.error(`error: ${(e as Error).stack ?? e}`);
        process.exitCode = EXIT.failure;
      }
    }
  };
}

/**
 * Says `ready` (the "running" line), waits for SIGINT or SIGTERM, then runs `stop`. The handlers are installed before
 * `ready` is said: a supervisor (or test) that signals as soon as it reads the line must find them there — printed
 * first, the line reached the reader before the next statement ran often enough to kill a process by Node's default
 * (seen: the one-account e2e test, about one start in ten under load). They stay installed until `stop` has finished:
 * a signal that arrives while the process is stopping (a second Ctrl-C, a supervisor repeating its SIGTERM) is said,
 * not left to the default, which would kill the process half-way through closing its store and queues.
 */
export async function untilStopSignal(ready: () => void, stop: () => Promise<void>): Promise<void> {
  let stopping = false;
  let signalled!: () => void;
  const signal = new Promise<void>((resolve) => (signalled = resolve));
  const onSignal = () => {
    if (stopping) console.error('stopping: finishing what is under way');
    stopping = true;
    signalled();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    ready();
    await signal;
    await stop();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
