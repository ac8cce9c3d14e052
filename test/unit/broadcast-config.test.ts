import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('LINLI_API_TOKENS', () => {
  it('maps bearer tokens to person keys; unset means no tokens', () => {
    expect(loadConfig({}).apiTokens).toEqual({});
    expect(loadConfig({ LINLI_API_TOKENS: 'abc:ss-fangzhiming, def:admin ' }).apiTokens).toEqual({ abc: 'ss-fangzhiming', def: 'admin' });
  });

  it('refuses a malformed list, naming the variable', () => {
    expect(() => loadConfig({ LINLI_API_TOKENS: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ LINLI_API_TOKENS: ':key' })).toThrow(/LINLI_API_TOKENS/);
  });
});
