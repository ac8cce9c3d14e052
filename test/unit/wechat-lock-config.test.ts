// LINLI_WECHAT_LOCK_WAIT_MS: how long `linli start` waits for another process holding the same WeChat account.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('LINLI_WECHAT_LOCK_WAIT_MS', () => {
  it('defaults to 10 s; 0 refuses at once; a negative or non-number value is named', () => {
    expect(loadConfig({}).wechat.lockWaitMs).toBe(10_000);
    expect(loadConfig({ LINLI_WECHAT_LOCK_WAIT_MS: '0' }).wechat.lockWaitMs).toBe(0);
    expect(loadConfig({ LINLI_WECHAT_LOCK_WAIT_MS: '30000' }).wechat.lockWaitMs).toBe(30_000);
    expect(() => loadConfig({ LINLI_WECHAT_LOCK_WAIT_MS: '-1' })).toThrow(/LINLI_WECHAT_LOCK_WAIT_MS/);
    expect(() => loadConfig({ LINLI_WECHAT_LOCK_WAIT_MS: 'soon' })).toThrow(/LINLI_WECHAT_LOCK_WAIT_MS/);
  });
});
