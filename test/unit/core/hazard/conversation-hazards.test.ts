// Part AK's round: dangers told inside a conversation — a reply, an update ("比刚才大了"), a second neighbour
// confirming — and the look-alikes that share their words. Paraphrases of the round's classes, never bench lines.
import { describe, expect, it } from 'vitest';
import { hazardFinding } from '../../../../src/core/patrol/hazard.rule.ts';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';
import { G20, msg } from '../patrol/fixtures.ts';

/** [text, kind]: an emergency of that kind. */
const EMERGENCIES: readonly (readonly [string, string])[] = [
  // a hole that opened by itself, grown since it was first told, someone nearly or already in it
  ['花园边上那个坑又比刚才大了一圈，刚有个小孩差点踩空', 'cave_in'],
  ['一个大爷掉进去了！北门那边陷下去的那个洞', 'cave_in'],
  ['物业说是挖管子留的坑，可根本没人挖过，是自己塌的，还在往外扩', 'cave_in'],
  // someone still shut in, the wait told, the repairer late; someone shut out on a roof and unable to come down
  ['人还在里头呢 都快五十分钟了 维保师傅说堵在路上 里面闷死了', 'trapped'],
  ['我也听见了，是楼顶传来的，有个大爷被锁在天台门外下不来了', 'trapped'],
  // someone hurt or about to be, told plainly by one who is there: CPR under way, a man pushed down stairs and his head
  // cut, a bottle used on people, a hand still on a live wire, a child leaning out of a window with no rail, a child alone
  // on a road with traffic
  ['我是学过急救的，已经在给他做胸外按压了，谁去路口接救护车', 'medical'],
  ['快递员被一个住户从楼梯上推下去了 额头磕破了', 'violence'],
  ['楼下有个喝多的人拿着啤酒瓶砍人，大家别下来', 'violence'],
  ['都别碰她！她手还握着那根电线，快去关总闸！', 'electric_shock'],
  ['奶奶说孩子在房间睡觉，可他正趴在窗台上把半个身子探出去，窗户连防护栏都没有', 'child_danger'],
  ['谁家的小孩？一个小女孩自己在外面大马路上走，来往的车那么多', 'child_danger'],
  // a blast told after a harmless guess, glass or debris flying; a facade still coming down
  ['不是放炮！是对面楼谁家厨房炸了，窗户玻璃全震下来了', 'explosion'],
  ['楼顶锅炉房那边轰的一声 接着碎片噼里啪啦往下掉', 'explosion'],
  ['又掉了一块！外墙瓷砖还有一大片翘起来挂着，走西门', 'falling_object'],
  // a lithium battery in thermal runaway; a floor cracked and sinking, still widening
  ['车棚那块锂电池热失控了，大家快离远点', 'battery_fire'],
  ['宿舍走廊的地板裂开往下塌了，缝还在变大', 'collapse'],
  // a child leaning out at a window with no rail; a child on a road with traffic; a drunk hurting people with a bottle;
  // a neighbour giving everything away, saying they will not need it, not answering; children poking a wire left hanging
  ['孩子说在写作业，结果一个人趴在窗口探着身子往下看，窗户没装护栏', 'child_danger'],
  ['谁家小孩跑丢了？一个小男孩在路口马路上乱窜，车特别多', 'child_danger'],
  ['二号楼门口有个喝醉的拿着酒瓶伤人，已经报警了', 'violence'],
  ['楼下大叔这两天把家里的东西都送给邻居了，说以后用不着了，电话一直没人接', 'suicide'],
  // a power strip lying in a puddle, charging all night: live
  ['楼道的接线板泡在积水里，已经充了一晚上了', 'water_electric'],
  // a lift's repairer asked after, where someone is shut in: the 维保 is awaited, not a maintenance notice
  ['3号楼电梯困了人，里面是个老太太，有谁知道维保到哪了', 'trapped'],
  ['早上说的那根电线还耷拉着没人处理，几个小孩正拿竹竿去捅', 'exposed_wire'],
];

