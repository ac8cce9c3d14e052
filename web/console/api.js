// The console's one way to the server. Credentials: a bearer token kept in this browser (LINLI_API_TOKENS, or one the
// sandbox prints); opened as /#token=… it is stored and removed from the address bar. When sign-in with cookie
// sessions exists, only this file changes (credentials: 'same-origin' and the CSRF header).
const KEY = 'linli.token';

export function takeTokenFromHash() {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!m) return;
  localStorage.setItem(KEY, decodeURIComponent(m[1]));
  const rest = location.hash.replace(/(?:^#|&)token=[^&]+/, '').replace(/^&/, '');
  history.replaceState(null, '', location.pathname + location.search + (rest ? `#${rest.replace(/^#?/, '')}` : '#/'));
}

export const token = () => localStorage.getItem(KEY);
export const setToken = (t) => localStorage.setItem(KEY, t);
export const clearToken = () => localStorage.removeItem(KEY);

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    // what the server adds to a refusal: a grid file's line-numbered errors (details.errors)
    this.details = details;
  }
}

async function request(method, path, body) {
  const headers = {};
  const t = token();
  if (t) headers.authorization = `Bearer ${t}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (!res.ok) {
    let err = { code: `HTTP_${res.status}`, message: res.statusText };
    try {
      err = (await res.json()).error ?? err;
    } catch {
      // not JSON
    }
    if (res.status === 401) window.dispatchEvent(new CustomEvent('linli:unauthenticated'));
    throw new ApiError(res.status, err.code, err.message, err.details);
  }
  return res;
}

export const getJson = async (path) => (await request('GET', path)).json();
export const postJson = async (path, body) => (await request('POST', path, body ?? {})).json();

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
