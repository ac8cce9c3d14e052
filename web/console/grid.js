// 网格: the caller's part of the grid as a tree with the people and their roles; for ADMIN, importing a grid file
// (试导入 shows what would change, or each error with its line, and changes nothing) and exporting the whole grid.
import { ApiError, download, getJson, postJson } from './api.js';
import { h, status } from './ui.js';

const LEVEL_ZH = { DISTRICT: '区', STREET: '街道', COMMUNITY: '社区', GRID: '网格', UNIT: '单元' };
const SECTION_ZH = { nodes: '节点', groups: '群', people: '人员' };
const FIELD_ZH = { name: '名称', level: '层级', parent: '上级', title: '群名', node: '网格', tags: '标签', identities: '账号', roles: '职责', skills: '技能', homes: '住址' };

/** 林建华（志愿者：小修、送餐） 住 东园小区21号楼 802 */
function person(p) {
  const role = p.skills?.length ? `${p.roleZh}：${p.skills.join('、')}` : p.roleZh;
  const homes = (p.homes ?? []).map((m) => `${m.nodeName} ${m.room}`).join('、');
  return h('span', { class: 'person', dataset: { role: p.role } }, `${p.name}（${role}）`, homes ? h('span', { class: 'muted small' }, ` 住 ${homes}`) : null);
}

function tree(nodes) {
  const children = new Map();
  for (const n of nodes) {
    const k = n.parentCode && nodes.some((m) => m.code === n.parentCode) ? n.parentCode : '';
    children.set(k, [...(children.get(k) ?? []), n]);
  }
  const branch = (k) => {
    const list = children.get(k) ?? [];
    return list.length
      ? h('ul', { class: 'tree' }, list.map((n) =>
        h('li', { dataset: { code: n.code } },
          h('div', { class: 'node' }, h('span', { class: 'badge' }, LEVEL_ZH[n.level] ?? n.level), h('strong', {}, n.name), ' ', h('span', { class: 'muted small' }, n.code)),
          n.people.length ? h('div', { class: 'people' }, n.people.map(person)) : null,
          branch(n.code))))
      : null;
  };
  return branch('');
}

function importResult(box, r, dryRun) {
  const line = (c) => h('li', {}, h('span', { class: `badge ${c.kind === 'added' ? 's-RESOLVED' : 's-REPORTED'}` }, c.kind === 'added' ? '新增' : '修改'),
    `${SECTION_ZH[c.section]} ${c.key} ${c.name}`, c.fields.length ? h('span', { class: 'muted' }, `（${c.fields.map((f) => FIELD_ZH[f] ?? f).join('、')}）`) : null);
  const same = r.unchanged.nodes + r.unchanged.groups + r.unchanged.people;
  box.replaceChildren(...[
    h('p', { class: dryRun ? '' : 'ok' }, dryRun ? '试导入通过：以下是导入后会发生的变化（本次未作任何修改）。' : '已导入。'),
    r.changes.length ? h('ul', { class: 'plain', id: 'grid-changes' }, r.changes.map(line)) : h('p', { class: 'muted', id: 'grid-changes' }, '文件与现有网格一致，没有变化。'),
    same ? h('p', { class: 'muted small' }, `未变化：节点 ${r.unchanged.nodes}、群 ${r.unchanged.groups}、人员 ${r.unchanged.people}`) : null,
  ].filter(Boolean));
}

function importErrors(box, e) {
  const errors = e.details?.errors ?? [];
  box.replaceChildren(
    h('p', { class: 'error' }, `文件有 ${errors.length} 处错误，未作任何修改：`),
    h('ol', { class: 'plain', id: 'grid-errors' }, errors.map((x) => h('li', { class: 'error' }, h('strong', {}, `第 ${x.line} 行：`), x.message))));
}

