// The console's one way to the server: the session cookie (set at /login) goes with every request; every POST also
// carries the CSRF token (the linli_csrf cookie echoed in the x-csrf-token header). An answer of 401 means the session
// ended: the browser goes to /login and comes back to this page afterwards.

/**
 * A refusal of the API. `message` is the Chinese sentence the server wrote for staff (`messageZh`; its English
 * `message`, for logs, is kept as `english`); `reason` a finer code where `code` covers several kinds.
 */
export class ApiError extends Error {
  constructor(status, code, message, details, { english, reason } = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.reason = reason;
    this.english = english;
    // what the server adds to a refusal: a grid file's line-numbered errors (details.errors)
    this.details = details;
  }
}

const cookie = (name) => document.cookie.split('; ').find((c) => c.startsWith(`${name}=`))?.slice(name.length + 1) ?? '';

/** To the sign-in page, and back here afterwards (the hash too: the ticket that was open). */
export function toLogin() {
  const back = location.pathname + location.search + location.hash;
  location.assign(back === '/' || back === '/#/' ? '/login' : `/login?next=${encodeURIComponent(back)}`);
}

async function request(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = decodeURIComponent(cookie('linli_csrf'));
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (!res.ok) {
    let err = { code: `HTTP_${res.status}`, message: res.statusText, messageZh: res.status >= 500 ? `服务器出错（${res.status}），请稍后再试` : `请求失败（${res.status}）` };
    try {
      err = (await res.json()).error ?? err;
    } catch {
      // not JSON
    }
    if (res.status === 401) toLogin();
    throw new ApiError(res.status, err.code, err.messageZh ?? `请求失败（${res.status}）`, err.details, { english: err.message, reason: err.reason });
  }
  return res;
}

export const getJson = async (path) => (await request('GET', path)).json();
export const postJson = async (path, body) => (await request('POST', path, body ?? {})).json();
export const patchJson = async (path, body) => (await request('PATCH', path, body ?? {})).json();

/** Who is signed in: { person, roles, unmasked, via, expiresAt }. */
export const me = () => getJson('/api/auth/me');

/**
 * Ends the session on the server (its cookies are cleared) and shows the sign-in page. What this tab kept while the
 * person worked (a notice being written) is forgotten: the next one to sign in here is someone else, maybe. A session
 * that merely expired keeps it (the same person signs in again and finds it).
 */
export async function logout() {
  try {
    sessionStorage.clear();
  } catch {
    // storage off
  }
  try {
    await postJson('/api/auth/logout');
  } finally {
    location.assign('/login');
  }
}

/** Downloads a file the API makes (an export) under its own name. */
export async function download(path) {
  const res = await request('GET', path);
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : 'export';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