/** [text, kind]: at least urgent, of that kind. */
const URGENT: readonly (readonly [string, string])[] = [
  // a danger told before, still not dealt with, children now at it
  ['之前说的那个井盖到现在还没人来盖，放学的小孩都在边上跑来跑去', 'manhole'],
  ['上午说的那根断电线还垂在那儿没人管，刚才有小孩捡根棍子去挑', 'exposed_wire'],
  // e-bikes charged in a shared kitchen, a basement storeroom; a fire lane parked shut; a lead strung low across a path;
  // a stair landing sinking
  ['宿舍楼的公共厨房里有人把电动车推进来充电，挨着燃气灶', 'ebike_indoors'],
  ['地下室杂物间里停了好几辆电驴，插着电充一宿', 'ebike_indoors'],
  ['北门消防车道让一辆大货车给停死了，消防车根本进不去', 'blocked_exit'],
  ['有人从三楼窗户扯下来一根电线横穿过道，离地不到一米', 'flying_wire'],
  ['单元门口外挂楼梯的平台明显下沉了，扶手都歪了', 'collapse'],
  // an e-bike carried into a shared kitchen to charge; a hydrant dry
  ['老楼的公共厨房里有人把电瓶车扛进来充电，边上就是液化气', 'ebike_indoors'],
  ['3号楼的消防栓拧开了不出水，里面是干的', 'fire_equipment'],
];

/** Children playing by a well left open: an emergency (read as the well or as the children). */
const CHILDREN_AT_A_WELL: readonly string[] = ['路口那个井盖到现在还没人来盖，几个小朋友在旁边跑', '那个井盖被撬走了一直没人修，几个小朋友在旁边玩'];

const LOOKALIKES: readonly string[] = [
  '孩子在沙坑里玩，坑越挖越大，衣服全是沙子',
  '这个月的业绩又掉进坑里了，比刚才开会说的还大',
  '小区门口挖的坑还没填，工人说明天来',
  '我被锁在门外了，钥匙忘带了，在等开锁师傅',
  '我把自己锁在门外了，在楼下等老公回来',
  '孩子还在里面上课，已经四十分钟了，等得我好闷',
  '上午说的那个快递还没人来拿，放在门口',
  '井盖上画的小猫真可爱，小孩都在边上看',
  '有没有人管一下楼下的污水井啊，蚊子太多了，小孩都被咬了',
  '快递还锁在柜子里面，已经两个小时了，开锁要找谁',
  '社区周六有心肺复苏培训，在给大家做胸外按压示范',
  '小时候被我哥推下过楼梯，头上还留了个疤',
  '电视剧里那个人拿着酒瓶砍人，太吓人了',
  '充电器的线别碰，他手还握着手机在打游戏',
  '带孩子在马路边上走，车多要牵好',
  '今天厨房炸了一锅丸子，玻璃饭盒都装满了',
  '过年厨房里砰的一声，原来是高压锅放气，碗没事',
  '外墙瓷砖的颜色挺好看，一大片灰色',
  '公共厨房的电饭煲插着电，用完记得拔',
  '电动车在地下车库的充电桩充电，很方便',
  '消防车道画了黄线，不许停车',
  '晾衣绳横穿过道，离地一米多，衣服都挂满了',
  '什么是锂电池热失控？有没有科普文章',
  '新开的商场有个下沉广场，平台很漂亮',
  '马路上车特别多，接孩子的时候要注意',
  '搬家前把东西都送人了，说新家用不着了',
  '公共厨房的电饭煲插着电，谁的记得拿走',
  '消防栓冲洗中暂时无水，下午恢复',
  '电梯维保到哪一步了？下周能换新的吗',
  '他拿着酒瓶子给大家倒酒，气氛很好',
];

