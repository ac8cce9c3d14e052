// `linli start` warns when deadlines of the next 60 days reach a year without an official holiday arrangement.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLayeredCalendar } from '../../src/adapters/calendar/layered.calendar.ts';
import { runCli, tempDir } from '../support/cli.ts';
import { freePort } from '../support/reliability.ts';

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('the calendar warning at start (sandbox)', { timeout: 180_000 }, () => {
  it('warns on stderr and in the log until the arrangement is loaded (and that REDIS_URL is not used by the sandbox)', async () => {
    // the years the package lacks within 60 days from today (2027 in December 2026, with chinese-days 1.5.7)
    const missing = createLayeredCalendar().coverage(chinaToday(), 60);
    const dir = tempDir();
    const data = path.join(dir, 'data');
    // REDIS_URL set to a port where nothing answers: the sandbox never connects, and says why it does not use it (the
    // other warning at start, checked on this same sandbox rather than on one more; it was in operator-cli.test.ts)
    const redisPort = await freePort();
    const r = await runCli(['start'], { env: { LINLI_DATA_DIR: data, REDIS_URL: `redis://127.0.0.1:${redisPort}` }, input: '/quit\n', timeoutMs: 90_000 });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'warning: REDIS_URL is set, but the sandbox (no WECHATY_PUPPET, no TELEGRAM_BOT_TOKEN) keeps its queues in this process: `linli worker` and `linli queue` do not see them.',
    );
    const log = readFileSync(path.join(data, 'sandbox.log'), 'utf8');
    if (missing.length === 0) {
      expect(r.stderr).not.toMatch(/holiday arrangement/);
      return;
    }
    const year = missing[0]!;
    const warning = `no official holiday arrangement for ${year}`;
    expect(r.stderr).toContain(`warning: ${warning}`);
    expect(r.stderr).toContain(`deadlines after ${year - 1}-12-31 use the statutory holidays only (no 调休). Load it with \`holidays:\` in the config file.`);
    expect(log.split('\n').some((l) => l.includes('"level":40') && l.includes(warning))).toBe(true);

    // the operator loads the State Council's arrangement for those years: no warning
    writeFileSync(path.join(dir, 'holidays.yaml'), missing.map((y) => `- { year: ${y}, source: "国办发明电", off: ["${y}-01-01"] }`).join('\n'));
    writeFileSync(path.join(dir, 'linli.yaml'), 'holidays: holidays.yaml\n');
    const loaded = await runCli(['start'], { env: { LINLI_DATA_DIR: data, LINLI_CONFIG: path.join(dir, 'linli.yaml') }, input: '/quit\n', timeoutMs: 90_000 });
    expect(loaded.code).toBe(0);
    expect(loaded.stderr).not.toMatch(/holiday arrangement/);
  });
});
