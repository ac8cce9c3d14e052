// Turns a Wechaty message into Linli's IncomingMessage: the one place where WeChat's raw shapes are read.
import type { Message } from 'wechaty';
import { types } from 'wechaty';
import { KIND_LABEL_ZH, type IncomingMessage, type MessageKind } from '../../core/messages/incoming-message.ts';

/**
 * WeChat delivers a quote-reply as text: 「张阿姨：原文」, a line of dashes, then the reply. Puppets differ in the
 * colon (：or :) and in the dash line; both are accepted.
 */
const QUOTE = /^「([^：:\n]{1,64})[：:]([\s\S]*?)」\s*\n\s*(?:-\s*){3,}\s*\n([\s\S]*)$/;

export function parseQuote(text: string): { senderName: string; quotedText: string; reply: string } | null {
  const m = QUOTE.exec(text);
  if (!m) return null;
  return { senderName: m[1]!.trim(), quotedText: m[2]!.trim(), reply: m[3]!.trim() };
}

/**
 * A mention typed by hand may run straight into the words ("@邻里助手电梯坏了"); WeChat's member picker puts U+2005
 * after the name. The bot's own mention gets that separator here, so core reads "@name" and the words apart.
 */
export function separateBotMention(text: string, botName: string): string {
  const at = `@${botName}`;
  let out = '';
  let from = 0;
  for (let i = text.indexOf(at); i >= 0; i = text.indexOf(at, from)) {
    const next = text[i + at.length];
    out += text.slice(from, i + at.length) + (next === undefined || /\s/u.test(next) ? '' : '\u2005');
    from = i + at.length;
  }
  return out + text.slice(from);
}

const KIND: Partial<Record<number, MessageKind>> = {
  [types.Message.Text]: 'text',
  [types.Message.Image]: 'image',
  [types.Message.Attachment]: 'file',
  [types.Message.Video]: 'video',
  [types.Message.Audio]: 'audio',
};

/** A room message from someone other than the bot, normalized; null for anything Linli does not read. */
export async function toIncomingMessage(msg: Message, botName: string): Promise<IncomingMessage | null> {
  if (msg.self()) return null;
  const room = msg.room();
  const talker = msg.talker();
  if (!room || !talker) return null;
  const kind = KIND[msg.type()] ?? 'other';
  let text = kind === 'text' ? msg.text() : KIND_LABEL_ZH[kind];
  let quoted: IncomingMessage['quoted'];
  if (kind === 'text') {
    const q = parseQuote(text);
    if (q) {
      text = q.reply;
      quoted = { text: q.quotedText, fromBot: q.senderName === botName };
    }
  }
  // "@邻里助手" typed by hand (not picked from the member list) is no WeChat mention, but it is addressed to the bot all the same
  const typed = kind === 'text' && text.includes(`@${botName}`);
  const mentionsBot = kind === 'text' ? typed || (await msg.mentionSelf()) : false;
  if (typed) text = separateBotMention(text, botName);
  return {
    platform: 'WECHAT',
    externalId: msg.id,
    groupExternalId: room.id,
    sender: { externalId: talker.id, name: (await room.alias(talker)) || talker.name() },
    text,
    kind,
    quoted,
    mentionsBot,
    sentAt: msg.date(),
  };
}
