// Broadcast end to end in real processes: the `linli broadcast` commands in the sandbox, and the strongest proof of
// "never twice": a worker process SIGKILLed at ~50 % and a fresh one resuming (PostgreSQL + BullMQ on Redis).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKillAndResume } from '../support/broadcast-scenarios.ts';
import { ROOT, tempDir } from '../support/cli.ts';

function linliBroadcast(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/support/broadcast-cli.ts'), 'broadcast', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', LINLI_DATA_DIR: dataDir, LINLI_NOTIFY_PER_MS: '50' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('linli broadcast (sandbox)', () => {
  it('previews, sends with a per-group table, reports status and refuses what it must', async () => {
    const dir = tempDir('linli-bc-');
    const dry = await linliBroadcast(['send', '--to', '350304001001', '--text', '【通知】周六消防演练，咨询 138-1234-5678', '--dry-run', '--as', 'ss-fangzhiming'], dir);
    expect(dry.code).toBe(0);
    // the preview shows what the groups will read: the outbox masks phone numbers in everything the bot sends
    expect(dry.stdout).toContain('text as sent (mobile and ID numbers masked): 【通知】周六消防演练，咨询 138****5678');
    expect(dry.stdout).toMatch(/4 groups:/);
    expect(dry.stdout).toMatch(/estimated finish: .*至少 0\.2 秒/);
    expect(dry.stdout).toContain('sandbox: messages are not sent to WeChat');

    const sent = await linliBroadcast(['send', '--to', '350304001001', '--text', '【通知】周六消防演练', '--tag', '睦邻群', '--exclude', 'dy-21hao@chatroom', '--as', 'ss-fangzhiming'], dir);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/broadcast #1 {2}已完成 \(DONE\)/);
    expect(sent.stdout).toMatch(/sent 2 · failed 0 · skipped 0 · pending 0 · total 2/);
    expect(sent.stdout).toMatch(/dy-20hao@chatroom .*已发送 SENT/);
    expect(sent.stdout).not.toContain('dy-21hao@chatroom');
    expect(sent.stderr).toContain('sandbox: messages are not sent to WeChat');

    const status = await linliBroadcast(['status', '1'], dir);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/total 2/);

    const refused = await linliBroadcast(['send', '--to', '350304001', '--text', '通知', '--as', 'cs-liushufen'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/may not broadcast/);
    expect((await linliBroadcast(['pause', '1'], dir)).code).toBe(2); // DONE cannot be paused
  }, 120_000);
});

describe('a broadcast worker killed mid-run', () => {
  it('SIGKILL at ~50 % and a fresh worker: every group gets the notice, none twice', async () => {
    const r = await runKillAndResume(200, { max: 40, durationMs: 1000 }, 0.5);
    expect(r.killedAfter).toBeGreaterThanOrEqual(100);
    expect(r.killedAfter).toBeLessThan(200);
    expect(r.duplicates).toBe(0);
    expect(r.counts.PENDING).toBe(0);
    // every group got it once, except copies cut by the kill and left FAILED as uncertain (never re-sent blindly)
    expect(r.accepted).toBe(r.counts.SENT + (r.uncertainArrived ?? 0));
    expect(r.counts.SENT + r.counts.FAILED).toBe(200);
  }, 240_000);
});
