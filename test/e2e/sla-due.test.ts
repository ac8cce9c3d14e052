// `linli sla due`: the deadlines a ticket reported at a given time would get, on the configured calendar and policy.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.ts';

function setup(config?: string, holidays?: string) {
  const dir = tempDir();
  const env: Record<string, string> = { LINLI_DATA_DIR: path.join(dir, 'data') };
  if (holidays !== undefined) writeFileSync(path.join(dir, 'holidays.yaml'), holidays);
  if (config !== undefined) {
    writeFileSync(path.join(dir, 'linli.yaml'), config);
    env.LINLI_CONFIG = path.join(dir, 'linli.yaml');
  }
  return env;
}

describe('linli sla due', { timeout: 60_000 }, () => {
  it('does not count 元旦 2027 as a working day, and says the year has no official arrangement', async () => {
    const r = await runCli(['sla', 'due', '--at', '2026-12-31T17:00+08:00'], { env: setup() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/accept by\s+2027-01-04 18:00/);
    expect(r.stdout).toMatch(/resolve by\s+2027-01-06 18:00/);
    expect(r.stderr).toMatch(/no official holiday arrangement for 2027 is loaded/);
  });

  it('prints JSON, with complex tickets, urgencies and China time without an offset', async () => {
    const env = setup();
    const complex = await runCli(['sla', 'due', '--at', '2027-02-04 10:00', '--complex', '--json'], { env });
    expect(complex.code).toBe(0);
    const out = JSON.parse(complex.stdout);
    expect(out).toMatchObject({
      reportedAt: '2027-02-04T10:00:00+08:00',
      urgency: 'NORMAL',
      complex: true,
      acceptDueAt: '2027-02-09T18:00:00+08:00', // 除夕 02-05 .. 初三 02-08 off
      resolveDueAt: '2027-02-15T18:00:00+08:00',
      yearsWithoutArrangement: [2027],
    });
    const emergency = JSON.parse((await runCli(['sla', 'due', '--at', '2026-12-31T23:50:00Z', '--urgency', 'emergency', '--json'], { env })).stdout);
    expect(emergency).toMatchObject({ urgency: 'EMERGENCY', acceptDueAt: '2027-01-01T08:20:00+08:00', resolveDueAt: '2027-01-01T09:50:00+08:00' });
    const urgent = await runCli(['sla', 'due', '--at', '2026-11-20T12:00+08:00', '--urgency', 'URGENT', '--json'], { env });
    expect(urgent.code).toBe(0);
    expect(JSON.parse(urgent.stdout).urgency).toBe('URGENT');
  });

  it("uses the configured policy and the operator's holidays file", async () => {
    const env = setup(
      'holidays: holidays.yaml\nsla:\n  officeEnd: "17:30"\n',
      'year: 2027\nsource: "国办发明电〔2026〕X号"\noff: ["2027-01-01"]\nwork: ["2027-01-02"]\n',
    );
    const r = await runCli(['sla', 'due', '--at', '2026-12-31T17:00+08:00', '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ acceptDueAt: '2027-01-02T17:30:00+08:00', yearsWithoutArrangement: [] });
    expect(r.stderr).not.toMatch(/no official holiday arrangement/);
  });

  it('refuses a bad --at, a bad urgency and a bad holidays file with exit 2', async () => {
    const env = setup();
    for (const at of ['yesterday', '2026-13-01T10:00', '2026-12-31T25:00+08:00']) {
      const r = await runCli(['sla', 'due', '--at', at], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--at: not a time: ${at}`);
    }
    const u = await runCli(['sla', 'due', '--at', '2026-12-31T17:00+08:00', '--urgency', 'soon'], { env });
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/--urgency.*NORMAL, URGENT, EMERGENCY/);
    const bad = setup('holidays: holidays.yaml\n', 'year: 2027\nsource: x\noff:\n  - "2027-02-30"\n');
    const b = await runCli(['sla', 'due', '--at', '2026-12-31T17:00+08:00'], { env: bad });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/holidays\.yaml:4: .*2027-02-30/);
    const missing = await runCli(['sla', 'due', '--at', '2026-12-31T17:00+08:00'], { env: setup('holidays: nope.yaml\n') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml: not found/);
  });

  it('reads --category by code or Chinese name, and says when no override applies instead of taking any word silently', async () => {
    const env = setup('sla:\n  byCategory:\n    fire_safety: { acceptWorkdays: 0, resolveWorkdays: 1 }\n');
    const at = '2027-01-04T09:00+08:00';
    const byName = await runCli(['sla', 'due', '--at', at, '--category', '消防安全', '--json'], { env });
    expect(byName.code, byName.stderr).toBe(0);
    expect(JSON.parse(byName.stdout)).toMatchObject({ resolveDueAt: '2027-01-05T18:00:00+08:00' });
    const typo = await runCli(['sla', 'due', '--at', at, '--category', 'fire_safty'], { env });
    expect(typo.code).toBe(0);
    expect(typo.stdout).toMatch(/resolve by\s+2027-01-07 18:00/);
    expect(typo.stderr).toContain(
      'note: "fire_safty" is no category of the shipped model (facility_repair 设施维修, sanitation 环境卫生, property_service 物业服务, noise 噪音扰民, parking_traffic 停车交通, fire_safety 消防安全, utilities 水电气暖, neighbour_dispute 邻里纠纷, public_security 社会治安, greening 园林绿化, policy_inquiry 政策咨询, other 其他) and has no sla.byCategory entry: the general policy applies',
    );
    const plain = await runCli(['sla', 'due', '--at', at, '--category', 'noise'], { env });
    expect(plain.stderr).toContain('note: no sla.byCategory entry for noise (噪音扰民): the general policy applies');
  });
});
