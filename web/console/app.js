// The console's shell: who is signed in (and 退出), pages by the address's #hash, and the wall mode (?mode=wall): the
// overview alone, dark, large figures, live. Without a session the server sends the browser to /login before this
// page loads; a session that ends later is noticed by api.js (401) and leads there too.
import { getJson, logout, me } from './api.js';
import { renderBroadcasts } from './broadcasts.js';
import { renderDeliberation } from './deliberation.js';
import { renderGrid } from './grid.js';
import { renderGroups } from './groups.js';
import { renderInsights, renderTopic } from './insights.js';
import { renderOverview } from './overview.js';
import { renderPatrol } from './patrol.js';
import { renderQueues } from './queues.js';
import { renderService } from './service.js';
import { renderTickets } from './tickets.js';
import { h } from './ui.js';

const main = document.getElementById('main');
const wall = new URLSearchParams(location.search).get('mode') === 'wall';
let stopPage = () => {};
let who = null;

const ROLE_ZH = {
  GRID_WORKER: '网格员', GRID_HEAD: '网格长', UNIT_HEAD: '楼栋长', COMMUNITY_STAFF: '社区工作人员',
  STREET_STAFF: '街道工作人员', DEPARTMENT: '职能部门', LEADER: '分管领导', ADMIN: '管理员', VOLUNTEER: '志愿者',
};

// core/broadcast/broadcast-targets.ts BROADCAST_ROLES; the server checks every request anyway
const BROADCAST_ROLES = ['COMMUNITY_STAFF', 'STREET_STAFF', 'ADMIN'];

let routedSearch = location.search;

// ADMIN pages (队列, grid import/export) are shown when the server lets the caller read the queues (whole-grid
// access); the server checks every request anyway
let admin;
async function isAdmin() {
  admin ??= getJson('/api/queues').then(() => true, () => false);
  const yes = await admin;
  document.querySelector('#nav a[data-page=queues]')?.toggleAttribute('hidden', !yes);
  return yes;
}

async function route() {
  routedSearch = location.search;
  stopPage();
  stopPage = () => {};
  const [, page = 'overview', arg] = /^#\/([\w-]+)?\/?([^?]*)?/.exec(location.hash) ?? [];
  const navPage = wall ? 'overview' : page === 'topics' ? 'insights' : page;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.page === navPage);
  if (!wall) void isAdmin();
  document.getElementById('nav').classList.remove('open');
  if (wall || page === 'overview') stopPage = renderOverview(main, { wall, me: who });
  else if (page === 'tickets') stopPage = renderTickets(main, { no: arg ? Number(arg) : null });
  else if (page === 'insights') stopPage = renderInsights(main, { key: arg || null, me: who });
  else if (page === 'topics' && /^\d+$/.test(arg ?? '')) stopPage = renderTopic(main, { id: Number(arg), me: who });
  else if (page === 'deliberation') stopPage = renderDeliberation(main, { arg, me: who });
  else if (page === 'groups') stopPage = renderGroups(main);
  else if (page === 'grid') stopPage = renderGrid(main, { admin: await isAdmin() });
  else if (page === 'patrol') stopPage = renderPatrol(main, { me: who });
  else if (page === 'queues') stopPage = renderQueues(main);
  else if (page === 'service') stopPage = renderService(main);
  else if (page === 'broadcasts') stopPage = renderBroadcasts(main, { id: arg ? Number(arg) : null });
  else {
    main.replaceChildren(h('section', { class: 'card notice', id: 'not-found', role: 'alert' },
      h('h1', {}, '页面不存在'),
      h('p', { class: 'muted' }, '您访问的页面不存在，请从上方菜单选择，或返回首页。'),
      h('p', {}, h('a', { href: '#/overview', id: 'to-home', class: 'button primary' }, '返回首页'))));
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
  if (wall) for (const e of [document.documentElement, document.body]) e.classList.add('wall');
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
  // 批量发布 is offered to those who may send one (BROADCAST_ROLES); anyone else who opens its address is told why
  const mayBroadcast = who.roles.some((r) => BROADCAST_ROLES.includes(r.role));
  document.querySelector('#nav a[data-page=broadcasts]')?.toggleAttribute('hidden', !mayBroadcast);
  window.addEventListener('hashchange', route);
  // the overview's ?node= (drill down, back and forward); a change of the hash alone is hashchange's
  window.addEventListener('popstate', () => location.search !== routedSearch && route());
  route();
}

start();
