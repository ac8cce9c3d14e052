// The gas fallback: a strong gas word and any sign of trouble anywhere in a message is a gas emergency, unless the
// message is a drill, elsewhere, over, a notice, a hypothetical, a purchase, a bill or cooking (part J's lines).
import { describe, expect, it } from 'vitest';
import { gasFallback } from '../../../../src/core/hazard/gas-fallback.ts';
import { detectHazard, detectHazardByRules } from '../../../../src/core/hazard/detect-hazard.ts';
import { hazardText } from '../../../../src/core/hazard/hazard-text.ts';

/** Gas leaks the pair rules miss and the fallback finds. */
const FALLBACK_ONLY = ['液化气瓶的减压阀在响 好像松了', '燃气表一直在闪红灯', '楼下那几个气罐那里有很大的声音'];

const NOT_GAS = [
  '燃气公司提醒：使用燃气后请关闭阀门 发现异味及时报修',
  '看新闻 某小区燃气爆炸 太惨了 大家都注意点',
  '燃气报警器误报 是电池没电了 已换',
  '今天煤气灶做了个红烧鱼 香',
  '煤气表的电池没电了 怎么换啊',
  '燃气灶打火的时候啪啪响',
  '燃气灶旋钮有点松了 要换吗',
  '孩子学校今天教了煤气泄漏时怎么逃生',
  // every gas word denied, or the smell traced to the drains (issue #12: the fallback raised these)
  '不是煤气泄漏 没有煤气味',
  '闻了半天 不是燃气 是地漏返味',
  // a nickname (part O round)
  '我同桌外号叫煤气灶 一说话就冒火 😂',
];

/** A denial of one thing does not hide a leak named beside it. */
const DENIAL_AND_LEAK = '不是燃气灶的问题 燃气表后面的管子一直嘶嘶响';

describe('hazardText folds what the word lists do not hold (part O round)', () => {
  it('reads English gas words, the slip 没气味 after 股, and Cantonese 揸住', () => {
    expect(hazardText('Smell gas at the lobby')).toBe('闻到 燃气 at the lobby');
    expect(hazardText('楼梯间一股没气味')).toBe('楼梯间一股煤气味');
    expect(hazardText('气球没气味道也没有')).toBe('气球没气味道也没有');
    expect(hazardText('佢揸住把刀')).toBe('他拿着把刀');
  });

  it('folds more traditional characters, Cantonese and Hokkien words, and slips of hazard words (part R round)', () => {
    expect(hazardText('嘭一聲 頂樓欄杆')).toBe('嘭一声 顶楼栏杆');
    expect(hazardText('部𨋢喺入面停咗')).toBe('部电梯在里面停了');
    expect(hazardText('坐佇窗仔邊 欲跳落去')).toBe('坐在窗仔边 要跳下去');
    expect(hazardText('配电想冒烟 消访通道 窗太上')).toBe('配电箱冒烟 消防通道 窗台上');
    // guarded: 窗太小 and 水井该 stay, 菜到 is 菜刀 only in a hand, 处电 only as a happening
    expect(hazardText('窗太小 水井该清理了 买菜到家 此处电梯')).toBe('窗太小 水井该清理了 买菜到家 此处电梯');
    expect(hazardText('拿着菜到 不知道怎么处电了')).toBe('拿着菜刀 不知道怎么触电了');
    expect(hazardText('old lady fainted, glass railing')).toBe('老太太 晕倒, 玻璃 栏杆');
  });

  it('drops the spaces of voice input spaced word by word, not those between clauses', () => {
    expect(hazardText('救命 5 栋 3 楼 屋里 有 火 我 走 不 动')).toBe('救命5栋3楼屋里有火我走不动');
    expect(hazardText('楼道里有烟 好像是5楼 大家快下楼')).toBe('楼道里有烟 好像是5楼 大家快下楼');
  });
});

describe('gas fallback', () => {
  it.each(FALLBACK_ONLY)('a gas emergency the pair rules alone miss: %s', (text) => {
    expect(detectHazardByRules(text)).toBeNull();
    expect(gasFallback(hazardText(text))).not.toBeNull();
    expect(detectHazard(text)).toMatchObject({ level: 'emergency', kind: 'gas_leak' });
  });

  it('reads past a denial of one gas word to a leak at another', () => {
    expect(detectHazard(DENIAL_AND_LEAK)).toMatchObject({ level: 'emergency', kind: 'gas_leak' });
  });

  it.each(NOT_GAS)('not a report of a leak here and now: %s', (text) => {
    expect(gasFallback(hazardText(text))).toBeNull();
    expect(detectHazard(text)).toBeNull();
  });
});