describe('conversation hazards (part AK): triage and the patrol agree', () => {
  it.each(EMERGENCIES)('emergency, CRITICAL: %s (%s)', (text, kind) => {
    expect(detectUrgency(text)).toMatchObject({ urgency: 'emergency', kind });
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each(URGENT)('at least urgent, HIGH: %s (%s)', (text, kind) => {
    const u = detectUrgency(text);
    expect(u.urgency).not.toBe('normal');
    expect(u.kind).toBe(kind);
    expect(hazardFinding(msg(text), G20)?.severity).toMatch(/^(HIGH|CRITICAL)$/);
  });

  it.each(CHILDREN_AT_A_WELL)('emergency, CRITICAL: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each(LOOKALIKES)('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

// Part AK's second round: the look-alikes still read as dangers, class by class, and guards of the same words that
// must stay dangers. Paraphrases, never bench lines.
describe('conversation hazards (part AK, round 2): look-alikes set right', () => {
  /** Figures of speech: a loudspeaker "nearly smoking" at a party, one "trapped" in homework, parcels "exploding". */
  const FIGURES: readonly string[] = [
    '晚上K歌大家太嗨了，麦克风都快冒烟了哈哈',
    '广场上的音箱都要冒烟了，阿姨们跳得真带劲',
    '被困在这篇论文里出不来了，谁来救救我',
    '我困在这道物理题里一晚上了，求学霸带带',
    '双十一的包裹多到爆炸，门口都堆满了',
    '今天食堂人挤到爆炸，排了半小时队',
  ];
  const FIGURE_GUARDS: readonly (readonly [string, string])[] = [
    ['音箱冒烟了，插头那里有火花', 'electrical'],
    ['有人被困在电梯里出不来了，快来人', 'trapped'],
    ['楼下人很多，刚才有个液化气罐爆炸了', 'explosion'],
  ];
  it.each(FIGURES)('a figure of speech, not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
  it.each(FIGURE_GUARDS)('still a danger: %s (%s)', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });
});

describe('conversation hazards (part AK, round 2): weather is no structure giving way', () => {
  /** Hail drumming on glass after an exclamation; trees swaying and windows rattling in a gale. */
  const WEATHER: readonly string[] = [
    '下冰雹啦！砸得车棚顶砰砰响，幸好没多久',
    '冰雹！打在阳台上噼里啪啦，砸得玻璃直响',
    '台风来了，楼下的树都在晃，我家窗户一直呼呼响',
    '外面风好大，小区里的树晃来晃去，窗户哐哐的',
  ];
  const WEATHER_GUARDS: readonly string[] = [
    '风太大了，阳台的窗户晃得快掉下来了，下面有人',
    '大风把楼下的大树刮倒了，差点砸到路过的人',
    '风太大，楼下那棵树晃得厉害，快要倒了',
    '冰雹把车棚的顶砸塌了一块，下面还停着电动车',
  ];
  it.each(WEATHER)('weather, not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
  it.each(WEATHER_GUARDS)('still a danger: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });
});

describe('conversation hazards (part AK, round 2): a harmless cause said outright', () => {
  /** Steam let off by a solar water heater, denied a fire; a "wire" said to be a network cable, dead. */
  const HARMLESS: readonly string[] = [
    '天台上冒白气是太阳能热水器在泄压，不是着火，别担心',
    '屋顶那股白气是热水器泄压放出来的，不是起火',
    '走廊顶上吊着的那根线是网线，没电的，别怕',
    '楼梯口耷拉的那根“电线”其实是电话线，不带电',
  ];
  const HARMLESS_GUARDS: readonly string[] = [
    '那根不是网线，是电线，断了垂在楼道里，小孩刚才被电了一下',
    '走廊那根网线旁边的电线断了，线头露在外面',
    '楼顶冒黑烟了，不是热水器，是真的着火了',
    '走廊垂着一根电线，还在冒火花',
  ];
  it.each(HARMLESS)('a harmless cause, not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
  it.each(HARMLESS_GUARDS)('still a danger: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });
});

describe('conversation hazards (part AK, round 2): 亮不亮 asks, it does not tell', () => {
  /** An A-not-A question of whether the emergency lights work ("亮不亮") tells no fault. */
  const ASKED: readonly string[] = [
    '楼道的应急灯到底亮不亮，有没有人试过',
    '要是晚上停电了，安全出口的指示灯亮不亮啊',
    '想问问大家，咱们单元楼梯间的应急灯晚上亮不亮？',
  ];
  const ASKED_GUARDS: readonly string[] = [
    '楼道的应急灯不亮了，昨晚停电楼梯一片漆黑',
    '安全出口指示灯全都不亮，好几天了',
  ];
  it.each(ASKED)('a question, not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
  it.each(ASKED_GUARDS)('still a danger: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });
});

describe('conversation hazards (part AK, round 2): fire equipment that does not respond', () => {
  /** A smoke detector flashing but silent, its test button dead: it will not warn of a fire. */
  const SILENT: readonly string[] = [
    '楼道的烟感红灯一直在闪，可就是不响，按测试键也没反应',
    '家里的烟感按了测试按钮没有反应',
    '车库的烟感一直闪灯但是不报警',
  ];
  const SILENT_LOOKALIKES: readonly string[] = [
    '烟感终于不响了，刚才是炒菜油烟太大',
    '烟感响不响要怎么测试？',
  ];
  it.each(SILENT)('at least urgent, fire equipment: %s', (text) => {
    expect(detectUrgency(text)).toMatchObject({ kind: 'fire_equipment' });
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)?.severity).toMatch(/^(HIGH|CRITICAL)$/);
  });
  it.each(SILENT_LOOKALIKES)('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

// "一般先A还是先B" beside a fall or a faint is asked by someone who may be standing over the person now: it stays an
// emergency (a reading as a question of procedure, tried in this round, was reverted: "家里老人晕倒了，通常是先打120还是…"
// went unreported — a missed collapse is worse than a needless alert)
describe('conversation hazards (part AK, round 2): what one usually does first, asked beside a fall, stays an emergency', () => {
  it.each([
    '家里老人晕倒了，通常是先打120还是先做急救？',
    '老人在家摔倒了一般先叫救护车还是先扶起来？有没有懂的',
    '我妈摔倒了起不来，先打120还是先叫物业？快',
    '老人在楼道摔倒了，头在流血，一般先打120还是先扶他？',
    '刚才老人在家摔倒了，现在一般先打120还是先扶起来？',
  ])('still an emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });
});

describe('conversation hazards (part AK, round 2): a scene said to be far from us', () => {
  /** Passed on the way, said to be far from here: news of somewhere else. */
  const FAR: readonly string[] = [
    '刚才路过建设路，有个工地塌方了，救护车来了好几辆，离咱们小区挺远的',
    '下班经过东门外那条街，一家饭店着火了，离我们这儿很远，大家放心',
    '开车经过城西，看到一栋楼冒黑烟，离咱们这边比较远',
  ];
  const FAR_GUARDS: readonly string[] = [
    '5栋楼下工地塌方了，离我们单元很近，大家别过去',
    '我们楼道着火了！离电梯不远，快跑',
  ];
  it.each(FAR)('elsewhere, not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
  it.each(FAR_GUARDS)('still a danger: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });
});

describe('conversation hazards (part AK, round 2): carbon monoxide told as a fact of knowledge', () => {
  /** Advice that carbon monoxide has no smell tells no one poisoned. */
  const KNOWLEDGE: readonly string[] = [
    '冬天烧炭取暖的记得一定要开窗，一氧化碳没有味道',
    '用炭火盆取暖要多留心，一氧化碳是无色无味的',
    '屋里烧炭火取暖可得开窗，一氧化碳中毒是没有味道的',
  ];
  const KNOWLEDGE_GUARDS: readonly string[] = [
    '家里烧着炭盆，我妈头晕想吐，一氧化碳中毒了吧',
    '隔壁屋里烧炭取暖，人已经叫不醒了，一定要开窗',
  ];
  it.each(KNOWLEDGE)('knowledge, not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
  it.each(KNOWLEDGE_GUARDS)('still an emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });
});
