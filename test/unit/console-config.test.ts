import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('console configuration', () => {
  it('defaults: Secure cookies behind https only, the requested origin, 12-hour sessions ending after 30 idle minutes', () => {
    expect(loadConfig({}).console).toEqual({ secureCookies: 'auto', origins: [], sessionTtlMs: 12 * 3_600_000, idleMs: 30 * 60_000, authorityCacheMs: 10_000, proxyHops: 0 });
  });

  it('reads the cookie flag, the allowed origins (as origins), the session times and the authority cache', () => {
    const c = loadConfig({
      LINLI_COOKIE_SECURE: 'true',
      LINLI_CONSOLE_ORIGINS: 'https://console.example.gov.cn/, https://10.0.0.5:8443',
      LINLI_SESSION_TTL_HOURS: '8',
      LINLI_SESSION_IDLE_MINUTES: '15',
      LINLI_AUTHORITY_CACHE_MS: '0',
      LINLI_PROXY_HOPS: '1',
    }).console;
    expect(c).toEqual({ secureCookies: true, origins: ['https://console.example.gov.cn', 'https://10.0.0.5:8443'], sessionTtlMs: 8 * 3_600_000, idleMs: 15 * 60_000, authorityCacheMs: 0, proxyHops: 1 });
    expect(loadConfig({ LINLI_COOKIE_SECURE: 'false' }).console.secureCookies).toBe(false);
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ LINLI_COOKIE_SECURE: 'yes' })).toThrow(/LINLI_COOKIE_SECURE/);
    expect(() => loadConfig({ LINLI_CONSOLE_ORIGINS: 'console.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ LINLI_CONSOLE_ORIGINS: 'console.example' })).toThrow(/LINLI_CONSOLE_ORIGINS/);
    expect(() => loadConfig({ LINLI_SESSION_IDLE_MINUTES: '-1' })).toThrow(/LINLI_SESSION_IDLE_MINUTES/);
  });
});
