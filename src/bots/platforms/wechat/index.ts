// WeChat's platform face: a WechatBot on the configured puppet (the mock one logs in by itself).
import { createPuppet } from '../../../adapters/wechaty/puppet.ts';
import { WechatBot } from '../../wechat.ts';
import { faceOf, type CreatePlatform } from '../../platform.ts';

export const createPlatform: CreatePlatform = async (o) => {
  const cfg = o.config;
  const { puppet, mocker } = await createPuppet(cfg.wechat, cfg.dataDir);
  const bot = new WechatBot({
    ...o,
    botName: cfg.botName,
    puppet,
    wechat: cfg.wechat,
    onPuppetStarted: mocker ? () => mocker.login(mocker.createContact({ name: cfg.botName })) : undefined,
  });
  return faceOf(bot, 'WECHAT', true, () => `WeChat (${cfg.wechat.puppet})`);
};
