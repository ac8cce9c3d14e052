import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('Telegram configuration', () => {
  it('is off without a token, with Telegram’s limits as defaults', () => {
    expect(loadConfig({}).telegram).toEqual({ token: undefined, apiRoot: 'https://api.telegram.org', globalPerSecond: 30, groupPerMinute: 20, chatIntervalMs: 1000 });
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '  ' }).telegram.token).toBeUndefined();
  });

  it('reads the token, a local Bot API server and the limits', () => {
    const t = loadConfig({
      TELEGRAM_BOT_TOKEN: '123:abc',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      LINLI_TELEGRAM_GLOBAL_PER_SECOND: '10',
      LINLI_TELEGRAM_GROUP_PER_MINUTE: '15',
    }).telegram;
    expect(t).toMatchObject({ token: '123:abc', apiRoot: 'http://127.0.0.1:8081', globalPerSecond: 10, groupPerMinute: 15 });
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ TELEGRAM_API_ROOT: 'not a url' })).toThrow(/TELEGRAM_API_ROOT/);
    expect(() => loadConfig({ LINLI_TELEGRAM_GLOBAL_PER_SECOND: '0' })).toThrow(/LINLI_TELEGRAM_GLOBAL_PER_SECOND/);
  });
});
