// 队列 (ADMIN): the pipeline's queues with their counts, each queue's failed jobs with the reason, and retrying one —
// the console's own page over /api/queues rather than Bull Board (which needs its own scripts and a session of its own).
import { ApiError, getJson, postJson } from './api.js';
import { chinaTime, h, status } from './ui.js';

const QUEUE_ZH = { ingest: '消息处理', notify: '通知发送', sla: '时限提醒', broadcast: '批量发布' };
const COUNTS = [['waiting', '等待'], ['active', '进行中'], ['delayed', '延迟'], ['completed', '已完成'], ['failed', '失败']];

export function renderQueues(main) {
  let alive = true;
  const load = async () => {
    try {
      const r = await getJson('/api/queues');
      const names = Object.keys(r.queues);
      const failed = Object.fromEntries(await Promise.all(names.filter((n) => r.queues[n].failed > 0).map(async (n) => [n, await getJson(`/api/queues/${n}/failed?limit=50`)])));
      if (!alive) return;
      const retry = (name, id) => async () => {
        try {
          await postJson(`/api/queues/${name}/retry/${encodeURIComponent(id)}`);
          status(`已重试任务 ${id}`, 'ok');
          load();
        } catch (e) {
          status(`未能重试：${e.message}`, 'error');
        }
      };
      main.replaceChildren(...[
        h('div', { class: 'page-head' }, h('h1', {}, '队列'), h('span', { class: 'muted' }, r.kind === 'bullmq' ? 'Redis (BullMQ)' : '内存队列')),
        h('table', { class: 'tickets rows', id: 'queue-list' },
          h('thead', {}, h('tr', {}, h('th', {}, '队列'), COUNTS.map(([, t]) => h('th', {}, t)))),
          h('tbody', {}, names.map((n) => h('tr', { dataset: { queue: n } },
            h('td', { 'data-label': '队列' }, `${QUEUE_ZH[n] ?? n}（${n}）`),
            COUNTS.map(([k, t]) => h('td', { 'data-label': t, class: k === 'failed' && r.queues[n][k] ? 'error' : '' }, String(r.queues[n][k] ?? 0))))))),
        ...Object.entries(failed).map(([n, jobs]) => h('section', { class: 'card', id: `failed-${n}` },
          h('h2', {}, `${QUEUE_ZH[n] ?? n}：失败的任务`),
          h('ul', { class: 'plain' }, jobs.map((j) => h('li', { class: 'failed-job', dataset: { id: j.id } },
            h('div', {}, h('strong', {}, j.id), ' ', h('span', { class: 'muted small' }, `${j.name} · 已尝试 ${j.attemptsMade} 次 · ${chinaTime(j.failedAt)}`)),
            h('div', { class: 'error small' }, j.failedReason ?? ''),
            h('button', { onclick: retry(n, j.id) }, '重试')))))),
        Object.keys(failed).length ? null : h('p', { class: 'empty-state' }, '没有失败的任务'),
      ].filter(Boolean));
    } catch (e) {
      if (alive) main.replaceChildren(h('p', { class: 'error' }, e instanceof ApiError && e.status === 403 ? '队列仅管理员可见。' : `读取失败：${e.message}`));
    }
  };
  main.replaceChildren(h('div', { class: 'page-head' }, h('h1', {}, '队列')), h('p', { class: 'muted' }, '加载中…'));
  load();
  return () => void (alive = false);
}
