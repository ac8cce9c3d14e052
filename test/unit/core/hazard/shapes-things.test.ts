// Part AM's round, things: dangers told by what people need or do about them (an extinguisher begged, a stick to pull
// someone off a live wire, a gas alarm's phone alert with no one home), by their consequence (eyes stung shut in a dark
// stairwell, bangs and smoke rising), in pinyin initials (fxcd 飞线充电, lx 裸线, jg 井盖, bs 不是) and bare cries ("救火啊");
// and the false alarms: a documentary, news from a hometown in a long post, a thrower found and sorry, a notice to clear
// the corridors, a list of gripes. Paraphrases of the round's lines, never bench lines, with look-alikes.
import { describe, expect, it } from 'vitest';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';

/** [text, the least urgency it must get]. */
const ALERTS: readonly (readonly [string, 'urgent' | 'emergency'])[] = [
  // a gas alarm's push to the phone, no one at home, someone asked to go and look
  ['燃气报警器给我手机推送报警了 家里没人 谁帮我去8楼看看', 'emergency'],
  ['煤气报警器app一直在提醒 我在外地出差 家里只有猫', 'emergency'],
  // an extinguisher begged in a hurry
  ['谁家有灭火器 快拿下来 3栋', 'emergency'],
  ['急 借个灭火器 赶紧 5楼', 'emergency'],
  ['快拿灭火器 厨房', 'emergency'],
  // smoke told by what it does to people
  ['单元楼梯里黑乎乎的 呛得眼睛都睁不开 快', 'emergency'],
  ['走廊一片黑 看不清人 呛得喘不上气', 'emergency'],
  // bangs in a row and smoke rising
  ['车库那边砰砰响了好几声 一股烟往外冒', 'emergency'],
  ['地下室连着响了两三声 有烟往上涌', 'emergency'],
  // someone shocked told by the warning and what it did
  ['别摸那个铁门 有电 刚才一个阿姨碰了一下被弹开了', 'emergency'],
  ['不要用手拉他 找根木棍 电还没断', 'emergency'],
  ['拿干木头把电线挑开 别用手碰他', 'emergency'],
  // a bare wire end hanging low
  ['单元门口顶上垂下来一截铜线头 光着的 小孩伸手就能碰到', 'urgent'],
  ['lx露出来了 5栋车棚边上', 'urgent'],
  // a lead run down from a flat, a bike on it, rain coming
  ['2栋楼下那根拖线板 从三楼一直拉到草坪 车还插着', 'urgent'],
  ['fxcd 又是7单元那家', 'urgent'],
  ['这根线从五楼垂下来的 高个子走过去头都能碰到', 'urgent'],
  // a bike pushed into the lobby to charge
  ['送外卖的把车推进门厅插座上充电', 'urgent'],
  // a power bank swollen and popping
  ['充电宝发烫 鼓起来了 还噗噗地响', 'emergency'],
  // a fire door wedged open
  ['9楼防火门被人拿砖头抵着 开着关不上', 'urgent'],
  ['消防门用木块卡着 一直开着', 'urgent'],
  // water at the power room or a transformer box
  ['车库进水了 配电室快要淹了', 'emergency'],
  ['路口那个变电箱泡在水里了 还在冒泡', 'emergency'],
  // a bottle fell, no one hit
  ['刚刚一个酒瓶从楼上砸下来 碎了一地 幸亏没人', 'urgent'],
  ['楼上的别再扔了！！', 'urgent'],
  // the ground caving in
  ['地库的地面裂开了 一辆车前轮陷进去了', 'urgent'],
  ['草坪边上的地凹下去一块 下面是空的 踩着咚咚响', 'urgent'],
  // a loose manhole cover in initials
  ['jg松了 踩一下就翘起来', 'urgent'],
  // a bare cry
  ['救火啊', 'emergency'],
  ['救火啊！！', 'emergency'],
];

/** Look-alikes: no alert. */
const NORMAL: readonly string[] = [
  '燃气报警器推送说电量低了 怎么换电池',
  '谁家有灭火器借我看看型号 想买个一样的',
  '炒辣椒呛得眼睛都睁不开',
  '楼下在放鞭炮 响了好几声 一股烟',
  '冬天摸铁门老有静电 被弹了一下',
  '电还没断 先别装灯 等电工来',
  '小孩光着脚在楼道跑',
  'lx是谁 群里新来的吗',
  'fxcd是什么意思',
  'jg是谁啊 这么晚还发',
  '晾衣服的线从阳台垂下来了 谁家的',
  '把婴儿车推进大堂了',
  '游戏里一直喊救火啊 吵死了',
  '电视剧里有人喊救火啊',
  '昨天那个纪录片讲楼道着火的 看得心惊',
  '央视的节目讲电动车起火 大家注意',
  '在老家过年 镇上一个饭店液化气爆了 听说伤了人 我们离得远 回来还要一周 谁帮我收下快递',
  '扔垃圾的那个查到了 是8楼的小孩 家长已经来道歉了',
  'bs着火 是楼下烧烤的烟',
  'bs火警 烟感是做饭的油烟弄响的',
  '关于清理楼道杂物的通知 请于本周日前自行清理',
  '提几个意见 一是电梯老停 二是楼上空调老滴水 滴到我家窗台 三是路灯坏了两盏',
  '楼上别扔了 垃圾放门口就行',
  '天上掉下来的好事 谁不想要',
  '救火啊 哈哈',
  'lx掉了 找不到了',
  '下周消防培训 大家拿灭火器来练习',
  '拿个灭火器来 看看型号',
  '燃气报警器推送了一条消息 说设备离线',
];

/** Reports that must stay alerts beside those look-alikes. */
const STILL: readonly (readonly [string, 'urgent' | 'emergency'])[] = [
  ['楼道里堆满了杂物 物业发了通知也没人清理', 'urgent'],
  ['bs演习 真的着火了 快跑', 'emergency'],
  ['楼上空调滴水 滴到楼下配电箱里了', 'urgent'],
  // a report closed with a deadline to clear is no notice
  ['5号楼楼梯上全堆满了纸箱 只剩一条缝能过 请相关住户今晚八点前自行清理', 'urgent'],
  // a cry to stop throwing is one only as the whole of its sentence
  ['楼上别扔了', 'urgent'],
  // a programme on while the danger comes is no programme's story
  ['在看纪录片 突然楼道里冒黑烟了', 'emergency'],
  ['看央视新闻的时候闻到厨房有煤气味', 'emergency'],
];

const RANK = { normal: 0, urgent: 1, emergency: 2 } as const;

describe('part AM things: alerts', () => {
  it.each([...ALERTS, ...STILL])('%s → at least %s', (text, level) => {
    expect(RANK[detectUrgency(text).urgency]).toBeGreaterThanOrEqual(RANK[level]);
  });
});

describe('part AM things: look-alikes', () => {
  it.each(NORMAL)('%s → normal', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
  });
});
