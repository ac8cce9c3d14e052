// The console's shell: pages by the address's #hash, the token form when the server wants credentials, and the
// wall mode (?mode=wall): the overview alone, dark, large figures, refreshed on its own.
import { clearToken, getJson, setToken, takeTokenFromHash, token } from './api.js';
import { renderOverview } from './overview.js';
import { renderTickets } from './tickets.js';
import { h } from './ui.js';

const main = document.getElementById('main');
const wall = new URLSearchParams(location.search).get('mode') === 'wall';
let stopPage = () => {};

const PLACEHOLDERS = {
  groups: ['群组', '群组与网格的对应、待映射的群、机器人在群状态将在这里管理。'],
  grid: ['网格', '网格结构、人员与职责将在这里查看和导入。'],
  broadcasts: ['批量发布', '向多个群发布通知（预览、进度、暂停与补发）将在这里操作。'],
  patrol: ['巡查', '后台巡查发现的隐患、广告和冲突将在这里确认和关闭。'],
};

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
  document.getElementById('nav').classList.remove('open');
  if (wall || page === 'overview') stopPage = renderOverview(main, { wall });
  else if (page === 'tickets') stopPage = renderTickets(main, { no: arg ? Number(arg) : null });
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
  clearToken();
  tokenForm('令牌无效或已过期，请重新输入。');
});
route();
