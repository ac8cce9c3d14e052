// The console's 群组, 网格, 巡查 and 队列 pages in real Chromium on a 360 px phone, over a real bot on Wechaty's mock
// puppet (test/support/console-fixture.ts): a grid worker sees their groups and their part of the grid, opens the
// fire the patrol found in a group, reads the messages, acknowledges and closes it; the queues are not theirs. The
// ADMIN sees the queues and retries a failed job, dry-runs a grid file with an error (the line is shown, nothing
// changes) and maps a pending group. Screenshots go to test-artifacts/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnrecoverableJobError } from '../../src/core/ports/job-queue.port.ts';
import { launchBrowser, screenshot, watchPage } from '../support/browser.ts';
import { waitUntil } from '../support/broadcast-fixtures.ts';
import { ROOM_20, startConsole, WX, type ConsoleFixture } from '../support/console-fixture.ts';

const FIRE = '着火了！20号楼2单元楼道冒烟了，快来人';

describe('console admin pages in Chromium', () => {
  let f: ConsoleFixture;
  let browser: Browser;
  let fixed = false;
  let handled = 0;

  beforeAll(async () => {
    [f, browser] = await Promise.all([startConsole(), launchBrowser()]);
    // the patrol sees the fire in the group
    await f.w.say(ROOM_20, WX.zhang, FIRE);
    await waitUntil(async () => (await f.w.linli.store.patrol.list({ openOnly: true })).some((x) => x.rule === 'hazard'), 30_000, 'the hazard finding');
    // a job that fails until the model is back
    await f.queues.queue<{ n: number }>('ingest').process(async () => {
      if (!fixed) throw new UnrecoverableJobError('triage model missing');
      handled++;
    });
    await f.queues.queue('ingest').add('handle', { n: 1 }, { jobId: 'WECHAT:m-1' });
    await waitUntil(async () => (await f.queues.queue('ingest').counts()).failed === 1, 10_000, 'the job failed');
  });
  afterAll(async () => {
    await browser?.close();
    await f?.close();
  });

  const phone = async (who: 'gw1' | 'gridHead' | 'admin' | 'unitHead') => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    await f.openAs(page, who);
    return { ctx, page, watch };
  };
  /** No wider than the phone (nothing scrolls sideways), and no stray "null"/"undefined" printed. */
  const narrow = async (page: Page) => {
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await page.locator('#main').textContent()).not.toMatch(/null|undefined/);
  };

  it('a building head (also a volunteer): no overview but where she can work; reads the finding in her building, is offered no 确认/关闭 but told who settles it', async () => {
    const { ctx, page, watch } = await phone('unitHead');
    // her roles in Chinese, every one of them
    expect(await page.locator('#who-name').textContent()).toBe('许桂兰（楼栋长、志愿者）');
    // the overview is not hers: no red 读取失败 over empty panels, no 重连中, but where she can work
    expect(await page.locator('#overview-not-theirs').textContent()).toContain('总览供网格员及以上工作人员查看');
    expect(await page.locator('#overview-error, #live-state').count()).toBe(0);
    await screenshot(page, 'console-overview-unit-head');
    await page.goto(`${f.url}/#/patrol`);
    const card = page.locator('#finding-list li.finding', { hasText: '20号楼2单元楼道冒烟' });
    await card.waitFor();
    expect(await card.locator('button').allTextContents()).toEqual(['查看消息']);
    expect(await page.locator('#patrol-note').textContent()).toBe('您可以查看巡查发现；确认和关闭由网格员及以上人员办理。');
    await narrow(page);
    await screenshot(page, 'console-patrol-unit-head');
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });

  it('a grid worker: their groups, their grid with its people, a finding acknowledged then closed; no queues', async () => {
    const { ctx, page, watch } = await phone('gw1');

    await page.goto(`${f.url}/#/groups`);
    const groups = page.locator('#group-list');
    await groups.waitFor();
    expect(await groups.locator('tbody tr').count()).toBe(2);
    const text = await groups.textContent();
    expect(text).toContain('东园小区20号楼睦邻群');
    expect(text).toContain('东园小区21号楼睦邻群');
    expect(text).not.toContain('5号楼');
    expect(text).toContain('在群');
    // the group where the fire was reported has a last message; a street-level list is not theirs
    expect(await groups.locator('tbody tr', { hasText: '20号楼' }).textContent()).not.toContain('暂无');
    expect(await page.locator('#pending-groups').count()).toBe(0);
    await narrow(page);
    await screenshot(page, 'console-groups-phone');

    await page.goto(`${f.url}/#/grid`);
    const tree = page.locator('#grid-tree');
    await tree.waitFor();
    expect(await tree.locator('li[data-code="DY-G01"] > .people').textContent()).toContain('林秀珍（网格员）');
    // with where they live (the grid file's homes); her 志愿者 role is the community's, outside this worker's grid
    expect(await tree.locator('li[data-code="DY-G01-B20"] > .people').textContent()).toContain('许桂兰（楼栋长） 住 东园小区20号楼 101');
    expect(await tree.textContent()).not.toContain('志愿者');
    expect(await tree.textContent()).not.toContain('陈志强');
    expect(await page.locator('#grid-import').count()).toBe(0);
    expect(await page.locator('#grid-file-note').textContent()).toBe('网格的导入和导出由系统管理员操作；如需调整网格，请联系系统管理员。');
    expect(await page.locator('#nav a[data-page=queues]').getAttribute('hidden')).not.toBeNull();
    await narrow(page);
    await screenshot(page, 'console-grid-phone');

    await page.goto(`${f.url}/#/patrol`);
    const card = page.locator('#finding-list li.finding', { hasText: '安全隐患' });
    await card.waitFor();
    const id = Number((await card.getAttribute('id'))!.replace('finding-', ''));
    expect(await card.getAttribute('data-status')).toBe('OPEN');
    await card.getByRole('button', { name: '查看消息' }).click();
    const flagged = card.locator('.finding-messages li.flagged');
    await flagged.waitFor();
    expect(await flagged.textContent()).toContain(FIRE);
    // the ticket the fire became, one tap away
    await card.getByRole('link', { name: /查看工单 #\d+/ }).waitFor();
    await narrow(page);
    await screenshot(page, 'console-patrol-phone');

    await card.getByRole('button', { name: '确认' }).click();
    await page.locator(`#finding-${id}[data-status=ACKNOWLEDGED]`).waitFor();
    expect((await f.w.linli.store.patrol.findById(id))!.status).toBe('ACKNOWLEDGED');
    await page.locator(`#finding-${id}`).getByRole('button', { name: '关闭' }).click();
    await page.locator(`#finding-${id}`).waitFor({ state: 'detached' });
    expect((await f.w.linli.store.patrol.findById(id))!.status).toBe('CLOSED');
    await page.locator('#patrol-filters input[name=closed]').check();
    await page.locator(`#finding-${id}[data-status=CLOSED]`).waitFor();
    // the filters live in the address: a reload keeps them (and a link to the page with them opens it so)
    await page.locator('#patrol-filters select[name=severity]').selectOption('CRITICAL');
    await page.waitForFunction("location.hash === '#/patrol?severity=CRITICAL&closed=1'");
    await page.reload();
    await page.locator(`#finding-${id}[data-status=CLOSED]`).waitFor();
    expect(await page.locator('#patrol-filters input[name=closed]').isChecked()).toBe(true);
    expect(await page.locator('#patrol-filters select[name=severity]').inputValue()).toBe('CRITICAL');

    // the queues are the ADMIN's: not in the menu, and the page says so
    await page.goto(`${f.url}/#/queues`);
    await page.getByText('队列仅管理员可见。').waitFor();

    // nothing left open: the overview's patrol donut is an empty gray ring, not four equal coloured quarters
    await page.goto(`${f.url}/#/overview`);
    await page.locator('#chart-patrol canvas').first().waitFor();
    await page.waitForFunction("window.echarts?.getInstanceByDom(document.getElementById('chart-patrol'))?.getOption()?.title?.[0]?.text === '0'");
    const donut = await page.evaluate<{ sweeps: number[]; pixel: { red: number; green: number; blue: number; alpha: number }; legend: string[] }>(`(() => {
      const el = document.getElementById('chart-patrol');
      const chart = window.echarts.getInstanceByDom(el);
      // how much of the ring each severity takes, in radians
      const sev = chart.getModel().getSeriesByIndex(0).getData();
      const sweeps = sev.mapArray((i) => { const l = sev.getItemLayout(i); return Math.round(Math.abs(l.endAngle - l.startAngle) * 100) / 100; });
      // the ring's colour straight above the centre (the ring runs from 58% to 80% of the radius)
      const canvas = el.querySelector('canvas');
      const cx = canvas.width / 2, cy = canvas.height * 0.45, r = (Math.min(canvas.width, canvas.height) / 2) * 0.69;
      const [red, green, blue, alpha] = canvas.getContext('2d').getImageData(Math.round(cx), Math.round(cy - r), 1, 1).data;
      return { sweeps, pixel: { red, green, blue, alpha }, legend: chart.getOption().legend[0].data };
    })()`);
    expect(donut.sweeps).toEqual([0, 0, 0, 0]);
    expect(donut.legend).toEqual(['严重', '高', '中', '低']);
    // a gray ring is drawn there: opaque, and no colour dominates
    expect(donut.pixel.alpha).toBe(255);
    expect(Math.max(donut.pixel.red, donut.pixel.green, donut.pixel.blue) - Math.min(donut.pixel.red, donut.pixel.green, donut.pixel.blue)).toBeLessThan(16);
    await screenshot(page, 'console-overview-phone-no-findings');
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });

  it('a grid head: the menu offers only what their roles allow, and no page asks for what the server refuses (no 403)', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await ctx.newPage();
    const watch = watchPage(page, f.url);
    const refused: string[] = [];
    page.on('response', (r) => { if (r.status() === 403) refused.push(`${r.request().method()} ${new URL(r.url()).pathname}`); });
    await f.openAs(page, 'gridHead');
    const shown = () => page.locator('#nav a:not([hidden])').evaluateAll((as) => as.map((a) => a.getAttribute('data-page')));
    expect(await shown()).toEqual(['overview', 'tickets', 'insights', 'deliberation', 'service', 'groups', 'grid', 'patrol']);
    for (const p of ['groups', 'grid', 'patrol', 'tickets', 'deliberation', 'insights', 'service', 'overview']) {
      await page.goto(`${f.url}/#/${p}`);
      await page.locator(`#nav a.active[data-page=${p}]`).waitFor({ state: 'attached' });
      await page.waitForLoadState('networkidle');
    }
    await screenshot(page, 'console-grid-head-desk', false);
    expect(refused).toEqual([]);
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });

  it('群组 filter: a code typed in lower case (as a phone keyboard types it) finds its groups, and a reload keeps the filter', async () => {
    const { ctx, page, watch } = await phone('admin');
    await page.goto(`${f.url}/#/groups`);
    await page.locator('#group-list tbody tr').first().waitFor();
    const search = page.getByPlaceholder('按群名、网格或标签筛选');
    await search.fill('dy-g01');
    await page.locator('#group-list tbody tr').first().waitFor();
    expect(await page.locator('#group-list tbody tr').count()).toBe(2);
    expect(page.url()).toMatch(/#\/groups\?q=dy-g01$/);
    await page.reload();
    await page.locator('#group-list tbody tr').first().waitFor();
    expect(await search.inputValue()).toBe('dy-g01');
    expect(await page.locator('#group-list tbody tr').count()).toBe(2);
    await search.fill('<b>😀');
    expect(await page.locator('#group-list').textContent()).toBe('没有符合条件的群');
    await search.fill('');
    expect(page.url()).toMatch(/#\/groups$/);
    expect(await page.locator('#group-list tbody tr').count()).toBe(9);
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });

  it('群组 with dozens of groups: each shows its open, unclaimed and overdue tickets linked to them, and 只看待处理 keeps the groups that need someone', async () => {
    const { ctx, page, watch } = await phone('admin');
    await page.goto(`${f.url}/#/groups`);
    await page.locator('#group-list tbody tr').first().waitFor();
    const total = await page.locator('#group-list tbody tr').count();
    // the fire reported in 20号楼's group is an open ticket nobody has claimed
    const row20 = page.locator('#group-list tbody tr', { hasText: '东园小区20号楼睦邻群' });
    expect(await row20.locator('td[data-label="工单"]').textContent()).toMatch(/在办 \d+.*待认领 \d+/);
    const quiet = page.locator('#group-list tbody tr', { hasText: '西园新村15号楼业主群' });
    expect(await quiet.locator('td[data-label="工单"]').textContent()).toBe('无在办');
    await page.getByLabel('只看待处理的群').check();
    expect(page.url()).toMatch(/#\/groups\?need=1$/);
    const needing = await page.locator('#group-list tbody tr').count();
    expect(needing).toBeGreaterThanOrEqual(1);
    expect(needing).toBeLessThan(total);
    expect(await page.locator('#group-list tbody tr td[data-label="工单"]').allTextContents()).not.toContain('无在办');
    // a card is short enough that a phone screen shows several (the name, the tickets, the node; the rest on one line)
    const heights = await page.locator('#group-list tbody tr').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThanOrEqual(140); // was 230
    await screenshot(page, 'console-phone-groups-need');
    await page.reload();
    await page.locator('#group-list tbody tr').first().waitFor();
    expect(await page.locator('#group-list tbody tr').count()).toBe(needing);
    // the count opens the group's tickets: as many as it says
    const open = Number(/在办 (\d+)/.exec((await row20.locator('td[data-label="工单"] a').first().textContent())!)![1]);
    await row20.locator('td[data-label="工单"] a').first().click();
    await page.waitForURL((u) => u.hash.startsWith('#/tickets?'));
    expect(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('group')).toMatch(/^\d+$/);
    await page.locator('#ticket-total', { hasText: `共 ${open} 条` }).waitFor();
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });

  it('the ADMIN: queues with a failed job retried, a grid dry run with an error changes nothing, a pending group mapped', async () => {
    const { ctx, page, watch } = await phone('admin');

    await page.locator('#menu').click();
    const queuesLink = page.locator('#nav a[data-page=queues]');
    await queuesLink.waitFor({ state: 'visible' });
    await queuesLink.click();
    const ingest = page.locator('#queue-list tr[data-queue=ingest]');
    await ingest.waitFor();
    expect(await ingest.locator('td[data-label=失败]').textContent()).toBe('1');
    const job = page.locator('#failed-ingest li.failed-job[data-id="WECHAT:m-1"]');
    expect(await job.textContent()).toContain('triage model missing');
    await narrow(page);
    await screenshot(page, 'console-queues-phone');
    fixed = true;
    await job.getByRole('button', { name: '重试' }).click();
    await waitUntil(() => handled === 1, 10_000, 'the retried job ran');
    await page.getByText('已重试任务 WECHAT:m-1').waitFor();

    await page.goto(`${f.url}/#/grid`);
    await page.locator('#grid-import').waitFor();
    // the community's volunteers with their skills and homes
    const community = await page.locator('#grid-tree li[data-code="350304001001"] > .people').textContent();
    expect(community).toContain('陈爱萍（志愿者：陪诊、代办） 住 东园小区20号楼 602');
    expect(community).toContain('林建华（志愿者：小修、送餐） 住 东园小区21号楼 802');
    expect(community).toContain('许桂兰（志愿者：代办、小修） 住 东园小区20号楼 101');
    expect(community).toContain('刘淑芬（社区工作人员）');
    const before = await f.w.linli.store.grid.exportSpec();
    const wrong = [
      'nodes:',
      '  - { code: "DY-G03", name: "东园社区第三网格", level: 网格, parent: "350304001001" }',
      '  - { code: "DY-G04", name: "东园社区第四网格", level: 网格, parent: "NO-SUCH" }',
    ].join('\n');
    await page.locator('#grid-import textarea[name=text]').fill(wrong);
    await page.locator('#grid-dry-run').click();
    const errors = page.locator('#grid-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/第 3 行：.*NO-SUCH/);
    expect(await f.w.linli.store.grid.exportSpec()).toEqual(before);
    await narrow(page);
    await screenshot(page, 'console-grid-import-error');

    await page.locator('#grid-import textarea[name=text]').fill(wrong.replace('NO-SUCH', '350304001001'));
    await page.locator('#grid-dry-run').click();
    const changes = page.locator('#grid-changes');
    await changes.waitFor();
    expect(await changes.textContent()).toContain('新增节点 DY-G03 东园社区第三网格');
    expect(await page.locator('#grid-import-result').textContent()).toContain('本次未作任何修改');
    expect(await f.w.linli.store.grid.findByCode('DY-G03')).toBeNull();
    await screenshot(page, 'console-grid-import-preview');

    // a group the bot is in but no node has: mapped from the pending list
    const seen = await f.w.linli.store.groups.upsertSeen('WECHAT', 'xy-9hao@chatroom', '西园新村9号楼新群');
    await page.goto(`${f.url}/#/groups`);
    const pending = page.locator(`#pending-groups li[data-id="${seen.id}"]`);
    await pending.waitFor();
    await pending.locator('select[name=node]').selectOption('XY-G02');
    // pressed twice in a hurry: mapped once, and said so (no 409 for the second press, no red 未能映射 after it)
    await pending.getByRole('button', { name: '映射' }).dblclick();
    await page.locator('#pending-groups', { hasText: '没有待映射的群' }).waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator('#status').textContent()).toMatch(/^已将「西园新村9号楼新群」映射到 /);
    expect((await f.w.linli.store.groups.findById(seen.id))!.gridNodeId).toBe((await f.w.linli.store.grid.findByCode('XY-G02'))!.id);
    expect(await page.locator('#group-list tbody tr').count()).toBeGreaterThanOrEqual(8);
    await narrow(page);
    await screenshot(page, 'console-groups-admin');
    // the refused file's 422, which the page shows as the line-numbered errors
    expect(watch.problems).toEqual(['console: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)']);
    await ctx.close();
  });

  // last: it takes the grid's only ADMIN away
  it('a grid without an ADMIN: the 网格 page says the file is imported on the server and how to make someone ADMIN', async () => {
    const store = f.w.linli.store;
    const spec = await store.grid.exportSpec();
    await store.grid.importSpec({ ...spec, people: spec.people.map((p) => (p.key === 'admin-zhouhong' ? { ...p, roles: [] } : p)) });
    const { ctx, page, watch } = await phone('gw1');
    await page.goto(`${f.url}/#/grid`);
    const note = page.locator('#grid-file-note');
    await note.waitFor();
    expect(await note.textContent()).toBe(
      '本系统还没有系统管理员，网格暂时只能在服务器上导入：linli grid import 网格文件。' +
        '设置系统管理员：在网格文件的 people 中为一人加上 roles: [{ role: ADMIN, node: "350304" }]（根节点编码），导入后此人即可在本页导入和导出。',
    );
    await narrow(page);
    await note.scrollIntoViewIfNeeded();
    await screenshot(page, 'console-grid-no-admin');
    expect(watch.problems).toEqual([]);
    await ctx.close();
  });
});
