// Part AM's round, people: dangers to people told in every shape — a bare cry ("快叫救护车！"), the danger told by what
// people need or do about it (come down and carry someone, open a door behind which an elder is silent), one clause of
// a long post, an English word beside the Chinese, a homophone typed in a hurry. Paraphrases, never bench lines; each
// with look-alikes that must stay normal (a game, a match, a quarrel, a fridge to carry, a lock that sticks).
import { describe, expect, it } from 'vitest';
import { detectHazard } from '../../../../src/core/hazard/detect-hazard.ts';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';

/** [text, kind]: an emergency of that kind. */
const EMERGENCIES: readonly (readonly [string, string])[] = [
  // trapped: a lift stuffy inside with a cry for help or the phone dying; stuck, a homophone, a floor given
  ['sos 电梯里好热 手机没电了 3单元', 'trapped'],
  ['help!! 电梯里面好闷 我在2号楼', 'trapped'],
  ['电梯里闷死了 救命 手机就剩5%的电', 'trapped'],
  ['救命 电提卡住了 在9楼', 'trapped'],
  ['救命 电梯卡住了 我在11楼', 'trapped'],
  ['救命 电梯停了 在3楼', 'trapped'],
  ['卡电梯里了 快来人', 'trapped'],
  ['救明 电梯停了 我在5楼', 'trapped'],
  ['我们困电梯里了 2号楼', 'trapped'],
  // a part of a message split in parts, the place told in another
  ['有个人困里面了', 'trapped'],
  ['老人还在里面 出不来', 'trapped'],
  // medical: carry someone, an ambulance cried for, an elder silent behind a locked door, a fall that bleeds
  ['来几个人帮忙抬人 快', 'medical'],
  ['楼下快来两个小伙子帮着抬人', 'medical'],
  ['快叫救护车！', 'medical'],
  ['打120！！', 'medical'],
  ['快 叫救护车 3栋', 'medical'],
  ['快来人 我爸晕了', 'medical'],
  ['奶奶昏过去了！！', 'medical'],
  ['楼下有个大爷晕到了 快来', 'medical'],
  ['有人 / 倒了 / 不动了', 'medical'],
  ['头还在出血 救护车怎么还没来', 'medical'],
  ['help 有个阿姨倒在地库出口', 'medical'],
  ['有没有医生 门口有个大爷抽过去了', 'medical'],
  ['大妈摔了一跤 头上好多血', 'medical'],
  ['小伙子从车上跌下来 满脸都是血', 'medical'],
  ['赶紧叫救护车 保安大叔倒在门口了', 'medical'],
  ['谁会撬门 我奶奶在屋里一点动静都没有', 'medical'],
  ['有没有开锁师傅 独居的大爷在里面没反应', 'medical'],
  ['保洁阿姨从台阶上摔下来了 头在流血', 'medical'],
  ['老王从凳子上跌下来 脑袋磕破了 流了好多血', 'medical'],
  ['快递小哥从电动车上摔下来 头一直在出血', 'medical'],
  // violence: a bare cry of a fight, a flat number fighting again, a homophone beside blood
  ['打起来了 快报警', 'violence'],
  ['又打起来了！！', 'violence'],
  ['门口打起来了！！', 'violence'],
  ['快报警 楼下在打群架', 'violence'],
  ['车库有人打架 快叫保安', 'violence'],
  ['那个男的手里有刀', 'violence'],
  ['501又打起来了', 'violence'],
  ['602的两口子又打起来了', 'violence'],
  ['楼下又打起来了 快去看看', 'violence'],
  ['门口有两个人打价 地上都是血', 'violence'],
  // suicide: outside a roof's rail without 在, crying
  ['一个小伙子站天台护栏外面 一直哭', 'suicide'],
  ['有个人坐楼顶栏杆外边 在哭', 'suicide'],
  ['6栋有人要跳搂', 'suicide'],
  ['有人跳河了！！ 快来人', 'suicide'],
  // child_danger: a child lost with a description, a head caught in a rail, half a body out of a window
  ['女儿找不到了 穿粉色裙子 5岁 在广场那走丢的', 'child_danger'],
  ['我儿子不见了 三岁 穿蓝色外套 在超市门口丢的', 'child_danger'],
  // (a head stuck is read as trapped by the older rule: an emergency either way)
  ['小孩的头卡在栏杆中间了', 'trapped'],
  ['有个小孩从楼上摔下来了！！', 'child_danger'],
  ['孩子从阳台掉下去了', 'child_danger'],
  ['楼梯护栏缝太宽 宝宝脑袋钻进去卡住了', 'child_danger'],
  ['下班回来好累 刚停好车 一抬头 6楼窗户开着 有个娃半个身子挂在外面 家里好像没人 谁住6楼快去敲门', 'child_danger'],
];

