// A long-running `linli` command (e.g. `linli start`) in a child process: wait for what it prints, signal it, await its exit.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT, templateEnv } from './cli.ts';

export interface CliProcess {
  child: ChildProcess;
  readonly stderr: string;
  /** Resolves once stderr matches; rejects if the process exits first or the time runs out. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** The exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** The signal that ended the process, once it has ended by one. */
  readonly signal: NodeJS.Signals | null;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function startCli(args: string[], env: Record<string, string>): CliProcess {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/linli.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...(process.env.CHILD_NODE_OPTIONS ? { NODE_OPTIONS: process.env.CHILD_NODE_OPTIONS } : {}), HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', LINLI_DEMO_HISTORY: 'off', ...templateEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let done = false;
  let signal: NodeJS.Signals | null = null;
  child.stdout!.resume();
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code, sig) => ((done = true), (signal = sig), resolve(code))));
  return {
    child,
    get stderr() {
      return stderr;
    },
    get signal() {
      return signal;
    },
    exited,
    async waitForStderr(pattern, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(stderr)) {
        if (done) throw new Error(`linli ${args.join(' ')} exited before printing ${pattern}:\n${stderr}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (!done) child.kill(signal);
      return exited;
    },
  };
}
