import { describe, expect, it } from 'vitest';
import { separateBotMention } from '../../../src/adapters/wechaty/wechaty-message.ts';
import { saysNothing } from '../../../src/core/messages/message-substance.ts';

describe('separateBotMention', () => {
  it('puts WeChat’s separator after a hand-typed mention of the bot that runs into the words', () => {
    expect(separateBotMention('@邻里助手电梯坏了', '邻里助手')).toBe('@邻里助手\u2005电梯坏了');
    expect(saysNothing(separateBotMention('@邻里助手电梯坏了', '邻里助手'))).toBe(false);
  });

  it('leaves mentions that already end in a space, other people’s mentions and plain text alone', () => {
    expect(separateBotMention('@邻里助手\u2005电梯坏了', '邻里助手')).toBe('@邻里助手\u2005电梯坏了');
    expect(separateBotMention('@邻里助手 。', '邻里助手')).toBe('@邻里助手 。');
    expect(separateBotMention('@邻里助手', '邻里助手')).toBe('@邻里助手');
    expect(separateBotMention('@张三 电梯坏了', '邻里助手')).toBe('@张三 电梯坏了');
    expect(separateBotMention('电梯坏了', '邻里助手')).toBe('电梯坏了');
  });

  it('still finds nothing in a mention followed only by punctuation, emoji or a zero-width space', () => {
    for (const t of ['@邻里助手。', '@邻里助手😀', '@邻里助手\u200b']) expect(saysNothing(separateBotMention(t, '邻里助手'))).toBe(true);
  });

  it('separates every mention of the bot in a message', () => {
    expect(separateBotMention('@邻里助手你好 @邻里助手楼道灯坏了', '邻里助手')).toBe('@邻里助手\u2005你好 @邻里助手\u2005楼道灯坏了');
  });
});
