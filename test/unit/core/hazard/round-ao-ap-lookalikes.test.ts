// Round AO/AP, look-alikes: health and safety talk that names a danger without one here now — a court case on a legal
// programme, first-aid advice and a mnemonic forwarded to keep, rehabilitation asked about after a stroke, whom to ask
// for a new extinguisher, a child shouting "fire" in a video game, hearsay of another district, someone fainted taken
// home by family, a planned check or a yearly test notice, smoke denied as an air conditioner's hot air, a detector
// reviewed as too sensitive. Own paraphrases, never bench lines; each class with guards where the same words report a
// danger now.
import { describe, expect, it } from 'vitest';
import { detectHazard } from '../../../../src/core/hazard/detect-hazard.ts';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';

/** Look-alikes: normal. */
const NORMAL: readonly string[] = [
  // a court case told on a legal programme
  '昨晚看法治频道 有个人家暴老婆被判了三年 活该',
  '刚看了个法制节目 那男的打老婆被判刑了',
  // first-aid advice forwarded to keep
  '万一家里老人突然喘不上气 先让他坐起来 赶紧打120 转给爸妈看看',
  '心梗口诀：胸口闷、出冷汗、背疼 马上打120 建议收藏',
  '中风快速识别口诀 脸歪手麻说话含糊 立即打120 大家收藏一下',
  // rehabilitation asked about after a stroke
  '想问下 我爸脑梗了 后期康复去哪家医院做比较好',
  '请教一下 家里老人中风了 出院后康复训练在哪做',
  '我爸脑梗出院了 想问问后续康复去哪家比较好',
  // whom to ask for a new extinguisher, who is in charge of a missing cover
  '问下灭火器过期了找谁换',
  '请问灭火器过期了一般找谁换新的',
  '井盖不见了归谁管 街道还是物业',
  // a child shouting fire in a video game
  '女儿玩游戏在那喊着火了着火了 吓我一跳 还以为家里出事了',
  '我家小孩打游戏嚷嚷着火了 我以为真的着火了',
  // hearsay of another district
  '朋友圈刷到隔壁区有个井盖没盖 有小孩掉下去了 唉',
  // someone fainted, taken home by family
  '刚才门口晕倒的大爷 家人已经接回去了 说是低血糖',
  // a battery tip
  '充电宝充满了就拔 鼓包了就别再用了',
  // smoke denied as an air conditioner's hot air
  '冒烟的不是电表箱 是空调外机吹出来的热气',
  // a planned check
  '社区通知：下周三开始排查楼道飞线充电，请各户自查',
  '明天开始排查违规飞线充电 请大家提前自查',
  // a yearly test notice
  '下周消防系统年度检测，期间火灾报警器可能会误响，请大家不要惊慌',
  // a detector reviewed as too sensitive
  '新买的燃气报警器太灵敏了 煮个面都会响 差评',
  '家里装的烟雾报警器特别灵敏 炒个菜都会叫',
];

/** [text, level]: still a danger. */
const DANGERS: readonly (readonly [string, 'urgent' | 'emergency'])[] = [
  // a beating now, beside a programme
  ['在看法制节目 隔壁男的正在打老婆 一直在喊救命', 'emergency'],
  // someone in pain now, asked what to do
  ['我爸突然胸口疼 满头大汗 马上打120了 怎么办', 'emergency'],
  ['3栋有人晕倒了 马上打120', 'emergency'],
  // a stroke now, not rehabilitation
  ['家里老人中风了 嘴歪了 说话不清楚', 'emergency'],
  ['老人中风康复回家了 今天又晕倒了 叫不醒', 'emergency'],
  // an extinguisher used, a cover missing here
  ['3栋门口井盖丢了 刚才有人差点踩进去', 'emergency'],
  // whom to ask, but a place here named
  ['请问楼道里那根电线外皮破了该谁管 就在3楼门口 小孩能摸到', 'urgent'],
  ['楼道灭火器过期了找谁换', 'urgent'],
  // a game, but a real fire
  ['孩子打游戏喊着火了 一看插座真的冒烟了', 'emergency'],
  // another district, but here too
  ['朋友圈看到隔壁有个井盖没盖 就在我们3栋门口', 'urgent'],
  // fainted, no one come
  ['门口晕倒的老人还躺着 家人还没来', 'emergency'],
  // probes: the same words beside a real sign now
  ['我爸脸歪了 说话不清楚 赶紧打120 转给家里人看看怎么办', 'emergency'],
  ['我妈刚做完康复训练 突然晕倒了 叫不醒', 'emergency'],
  ['报警器好灵敏 一直在响 厨房有煤气味', 'emergency'],
  ['燃气报警器太灵敏了 刚才又响了 闻到一股臭鸡蛋味', 'emergency'],
  ['年度检测的时候报警器响了 但是楼道真的有烟', 'emergency'],
  ['孩子在喊着火了 厨房锅里着火了', 'emergency'],
  ['孩子打游戏喊着火了 我一看他的充电器在冒烟', 'emergency'],
  ['冒烟的不是空调外机 是配电箱 有焦味', 'emergency'],
  ['隔壁有个井盖没盖 小孩掉下去了', 'emergency'],
  ['万一出事就麻烦了 我爸现在胸口疼 出冷汗 转给家人看看', 'emergency'],
  ['中风口诀我收藏了 现在我爸嘴歪了 说话不清楚', 'emergency'],
  ['老人晕倒了 家人还没接走 躺在地上', 'emergency'],
  ['刚看法制节目 结果楼下真的有人拿刀砍人', 'emergency'],
  ['井盖丢了归谁管 刚才有个小孩掉进去了', 'emergency'],
  // a battery swelling now
  ['充电宝鼓包了 还在发烫', 'urgent'],
  // smoke denied for one thing but real in another
  ['冒烟的不是电表箱 是配电箱在冒烟 有火星', 'emergency'],
  // a check planned, but a fire now
  ['下周开始排查飞线充电 可是现在3栋飞线那里已经冒烟了', 'emergency'],
  // a test notice, but a real fire
  ['年度检测期间报警器可能误响 但这次是真的着火了 3栋冒烟', 'emergency'],
  // an alarm sounding with a smell
  ['燃气报警器一直在响 厨房一股煤气味', 'emergency'],
];

describe('round AO/AP look-alikes', () => {
  it.each(NORMAL)('normal: %s', (text) => {
    expect(detectHazard(text)).toBeNull();
    expect(detectUrgency(text).urgency).toBe('normal');
  });
  it.each(DANGERS)('danger: %s', (text, level) => {
    expect(detectHazard(text)?.level).toBe(level);
  });
});
