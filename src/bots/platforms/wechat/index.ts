// WeChat's platform face: a WechatPlatform on the configured puppet (the mock one logs in by itself).
import { createPuppet } from '../../../adapters/wechaty/puppet.ts';
import type { CreatePlatform } from '../../platform.ts';
import { WechatPlatform } from './wechat-platform.ts';

export { WechatPlatform, type WechatPlatformOptions } from './wechat-platform.ts';

export const createPlatform: CreatePlatform = async ({ config: cfg, logger }) => {
  const { puppet, mocker } = await createPuppet(cfg.wechat, cfg.dataDir);
  return new WechatPlatform({
    puppet,
    wechat: cfg.wechat,
    botName: cfg.botName,
    logger,
    onPuppetStarted: mocker ? () => mocker.login(mocker.createContact({ name: cfg.botName })) : undefined,
  });
};
