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
  // a pressure vessel burst, bangs again and smoke
  ['锅炉房的压力罐炸了 热水喷了一地 有人在里面', 'emergency'],
  ['又砰的响了一声 这是第三次了 烟从车库口冒出来', 'emergency'],
  // extinguishers carried off, tied shut, a fire pump dead
  ['楼道的灭火器被谁搬回家垫桌脚了 一层一个都没有', 'urgent'],
  ['消火栓箱被人拿铁丝缠死了 根本打不开', 'urgent'],
  ['消防水泵一直启不动 物业说在修', 'urgent'],
  // water down a lift shaft, the lift fizzing
  ['屋顶水池漫了 顺着电梯井往下淌 里面滋啦响', 'emergency'],
  // the ground of a way in use still sinking
  ['车库坡道路面开裂 现在还在慢慢往下沉', 'urgent'],
  // a lead from a window, its end scorched; a strip across the pavement
  ['楼上那根线又从阳台吊下来了 线头都烧焦了', 'urgent'],
  ['剪了又接 这回插线板直接横穿人行道', 'urgent'],
  // wires at head height over a pavement
  ['拆完招牌留了几根电线垂在人行道上 差点勾到一个骑车的阿姨', 'urgent'],
  // loose things high up, about to fall
  ['台风天 七楼那块铁皮一直在咣咣响 底下全是车', 'urgent'],
  ['五楼外面的晾衣架就挂着一点点了 随时会掉', 'urgent'],
  ['脚手架松了好几根 工人还在上面干活', 'emergency'],
  ['楼上砸了墙 我家墙裂缝越来越长', 'emergency'],
  // fallen again near people; a knife thrown down
  ['那扇窗今天又掉了一块 离楼下的人就两米', 'emergency'],
  ['有人从楼上往下扔砖头！', 'emergency'],
  // a bike pushed up to a high floor, a stair barred, a window glowing after smoke
  ['外卖员推着电瓶车要上20楼 保安拦不住', 'urgent'],
  ['疏散楼梯五楼那里被人封死了 还上了锁', 'urgent'],
  ['先是看到一点烟 现在那家窗户里全红了', 'emergency'],
  ['飞线充电的那个插排被车压着 插头在冒热气', 'emergency'],
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
  '压力锅炸了 厨房一地的粥',
  '灭火器搬回家了吗 培训要用',
  '晾衣服的线从阳台垂下来了 谁家的',
  '晾衣绳垂在过道里 碍事',
  '风铃一直在响 吵死了',
  '窗户里红红的 是挂了灯笼吧',
  '电动车停到3号楼后面的棚子里',
  '线头烧黑的插头已经换掉了',
  '楼梯间的窗户封死了 夏天闷得很',
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
