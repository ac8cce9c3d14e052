// The puppet is chosen by configuration; nothing else in Linli knows which one runs. Only the configured puppet's
// package is loaded (each costs tens of MB: docs/BENCHMARKS.md, memory).
import path from 'node:path';
import type { PuppetMock } from 'wechaty-puppet-mock';
import type { WechatConfig } from '../../config.ts';
import type { LinliPuppetService } from './linli-puppet-service.ts';
import { accountKey } from '../account-key.ts';

export type WechatPuppet = LinliPuppetService | PuppetMock;

/** Where WeChat state lives in the data folder: the account lock and the puppet service's payload cache. */
export function wechatStateDir(dataDir: string): string {
  return path.join(dataDir, 'wechat');
}

/** dataDir: LINLI_DATA_DIR (the puppet service keeps its cache there; default: the working directory's ./data). */
export async function createPuppet(
  cfg: WechatConfig,
  dataDir = path.resolve('data'),
): Promise<{ puppet: WechatPuppet; mocker?: InstanceType<typeof mock.Mocker> }> {
  if (cfg.puppet === 'wechaty-puppet-service') {
    const { LinliPuppetService } = await import('./linli-puppet-service.ts');
    const s = cfg.service!;
    return {
      puppet: new LinliPuppetService({
        token: s.token,
        endpoint: s.endpoint,
        authority: s.authority,
        tls: { disable: s.noTls, caCert: s.caCert, serverName: s.serverName },
        // named by the token's hash: the token never names a folder
        cacheDir: path.join(wechatStateDir(dataDir), `cache-${accountKey(s.token)}`),
      }),
    };
  }
  const { PuppetMock, mock } = await import('wechaty-puppet-mock');
  const mocker = new mock.Mocker();
  return { puppet: new PuppetMock({ mocker }), mocker };
}
