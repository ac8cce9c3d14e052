// The console's sign-in page (GET /login, with /login.js and /login.css): the main way is a code the bot sends by
// WeChat (or Telegram) direct message; a password is the other. With ?token= it redeems a one-time sign-in link by
// POST (a link scanner's GET cannot use it up); ?next= names the console page to go back to (this origin's paths
// only). No inline script or style: the page runs under the server's one CSP (console-assets.ts).
import type { Context, Hono } from 'hono';

const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录 · 邻里社情民情工作台</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 64'%3E%3Crect width='64' height='64' rx='14' fill='%231f7a5a'/%3E%3Ctext x='32' y='45' font-size='38' text-anchor='middle' fill='%23fff' font-family='sans-serif'%3E%E9%82%BB%3C/text%3E%3C/svg%3E">
<link rel="stylesheet" href="/login.css">
</head><body>
<main class="box">
<header><span class="logo">邻</span><div><h1>邻里 · 社情民情工作台</h1><p class="sub">工作人员登录</p></div></header>
<p id="msg" role="status" aria-live="polite"></p>
<form id="code-form">
<label for="key">工号（网格文件中的人员编码）</label>
<input id="key" name="key" autocomplete="username" placeholder="如 gw-linxiuzhen" required>
<button type="button" id="send">发送验证码</button>
<p class="hint">验证码将由邻里助手通过微信（或 Telegram）私信发给您，5 分钟内有效。</p>
<label for="code">验证码</label>
<input id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" placeholder="6 位数字">
<button type="submit" class="primary">登录</button>
</form>
<details id="password-box"><summary>使用密码登录</summary>
<form id="password-form">
<label for="pkey">工号</label><input id="pkey" name="key" autocomplete="username" required>
<label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit" class="primary">登录</button>
<p class="hint">密码由管理员用 <code>linli users set-password 工号</code> 设置。</p>
</form></details>
</main>
<script type="module" src="/login.js"></script></body></html>`;

const STYLE = `:root{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#1d2733;background:#f4f6f9}
*{box-sizing:border-box}body{margin:0;min-height:100vh;display:grid;place-items:center;padding:16px}
.box{width:100%;max-width:380px;background:#fff;border:1px solid #e1e6ec;border-radius:12px;padding:20px;box-shadow:0 6px 24px rgba(0,0,0,.06)}
header{display:flex;gap:12px;align-items:center;margin-bottom:8px}
.logo{display:grid;place-items:center;width:40px;height:40px;border-radius:8px;background:#c8102e;color:#fff;font-weight:700;font-size:1.2rem;flex:none}
h1{font-size:1.1rem;margin:0}.sub{margin:2px 0 0;color:#6b7785;font-size:.9rem}
label{display:block;margin:14px 0 4px;font-size:.9rem;color:#6b7785}
input{width:100%;font:inherit;padding:10px;border:1px solid #cfd6de;border-radius:6px}
button{font:inherit;margin-top:10px;padding:9px 14px;border:1px solid #cfd6de;border-radius:6px;background:#fff;cursor:pointer;width:100%}
button.primary{background:#c8102e;border-color:#c8102e;color:#fff}button:disabled{opacity:.55;cursor:default}
.hint{color:#6b7785;font-size:.8rem;margin:6px 0 0}
#msg{min-height:1.4rem;margin:8px 0 0;font-size:.9rem;color:#1a7f4b}#msg.bad{color:#c62828}
details{margin-top:18px;border-top:1px solid #e1e6ec;padding-top:10px}summary{cursor:pointer;color:#9e0c24}`;

const SCRIPT = `const $ = (id) => document.getElementById(id);
const msg = (t, bad = false) => { $('msg').textContent = t; $('msg').className = bad ? 'bad' : ''; };
const params = new URLSearchParams(location.search);
// back to the console page asked for: of this origin only, as the browser itself resolves it (//host, a backslash or
// a tab are all someone else's)
const next = (() => {
  try {
    const u = new URL(params.get('next') || '/', location.origin);
    return u.origin === location.origin ? u.pathname + u.search + u.hash : '/';
  } catch {
    return '/';
  }
})();
async function post(path, body) {
  const r = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  const j = await r.json().catch(() => ({}));
  return { ok: r.ok, status: r.status, body: j };
}
const done = (r) => {
  if (r.ok) { msg('登录成功，正在进入工作台…'); location.replace(next); return; }
  msg(r.status === 429 ? '尝试次数过多，请 15 分钟后再试。' : r.status === 400 ? '请检查填写内容：验证码为 6 位数字。' : '登录失败：验证码、链接或密码有误、已过期或已使用，或该账号没有工作台权限。', true);
};
let wait = 0;
function countdown() {
  const b = $('send');
  b.disabled = wait > 0;
  b.textContent = wait > 0 ? '重新发送（' + wait + ' 秒）' : '发送验证码';
  if (wait-- > 0) setTimeout(countdown, 1000);
}
$('send').onclick = async () => {
  const key = $('key').value.trim();
  if (!key) { msg('请先填写工号。', true); $('key').focus(); return; }
  const r = await post('/api/auth/code', { key });
  if (r.ok) { msg(r.body.message || '验证码已发送，请查看私信。'); wait = 60; countdown(); $('code').focus(); }
  else msg(r.status === 429 ? '发送过于频繁，请稍后再试。' : '发送失败，请稍后再试。', true);
};
$('code-form').onsubmit = async (e) => {
  e.preventDefault();
  done(await post('/api/auth/verify', { key: $('key').value.trim(), code: $('code').value.trim() }));
};
$('password-form').onsubmit = async (e) => {
  e.preventDefault();
  done(await post('/api/auth/password', { key: $('pkey').value.trim(), password: $('password').value }));
};
const token = params.get('token');
if (token) {
  history.replaceState(null, '', '/login' + (next === '/' ? '' : '?next=' + encodeURIComponent(next)));
  msg('正在登录…');
  post('/api/auth/link', { token }).then(done);
}
`;

export function mountLoginPage(app: Hono<any>) {
  app.get('/login', (c: Context) => {
    // the link's token is in this page's URL: it must not stay in a cache (no Referer: the server's one policy)
    c.header('cache-control', 'no-store');
    return c.html(PAGE);
  });
  app.get('/login.js', (c) => c.body(SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' }));
  app.get('/login.css', (c) => c.body(STYLE, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }));
}
