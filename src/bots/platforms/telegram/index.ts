// Telegram's platform face: a TelegramPlatform on long polling with the configured token.
import type { CreatePlatform } from '../../platform.ts';
import { TelegramPlatform } from './telegram-platform.ts';

export { TelegramPlatform, type TelegramPlatformOptions } from './telegram-platform.ts';

export const createPlatform: CreatePlatform = async ({ config, logger }) => {
  const token = config.telegram.token;
  if (!token) throw new Error('Telegram needs TELEGRAM_BOT_TOKEN');
  return new TelegramPlatform({ telegram: { ...config.telegram, token }, logger });
};
