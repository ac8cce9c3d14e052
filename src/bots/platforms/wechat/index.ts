// WeChat's platform face: a WechatBot on the configured puppet (the mock one logs in by itself).
import { createPuppet } from '../../../adapters/wechaty/puppet.ts';
import { WechatBot } from '../../wechat.ts';
import type { CreatePlatform } from '../../platform.ts';

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
  return {
    name: 'WECHAT',
    gateway: bot.gateway,
    sendsNeedSession: true,
    start: () => bot.start(),
    stop: () => bot.stop(),
    idle: () => bot.idle(),
    describe: () => `WeChat (${cfg.wechat.puppet})`,
  };
};
