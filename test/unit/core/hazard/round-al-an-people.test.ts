// Parts AL and AN's round, people: someone shut in a lift, a car park or on a roof; hit by a car or fainted in the sun;
// a guard beaten with the attacker still about, a threat to stab whoever comes down, a quarrel turned to blows, a long
// night report of a drunk's threat to kill his wife; self-harm told obliquely (pills saved up, a last look at the sun,
// a rope and a locked garage, a drunk heading for the river); children alone by deep water, on a substation box, under
// a closing shutter, by a lift shaft, crying for a parent, lost and described. Paraphrases, never bench lines; each class
// with look-alikes that must stay normal.
import { describe, expect, it } from 'vitest';
import { detectHazard } from '../../../../src/core/hazard/detect-hazard.ts';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';

/** [text, kind]: a hazard of that kind (an emergency or, for the lesser child readings, at least urgent). */
const HAZARDS: readonly (readonly [string, string])[] = [
  // trapped: a cry from a stopped lift, told in pieces
  ['电梯里面。。救命 8号楼 停住不动了', 'trapped'],
  ['救命 电梯里 3栋 卡着不动 好热', 'trapped'],
  // pinned by a parking machine
  ['机械车库的升降板把人压在下面了 快来', 'trapped'],
  ['立体车位把一个司机卡在里面了！！', 'trapped'],
  // shut in behind a lowered shutter or a door the wind locked, on a roof
  ['车库大门落下来了 我人在里面出不去 手机也快没电了', 'trapped'],
  ['我在屋顶平台上，门被风带上锁住了，下不去，谁有钥匙', 'trapped'],
  ['我们在天台上 门被风吹上锁死了 好冷啊', 'trapped'],
  // medical: hit by a car and hurt; fainted in the heat and lying there
  ['保洁阿姨在地库被车撞了 腿动不了', 'medical'],
  ['快递员在小区门口被车撞倒了 疼得起不来', 'medical'],
  ['送水师傅在太阳底下晕了，躺在3栋门口', 'medical'],
  ['有个老人晒得晕了 躺在路边', 'medical'],
  // violence: a guard beaten, the attacker still there; a threat to stab; a quarrel that came to blows
  ['门卫大爷被人打了 在值班室 打人的还在那', 'violence'],
  ['物业小哥被人揍了，那个男的还没走', 'violence'],
  ['她前男友堵在单元门口，说我敢出来就捅死我，我不敢下楼', 'violence'],
  ['有人在楼下守着我 放话说我下楼就砍我', 'violence'],
  ['菜鸟驿站那边两个人吵着吵着打起来了 一个阿姨被推到地上了', 'violence'],
  ['超市门口吵架 后来动手了 有个老人被推倒了', 'violence'],
  // a long report of violence at home under way, read whatever its length
  ['不好意思深夜打扰大家，我是7楼的，隔壁那家男的又喝多了，一直在屋里吼，刚刚听到他老婆惨叫一声然后就没动静了，男的还在吼说今天非弄死她不可，我自己一个人不敢开门，已经打了110但是还没来，有没有邻居能一起上去看一下，703，现在还能听见砸东西的声音，拜托了', 'violence'],
  ['打扰了，对面那户男的喝了酒，骂了一晚上，刚才女的叫了一声就没声了，男的说今晚不打死她不罢休，我报了警还没到，谁能上来看看', 'violence'],
  ['麻烦大家，我住6楼，楼上那户男的喝醉了一直在砸东西骂人，刚才他媳妇惨叫了一声之后就没动静了，我已经打了110还没到，谁方便上去敲下门，602', 'violence'],
  // suicide, told obliquely
  ['楼上阿姨刚发消息说她今晚就要去死，现在电话打不通', 'suicide'],
  ['楼上大姐跟我说她攒了一瓶安眠药 等孩子考完试就全吃了 我觉得不对劲', 'suicide'],
  ['隔壁大爷说把药都存够了，过完年就一口气吃掉，听着不对', 'suicide'],
  ['住我对门的那个姑娘发朋友圈说这是最后一次看日出了，现在电话打不通，门也锁着', 'suicide'],
  ['我哥拿着一根绳子把自己锁在仓库里了，谁帮忙劝劝', 'suicide'],
  ['喝醉的那个大叔一直嚷着要跳江，朝江边去了，我拉不住', 'suicide'],
  // child_danger: alone in deep water, up on a substation box, under a shutter coming down, at a rail's gap, by a lift
  // shaft, by a deep pool, crying for a parent, lost and described
  ['小区水景池里有个娃娃 旁边没大人 水很深', 'child_danger'],
  ['几个熊孩子爬到变电箱上面去了', 'child_danger'],
  ['有个小朋友站在箱变顶上跳', 'child_danger'],
  ['有个孩子在车库卷闸门下面钻 门在往下降', 'child_danger'],
  ['8栋阳台上有个小宝宝从栏杆缝里往外爬 大人呢', 'child_danger'],
  ['几个孩子在电梯井边上跑来跑去 围挡开着', 'child_danger'],
  ['有两个小孩在消防水池边上打闹 水特别深', 'child_danger'],
  ['我女儿在广场走丢了 穿粉色外套 6岁 大家帮忙留意', 'child_danger'],
];

