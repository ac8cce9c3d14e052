// The `linli` command as a user runs it: help, exit codes, grid import/export on a real embedded store.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { detectUrgency } from '../../src/core/triage/urgency.ts';
import { ROOT, runCli, tempDir } from '../support/cli.ts';

const GOOD = `nodes:
  - { code: "S1", name: "拱辰街道", level: STREET }
  - { code: "C1", name: "东园社区", level: COMMUNITY, parent: "S1" }
  - { code: "G1", name: "第一网格", level: GRID, parent: "C1" }
groups:
  - { platform: WECHAT, id: "room-1", title: "1号楼睦邻群", node: "G1" }
people:
  - { key: "lin", name: "林网格员", wechat: "wx-lin", roles: [{ role: GRID_WORKER, node: "G1" }] }
`;

const BAD = `nodes:
  - { code: "S1", name: "拱辰街道", level: STREET }
  - { code: "G2", name: "第二网格", level: GRID, parent: "S1" }
  - { code: "G3", name: "第三网格", level: GRID, parent: "C9" }
  - { code: "S1", name: "重复", level: STREET }
groups:
  - { platform: WECHAT, id: "room-2", title: "2号楼", node: "NOPE" }
`;

/** What is in a data folder (an embedded store makes `pglite/` there): none for a command refused before the store opens. */
const storeFiles = (dataDir: string): string[] => (existsSync(dataDir) ? readdirSync(dataDir, { recursive: true }).map(String) : []);

