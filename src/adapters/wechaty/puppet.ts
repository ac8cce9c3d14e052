// The puppet is chosen by configuration; nothing else in Linli knows which one runs.
import { PuppetService } from 'wechaty-puppet-service';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { WechatConfig } from '../../config.ts';

export type WechatPuppet = PuppetService | PuppetMock;

export function createPuppet(cfg: WechatConfig): { puppet: WechatPuppet; mocker?: InstanceType<typeof mock.Mocker> } {
  if (cfg.puppet === 'wechaty-puppet-service') {
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
  const mocker = new mock.Mocker();
  return { puppet: new PuppetMock({ mocker }), mocker };
}
