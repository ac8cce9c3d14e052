// Telegram's platform face: a TelegramBot on long polling with the configured token.
import { TelegramBot } from '../../telegram.ts';
import type { CreatePlatform } from '../../platform.ts';

export const createPlatform: CreatePlatform = async (o) => {
  const token = o.config.telegram.token;
  if (!token) throw new Error('Telegram needs TELEGRAM_BOT_TOKEN');
  const bot = new TelegramBot({ ...o, telegram: { ...o.config.telegram, token } });
  return {
    name: 'TELEGRAM',
    gateway: bot.gateway,
    sendsNeedSession: false,
    start: () => bot.start(),
    stop: () => bot.stop(),
    idle: () => bot.idle(),
    describe: () => `Telegram (@${bot.bot.botInfo.username})`,
  };
};