function importCard(reload) {
  const result = h('div', { id: 'grid-import-result', 'aria-live': 'polite' });
  const text = h('textarea', { name: 'text', rows: 8, spellcheck: 'false', placeholder: 'nodes:\n  - { code: "DY-G03", name: "东园社区第三网格", level: 网格, parent: "350304001001" }' });
  const format = h('select', { name: 'format' }, h('option', { value: 'yaml' }, 'YAML'), h('option', { value: 'csv' }, 'CSV（仅节点）'));
  let fileName;
  const submit = async (dryRun) => {
    if (!text.value.trim()) return status('请先选择文件或粘贴内容', 'error');
    if (!dryRun && !confirm('确定导入？导入会更新网格、群和人员。')) return;
    result.replaceChildren(h('p', { class: 'muted' }, dryRun ? '正在试导入…' : '正在导入…'));
    try {
      importResult(result, await postJson('/api/grid/import', { text: text.value, format: format.value, dryRun, fileName }), dryRun);
      if (!dryRun) {
        status('已导入，网格已更新', 'ok');
        reload();
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'GRID_INVALID') importErrors(result, e);
      else result.replaceChildren(h('p', { class: 'error' }, `未能导入：${e.message}`));
    }
  };
  return h('section', { class: 'card', id: 'grid-import' },
    h('h2', {}, '导入与导出'),
    h('p', { class: 'muted small' }, '与命令 linli grid import / export 的文件格式相同。先“试导入”查看变化；有错误时按行列出，不会修改任何数据。'),
    h('form', { class: 'actions', id: 'grid-import-form', onsubmit: (e) => { e.preventDefault(); submit(true); } },
      h('label', { class: 'field' }, h('span', {}, '选择文件'), h('input', {
        type: 'file', accept: '.yaml,.yml,.csv,.json', name: 'file',
        onchange: async (e) => {
          const f = e.target.files[0];
          if (!f) return;
          fileName = f.name;
          text.value = await f.text();
          if (/\.csv$/i.test(f.name)) format.value = 'csv';
        },
      })),
      h('label', { class: 'field' }, h('span', {}, '文件内容'), text),
      h('label', { class: 'field' }, h('span', {}, '格式'), format),
      h('div', { class: 'buttons' },
        h('button', { class: 'primary', type: 'submit', id: 'grid-dry-run' }, '试导入'),
        h('button', { type: 'button', id: 'grid-apply', onclick: () => submit(false) }, '导入'),
        h('button', { type: 'button', id: 'grid-export', onclick: () => download('/api/grid/export').catch((e) => status(e.message, 'error')) }, '导出 YAML'))),
    result);
}

/**
 * Who imports the grid file, for those who may not: the system's ADMINs, or — when the grid has none — the command on
 * the server, and the line of the file that makes someone ADMIN (README, 网格 and the grid file).
 */
function fileNote(t) {
  if (t.fileAdmins > 0) return h('p', { class: 'muted small', id: 'grid-file-note' }, '网格的导入和导出由系统管理员操作；如需调整网格，请联系系统管理员。');
  const root = t.gridRoots?.[0] ?? '根节点编码';
  return h('p', { class: 'muted small', id: 'grid-file-note' },
    '本系统还没有系统管理员，网格暂时只能在服务器上导入：', h('code', {}, 'linli grid import 网格文件'), '。',
    '设置系统管理员：在网格文件的 people 中为一人加上 ', h('code', {}, `roles: [{ role: ADMIN, node: "${root}" }]`),
    '（根节点编码），导入后此人即可在本页导入和导出。');
}

export function renderGrid(main, { admin }) {
  let alive = true;
  const load = async () => {
    try {
      const t = await getJson('/api/grid/tree');
      if (!alive) return;
      const people = t.nodes.reduce((n, x) => n + x.people.length, 0);
      main.replaceChildren(
        h('div', { class: 'page-head' }, h('h1', {}, '网格'), h('span', { class: 'muted' }, `${t.nodes.length} 个节点，${people} 项职责`)),
        h('section', { class: 'card', id: 'grid-tree' }, tree(t.nodes) ?? h('p', { class: 'empty-state' }, '没有网格节点')),
        admin ? importCard(load) : fileNote(t));
    } catch (e) {
      if (alive) main.replaceChildren(h('p', { class: 'error' }, e instanceof ApiError && e.status === 403 ? '您没有查看网格的权限（网格员及以上）。' : `读取失败：${e.message}`));
    }
  };
  main.replaceChildren(h('div', { class: 'page-head' }, h('h1', {}, '网格')), h('p', { class: 'muted' }, '加载中…'));
  load();
  return () => void (alive = false);
}
