import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

describe('linli demo', () => {
  it('replays the 污水井盖 case from report to a satisfied resident', { timeout: 120_000 }, async () => {
    const r = await runCli(['demo'], { timeoutMs: 90_000 });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const timeline = r.stdout.slice(r.stdout.indexOf('处理记录'));
    expect(timeline).toMatch(/工单 #1（设施维修）已关闭/);
    expect(timeline).toMatch(/12:16 {2}周玉珍 登记/);
    expect(timeline).toMatch(/12:17 {2}许桂兰 认领（已登记→处理中）/);
    expect(timeline).toMatch(/12:31 {2}许桂兰 办结（处理中→已办结）：井盖已更换/);
    expect(timeline).toMatch(/13:58 {2}周玉珍 关闭（已办结→已关闭）/);
  });
});
