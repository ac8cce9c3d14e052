// The console's shell: pages by the address's #hash, the token form when the server wants credentials, and the
// wall mode (?mode=wall): the overview alone, dark, large figures, refreshed on its own.
import { clearToken, getJson, setToken, takeTokenFromHash, token } from './api.js';
import { renderBroadcasts } from './broadcasts.js';
import { renderGrid } from './grid.js';
import { renderGroups } from './groups.js';
import { renderOverview } from './overview.js';
import { renderPatrol } from './patrol.js';
import { renderQueues } from './queues.js';
import { renderTickets } from './tickets.js';
import { h } from './ui.js';

const main = document.getElementById('main');
const wall = new URLSearchParams(location.search).get('mode') === 'wall';
let stopPage = () => {};

const PLACEHOLDERS = {
};

// ADMIN pages (队列, grid import/export) are shown when the server lets the caller read the queues (whole-grid
// access); the server checks every request anyway
let admin;
async function isAdmin() {
  admin ??= getJson('/api/queues').then(() => true, () => false);
  const yes = await admin;
  document.querySelector('#nav a[data-page=queues]')?.toggleAttribute('hidden', !yes);
  return yes;
}

function tokenForm(message) {
  main.replaceChildren(
    h('section', { class: 'card signin' },
      h('h1', {}, '请先登录'),
      h('p', { class: 'muted' }, message ?? '输入管理员分配的访问令牌（LINLI_API_TOKENS 中的令牌；沙盒启动时会打印）。'),
      h('form', {
        id: 'token-form',
        onsubmit: (e) => {
          e.preventDefault();
          const v = new FormData(e.target).get('token').trim();
          if (v) {
            setToken(v);
            route();
          }
        },
      },
      h('label', { class: 'field' }, h('span', {}, '访问令牌'), h('input', { name: 'token', type: 'password', autocomplete: 'off', required: true })),
      h('button', { class: 'primary', type: 'submit' }, '进入工作台'))));
}

async function route() {
  stopPage();
  stopPage = () => {};
  if (!token()) return tokenForm();
  const [, page = 'overview', arg] = /^#\/([\w-]+)?\/?([^?]*)?/.exec(location.hash) ?? [];
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('active', a.dataset.page === (wall ? 'overview' : page));
  if (!wall) void isAdmin();
  document.getElementById('nav').classList.remove('open');
  if (wall || page === 'overview') stopPage = renderOverview(main, { wall });
  else if (page === 'tickets') stopPage = renderTickets(main, { no: arg ? Number(arg) : null });
  else if (page === 'groups') stopPage = renderGroups(main);
  else if (page === 'grid') stopPage = renderGrid(main, { admin: await isAdmin() });
  else if (page === 'patrol') stopPage = renderPatrol(main);
  else if (page === 'queues') stopPage = renderQueues(main);
  else if (page === 'broadcasts') stopPage = renderBroadcasts(main, { id: arg ? Number(arg) : null });
  else {
    const [title, text] = PLACEHOLDERS[page] ?? ['未找到', '没有这个页面。'];
    main.replaceChildren(h('section', { class: 'card empty' }, h('h1', {}, title), h('p', { class: 'muted' }, text), h('p', { class: 'muted' }, '（本页面尚在建设中）')));
  }
}

takeTokenFromHash();
if (wall) document.body.classList.add('wall');
document.getElementById('menu').addEventListener('click', (e) => {
  const open = document.getElementById('nav').classList.toggle('open');
  e.currentTarget.setAttribute('aria-expanded', String(open));
});
window.addEventListener('hashchange', route);
window.addEventListener('linli:unauthenticated', () => {
  admin = undefined;
  clearToken();
  tokenForm('令牌无效或已过期，请重新输入。');
});
route();
