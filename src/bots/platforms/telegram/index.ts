// Telegram's platform face: a TelegramBot on long polling with the configured token.
import { TelegramBot } from '../../telegram.ts';
import { faceOf, type CreatePlatform } from '../../platform.ts';

export const createPlatform: CreatePlatform = async (o) => {
  const token = o.config.telegram.token;
  if (!token) throw new Error('Telegram needs TELEGRAM_BOT_TOKEN');
  const bot = new TelegramBot({ ...o, telegram: { ...o.config.telegram, token } });
  return faceOf(bot, 'TELEGRAM', false, () => `Telegram (@${bot.bot.botInfo.username})`);
};
