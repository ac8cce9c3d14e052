import { GrammyError } from 'grammy';
import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { parseTelegramMessageId, toIncomingMessage } from '../../../src/adapters/telegram/telegram-message.ts';
import { renderHtml, toSendError } from '../../../src/adapters/telegram/telegram.gateway.ts';
import { ChatSendError, isPermanentSendError, sendErrorCode } from '../../../src/core/ports/chat-gateway.port.ts';

const SELF = { id: 777, username: 'linli_bot' };
const chat = { id: -100123, type: 'supergroup', title: '东园20号楼睦邻群' } as const;
const zhang = { id: 42, is_bot: false, first_name: '张', last_name: '阿姨', username: 'zhang' };
const msg = (fields: Record<string, unknown>) => ({ message_id: 9, date: 1_763_612_160, chat, from: zhang, ...fields }) as unknown as Message;

describe('toIncomingMessage (Telegram)', () => {
  it('maps a group text message, with ids scoped by chat', () => {
    expect(toIncomingMessage(msg({ text: '3号楼电梯坏了' }), SELF)).toEqual({
      platform: 'TELEGRAM',
      externalId: '-100123:9',
      groupExternalId: '-100123',
      sender: { externalId: '42', name: '张 阿姨' },
      text: '3号楼电梯坏了',
      kind: 'text',
      mentionsBot: false,
      sentAt: new Date(1_763_612_160_000),
    });
  });

  it('falls back to the username, then the id, for the name', () => {
    expect(toIncomingMessage(msg({ text: 'x', from: { id: 5, is_bot: false, first_name: ' ', username: 'li' } }), SELF)!.sender.name).toBe('@li');
    expect(toIncomingMessage(msg({ text: 'x', from: { id: 5, is_bot: false, first_name: '' } }), SELF)!.sender.name).toBe('5');
  });

  it('reads media kinds, with the caption as text or a short label', () => {
    expect(toIncomingMessage(msg({ photo: [{ file_id: 'p' }], caption: '井盖照片' }), SELF)).toMatchObject({ kind: 'image', text: '井盖照片' });
    expect(toIncomingMessage(msg({ photo: [{ file_id: 'p' }] }), SELF)).toMatchObject({ kind: 'image', text: '[图片]' });
    expect(toIncomingMessage(msg({ document: { file_id: 'd' } }), SELF)).toMatchObject({ kind: 'file', text: '[文件]' });
    expect(toIncomingMessage(msg({ video: { file_id: 'v' } }), SELF)).toMatchObject({ kind: 'video' });
    expect(toIncomingMessage(msg({ voice: { file_id: 'a' } }), SELF)).toMatchObject({ kind: 'audio', text: '[语音]' });
    expect(toIncomingMessage(msg({ audio: { file_id: 'a' } }), SELF)).toMatchObject({ kind: 'audio' });
    expect(toIncomingMessage(msg({ sticker: { file_id: 's' } }), SELF)).toMatchObject({ kind: 'other', text: '[其他消息]' });
  });

  it('turns a reply into a quote with the same id scheme, and knows a reply to the bot', () => {
    const reply = toIncomingMessage(msg({ text: '收到', reply_to_message: { message_id: 5, chat, from: { id: 777, is_bot: true, first_name: '邻里助手' }, text: '已收到，工单 #3 已登记' } }), SELF)!;
    expect(reply.quotedExternalId).toBe('-100123:5');
    expect(reply.quoted).toEqual({ text: '已收到，工单 #3 已登记', fromBot: true });
    // a reply to the bot is a quote, not a mention: "谢谢" in reply to a receipt must not open a ticket
    expect(reply.mentionsBot).toBe(false);
    const toPerson = toIncomingMessage(msg({ text: '是的', reply_to_message: { message_id: 4, chat, from: zhang, text: '电梯坏了' } }), SELF)!;
    expect(toPerson.quoted).toEqual({ text: '电梯坏了', fromBot: false });
  });

  it('sees an @mention of the bot (any case) and a text mention, not of others', () => {
    const text = '@Linli_Bot 东门路灯坏了';
    expect(toIncomingMessage(msg({ text, entities: [{ type: 'mention', offset: 0, length: 10 }] }), SELF)!.mentionsBot).toBe(true);
    expect(toIncomingMessage(msg({ text: '@someone 你好', entities: [{ type: 'mention', offset: 0, length: 8 }] }), SELF)!.mentionsBot).toBe(false);
    expect(toIncomingMessage(msg({ text: '邻里助手 看看', entities: [{ type: 'text_mention', offset: 0, length: 4, user: { id: 777 } }] }), SELF)!.mentionsBot).toBe(true);
    expect(toIncomingMessage(msg({ photo: [{ file_id: 'p' }], caption: '@linli_bot 看图', caption_entities: [{ type: 'mention', offset: 0, length: 10 }] }), SELF)!.mentionsBot).toBe(true);
  });

  it('names a message sent on behalf of a chat by that chat (an anonymous admin: the group; a channel), not by the fake sender Telegram puts in `from`', () => {
    const anonymous = toIncomingMessage(msg({ text: '明天停水', from: { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' }, sender_chat: chat }), SELF)!;
    expect(anonymous.sender).toEqual({ externalId: '-100123', name: '东园20号楼睦邻群' });
    const channel = { id: -100777, type: 'channel', title: '东园社区居委会' };
    const onBehalf = toIncomingMessage(msg({ text: '请大家注意防火', from: { id: 136817688, is_bot: true, first_name: 'Channel', username: 'Channel_Bot' }, sender_chat: channel }), SELF)!;
    expect(onBehalf.sender).toEqual({ externalId: '-100777', name: '东园社区居委会' });
  });

  it('reads no channel post as a resident\'s words: the linked channel\'s own posts are ignored, one forwarded from a channel is like a shared article', () => {
    const channel = { id: -100777, type: 'channel', title: '东园社区居委会' };
    const origin = { type: 'channel', chat: channel, message_id: 12, date: 1_763_612_000 };
    // the linked channel's post, shown in its discussion group
    expect(toIncomingMessage(msg({ text: '22号楼电梯坏了，物业正在抢修', from: { id: 777000, is_bot: false, first_name: 'Telegram' }, sender_chat: channel, is_automatic_forward: true, forward_origin: origin }), SELF)).toBeNull();
    // a resident forwards a channel's post: not what they say (as a WeChat article shared), read as a message of another kind
    expect(toIncomingMessage(msg({ text: '22号楼电梯坏了，物业正在抢修', forward_origin: origin }), SELF)).toMatchObject({ kind: 'other', text: '[其他消息]', sender: { externalId: '42' } });
    // a neighbour's words forwarded from another chat are brought by the resident: read as theirs
    const fromUser = { type: 'user', sender_user: { id: 43, is_bot: false, first_name: '李' }, date: 1_763_612_000 };
    expect(toIncomingMessage(msg({ text: '5号楼楼顶漏水了', forward_origin: fromUser }), SELF)).toMatchObject({ kind: 'text', text: '5号楼楼顶漏水了' });
  });

  it('reads only what people post, not the service messages Telegram adds (newer ones too), so none is added to a ticket', () => {
    for (const service of [{ boost_added: { boost_count: 1 } }, { general_forum_topic_hidden: {} }, { chat_background_set: { type: {} } }, { write_access_allowed: {} }, { giveaway_created: {} }, { users_shared: { request_id: 1, users: [] } }]) {
      expect(toIncomingMessage(msg(service), SELF), JSON.stringify(service)).toBeNull();
    }
    for (const posted of [{ sticker: { file_id: 's' } }, { location: { latitude: 25.4, longitude: 119 } }, { contact: { phone_number: '1', first_name: '物业' } }, { poll: { id: 'p', question: '?' } }]) {
      expect(toIncomingMessage(msg(posted), SELF), JSON.stringify(posted)).toMatchObject({ kind: 'other' });
    }
  });

  it('reads no other bot as a resident (a captcha or weather bot in the group), but a person\'s message sent via an inline bot is theirs', () => {
    const weather = { id: 5005, is_bot: true, first_name: '天气预报', username: 'weather_bot' };
    expect(toIncomingMessage(msg({ text: '暴雨预警：地下车库可能积水，请及时挪车', from: weather }), SELF)).toBeNull();
    expect(toIncomingMessage(msg({ text: '3号楼电梯坏了', via_bot: weather }), SELF)).toMatchObject({ sender: { externalId: '42' }, text: '3号楼电梯坏了' });
  });

  it('ignores private chats, service messages and the bot itself', () => {
    expect(toIncomingMessage(msg({ text: 'hi', chat: { id: 42, type: 'private', first_name: '张' } }), SELF)).toBeNull();
    expect(toIncomingMessage(msg({ new_chat_members: [zhang] }), SELF)).toBeNull();
    expect(toIncomingMessage(msg({ new_chat_title: '新名字' }), SELF)).toBeNull();
    expect(toIncomingMessage(msg({ text: 'x', from: { id: 777, is_bot: true, first_name: 'bot' } }), SELF)).toBeNull();
  });

  it('parses its own message ids and nothing else', () => {
    expect(parseTelegramMessageId('-100123:9')).toEqual({ chatId: '-100123', messageId: 9 });
    expect(parseTelegramMessageId('-100123:9/41~1763612200')).toEqual({ chatId: '-100123', messageId: 9, thread: 41 });
    expect(parseTelegramMessageId('wx-123')).toBeNull();
  });

  it('names a forum topic message with its topic, and a reply in a topic as of that topic; a plain thread of replies is no topic', () => {
    const forum = { ...chat, is_forum: true };
    const root = { message_id: 41, date: 1, chat: forum, forum_topic_created: { name: '电梯', icon_color: 0 } };
    const inTopic = toIncomingMessage(msg({ chat: forum, text: '电梯坏了', message_thread_id: 41, is_topic_message: true, reply_to_message: root }), SELF)!;
    expect(inTopic.externalId).toBe('-100123:9/41');
    expect(inTopic.quotedExternalId).toBeUndefined();
    // the replied message as Telegram nests it may leave out its topic: a reply within a topic is to a message of it
    const reply = toIncomingMessage(msg({ chat: forum, text: '收到', message_thread_id: 41, is_topic_message: true, reply_to_message: { message_id: 5, chat: forum, from: zhang, text: '电梯坏了' } }), SELF)!;
    expect(reply.quotedExternalId).toBe('-100123:5/41');
    const edited = toIncomingMessage(msg({ chat: forum, text: '电梯坏了，困了人', message_thread_id: 41, is_topic_message: true, edit_date: 1_763_612_200 }), SELF)!;
    expect(edited).toMatchObject({ externalId: '-100123:9/41~1763612200', quotedExternalId: '-100123:9/41' });
    // in an ordinary supergroup, message_thread_id names a thread of replies: not a topic
    expect(toIncomingMessage(msg({ text: '是的', message_thread_id: 3, reply_to_message: { message_id: 3, chat, from: zhang, text: 'x' } }), SELF)!.externalId).toBe('-100123:9');
  });
});

describe('Telegram gateway helpers', () => {
  it('renders mentions as links and escapes the text', () => {
    expect(renderHtml('请看 <通知> & 回复', [{ externalId: '42', name: '张<阿姨>' }])).toBe(
      '<a href="tg://user?id=42">张&lt;阿姨&gt;</a> 请看 &lt;通知&gt; &amp; 回复',
    );
    expect(renderHtml('好', [{ externalId: 'wx-1', name: '李' }])).toBe('@李 好');
  });

  it('turns final refusals into permanent errors, "not in group" ones recognised by the broadcast', () => {
    const api = (code: number, description: string) => new GrammyError('x', { ok: false, error_code: code, description }, 'sendMessage', {});
    const kicked = toSendError(api(403, 'Forbidden: bot was kicked from the group chat'), '-100', true) as ChatSendError;
    expect(kicked).toBeInstanceOf(ChatSendError);
    expect(kicked).toMatchObject({ code: 'NOT_IN_GROUP', permanent: true });
    expect(kicked.message).toMatch(/-100.*kicked.*403/);
    expect(sendErrorCode(kicked)).toBe('NOT_IN_GROUP');
    expect(toSendError(api(400, 'Bad Request: chat not found'), '-100', true)).toMatchObject({ code: 'NOT_IN_GROUP', permanent: true });
    expect(toSendError(api(403, 'Forbidden: bot was blocked by the user'), '42', false)).toMatchObject({ code: 'BLOCKED', permanent: true });
    expect(toSendError(api(400, "Bad Request: can't parse entities"), '-100', true)).toMatchObject({ code: 'REJECTED', permanent: true });
    // a bot still in the group but not allowed to write there (muted, or only admins may post): said as it is
    const muted = toSendError(api(400, 'Bad Request: not enough rights to send text messages to the chat'), '-100', true) as ChatSendError;
    expect(muted).toMatchObject({ code: 'NOT_IN_GROUP', permanent: true });
    expect(muted.message).toBe('Telegram refused to send to group -100: Bad Request: not enough rights to send text messages to the chat (400); the bot may not send messages in this group');
    const busy = toSendError(api(502, 'Bad Gateway'), '-100', true);
    expect(isPermanentSendError(busy)).toBe(false);
    expect(sendErrorCode(busy)).toBe('UNAVAILABLE');
  });
});
