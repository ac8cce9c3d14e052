// Parts AO and AP, things: electrical faults in trade words and lay words (a breaker that trips and is reset again and
// again with the wall crackling, a live neutral, an RCD tripping with water in the circuit, a cabinet or box hot with
// burn marks, a taped joint blackened and soft, a meter racing with nothing on), gas told by a detector or misspelt,
// a lamp holder hanging by its wires, a cable stripped and lying in the rain, a strip run down from a window, a cell
// cabinet alarming, exits stacked full, paving hollow underfoot. Paraphrases of the round's lines, never bench lines,
// with look-alikes (repairs done, quotes, questions, notices) that must stay normal.
import { describe, expect, it } from 'vitest';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';

/** [text, the least urgency it must get]. */
const ALERTS: readonly (readonly [string, 'urgent' | 'emergency'])[] = [
  // electrical faults
  ['空开合上去又跳 反复好几回了 墙里还滋滋的', 'urgent'],
  ['总闸跳了我推上去 没一会又跳了 来回四次 插座那边有响声', 'urgent'],
  ['我拿电笔试了 零线也带电 隔壁几户一样', 'urgent'],
  ['零线上有电 电笔一碰就亮', 'urgent'],
  ['空开推上去又跳 来回好几次了 墙里噼啪响 怎么办', 'urgent'],
  ['漏电保护器老是跳 说是线管里进水了 一直没人来', 'urgent'],
  ['控制柜摸上去烫手 机房里一股焦糊味', 'urgent'],
  ['电线接头用胶布随便缠的 现在那里发黑了 还烫', 'urgent'],
  ['电闸箱一直在嗡嗡地响 旁边墙面熏黑了', 'urgent'],
  ['配电箱盖上有烧焦的痕迹 摸着还热', 'urgent'],
  ['家里什么电器都没开 电表转得飞快 墙里面咔咔响', 'urgent'],
  ['老铝线 开关面板烫手 有股烧头发的味道', 'urgent'],
  // gas
  ['燃气公司的人拿检测仪在门口测 仪器报警了 家里没人', 'emergency'],
  ['液化气罐阀门那里呲呲冒白气 旁边有人在生火', 'emergency'],
  ['煤汽味好重 三楼楼道', 'emergency'],
  // fire, explosion
  ['楼上的烟灌进我家了 楼道漆黑一片 往哪跑啊', 'emergency'],
  ['顶楼那户空调外机着火了 黑烟一股一股往外冒', 'emergency'],
  ['轰的一声整栋楼都在抖 那边单元的玻璃全震碎了', 'emergency'],
  ['嘭的一声 整个楼都晃了一下 对面单元窗户玻璃都碎了', 'emergency'],
  // wires
  ['电梯口的灯座掉了 两根线就那么吊着 一碰会触电吧', 'urgent'],
  ['走廊灯座脱落了 靠两根电线挂着 伸手就能摸到', 'urgent'],
  ['工地扔了一段电缆在路边 线头剥开的 泡在雨水里', 'urgent'],
  ['车库开关盒没盖子 里面线是裸的 电笔测有电', 'urgent'],
  ['充电桩旁边的线被车轧破了皮 地上都是水', 'urgent'],
  ['有人从窗户放了个插排吊到楼下 就摆地上 正下着雨', 'urgent'],
  ['顺着外机支架扯了根线下来 地上接着排插', 'urgent'],
  ['电箱底下积了一滩水 往下滴 箱门开着', 'urgent'],
  // battery
  ['换电柜里有个仓电池在报警 温度过高灯一直闪 柜门打不开', 'urgent'],
  // exits, structure, falling
  ['安全出口被店家拿来堆货 纸箱一直堆到门框', 'urgent'],
  ['疏散楼梯里堆了几个液化气罐和纸壳', 'urgent'],
  ['单元门口的地砖踩上去会晃 底下是空的', 'urgent'],
  ['路中间塌了个大坑 很深 底下还有水在流', 'urgent'],
  ['五楼窗台上一排花盆 没有护栏 今天风特别大', 'urgent'],
];

/** Look-alikes: the same words in a repair done, a quote, a question, a notice, a lecture. */
const NORMAL: readonly string[] = [
  '空开跳了是什么原因 怎么判断是哪一路',
  '上周零线带电的问题电工已经处理好了 谢谢物业',
  '零线为什么会带电？想问下原理',
  '师傅查过了 零线不带电 是电笔坏了',
  '空开跳了两次 后来发现是热水器的问题 已经换了',
  '漏保跳闸的问题已经修好了',
  '电表转得快是不是要换个电表 多少钱',
  '请问燃气检测仪在哪里买 多少钱一个',
  '明天上午燃气公司上门安检 请业主留人在家',
  '下周三停电检修配电箱 请大家提前准备',
  '电工师傅报价换铝线要两千 有点贵',
  '消防讲座：接头用胶布缠容易发热 大家注意',
  '灯座掉了 师傅已经换了新的',
  '楼道灯不亮了 麻烦来修一下',
  '花盆放窗台上好看吗 想买几个',
  '地砖有点松 不急 有空来看看',
  '电池柜什么时候能用',
  '昨晚打雷 轰的一声 楼都震了一下 还好玻璃没碎',
  '甲醛检测仪在卧室报警了 新装修的',
  '楼下有人抽烟 烟都飘到我家了 往哪躲都没用 往哪跑啊',
  '空调外机着了灰 要洗一下吗',
];

const RANK = { normal: 0, urgent: 1, emergency: 2 } as const;

describe('parts AO/AP things: alerts', () => {
  it.each(ALERTS)('%s → at least %s', (text, level) => {
    expect(RANK[detectUrgency(text).urgency]).toBeGreaterThanOrEqual(RANK[level]);
  });
});

describe('parts AO/AP things: look-alikes', () => {
  it.each(NORMAL)('%s → normal', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
  });
});
