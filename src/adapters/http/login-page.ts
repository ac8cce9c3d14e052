// The console's sign-in page (GET /login, with /login.js and /login.css): a key and a code sent by direct message, or
// a password; with ?token= it redeems a one-time sign-in link by POST (a link scanner's GET cannot use it up) and goes
// on to the console. No inline script or style, so the page runs under a CSP of 'self' only.
import type { Context, Hono } from 'hono';

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>邻里管理后台 · 登录</title>
<link rel="stylesheet" href="/login.css">
</head><body>
<h1>邻里管理后台</h1>
<p id="msg" role="status"></p>
<form id="code-form"><fieldset><legend>验证码登录（微信 / Telegram 私信）</legend>
<label for="key">工号或网格文件中的人员编码</label><input id="key" name="key" autocomplete="username" required>
<button type="button" id="send">发送验证码</button>
<label for="code">验证码</label><input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code">
<button type="submit">登录</button></fieldset></form>
<form id="password-form"><fieldset><legend>密码登录</legend>
<label for="pkey">人员编码</label><input id="pkey" name="key" autocomplete="username" required>
<label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">登录</button></fieldset></form>
<script type="module" src="/login.js"></script></body></html>`;

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:22rem;margin:3rem auto;padding:0 1rem;color:#222}
h1{font-size:1.3rem}label{display:block;margin:.6rem 0 .2rem}input{width:100%;padding:.4rem;box-sizing:border-box}
button{margin-top:.8rem;padding:.4rem 1rem}#msg{min-height:1.5rem;color:#a33}fieldset{border:1px solid #ccc;margin:1rem 0}`;

const SCRIPT = `const msg = (t) => { document.getElementById('msg').textContent = t; };
async function post(path, body) {
  const r = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  const j = await r.json().catch(() => ({}));
  return { ok: r.ok, status: r.status, body: j };
}
const done = (r) => {
  if (r.ok) { location.replace('/'); return; }
  msg(r.status === 429 ? '尝试次数过多，请稍后再试。' : r.status === 400 ? '请检查填写内容：' + (r.body.error && r.body.error.message || '') : '登录失败：验证码、链接或密码有误、已过期或已使用，或该账号无后台权限。');
};
document.getElementById('send').onclick = async () => {
  const key = document.getElementById('key').value.trim();
  if (!key) { msg('请先填写人员编码。'); return; }
  const r = await post('/api/auth/code', { key });
  msg(r.ok ? r.body.message : r.status === 429 ? '发送过于频繁，请稍后再试。' : '发送失败，请稍后再试。');
};
document.getElementById('code-form').onsubmit = async (e) => {
  e.preventDefault();
  done(await post('/api/auth/verify', { key: document.getElementById('key').value.trim(), code: document.getElementById('code').value.trim() }));
};
document.getElementById('password-form').onsubmit = async (e) => {
  e.preventDefault();
  done(await post('/api/auth/password', { key: document.getElementById('pkey').value.trim(), password: document.getElementById('password').value }));
};
const token = new URLSearchParams(location.search).get('token');
if (token) {
  history.replaceState(null, '', '/login');
  msg('正在登录…');
  post('/api/auth/link', { token }).then(done);
}
`;

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function mountLoginPage(app: Hono<any>) {
  app.get('/login', (c: Context) => {
    // the link's token is in this page's URL: it must not leak in a Referer or stay in a cache
    c.header('referrer-policy', 'no-referrer');
    c.header('cache-control', 'no-store');
    c.header('x-frame-options', 'DENY');
    c.header('content-security-policy', CSP);
    return c.html(PAGE);
  });
  app.get('/login.js', (c) => c.body(SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }));
  app.get('/login.css', (c) => c.body(STYLE, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }));
}
