// The puppet is chosen by configuration; nothing else in Linli knows which one runs. Only the configured puppet's
// package is loaded (each costs tens of MB: docs/BENCHMARKS.md, memory).
import type { PuppetService } from 'wechaty-puppet-service';
import type { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { WechatConfig } from '../../config.ts';

export type WechatPuppet = PuppetService | PuppetMock;

export async function createPuppet(cfg: WechatConfig): Promise<{ puppet: WechatPuppet; mocker?: InstanceType<typeof mock.Mocker> }> {
  if (cfg.puppet === 'wechaty-puppet-service') {
    const { PuppetService } = await import('wechaty-puppet-service');
    const s = cfg.service!;
    return {
      puppet: new PuppetService({
        token: s.token,
        endpoint: s.endpoint,
        authority: s.authority,
        tls: { disable: s.noTls, caCert: s.caCert, serverName: s.serverName },
      }),
    };
  }
  const { PuppetMock, mock } = await import('wechaty-puppet-mock');
  const mocker = new mock.Mocker();
  return { puppet: new PuppetMock({ mocker }), mocker };
}