/** A small child crying alone for a parent: a missing child, urgent (as the rules have read it since part X's round). */
const LOST_CRYING: readonly string[] = [
  '北门有个两三岁的小男孩一个人在哭，找不到爸妈',
  '楼下一个小女孩在哭，说找不到奶奶了，大概4岁',
];

/** Look-alikes that must stay normal. */
const NORMALS: readonly string[] = [
  '电梯里的广告吵死了 救命 能不能关掉',
  '机械车位老把车夹坏 物业管管',
  '车库卷帘门晚上放下来了，车出不去，只能走侧门',
  '天台门被风吹得一直响 合页松了 物业修一下',
  '我在楼顶天台拍照 风好大好冷',
  '我的车在车库被车撞了 保险杠掉了',
  '小哥说被楼号绕晕了 找不到6栋',
  '上周保安被人打了 那人已经被抓了',
  '老婆说我敢再买游戏机就弄死我 哈哈',
  '快递站门口两个人吵架 吵了半天各自走了',
  '隔壁男的喝多了在骂人 吵得睡不着',
  '电视剧里男的说今晚不弄死她不算完 太吓人了',
  '楼下小孩尖叫了一声然后就没声了 估计被哄好了',
  '我爸说我敢出门就打死我 作业还没写完',
  '球场上吵起来差点动手 被推倒一个',
  '保安被人打了 那人已经跑了 监控拍到了',
  '我妈把降压药都囤好了 等过年回老家吃',
  '最后一次见太阳是上周了 天天下雨',
  '奶奶把药都备齐了 一次吃一片 我担心她忘',
  '他说要跳河 开玩笑的 往河边钓鱼去了',
  '绳子拿着 把自己关在房间里写作业',
  '拿着绳子去车库捆行李',
  '他说热得要跳河里凉快一下 哈哈',
  '小孩在喷泉池里玩水 家长都在旁边看着',
  '孩子在变电箱旁边的空地玩球',
  '卷帘门坏了 孩子放学进不来',
  '电梯井道检修 请家长看好孩子 不要靠近',
  '我带孩子在河边散步 水不深',
  '宝宝一个人在房间哭 我在做饭',
  '孩子的玩具在广场丢了 粉色的 有人捡到吗',
  '孩子哭着说找不到作业本了',
  '她说作业写不完就去死 哈哈 门反锁着不让我进',
  '他说周末要去死海旅游 电话打不通',
  '门口有个小男孩在哭，说找不到爸爸，我先陪着他，哪家的孩子',
  '小孩在泳池里学游泳 水挺深 教练在旁边',
  '孩子在卷帘门那边玩 门是开着的',
  '配电箱上贴着小孩画的画',
  '我家宝宝在小区丢了一只鞋 粉色的 5岁穿的',
  '阳台栏杆缝太宽 怕孩子钻出去 物业能不能加网',
];

describe('round AL/AN people: dangers to people found', () => {
  for (const [text, kind] of HAZARDS) {
    it(`${kind}: ${text}`, () => {
      expect(detectHazard(text)?.kind).toBe(kind);
      expect(detectUrgency(text).urgency).not.toBe('normal');
    });
  }
});

describe('round AL/AN people: a child crying alone for a parent is urgent', () => {
  for (const text of LOST_CRYING) {
    it(text, () => {
      expect(detectUrgency(text).urgency).toBe('urgent');
    });
  }
});

describe('round AL/AN people: look-alikes stay normal', () => {
  for (const text of NORMALS) {
    it(text, () => {
      expect(detectHazard(text)).toBeNull();
      expect(detectUrgency(text).urgency).toBe('normal');
    });
  }
});
