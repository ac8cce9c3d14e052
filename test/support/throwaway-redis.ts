// A private redis-server for a test run (from PATH, on a free port, no persistence), for machines where the
// configured Redis is not running.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { freeLocalPort, probeRedis } from './service-probe.ts';

export interface ThrowawayService {
  url: string;
  stop(): Promise<void>;
}

export async function startThrowawayRedis(command = 'redis-server', timeoutMs = 10_000): Promise<ThrowawayService> {
  const port = await freeLocalPort();
  const url = `redis://127.0.0.1:${port}`;
  const proc = spawn(command, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d) => (output = (output + d).slice(-2000)));
  proc.stderr.on('data', (d) => (output = (output + d).slice(-2000)));
  let exited: string | null = null;
  const gone = new Promise<void>((resolve) => {
    proc.on('error', (e) => {
      exited = e.message;
      resolve();
    });
    proc.on('exit', (code, signal) => {
      exited ??= `redis-server exited (${signal ?? code}): ${output.trim().split('\n').pop() ?? ''}`;
      resolve();
    });
  });
  // if the test run exits without its teardown, the server goes with it
  const killOnExit = () => proc.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (proc.exitCode === null && proc.signalCode === null && !exited) proc.kill('SIGTERM');
    await gone;
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(exited);
    }
    if ((await probeRedis(url, 500)) === null) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not answer on port ${port} within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
