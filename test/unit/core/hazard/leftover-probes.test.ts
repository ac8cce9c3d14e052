// Misses left by session 21's probes, and their look-alikes: someone gone still after a scuffle called play, a person
// fallen into a ditch with their wheelchair or bike, a neighbour unseen for days with a smell at the door, a trip said
// but doubted. Paraphrases of those probes, never bench lines.
import { describe, expect, it } from 'vitest';
import { detectHazard } from '../../../../src/core/hazard/detect-hazard.ts';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';

/** [text, kind]: an emergency of that kind. */
const EMERGENCIES: readonly (readonly [string, string])[] = [
  // one of two who scuffled, gone still: play or not, someone lies there
  ['俩人掐架 闹着玩的 一个倒地上不动了', 'medical'],
  ['两个小伙子在车棚推来推去，说是开玩笑，结果有一个倒在地上起不来了', 'medical'],
  ['刚才吵架的那两个 其中一个晕过去了', 'medical'],
  // fallen into a ditch or a pit with the wheelchair, bike or tricycle, the person still down there (pinned: trapped)
  ['老人的轮椅掉进沟里了 人也在下面', 'medical'],
  ['电动轮椅连人带车翻进了排水沟，快来人', 'medical'],
  ['一个大爷骑三轮车栽进路边的坑里了，人压在车底下', 'trapped'],
  // someone alone unseen for days, a smell at the door
  ['楼下阿婆好几天没见人了，门口有股怪味', 'medical'],
  ['隔壁老王一个多星期没露面了，走廊里一股怪味道', 'medical'],
  // a trip told, then doubted
  ['说去旅游了 可是好几天没见人了 门缝里一股臭味', 'medical'],
  ['物业说他出差了，但他家灯一直亮着，好几天敲门都没人应', 'medical'],
  // exasperation at a noise that has gone on for months, sleep gone: no longer only a figure of speech
  ['噪音逼疯了，失眠三个月，真的想跳楼', 'suicide'],
  ['楼上天天装修吵得我快疯了，好几个月睡不着，真想从阳台跳下去', 'suicide'],
  // a family member away is why no one helps, not where it happens ("老公出差"); a sign since yesterday goes on; a plea
  // to keep one's door number out of the group is no hearsay; a repairer who says who they are reports
  ['孩子发高烧抽风了 眼睛往上翻 我老公出差了 谁能帮帮我', 'medical'],
  ['我妈从昨天开始左边手脚没劲 说话也不利索了', 'medical'],
  ['他喝多了在掐我脖子 我锁在厕所里 帮我报警 别在群里说我家门牌号', 'violence'],
  ['我是维保的 配电柜里在冒火花 一股焦味 赶紧叫物业来人', 'electrical'],
  // a child at a window with nobody holding on, or climbed past the rail
  ['孩子趴在窗口探出半个身子，家里好像没人', 'child_danger'],
  ['孩子爬到护栏外面了，虽然有护栏也挡不住', 'child_danger'],
];

/** [text, kind]: urgent or above, of that kind: a removal asked for is not done; a fault back after its repair. */
const STILL_THERE: readonly (readonly [string, string])[] = [
  ['【巡查】3栋2单元楼道停放电动车2辆，已贴告知单，限明早前挪走', 'ebike_indoors'],
  ['5栋一楼楼梯口堆了好多纸箱，已通知业主尽快清走', 'blocked_exit'],
  // one's own swollen battery, whatever one means to do with it
  ['我家电瓶车的电池鼓包了 就不要再充了吧', 'battery'],
  ['那个坑上个月说填好了 今天又陷下去了 比原来还大', 'cave_in'],
  ['北门的井盖上周刚修好，今天又被撬开了，敞着口', 'manhole'],
];

/** [text]: still urgent (a child missing is looked for at once). */
const URGENT: readonly string[] = ['小孩子不见了，刚才还在楼下玩', '孩子找不到了，谁看到一个穿黄衣服的小男孩', '老人不见了，早上出门到现在没回来'];

/** Look-alikes: no alert. */
const NORMAL: readonly string[] = [
  '隔壁说是出去旅游了，家里没人',
  '我在三亚旅游，听说那边一个酒店着火了',
  '楼上邻居去云南度假了，托我帮忙浇花',
  '轮椅掉进沟里了，人没事，已经扶起来了',
  '孩子的玩具车掉进沟里了，谁有长竹竿',
  '一个倒霉的快递小哥又把我的件送错了',
  '车棚那边一个箱子倒地上了，谁的快递',
  '两个人打牌打到半夜，一个输得脸都绿了',
  '好几天没见楼下阿婆出来跳舞了，是不是回老家了',
  // a child's thing lost, not the child
  '孩子的手套找不到了',
  '小孩子的水杯不见了，谁捡到了',
  '我家孩子的作业本找不到了，急死',
  // a child at a window held by a grown-up, or behind a rail
  '孩子在窗户边探出半个身子看烟花 我在后面抱着呢',
  '孩子趴在窗口探出头看热闹，还好有护栏',
  '小孩扒着窗台往外看，奶奶在旁边搂着她',
  // a removal done, a repair holding
  '楼道里那两辆电动车业主已经挪走了',
  '那个坑上周填好了，今天去看很平整',
];

describe('probes left by session 21', () => {
  it.each(EMERGENCIES)('%s → an emergency (%s)', (text, kind) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(detectHazard(text)?.kind).toBe(kind);
  });
  it.each(STILL_THERE)('%s → urgent or above (%s)', (text, kind) => {
    expect(['urgent', 'emergency']).toContain(detectUrgency(text).urgency);
    expect(detectHazard(text)?.kind).toBe(kind);
  });
  it.each(URGENT)('%s → urgent or above', (text) => {
    expect(['urgent', 'emergency']).toContain(detectUrgency(text).urgency);
  });
  it.each(NORMAL)('%s → no alert', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
  });
});
