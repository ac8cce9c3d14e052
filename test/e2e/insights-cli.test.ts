// `linli insights hot --data` as a user runs it: one JSON object with --json, the Chinese table without (no control
// characters reach the terminal), --month and --top, bad lines with their line numbers, exit 2 when none is usable.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.ts';
import { generateAppeals } from '../support/appeals.ts';

const dir = tempDir('linli-insights-');
const pad = (n: number) => String(n).padStart(2, '0');
const local = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

// five months of unrelated appeals; 青松园's 广场舞 once a month until a burst in 2024-06; 白鹭湾 only in 2024-05
const lines: object[] = generateAppeals(400, new Date(2024, 1, 1), new Date(2024, 6, 1), 5, 80).map((a) => ({ id: a.id, text: a.text, time: local(a.time), user: a.user, likes: a.likes }));
const DANCE = ['青松园广场舞音响太吵，晚上十点还在跳', '青松园小区广场舞音响扰民', '投诉青松园广场舞音响声音太大'];
for (const m of [2, 3, 4, 5]) lines.push({ id: `d${m}`, text: DANCE[m % 3], time: `2024-${pad(m)}-15 20:00:00`, user: `old${m}` });
for (let i = 0; i < 9; i++) lines.push({ id: `q${i}`, text: DANCE[i % 3] + (i === 0 ? '\u001b[31m红字\u001b[0m' : ''), time: `2024-06-${pad(3 + i)}T21:00:00+08:00`, user: `n${i}`, likes: i, category: '噪音' });
for (let i = 0; i < 4; i++) lines.push({ id: `e${i}`, text: '白鹭湾楼道电动车充电飞线，很危险', time: `2024-05-${pad(10 + i)} 09:00:00`, user: `e${i}` });
const good = path.join(dir, 'appeals.jsonl');
writeFileSync(good, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');

interface Out {
  period: { from: string; to: string };
  problems: { rank: number; title: string; keywords: string[]; places: string[]; count: number; reporters: number; heat: number; flags: string[]; flagReasons: { flag: string; figures: Record<string, unknown> }[]; first: string; last: string; evidence: { id: string; time: string; text: string }[] }[];
}

describe('linli insights hot', () => {
  it('prints the month\'s problems as one JSON object, hottest first, with flags and evidence', async () => {
    const r = await runCli(['insights', 'hot', '--data', good, '--month', '2024-06', '--top', '3', '--json'], { env: { TZ: 'Asia/Shanghai' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.period).toEqual({ from: '2024-05-31T16:00:00.000Z', to: '2024-06-30T16:00:00.000Z' });
    expect(out.problems).toHaveLength(3);
    expect(out.problems.map((p) => p.rank)).toEqual([1, 2, 3]);
    const [top] = out.problems;
    expect(top).toMatchObject({ count: 9, reporters: 9, places: ['青松园'], first: '2024-06-03T13:00:00.000Z', last: '2024-06-11T13:00:00.000Z' });
    expect(top!.title).toMatch(/^青松园\S+问题/);
    expect(top!.flags).toContain('rising');
    expect(top!.flagReasons.find((f) => f.flag === 'rising')!.figures).toMatchObject({ count: 9, windows: 4 });
    expect(top!.evidence.map((e) => e.id).sort()).toEqual(['q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8']);
    expect(top!.evidence.find((e) => e.id === 'q0')!.text).toBe('青松园广场舞音响太吵，晚上十点还在跳红字');
    expect(out.problems[1]!.heat).toBeLessThanOrEqual(top!.heat);
    // 白鹭湾 was May's: not in June
    expect(out.problems.some((p) => p.places.includes('白鹭湾'))).toBe(false);
  });

  it('prints a Chinese table without control characters, and --month picks the period', async () => {
    const r = await runCli(['insights', 'hot', '--data', good, '--month', '2024-05', '--top', '50'], { env: { TZ: 'Asia/Shanghai' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('每月一题候选问题：2024-05-01 至 2024-05-31');
    expect(r.stdout).toMatch(/白鹭湾\S*问题.*诉求 4 条 \/ 4 人/);
    expect(r.stdout).not.toContain('q0');
    const june = await runCli(['insights', 'hot', '--data', good, '--month', '2024-06', '--top', '1'], { env: { TZ: 'Asia/Shanghai' } });
    expect(june.stdout).toMatch(/ 1\. 青松园\S*问题.*诉求 9 条 \/ 9 人.*\[上升、持续\]/);
    expect(june.stdout).toContain('标记依据：上升（本期 9 条');
    expect(june.stdout).not.toMatch(/ 2\. /);
    expect(june.stdout).not.toContain('\u001b');
  });

  it('defaults to the last full month of the data', async () => {
    const r = await runCli(['insights', 'hot', '--data', good, '--json', '--top', '1'], { env: { TZ: 'Asia/Shanghai' } });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Out).period.from).toBe('2024-04-30T16:00:00.000Z');
  });

  it('reports bad lines with their numbers and goes on; exits 2 when no line is usable', async () => {
    const mixed = path.join(dir, 'mixed.jsonl');
    writeFileSync(mixed, [JSON.stringify({ id: 'ok', text: '青松园广场舞太吵', time: '2024-06-01 20:00:00' }), '{oops', '', JSON.stringify({ id: 'x', text: '缺时间' }), JSON.stringify({ id: 'y', text: '日期错', time: '2024-13-40 10:00:00' })].join('\n'));
    const r = await runCli(['insights', 'hot', '--data', mixed, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('mixed.jsonl:2: skipped: not JSON');
    expect(r.stderr).toContain('mixed.jsonl:4: skipped: no "time"');
    expect(r.stderr).toContain('mixed.jsonl:5: skipped: "time" is not a date');
    expect((JSON.parse(r.stdout) as Out).problems).toHaveLength(1);
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, '{oops\n[1,2]\n');
    const b = await runCli(['insights', 'hot', '--data', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('bad.jsonl:1: skipped: not JSON');
    expect(b.stderr).toContain('bad.jsonl:2: skipped: not a JSON object');
    expect(b.stderr).toContain('has no usable appeal');
    expect(b.stdout).toBe('');
  });

  it('says what it needs: --help, --data, a month, --from with --to', async () => {
    const h = await runCli(['insights', 'hot', '--help']);
    expect(h.code).toBe(0);
    for (const o of ['--data', '--month', '--from', '--to', '--top', '--json']) expect(h.stdout).toContain(o);
    // without --data it reads the store: a new one has no grid yet
    const none = await runCli(['insights', 'hot'], { env: { LINLI_DATA_DIR: path.join(dir, 'empty-store') } });
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe('error: the grid is empty: import a grid file first (linli grid import FILE)');
    for (const args of [['--month', '2024-13'], ['--from', '2024-01-01'], ['--month', '2024-06', '--from', '2024-01-01', '--to', '2024-02-01'], ['--top', '0']]) {
      const r = await runCli(['insights', 'hot', '--data', good, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
    }
    // years before 2000 (Date reads 0025 as 1925): refused, in English, on a file and on the store
    for (const m of ['0000-01', '0025-11']) {
      for (const mode of [['--data', good], []]) {
        const r = await runCli(['insights', 'hot', ...mode, '--month', m], { env: { LINLI_DATA_DIR: path.join(dir, 'empty-store') } });
        expect(r.code, m).toBe(2);
        expect(r.stderr).toContain('expected a month as YYYY-MM (01-12), from 2000-01');
      }
    }
    const missing = await runCli(['insights', 'hot', '--data', path.join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });
});
