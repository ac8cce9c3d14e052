// The console's shell: who is signed in (and 退出), pages by the address's #hash, and the wall mode (?mode=wall): the
// overview alone, dark, large figures, live. Without a session the server sends the browser to /login before this
// page loads; a session that ends later is noticed by api.js (401) and leads there too.
import { logout, me } from './api.js';
import { renderOverview } from './overview.js';
import { renderTickets } from './tickets.js';
import { h } from './ui.js';

const main = document.getElementById('main');
const wall = new URLSearchParams(location.search).get('mode') === 'wall';
let stopPage = () => {};
let who = null;

const ROLE_ZH = {
  GRID_WORKER: '网格员', GRID_HEAD: '网格长', UNIT_HEAD: '楼栋长', COMMUNITY_STAFF: '社区工作人员',
  STREET_STAFF: '街道工作人员', DEPARTMENT: '职能部门', LEADER: '分管领导', ADMIN: '管理员',
};

const PLACEHOLDERS = {
  groups: ['群组', '群组与网格的对应、待映射的群、机器人在群状态将在这里管理。'],
  grid: ['网格', '网格结构、人员与职责将在这里查看和导入。'],
  broadcasts: ['批量发布', '向多个群发布通知（预览、进度、暂停与补发）将在这里操作。'],
  patrol: ['巡查', '后台巡查发现的隐患、广告和冲突将在这里确认和关闭。'],
};

let routedSearch = location.search;

async function route() {
  routedSearch = location.search;
  stopPage();
  stopPage = () => {};
  const [, page = 'overview', arg] = /^#\/([\w-]+)?\/?([^?]*)?/.exec(location.hash) ?? [];
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.page === (wall ? 'overview' : page));
  document.getElementById('nav').classList.remove('open');
  if (wall || page === 'overview') stopPage = renderOverview(main, { wall, me: who });
  else if (page === 'tickets') stopPage = renderTickets(main, { no: arg ? Number(arg) : null });
  else {
    const [title, text] = PLACEHOLDERS[page] ?? ['未找到', '没有这个页面。'];
    main.replaceChildren(h('section', { class: 'card empty' }, h('h1', {}, title), h('p', { class: 'muted' }, text), h('p', { class: 'muted' }, '（本页面尚在建设中）')));
  }
}

function showWho(m) {
  const box = document.getElementById('who');
  const roles = [...new Set(m.roles.map((r) => ROLE_ZH[r.role] ?? r.role))].join('、');
  // (a bearer token has nothing to sign out of)
  box.replaceChildren(...[
    h('span', { class: 'who-name', id: 'who-name', title: m.roles.map((r) => `${ROLE_ZH[r.role] ?? r.role}@${r.nodeCode}`).join('\n') }, `${m.person.name}${roles ? `（${roles}）` : ''}`),
    m.via === 'session' ? h('button', { class: 'logout', id: 'logout', type: 'button', onclick: () => logout() }, '退出') : null,
  ].filter(Boolean));
}

async function start() {
  if (wall) document.body.classList.add('wall');
  document.getElementById('menu').addEventListener('click', (e) => {
    const open = document.getElementById('nav').classList.toggle('open');
    e.currentTarget.setAttribute('aria-expanded', String(open));
  });
  try {
    who = await me();
  } catch {
    return; // 401: api.js is taking the browser to /login
  }
  showWho(who);
  window.addEventListener('hashchange', route);
  // the overview's ?node= (drill down, back and forward); a change of the hash alone is hashchange's
  window.addEventListener('popstate', () => location.search !== routedSearch && route());
  route();
}

start();
