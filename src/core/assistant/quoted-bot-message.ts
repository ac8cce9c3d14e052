// The bot message a reply quotes: Telegram names it, a WeChat quote only shows its text (found among the bot's recent
// posts in the group).
import type { StoredMessage } from '../ports/message.repository.ts';
import type { Store } from '../ports/store.port.ts';
import { repliedTo, type MessageContext } from './assistant.types.ts';

/** "@张阿姨 @李先生 " (WeChat puts U+2005 or a space after a name). */
const LEADING_MENTIONS = /^(?:@[^\s@]+\s+)+/u;
/** How far back a quoted bot message is looked for: a ticket's life, with room to spare. */
const QUOTE_LOOKBACK_DAYS = 90;

export async function quotedBotMessage(store: Store, ctx: MessageContext): Promise<StoredMessage | null> {
  // (an edited reply: what its first version replied to)
  const quoted = repliedTo(ctx);
  if (quoted) return quoted.direction === 'OUT' ? quoted : null;
  if (ctx.quoted) return null;
  const q = ctx.msg.quoted;
  if (!q?.fromBot) return null;
  // WeChat shows the @names the bot put before its words ("@张阿姨 已收到，…"); the stored text has none
  const text = q.text.trim();
  const bare = text.replace(LEADING_MENTIONS, '').trim();
  return store.messages.lastOutgoingWithText(ctx.msg.platform, ctx.group.id, [...new Set([text, bare])], QUOTE_LOOKBACK_DAYS);
}