/** [text, kind]: urgent at least, of that kind. */
const URGENT: readonly (readonly [string, string])[] = [
  ['小孩趴在电梯门缝那里抠着玩 家长在一边看手机', 'child_danger'],
  ['有个小朋友贴着电梯门缝扒来扒去', 'child_danger'],
];

/** Look-alikes: no alert. */
const NORMAL: readonly string[] = [
  // a game, a match, a show, a quarrel, children or dogs at play
  '王者里打起来了',
  '比赛打起来了！！',
  '篮球场打起来了！！',
  '我晕了！！ 又输了',
  '坐车晕到想吐',
  '老公开车太猛 把我晕到了',
  '孩子的球从楼上掉下来了',
  '厨房师傅手里有刀在切菜',
  '他人还在里面开会 出不来接电话',
  '救护车开进小区了 不知道谁家',
  '夏天好多人跳河游泳 太危险了',
  '有人把垃圾倒在车库门口',
  '保洁阿姨倒在门口的垃圾还没收',
  '我老公晕了 哈哈 看到账单',
  '杀鸡 手上好多血 洗了半天',
  '以前楼下打架 报警了也没用',
  '孩子在学校打架了 老师叫家长',
  '电梯卡了一下 又好了',
  'NBA打起来了！！',
  '世界杯 打起来了！！',
  '两口子又吵起来了',
  '302又吵起来了 吵了一晚上',
  '楼下两只狗打起来了',
  '电视剧里那俩打起来了 哈哈',
  '价格战打起来了',
  '隔壁又打起来了 哈哈 为了打牌',
  '吃鸡里打起来了！！',
  '打起来了！！ 哈哈哈',
  '打价格战 商家都血亏',
  // carrying things, opening locks, a lift that is hot but nobody trapped
  '快下来几个男的 帮忙抬个沙发 请喝奶茶',
  '有没有人会开锁 我钥匙忘家里了',
  '有没有人会修锁 门禁老是按不开',
  '电梯里好闷 物业能不能开下空调',
  '电梯里好热 夏天都这样吗',
  // an ambulance in passing, a lost thing, a child's thing caught
  '今天看到救护车开进小区了 不知道谁家',
  '笑死 快叫救护车 这段太好笑了',
  '孩子找到了 在滑梯那边玩 谢谢大家',
  '女儿不见了 穿黄外套那个 刚找到了 虚惊一场',
  '宝宝头卡在床栏杆里了 已经拔出来了 没事了',
  '电梯又坏了 救命 我住28楼',
  '孩子的玩具卡进栏杆缝里了 拿不出来',
  // a rail, a fall without harm
  '师傅站楼顶栏杆外面刷漆 系着安全绳',
  '从梯子上摔下来了 还好没事 就擦破点皮',
];

describe('people dangers in every shape (part AM)', () => {
  it.each(EMERGENCIES)('%s → an emergency (%s)', (text, kind) => {
    const hit = detectHazard(text);
    expect(hit?.kind).toBe(kind);
    expect(hit?.level).toBe('emergency');
    expect(detectUrgency(text).urgency).toBe('emergency');
  });
  it.each(URGENT)('%s → urgent at least (%s)', (text, kind) => {
    const hit = detectHazard(text);
    expect(hit?.kind).toBe(kind);
    expect(detectUrgency(text).urgency).not.toBe('normal');
  });
  it.each(NORMAL)('%s → normal', (text) => {
    expect(detectHazard(text)).toBeNull();
    expect(detectUrgency(text).urgency).toBe('normal');
  });
});