describe('linli command', () => {
  it('lists its commands', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['start', 'demo', 'grid', 'groups', 'tickets', 'triage', 'bench']) expect(r.stdout).toContain(c);
  });

  it('exits 2 on an unknown command', async () => {
    const r = await runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });

  it('imports a grid, refuses a bad file with every error on its line, and changes nothing', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const env = { LINLI_DATA_DIR: path.join(dir, 'data') };
    writeFileSync(path.join(dir, 'good.yaml'), GOOD);
    writeFileSync(path.join(dir, 'bad.yaml'), BAD);

    const ok = await runCli(['grid', 'import', path.join(dir, 'good.yaml')], { env });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('imported 3 nodes, 1 groups, 1 people');
    const before = await runCli(['grid', 'export'], { env });

    const bad = await runCli(['grid', 'import', path.join(dir, 'bad.yaml')], { env });
    expect(bad.code).toBe(2);
    const lines = bad.stderr.split('\n');
    expect(lines.some((l) => /bad\.yaml:3: .*G2.*/.test(l))).toBe(true); // a GRID under a STREET
    expect(lines.some((l) => /bad\.yaml:4: .*C9/.test(l))).toBe(true); // unknown parent
    expect(lines.some((l) => /bad\.yaml:5: .*duplicate code S1.*line 2/.test(l))).toBe(true);
    expect(lines.some((l) => /bad\.yaml:7: .*NOPE/.test(l))).toBe(true);
    expect(bad.stderr).toContain('nothing was imported');

    const after = await runCli(['grid', 'export'], { env });
    expect(after.stdout).toBe(before.stdout);
    expect(after.stdout).toContain('code: "G1"');
    expect(after.stdout).not.toContain('G2');
  });

  it('refuses a file that would make a cycle through stored nodes, dry run and real run alike: exit 2, its line, nothing changed', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const env = { LINLI_DATA_DIR: path.join(dir, 'data') };
    const demo = await runCli(['grid', 'import', path.join(ROOT, 'data/demo-grid.yaml')], { env });
    expect(demo.code).toBe(0);
    const before = await runCli(['grid', 'export'], { env });
    const file = path.join(dir, 'cycle.yaml');
    writeFileSync(file, 'nodes:\n  - { code: "350304001001", name: "东园社区", level: 单元, parent: "DY-G01" }\n');

    for (const args of [['--dry-run'], []]) {
      const r = await runCli(['grid', 'import', file, ...args], { env });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${file}:2: node 350304001001 is in a parent cycle: 350304001001 → DY-G01 → 350304001001`);
      expect(r.stderr).toContain('nothing was imported');
      expect(r.stderr).not.toMatch(/^\s+at /m); // no stack trace
      expect(r.stdout).not.toContain('valid');
    }
    expect((await runCli(['grid', 'export'], { env })).stdout).toBe(before.stdout);
  });

  it('says in one line that a grid file cannot be read, before a store is opened (none is created)', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const r = await runCli(['grid', 'import', path.join(dir, 'missing.yaml')], { env: { LINLI_DATA_DIR: data } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`error: cannot read ${path.join(dir, 'missing.yaml')}: no such file`]);
    expect(storeFiles(data)).toEqual([]);
  });

  it('refuses a grid file with a syntax error before a store is opened: its line, exit 2, no store created', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const data = path.join(dir, 'data');
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(file, 'nodes:\n  - { code: "S1", name: "拱辰街道", level: STREET\n');
    const r = await runCli(['grid', 'import', file, '--dry-run'], { env: { LINLI_DATA_DIR: data } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: YAML syntax`));
    expect(r.stderr).toContain('nothing was imported');
    expect(storeFiles(data)).toEqual([]);
  });

  it('refuses a bad --limit of tickets list in one line (exit 2), not with a database stack', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const env = { LINLI_DATA_DIR: path.join(dir, 'data') };
    for (const limit of ['abc', '-5', '0']) {
      const r = await runCli(['tickets', 'list', '--limit', limit], { env });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual(['error: --limit must be a whole number from 1 to 10000']);
    }
    // said before the store opens: none was created
    expect(storeFiles(env.LINLI_DATA_DIR)).toEqual([]);
    for (const args of [['tickets', 'list', '--status', 'nope'], ['tickets', 'show', 'abc'], ['patrol', 'findings', '--limit', 'x'], ['topics', 'list', '--limit', 'x']]) {
      const r = await runCli(args, { env });
      expect({ args, code: r.code, lines: r.stderr.trim().split('\n').length }).toEqual({ args, code: 2, lines: 1 });
    }
    expect(storeFiles(env.LINLI_DATA_DIR)).toEqual([]);
  });

  it('says on stderr that an empty store has nothing to list (stdout stays empty; --json prints [] alone)', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const env = { LINLI_DATA_DIR: path.join(dir, 'data') };
    const cases: [string[], string][] = [
      [['tickets', 'list'], 'no tickets match'],
      [['service', 'list'], 'no service requests match'],
      [['topics', 'list'], 'no topics match'],
      [['patrol', 'findings'], 'no findings match'],
    ];
    for (const [args, note] of cases) {
      const r = await runCli(args, { env });
      expect({ args, code: r.code, stdout: r.stdout, stderr: r.stderr.trim() }).toEqual({ args, code: 0, stdout: '', stderr: note });
    }
    for (const args of [['service', 'list', '--json'], ['patrol', 'findings', '--json']]) {
      const r = await runCli(args, { env });
      expect({ args, code: r.code, stdout: r.stdout.trim(), stderr: r.stderr }).toEqual({ args, code: 0, stdout: '[]', stderr: '' });
    }
    // a status by its Chinese name, as the console and the bot say it; a wrong one lists those accepted
    const zh = await runCli(['tickets', 'list', '--status', '已登记'], { env });
    expect({ code: zh.code, stderr: zh.stderr.trim() }).toEqual({ code: 0, stderr: 'no tickets match' });
    const bad = await runCli(['tickets', 'list', '--status', '待处理'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe(
      'error: unknown status 待处理; use one of REPORTED (已登记), ACCEPTED (处理中), RESOLVED (已办结), CLOSED (已关闭), REOPENED (已重新打开), TRANSFERRED (已转派), ESCALATED (已上报), REJECTED (已驳回)',
    );
  });

  it('says in one line that --out cannot be written (a folder that does not exist): exit 2, no stack', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const env = { LINLI_DATA_DIR: path.join(dir, 'data') };
    const out = path.join(dir, 'no-such-folder', 'grid.yaml');
    const r = await runCli(['grid', 'export', '--out', out], { env });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`error: cannot write ${out}: no such folder`]);
    expect(storeFiles(env.LINLI_DATA_DIR)).toEqual([]); // said before the store opens
  });

  it('triage classify refuses a text that says nothing (empty, spaces, punctuation, a zero-width space): exit 2, no JSON', { timeout: 60_000 }, async () => {
    const env = { LINLI_DATA_DIR: path.join(tempDir(), 'data') };
    for (const text of ['', '   ', '。。', '\u200b']) {
      const r = await runCli(['triage', 'classify', text], { env });
      expect(r.code, JSON.stringify(text)).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toBe('error: the text to classify says nothing (empty, or only spaces, punctuation or emoji)');
    }
  });

  it('triage classify shows the urgency the ticket gets, hazard model included (dangers the rules miss)', { timeout: 120_000 }, async () => {
    const env = { LINLI_DATA_DIR: path.join(tempDir(), 'data') };
    // the triage the bot builds (shipped triage model + rules + shipped hazard model), in process
    const bot = await createTriage({}, createMemoryLogger().logger);
    const cases = [
      ['2号楼一楼那个镜盖不见了 黑乎乎一个洞', 'urgent'],
      ['2栋楼到里一股很重的然器味 熏得头晕', 'emergency'],
      ['今天天气不错 大家出去走走', 'normal'],
    ] as const;
    for (const [text, urgency] of cases) {
      expect(detectUrgency(text).urgency).toBe('normal'); // the rules alone see nothing in any of them
      const r = await runCli(['triage', 'classify', text], { env });
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out, text).toMatchObject({ urgency, mode: 'local' });
      expect(out.urgency).toBe((await bot.classify(text)).urgency);
    }
  });
});
