// Parts AL and AN, things: typed and voice slips (照火 着火, 电评车 电瓶车, fei线 飞线), water at live equipment (a power
// room reached, a panel fizzing, a strip afloat, a substation box's base under water, water down a lift shaft), the
// ground sunk with a car in it or still sinking, a drain grate stolen or a septic tank's slab left open, extinguishers
// taken away, a fire shutter that cannot come down, a stair barred and locked, a control cabinet crackling and smelling
// of burnt plastic. Paraphrases of the round's lines, never bench lines, with look-alikes that must stay normal.
import { describe, expect, it } from 'vitest';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';

/** [text, the least urgency it must get]. */
const ALERTS: readonly (readonly [string, 'urgent' | 'emergency'])[] = [
  // slips
  ['照火了 7栋楼下垃圾房 快来', 'emergency'],
  ['2单元照火啦 好大的烟', 'emergency'],
  ['楼道里 电评车 插着电充 没人管', 'urgent'],
  ['fei线给电动车充电 12栋窗口拉下来的', 'urgent'],
  // water at live equipment
  ['下大雨车库进水 水都漫到负一楼配电房了！', 'emergency'],
  ['地下室积水已经淹到配电柜脚下了', 'emergency'],
  ['泵房渗水 顺着墙进了电控柜 里面滋滋声', 'emergency'],
  ['暴雨 保安亭里的插排都漂起来了', 'emergency'],
  ['北门那个箱变泡在水里了 水没过了底座', 'urgent'],
  ['天台水箱漫水了 水顺着电梯井往下淌', 'urgent'],
  // the ground sunk, a car in it, or still going down
  ['小区主干道陷下去一个坑 有辆车后轮掉进去了', 'urgent'],
  ['【巡查】2号楼北侧草坪下陷三十公分左右，已拉警戒线', 'urgent'],
  ['地库出口路面裂了 还在慢慢往下沉 车照样在开', 'urgent'],
  // drains and slabs open
  ['路口的下水篦子被人偷走了 水一漫根本看不见那个口', 'urgent'],
  ['化粪池盖板掀开着 工人下班走了 也没围起来', 'urgent'],
  // fire equipment taken away
  ['三单元的灭火器都被人拿走了 楼里一个也没剩', 'urgent'],
  // a fire shutter that cannot come down, a stair barred and locked
  ['负二层防火卷帘底下停了台车 卷帘落不下来', 'urgent'],
  ['8栋楼梯二楼到三楼被铁栅栏拦死了还挂了锁 上不去', 'urgent'],
  // a control cabinet crackling and smelling burnt
  ['电梯机房控制柜里噼噼啪啪的 还有股烧塑料味', 'urgent'],
];

/** Look-alikes: no alert. */
const NORMAL: readonly string[] = [
  '帮我拍照火锅店门口那个招牌',
  '电评车哪家卖得便宜',
  'fei线是什么意思',
  '配电房门口的排水沟该清一下了 下雨容易积水',
  '拖鞋漂起来了 泳池里',
  '小区道路有个坑 下周修',
  '这个篦子太脏了 该冲洗一下',
  '灭火器已经换新的了 旧的拿走了',
  '防火卷帘年检定在下周三',
  '楼梯扶手的铁栅栏刷了新漆',
  '控制柜的门锁坏了 关不上',
  '路面裂了几道细缝 不影响走',
];

const RANK = { normal: 0, urgent: 1, emergency: 2 } as const;

describe('parts AL/AN things: alerts', () => {
  it.each(ALERTS)('%s → at least %s', (text, level) => {
    expect(RANK[detectUrgency(text).urgency]).toBeGreaterThanOrEqual(RANK[level]);
  });
});

describe('parts AL/AN things: look-alikes', () => {
  it.each(NORMAL)('%s → normal', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
  });
});
