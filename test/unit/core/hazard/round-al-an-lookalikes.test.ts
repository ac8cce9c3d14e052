// Round AL/AN, look-alikes: a danger told as handled and closed (a 处理结果 notice, last night's account), a consequence
// warned of after a plea, a request for what to do on seeing one in future, a child's video game, a death at the writer's
// workplace, a planned replacement, a thing in an advert. Own paraphrases, never bench lines; each class with guards where
// the same words report a danger now.
import { describe, expect, it } from 'vitest';
import { detectHazard } from '../../../../src/core/hazard/detect-hazard.ts';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';

/** Look-alikes: normal. */
const NORMAL: readonly string[] = [
  // a closing report: the leak mended, a retest clean, the cordon lifted
  '【处理结果】3号楼燃气立管漏气，燃气公司已更换阀门，复测无泄漏，警戒已解除',
  '处理情况通报：12栋地下室燃气管道漏点已由维修人员焊补，复查无泄漏',
  '7栋的煤气表漏气 燃气公司来人换了接头 警戒解除了',
  '【处理结果】8栋楼道燃气管漏气已由物业联系燃气公司更换阀门，复测无泄漏，警戒解除',
  // last night's fire, put out, the battery taken away, checked since
  '说下前天夜里的事：5栋车棚一辆电瓶车冒烟，保安拿灭火器喷灭了，电池拆下来扔水桶里泡着，上午被回收的拉走了，消防来看过说没有隐患了，大家别再转了',
  '通报一下昨晚车库那辆电动车起火的事，值班保安及时用灭火器扑救喷灭了，消防检查后确认没有隐患了，感谢大家关心',
  // luck of what did not happen
  '锅烧干了冒烟 还好没着火',
  '老人摔了一跤 还好没事',
  // a consequence warned of after a plea
  '窗台外边别摆花盆 掉下去砸着人是要负责的',
  '阳台栏杆外头别放花盆 掉下去砸到人要担责任的',
  '护栏外边不要摆花盆 掉下去砸着人要赔的',
  '空调外机上不要放东西 万一掉下去砸到人要赔钱的',
  // a request for what to do in future
  '往后谁发现有人飞线充电 拍个照发群里 物业来处理',
  '今后大家看到楼道里堆杂物 直接拍照@管家',
  '以后发现有人在楼道充电瓶车，请直接联系物业',
  // a child's game
  '女儿玩游戏 城堡被炸了 满屏都在着火 哇哇叫',
  '我家小子打游戏着火了 一直嚷嚷快撤快撤',
  '孩子在玩游戏，基地被炸了，气得直跺脚',
  '孩子在玩游戏，基地被炸了，满屏着火',
  // a death at the writer's workplace, not here
  '我们公司那边今天有人跳楼了，好难过',
  '我们单位那里昨天有个同事轻生，唉',
  '我们单位那边今天有人跳楼',
  // exasperation at a nuisance
  '隔壁天天砸墙装修，我快被吵疯了，真想跳楼',
  '楼上电钻声把人逼疯了 想跳楼的心都有',
  // a planned replacement of faulty equipment
  '物业将于下周统一更换各单元过期灭火器，请大家配合',
  '本周六将对各楼栋损坏的应急灯进行检修更换，届时请配合',
  // a thing in an advert
  '电梯里那个广告上的电动车样子还挺酷',
  '我妈说楼下海报里的电瓶车挺好看的',
  '电梯里那个广告的电动车挺好看',
];

/** [text, level]: still a danger. */
const DANGERS: readonly (readonly [string, 'urgent' | 'emergency'])[] = [
  // a closing notice undone: still leaking after the fix
  ['【处理结果】5栋燃气表已更换接头，但复测还是有泄漏，请勿靠近', 'emergency'],
  ['燃气公司换了接头 可是现在又闻到煤气味了', 'emergency'],
  // last night's fire account, but smoke again now
  ['昨晚车棚电动车冒烟用灭火器喷灭了，但是现在那块电池又在冒烟', 'emergency'],
  // a plea, then it falls now
  ['阳台外面别放花盆了 刚才掉下去一个 差点砸到人', 'emergency'],
  ['楼上花盆掉下来砸到人了 要赔的', 'emergency'],
  ['别放花盆 掉下去砸到人了 快叫120', 'emergency'],
  // a request, but one seen now
  ['以后谁看到飞线充电直接拍照 现在3栋就有人在飞线充电', 'urgent'],
  ['刚才看到有人飞线充电 线从5楼一直拉到楼下', 'urgent'],
  // a game on, a real fire
  ['儿子在打游戏 电脑冒烟了', 'emergency'],
  ['孩子玩游戏的时候 插线板着火了', 'emergency'],
  ['儿子打游戏打着打着 厨房着火了', 'emergency'],
  ['儿子打游戏 主机着火了 一股焦味', 'emergency'],
  ['孩子在玩游戏，突然楼下炸了一声 满屋都是烟', 'emergency'],
  // someone here
  ['我们小区今天有人跳楼了', 'emergency'],
  ['我们单元有人要跳楼 快来', 'emergency'],
  ['我们单元那边有人站在楼顶要跳楼', 'emergency'],
  // exasperation with despair, a place or a means told
  ['楼上装修吵得我快疯了 活着没意思 真想跳楼', 'emergency'],
  ['装修声把我逼疯了 我现在站在天台上想跳楼', 'emergency'],
  ['我真的想跳楼 撑不下去了', 'emergency'],
  // faulty equipment with no plan to fix it
  ['各楼层灭火器都过期了 物业也不管', 'urgent'],
  // a real e-bike in the lift
  ['电梯里有人推了辆电瓶车进来', 'urgent'],
  ['物业说将于下周更换过期灭火器 可到现在还没换', 'urgent'],
  ['电梯里贴着禁电瓶车的广告 还是有人推电瓶车进来', 'urgent'],
];

/** A small thing fallen that hit no one, nothing more up there told: urgent, not an emergency. */
const NEAR_MISS_URGENT: readonly string[] = [
  '楼上掉下来一个花盆 正好砸在花坛里 没人经过',
  '花盆从上面掉下来了，幸亏下面没人',
  '刚刚一块瓷砖掉下来 没砸到人',
  // luck that it hit no one is no end of it: a near miss (not "还好没着火", "还好没事")
  '一块瓷砖掉下来 还好没砸到人',
  '外墙砖掉了一块 还好没人',
];
/** [text]: still an emergency — someone hit, more up there, still falling. */
const NEAR_MISS_EMERGENCY: readonly string[] = [
  '花盆掉下来了 没人经过 但是上面还挂着好几个摇摇欲坠',
  '楼上又在往下扔酒瓶 刚才那个幸亏没砸到人',
  '花盆掉下来砸到一个小孩的头 流血了',
  '阳台塌下来了 幸好下面没人',
];

describe('round AL/AN look-alikes', () => {
  it.each(NEAR_MISS_URGENT)('near miss, urgent: %s', (text) => {
    expect(detectHazard(text)?.level).toBe('urgent');
  });
  it.each(NEAR_MISS_EMERGENCY)('near miss, emergency: %s', (text) => {
    expect(detectHazard(text)?.level).toBe('emergency');
  });
  it.each(NORMAL)('normal: %s', (text) => {
    expect(detectHazard(text)).toBeNull();
    expect(detectUrgency(text).urgency).toBe('normal');
  });
  it.each(DANGERS)('danger: %s', (text, level) => {
    expect(detectHazard(text)?.level).toBe(level);
  });
});
