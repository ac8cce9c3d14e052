// `linli insights report` through the real CLI on an embedded store seeded with the demo history and two hostile
// appeals: the Markdown and the printable HTML carry the overview, a section per chosen problem with its 一方案三清单,
// charts as inline SVG, evidence masked (a phone number never appears) and escaped (a <script> is text); bad input
// exits 2; PDF is printed by Chromium where it is installed.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import { addMonths, lastFullMonth } from '../../src/core/insights/insights-period.ts';
import { atChinaTime } from '../../src/core/sla/deadlines.ts';
import { runCli, tempDir } from '../support/cli.ts';

const MONTH = lastFullMonth(new Date());
const PHONE = '13812345678';
const SCRIPT = '<script>alert("x")</script>';
const CHROMIUM = '/usr/bin/chromium';

describe('linli insights report', () => {
  const dataDir = path.join(tempDir('linli-report-'), 'data');
  const env = { LINLI_DATA_DIR: dataDir };
  const out = tempDir('linli-report-out-');

  beforeAll(async () => {
    expect((await runCli(['grid', 'import', 'data/demo-grid.yaml'], { env })).code).toBe(0);
    const seeded = await runCli(['demo', 'seed-history'], { env });
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/^seeded \d+ demo tickets from \d{4}-\d\d to \d{4}-\d\d into the embedded store/);
    // two residents' appeals about the rubbish room of 21号楼 last month: one with a phone number, one with markup
    const store = await openStore({ kind: 'pglite', dataDir });
    try {
      const node = (await store.grid.findByCode('DY-G01-B21'))!;
      const people = await store.people.ensureManyByIdentity('WECHAT', [{ externalId: 'wx-hostile-1', name: '甲' }, { externalId: 'wx-hostile-2', name: '乙' }, { externalId: 'wx-hostile-3', name: '丙' }]);
      const texts = [`21号楼垃圾房门坏了关不上，臭味很大，电话${PHONE}`, `21号楼垃圾房门关不上 ${SCRIPT}`, '21号楼垃圾房的门坏了，味道很大'];
      await store.tickets.createMany(texts.map((summary, i) => {
        const at = atChinaTime(`${MONTH}-1${i}`, '10:00');
        return {
          ticket: { category: 'sanitation', summary, place: { text: '21号楼垃圾房' }, urgency: 'NORMAL' as const, groupId: null, gridNodeId: node.id, reporterId: people[i]!.id, createdAt: at },
          event: { type: 'reported' as const, actorId: null, messageId: null, fromStatus: null, toStatus: 'REPORTED' as const, note: null, data: null, at },
        };
      }));
    } finally {
      await store.close();
    }
  }, 180_000);

  it('prints the Markdown proposal: overview, sections, 一方案三清单, evidence masked and escaped', async () => {
    const r = await runCli(['insights', 'report', '--month', MONTH, '--top', '10'], { env });
    expect(r.code, r.stderr).toBe(0);
    const md = r.stdout;
    const [y, m] = MONTH.split('-').map(Number);
    expect(md).toContain(`# ${y}年${m}月 每月一题 建议`);
    expect(md).toMatch(/时段：\d{4}-\d\d-01 至 \d{4}-\d\d-\d\d/);
    expect(md).toContain('**方法**');
    expect(md).toContain('| 排名 | 问题 | 地点 | 件数 | 反映人数 | 热度 | 标记及依据 |');
    // the lift of 20号楼, nine appeals from eight residents last month, leads
    const first = md.split('\n').find((l) => l.startsWith('| 1 |'))!;
    expect(first).toContain('20号楼');
    expect(Number(first.split('|')[4])).toBeGreaterThanOrEqual(7);
    expect(md).toMatch(/^## 1\. .*20号楼/m);
    for (const h of ['### 诉求依据', '### 一方案三清单（草稿）', '#### 方案', '#### 任务清单', '#### 责任清单', '#### 政策清单']) expect(md).toContain(h);
    expect(md).toContain('| 序号 | 任务 | 责任人 | 完成时限 | 备注 |');
    expect(md).toContain('| 序号 | 责任 | 责任人 | 完成时限 | 备注 |');
    expect(md).toMatch(/\| 目标 \| .*（待填写） \|/);
    expect(md).not.toContain(PHONE);
    expect(md).toContain('138\\*\\*\\*\\*5678');
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
  });

  it('writes printable HTML with inline SVG charts, escaped text and no script', async () => {
    const file = path.join(out, 'report.html');
    const r = await runCli(['insights', 'report', '--month', MONTH, '--top', '10', '--out', file], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote .*report\.html: .*每月一题 建议/);
    const page = readFileSync(file, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain('@page { size: A4');
    expect(page).toContain('section.problem { page-break-before: always');
    expect(page).toMatch(/<svg[^>]*>/);
    expect(page.match(/<section class="problem">/g)!.length).toBeGreaterThanOrEqual(3);
    for (const h of ['任务清单', '责任清单', '政策清单', '<th>责任人</th><th>完成时限</th>']) expect(page).toContain(h);
    expect(page).not.toContain(PHONE);
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('reads one subtree with --node', async () => {
    const r = await runCli(['insights', 'report', '--month', MONTH, '--node', 'XY-G02'], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('范围：西园社区第二网格');
    expect(r.stdout).toContain('12号楼');
    expect(r.stdout).not.toContain('20号楼电梯');
  });

  it('refuses a bad month, an unknown node and an unknown format with exit 2', async () => {
    const month = await runCli(['insights', 'report', '--month', '2026-13'], { env });
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('error: --month must be a month as YYYY-MM (01 to 12), got "2026-13"');
    const node = await runCli(['insights', 'report', '--month', MONTH, '--node', 'NOPE'], { env });
    expect(node.code).toBe(2);
    expect(node.stderr).toContain('no grid node with code "NOPE"');
    const format = await runCli(['insights', 'report', '--month', MONTH, '--out', path.join(out, 'r.docx')], { env });
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--out must end in .md, .html, .pdf');
    // a file that cannot be written is said at once, in one line, before the month is read or Chromium started
    mkdirSync(path.join(out, 'a-folder.html'));
    const cases = [[path.join(out, 'missing', 'r.pdf'), 'no such folder'], [path.join(out, 'missing', 'r.md'), 'no such folder'], [path.join(out, 'a-folder.html'), 'it is a folder']];
    for (const [file, why] of cases) {
      const r = await runCli(['insights', 'report', '--month', MONTH, '--out', file!], { env });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim()).toBe(`error: cannot write ${file}: ${why}`);
    }
  });

  it('writes the Markdown to FILE.md, and an empty month says so', async () => {
    const file = path.join(out, 'empty.md');
    const r = await runCli(['insights', 'report', '--month', addMonths(MONTH, -30), '--out', file], { env });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('本月没有诉求。');
  });

  it.skipIf(!existsSync(CHROMIUM))('prints a PDF with Chromium', async () => {
    const file = path.join(out, 'report.pdf');
    const r = await runCli(['insights', 'report', '--month', MONTH, '--out', file], { env, timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // the overview and a page for each of the three problems
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(4);
  }, 150_000);
});
