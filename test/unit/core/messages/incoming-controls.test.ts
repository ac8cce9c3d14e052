// Control characters are dropped where a message comes in; clean messages pass through untouched (same object).
import { describe, expect, it } from 'vitest';
import { withoutControlChars, type IncomingMessage } from '../../../../src/core/messages/incoming-message.ts';
import { stripControlChars } from '../../../../src/core/util/control-chars.ts';
import { saysNothing } from '../../../../src/core/messages/message-substance.ts';

const msg = (text: string, name = '张阿姨'): IncomingMessage => ({
  platform: 'WECHAT',
  externalId: 'm1',
  groupExternalId: 'room-1',
  sender: { externalId: 'wx-1', name },
  text,
  quoted: { text: `引用${text}`, fromBot: false },
  sentAt: new Date('2026-12-05T00:00:00Z'),
});

describe('stripControlChars', () => {
  it.each([
    ['\u001b[31m红色\u001b[0m', '红色'],
    ['响铃\u0007', '响铃'],
    ['\u0001开头\u0002', '开头'],
    ['删除\u007f', '删除'],
    ['C1\u0085\u009b31m后', 'C1后'],
    ['\u202e反向\u202c', '反向'],
    ['\u2066隔离\u2069', '隔离'],
    ['\u001b]0;标题\u0007正文', '正文'],
    ['\u001b]8;;http://x\u001b\\链接', '链接'],
    ['\u001b[1;32;40m多参数', '多参数'],
    ['\u001bc重置', '重置'],
    ['NUL\u0000中', 'NUL中'],
    ['第一行\n第二行\t制表', '第一行\n第二行\t制表'],
    ['Windows\r\n换行', 'Windows\n换行'],
    ['旧式\r换行', '旧式\n换行'],
    ['3号楼电梯坏了 👍 \u200b', '3号楼电梯坏了 👍 \u200b'],
  ])('%j → %j', (input, out) => expect(stripControlChars(input)).toBe(out));

  it('returns the same string when clean', () => {
    const s = '普通消息，电话已打过';
    expect(stripControlChars(s)).toBe(s);
  });
});

describe('withoutControlChars', () => {
  it('cleans text, sender name and quoted text', () => {
    const out = withoutControlChars(msg('电梯\u001b[31m坏了\u0007', '张\u202e阿姨'));
    expect(out.text).toBe('电梯坏了');
    expect(out.sender.name).toBe('张阿姨');
    expect(out.quoted?.text).toBe('引用电梯坏了');
  });

  it('returns the same object for a clean message', () => {
    const m = msg('3号楼电梯坏了\n快来');
    expect(withoutControlChars(m)).toBe(m);
  });
});

describe('saysNothing', () => {
  it.each(['@邻里助手 。', '@邻里助手\u2005', '@邻里助手', '👍🙏', '\u200b\u200c\u200d\ufeff', '？！…～', '@邻里助手 @张阿姨 ！', '⭐️✨', '@linli_bot'])('%j says nothing', (t) =>
    expect(saysNothing(t)).toBe(true),
  );
  it.each(['@邻里助手 电梯坏了', '@邻里助手 3', '漏水', '@邻里助手 help', '🚒 着火了', '@linli_bot电梯坏了', '@linli_bot 电梯'])('%j says something', (t) => expect(saysNothing(t)).toBe(false));
});
