// Runs the real `linli` command in a child process with its own data folder.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The embedded store's template (test/support/pglite-template.ts), when globalSetup made one. */
export const templateEnv = (): Record<string, string> => (process.env.LINLI_PGLITE_TEMPLATE ? { LINLI_PGLITE_TEMPLATE: process.env.LINLI_PGLITE_TEMPLATE } : {});

export function tempDir(prefix = 'linli-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function runCli(
  args: string[],
  opts: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/linli.js'), ...args], {
      cwd: ROOT,
      // the sandbox serves its console on a port and seeds demo history by default; tests that need them set
      // LINLI_HTTP_PORT (sandbox-http.test.ts) and LINLI_DEMO_HISTORY=on (demo-history.test.ts)
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', LINLI_HTTP_PORT: 'off', LINLI_DEMO_HISTORY: 'off', ...templateEnv(), ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}
