import { describe, it, expect } from 'vitest';
import { cleanMessage, summarize } from '../../../../src/core/triage/summary.ts';

describe('summarize — the glossary case', () => {
  it('keeps the whole report when it fits, without the trailing question mark', () => {
    const s = summarize('20号楼107室门口的这个污水井盖破损严重,快塌下去了,物业能否帮忙更换一下?');
    expect(s).toBe('20号楼107室门口的这个污水井盖破损严重,快塌下去了,物业能否帮忙更换一下');
    expect(s.length).toBeLessThanOrEqual(40);
  });

  it('cuts it at a clause boundary when the budget is smaller', () => {
    expect(summarize('20号楼107室门口的这个污水井盖破损严重,快塌下去了,物业能否帮忙更换一下?', 30)).toBe(
      '20号楼107室门口的这个污水井盖破损严重,快塌下去了…',
    );
  });
});

describe('summarize — cleaning', () => {
  it.each([
    ['@物业小王\u2005 3栋电梯又坏了[捂脸][捂脸] 谢谢！！', '3栋电梯又坏了'],
    ['@张三 @李四 楼道灯不亮', '楼道灯不亮'],
    ['大家好，3号楼的电梯坏了   卡在5楼😭😭 麻烦了', '3号楼的电梯坏了 卡在5楼'],
    ['👍🏻👨‍👩‍👧 东门栏杆坏了🇨🇳', '东门栏杆坏了'],
    ['楼下网吧太吵', '楼下网吧太吵'],
    ['3栋电梯坏了吧', '3栋电梯坏了'],
    ['物业您好，地库积水严重，急急急！！！', '地库积水严重'],
    ['请问一下，快递柜怎么打不开了？谢谢大家', '快递柜怎么打不开了'],
    ['\n\t 车棚   灯\n不亮  ', '车棚 灯 不亮'],
    ['/::) 垃圾站好臭', '垃圾站好臭'],
    // a hand-typed mention that runs into the words: the words stay rather than a blank summary (seen in the sandbox)
    ['@物业电梯坏了', '物业电梯坏了'],
  ])('%j → %j', (input, out) => expect(summarize(input)).toBe(out));

  it('keeps a message that is nothing but filler', () => {
    expect(summarize('谢谢')).toBe('谢谢');
    expect(summarize('')).toBe('');
    expect(summarize('[捂脸]')).toBe('');
  });
});

describe('summarize — masking', () => {
  it('masks phone and ID numbers', () => {
    expect(summarize('我电话138 1234 5678，有事联系')).toBe('我电话138****5678，有事联系');
    expect(summarize('身份证350321199001011234丢了')).toBe('身份证3503**********1234丢了');
  });

  it('masks a number that emoji or mentions had split apart', () => {
    expect(summarize('138😀12345678')).toBe('138****5678');
  });

  it('does not mask ticket or room numbers', () => {
    expect(summarize('#1024 502室还是漏水')).toBe('#1024 502室还是漏水');
  });

  it('cleanMessage masks too', () => {
    expect(cleanMessage('@a 13812345678')).toBe('138****5678');
  });
});

describe('summarize — length', () => {
  const long = '各位邻居：5栋楼道堆满了杂物，消防通道也被堵了，晚上还有人在那边抽烟，太危险了，物业能不能管一管啊';

  it('stays within 40 characters and ends with … when cut', () => {
    const s = summarize(long);
    expect(s.length).toBeLessThanOrEqual(40);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toBe('5栋楼道堆满了杂物，消防通道也被堵了，晚上还有人在那边抽烟，太危险了…');
  });

  it('hard-cuts a text without boundaries', () => {
    const s = summarize('楼'.repeat(100), 10);
    expect(s).toBe(`${'楼'.repeat(9)}…`);
  });

  it('never splits a surrogate pair', () => {
    const s = summarize('𠀀'.repeat(30), 10);
    expect(s.length).toBeLessThanOrEqual(10);
    expect(s).toBe(`${'𠀀'.repeat(4)}…`);
  });

  it('respects every budget', () => {
    for (let n = 0; n <= 45; n++) expect(summarize(long, n).length).toBeLessThanOrEqual(n);
    expect(summarize(long, 1)).toBe('…');
  });

  it('does not cut when it fits exactly', () => {
    expect(summarize('一二三四五', 5)).toBe('一二三四五');
  });
});

describe('summarize — a phrase repeated to flood the group', () => {
  it('says the phrase once (a 5,000-character line of 电梯坏了 made a summary of 电梯坏了电梯坏了…)', () => {
    expect(summarize('电梯坏了'.repeat(1250))).toBe('电梯坏了');
    expect(summarize('电梯坏了！'.repeat(999) + '电梯')).toBe('电梯坏了');
    expect(summarize('3号楼 ' + '电梯坏了，'.repeat(600) + '快来修')).toBe('3号楼 电梯坏了，快来修');
  });

  it('leaves a short repetition as it was said', () => {
    expect(summarize('哈哈哈哈，电梯又坏了')).toBe('哈哈哈哈，电梯又坏了');
    expect(summarize('快来人快来人快来人，电梯里有人')).toBe('快来人快来人快来人，电梯里有人');
  });
});
