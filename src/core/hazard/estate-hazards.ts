// Hazard rules of the estate's daily round (part AJ's round): children by a car backing or starting, a pram rolling off by
// itself, a barrier arm come down on a child, play equipment broken with children still on it, a dog with a child pinned
// down; works about the estate — a trench or a pit dug and left open, a plate over a trench lifted, a well dug open under a
// board, a hoarding, a crane or a big tree leaning or down, a fire lane fenced in by works or lined with cars all day; a
// stranger trying doors one by one; fire equipment wrapped, let off in play or a fire hose taken to wash a car; a site's or
// a festival's lead lying bare; a pane broken high up with its shards stuck, a pot blown down as someone passed below;
// water out of a ceiling lamp; fireworks stock going off. Folded into the rules of their kinds by foldByKind in
// hazard-rules.ts, each with its own guards.
import type { Term } from '../triage/urgency.ts';
import type { HazardAddition } from './hazard-rules.ts';

/** Play equipment in a playground or a fitness corner. */
const PLAY_EQUIPMENT: readonly Term[] = ['滑梯', '滑道', '秋千', '跷跷板', '攀爬架', '攀登架', '爬架', '转盘', '蹦床', '摇摇马', '旋转木马', '荡椅', '吊椅', '单杠', '双杠', '健身器材', '健身器', '吊环'];
/** A child, written out for the patterns below (a child on a thing, under a car). */
const KID = '(?:小孩|孩子|小朋友|宝宝|小男孩|小女孩|小学生|娃)';
/** A pram or a pushchair (not a scooter: 滑板车). */
const PRAM: readonly Term[] = ['婴儿车', '婴儿推车', '宝宝车', '童车', '儿童车', '手推车里的宝宝', '推车里的宝宝'];
/** A trench or a pit dug for works ("挖掘机挖完的坑", "施工挖的沟", "刨开的槽"). */
const DUG_PIT: readonly Term[] = [/(?:挖|刨|开挖|掘)(?:的|了|开的|完的|出来的|好的)?[^，。！？,.!?\s]{0,3}(?:沟|坑|槽)/, '基坑', '沟槽', '深坑', '深沟'];
/** Works told in the message: a site, its crew or its machines (a hole dug to plant a tree is none: "挖了个坑 种树用的"). */
const WORKS: readonly Term[] = ['施工', '工地', '挖掘机', '挖机', '钩机', '勾机', '工人', '施工队', '管道', '管线', '改造'];
/** A hoarding, a site's fence or a crane. */
const SITE_STRUCTURE: readonly Term[] = ['围挡', '施工挡板', '铁皮挡板', '挡板', '施工围墙', '铁皮墙', '塔吊', '吊臂', '吊车'];
/** A big tree named by its kind or counted ("门口那棵大樟树", "老槐树"), not its leaves or a sapling. */
const BIG_TREE = /(?:棵[^，。！？,.!?\s]{0,3}|(?:大|老|古)[\u4e00-\u9fa5]?)树(?![叶苗枝梢荫])/;
/** The fire lanes and ways out named outdoors. */
const FIRE_LANE: readonly Term[] = ['消防车道', '消防通道', '消防车通道', '疏散通道', '逃生通道'];
/** Fireworks and bangers. */
const FIREWORKS = '(?:烟花|鞭炮|炮仗|爆竹|礼花|烟火)';

export const ESTATE_HAZARDS: readonly HazardAddition[] = [
  {
    kind: 'child_danger',
    level: 'emergency',
    pairs: [
      // a car backing or starting with a child behind it or under it ("倒车那辆白车 后面有个小孩", "小孩钻到车底下捡球 司机在发动")
      {
        objects: [/倒车|倒库|在倒|往后倒|发动|打着火|启动|点火|踩油门/],
        symptoms: [new RegExp(`(?:后面|后头|屁股后|车底|底下|轮子)[^，。！？,.!?\\s]{0,6}${KID}`), new RegExp(`${KID}[^，。！？,.!?\\s]{0,4}(?:钻|爬|蹲|躲|趴|跑)(?:到|进|在)[^，。！？,.!?\\s]{0,4}(?:车底|底下|车后|后面)`),
          // (the car's underside told first, the child gone in after: "球滚进车底 小孩钻进去捡")
          new RegExp(`(?:车底|车下面|车子底下)[^。！？!?]{0,8}${KID}[^，。！？,.!?\\s]{0,2}(?:钻|爬)(?:进去|下去|到下面)`)],
        // (told as a call to stop or a driver who cannot see, not a child laughing at one's parking: "倒车太差 后面小朋友都笑我")
        within: ['停', '刹', '看不见', '没看见', '没看到', '看不到', '司机', '危险', '喊'],
        span: 50,
        // (a reminder to look, a toy car)
        notInMessage: ['记得', '注意', '小心', '提醒', '玩具车', '遥控车', '有没有'],
      },
      // a pram rolling off by itself down a slope or toward a road ("婴儿车滑下坡了 往地库入口冲 快拦住")
      {
        objects: PRAM,
        symptoms: [/(?:滑|溜|冲|滚)(?:下|下去|下来|走|出去|远)(?:了|坡)/, /自己(?:往|朝)?[^，。！？,.!?\s]{0,4}(?:滑|溜|冲|滚)/, /(?:往|朝)[^，。！？,.!?\s]{0,6}(?:冲|滑|溜)(?:过去|下去)?/],
        within: ['坡', '拦', '追', '手刹', '刹车', '没刹', '马路', '地库', '车道', '快'],
        span: 40,
      },
      // a barrier arm come down on a child's head ("道闸杆子落下来 砸到一个小孩头上")
      {
        objects: ['道闸', '闸杆', '栏杆杆', '挡车杆', '升降杆', '抬杆'],
        symptoms: [new RegExp(`(?:砸|打|敲|拍|磕)(?:到|在|中)(?:了)?[^，。！？,.!?\\s]{0,10}${KID}[^，。！？,.!?\\s]{0,4}(?:头|脑袋|脸|身上)`)],
        span: 40,
      },
      // play equipment broken or loose with children still on it ("秋千链子断了一根 还有孩子在荡", "滑梯的螺丝掉了 孩子们还在上面")
      {
        objects: PLAY_EQUIPMENT,
        symptoms: [/(?:螺丝|螺栓|焊点|焊口|链子|链条|绳子|轴|横杆|踏板|座板|扶手|支架)[^，。！？,.!?\s]{0,3}(?:掉|断|松(?:了|掉|脱|开)|裂|脱|开焊)/, /(?:整个|一直|在)[^，。！？,.!?\s]{0,3}晃/],
        within: [new RegExp(`还(?:在|有)[^，。！？,.!?\\s]{0,6}(?:玩|荡|爬|坐|转|滑|上面|${KID})`), new RegExp(`${KID}[^，。！？,.!?\\s]{0,3}(?:还|都|正)(?:在|坐在|站在|趴在)`)],
        span: 60,
        // (a little loose, to be tightened: "链子有点松 明天让物业紧一紧")
        notWith: ['有点', '一点', '有些'],
        notInMessage: ['围起来', '停用', '暂停使用', '修好', '拆了', '封了', '拉了警戒线'],
      },
    ],
  },
  {
    kind: 'violence',
    level: 'emergency',
    pairs: [
      // a stranger going door to door trying the handles or the locks at night ("有个陌生人一家一家拧门把手 现在到6楼了")
      {
        objects: [/一(?:家|户|层|间)一(?:家|户|层|间)|挨家挨户|挨个|逐户/],
        symptoms: [/(?:拧|扭|推|拉|试|撬|掰|转)[^，。！？,.!?\s]{0,2}(?:门把|把手|门锁|锁|门)/],
        inMessage: ['陌生', '不认识', '可疑', '鬼鬼祟祟', '戴帽子', '戴个帽子', '戴口罩', '不敢开门', '不敢出去'],
        span: 20,
        notInMessage: ['物业', '保安巡逻', '查水表', '抄表', '检查门窗', '燃气公司'],
      },
    ],
  },
  {
    kind: 'animal_attack',
    level: 'emergency',
    pairs: [
      // a dog with a child knocked or held down, biting ("大狗把小孩扑倒了 在咬")
      {
        objects: [/(?<!热)狗(?!粮|屎|叫|绳)/, '犬'],
        symptoms: [new RegExp(`把[^，。！？,.!?\\s]{0,4}${KID}[^，。！？,.!?\\s]{0,2}(?:扑倒|按在地|按倒|扑在地|压在地)`)],
        within: ['咬', '撕'],
        span: 30,
        notInMessage: ['玩', '打滚', '舔'],
      },
    ],
  },
  {
    kind: 'collapse',
    level: 'urgent',
    pairs: [
      // a hoarding, a crane or a big tree leaning, tilting in the wind or roots up ("施工围挡被风吹得往人行道这边歪", "大樟树歪了
      // 根都翻出来了 靠在电线上")
      {
        objects: [...SITE_STRUCTURE, BIG_TREE],
        symptoms: [/(?:往|朝|向)[^，。！？,.!?\s]{0,6}(?:歪|斜|倒|倾)/, /(?:歪|斜)(?:了|得|着)/, /根(?:都)?(?:翻|拱|露|拔|掀)(?:出来|起来)/, '随时会倒', '要倒', '快倒'],
        within: ['风', '台风', '暴雨', '人行道', '路', '电线', '随时', '底下', '下面', '孩子', '小孩', '学生', '放学', '度'],
        span: 40,
        // (a picture hung askew on a hoarding, a tree bent for years)
        // (nor one leaning a little, to be pruned: "往马路那边歪了一点 园林说下周修剪")
        notWith: ['广告', '画', '照片', '拍照', '歪脖子', '好多年', '一直都', /(?:歪|斜)(?:了)?(?:一点|一些|点)/, '修剪'],
      },
      // a hoarding down on someone ("围挡倒了 压到人了"), not one lying fallen by a path with no one near ("围挡倒了一段 正对着小路")
      {
        objects: ['围挡', '施工挡板', '铁皮挡板', '施工围墙', '铁皮墙'],
        symptoms: [/(?<![推])倒(?:了|下|在)/, /(?:拍|砸|翻|塌)(?:下来|了)/],
        within: [/(?:压|砸|拍)(?:到|着|住|在)/, '有人', '行人', '路人', '小孩', '孩子', '老人'],
        span: 30,
        notWith: ['广告', '画'],
      },
      // a pane broken high up, its shards stuck in the frame, the wind up ("窗户玻璃碎了 碎片还卡在框上 风这么大随时掉")
      {
        objects: [/(?:玻璃|窗)[^，。！？,.!?\s]{0,2}(?:碎|裂|破)(?:了|掉|开)/],
        symptoms: [/(?:碎片|碎玻璃|玻璃渣|玻璃碴|玻璃)[^，。！？,.!?\s]{0,3}(?:卡|挂|悬|吊|插|夹)(?:在|着)/],
        within: ['随时', '风', '晃', '要掉', '会掉'],
        span: 40,
        notInMessage: ['换好', '修好', '清理', '拆下来', '取下来'],
      },
      // a trench or a pit dug and left with no cover, fence or light ("施工挖的沟没盖也没围挡 晚上黑漆漆的")
      {
        objects: DUG_PIT,
        symptoms: [/没(?:有)?(?:盖|围|拦|挡|护栏|围挡|警示|灯|标志|牌子|人管)/, '黑漆漆', '看不见', '看不清'],
        span: 30,
        inMessage: WORKS,
        notInMessage: ['种树', '栽树', '种花'],
        notWith: ['沙坑', '沙池'],
      },
      // … or filled with water, children at its edge ("挖掘机挖完的坑积满水了 几个小孩在旁边扔石头玩")
      {
        objects: DUG_PIT,
        symptoms: [/(?:积|灌|全是|都是|满是)[^，。！？,.!?\s]{0,2}(?:雨)?水/, /水(?:积|灌)满/],
        // (children there now, not a worry that they might go: "孩子们会去玩")
        within: [new RegExp(`${KID}[^，。！？,.!?\\s]{0,4}在[^，。！？,.!?\\s]{0,6}(?:边|旁边|边上|玩|扔)`)],
        span: 50,
        inMessage: WORKS,
        notInMessage: ['种树', '栽树', '种花'],
        notWith: ['沙坑', '沙池'],
      },
    ],
  },
  {
    kind: 'cave_in',
    level: 'emergency',
    pairs: [
      // a crane swaying as if to fall, its crew come down, a block in its way ("塔吊的臂一直在晃 感觉要倒 工人都下来了 正对着7栋")
      {
        objects: ['塔吊', '吊臂', '吊车'],
        symptoms: [/(?:要|会|快)倒|随时会倒|(?:一直|来回|使劲)(?:在)?晃/],
        within: [/(?:对着|朝着|冲着)[^，。！？,.!?\s]{0,3}(?:\d+|[一二三四五六七八九十]+)(?:栋|号楼|幢|单元)/, /工人(?:都|全)?(?:下来|撤|跑)/],
        span: 40,
      },
      // the ground sunk and soil still running away, children's play beside it ("小花园那边塌陷了 土一直往下漏 旁边就是儿童沙池")
      {
        objects: [/(?:塌陷|陷下去|塌下去)/],
        symptoms: [/(?:土|泥|沙)[^，。！？,.!?\s]{0,4}(?:往下|往里|一直)[^，。！？,.!?\s]{0,2}(?:漏|掉|流|滑)/],
        span: 30,
      },
    ],
  },
  {
    kind: 'manhole',
    level: 'urgent',
    pairs: [
      // a well dug or opened and left, a board laid on it ("施工队把检查井挖开就走了 上面就搭了块木板")
      {
        objects: [/(?:检查|雨水|污水|窨|下水|检修|排水|电力|化粪)?井(?:盖|口)?[^，。！？,.!?\s]{0,3}(?:挖开|打开|掀开|撬开|敞着|开着)/],
        symptoms: [/(?:就|只|只是)(?:搭|盖|放|垫|挡|拿|铺)(?:了)?[^，。！？,.!?\s]{0,4}(?:木板|纸板|板子|竹竿|塑料布|编织袋|纸壳|纸箱)/, /(?:就|便)(?:走|收工|下班)了/],
        span: 40,
      },
      // a plate laid over a trench lifted at a corner, a cover over a hole as a well's is ("钢板翘起来一块 底下是两米深的沟")
      {
        objects: [/(?:钢板|铁板|盖板|木板)[^，。！？,.!?\s]{0,3}(?:翘|掀|移开|错开|滑开|松)/],
        symptoms: [/(?:底下|下面|下边)(?:就)?(?:是|有)[^，。！？,.!?\s]{0,6}(?:沟|坑|洞)/],
        span: 30,
      },
    ],
  },
  {
    kind: 'blocked_exit',
    level: 'urgent',
    pairs: [
      // a fire lane fenced in by works to a person's width ("施工围挡把消防车道圈进去了 就剩一人宽")
      {
        objects: FIRE_LANE,
        symptoms: [/(?:围|圈|拦|挡|占)(?:进去|起来|住|了)/],
        within: [/(?:就|只)剩[^，。！？,.!?\s]{0,3}(?:一人|一个人|一辆|一条缝|半米|一米)/, /只(?:够|能过)[^，。！？,.!?\s]{0,4}(?:一个人|一人|电动车|自行车|一辆)/, '过不去', '进不来'],
        span: 40,
      },
      // cars lined up on a fire lane, there all day ("婚车一排停在消防车道上 从早上停到现在")
      {
        objects: FIRE_LANE,
        symptoms: [/停(?:在|到)/],
        within: [/停到(?:现在|这会儿?|中午|晚上|天黑)/, /一排|一溜|一长串|一大排|排成/],
        span: 30,
      },
    ],
  },
  {
    kind: 'fire_equipment',
    level: 'urgent',
    pairs: [
      // a sprinkler or a smoke alarm taped or bagged over ("喷淋头被装修工拿胶带缠住了")
      { objects: ['喷淋', '烟感', '烟雾报警'], symptoms: [/(?:缠|包|裹|封|套|蒙|贴)(?:住|上|起来)/], within: ['胶带', '保鲜膜', '塑料袋', '塑料布', '袋子', '布', '纸'], span: 30 },
      // extinguishers let off in play, none left that works ("灭火器拿出来玩 喷了一走廊粉 一个能用的都没有")
      { objects: ['灭火器'], symptoms: [/能用的(?:都|也)?没/, /喷(?:光|完|空)/], within: ['玩', '喷'], span: 50, notWith: ['演练', '培训', '练习'] },
      // a fire hose taken to wash a car or the floor, dropped after ("拿消防水带冲洗车子 冲完扔地上")
      {
        objects: ['消防水带', '水带', '消防水管', '消火栓', '消防栓'],
        symptoms: [/(?:冲|洗)(?:洗)?[^，。！？,.!?\s]{0,2}(?:车|地|电动车)/, /扔(?:在)?地上/, /箱门[^，。！？,.!?\s]{0,2}(?:开着|没关|不关)/],
        within: ['拿', '用'],
        span: 40,
        notWith: ['检查', '演练', '培训'],
      },
    ],
  },
  {
    kind: 'exposed_wire',
    level: 'urgent',
    pairs: [
      // a site's cable left lying on the pavement, its joint wrapped in a bag, rain ("电缆就扔人行道上 接头拿塑料袋裹着 今天还下雨")
      {
        objects: [/(?:电缆|电线)[^，。！？,.!?\s]{0,3}(?:扔|放|摊|拖|躺|横|铺)(?:在)?[^，。！？,.!?\s]{0,3}(?:人行道|路上|地上|路边|草地|水里)/],
        symptoms: [/接头[^，。！？,.!?\s]{0,4}(?:塑料袋|塑料布|袋子|胶布|布)/, '下雨', '积水', '雨里', '水里'],
        span: 40,
      },
      // a lead wound on a tree or a rail, its insulation stripped ("把线随便缠树上 有一截胶皮剥开了")
      {
        objects: ['电线', '线', '灯线', '彩灯', '灯笼', '灯带'],
        symptoms: [/(?:胶皮|外皮|绝缘皮|绝缘层)[^，。！？,.!?\s]{0,3}(?:剥开|剥了|剥掉|掉了|脱了|开了|裂开|破)/],
        span: 30,
        notWith: ['网线', '耳机', '数据线', '毛线', '充电线'],
        // (wrapped again since: "我用胶布缠好了")
        notInMessage: ['缠好', '包好', '修好', '处理好', '换好', '接好'],
      },
    ],
  },
  {
    kind: 'falling_object',
    level: 'emergency',
    pairs: [
      // something blown down and smashed as someone passed below ("花盆被风吹下来摔得粉碎 楼下正好有个奶奶推着婴儿车经过")
      {
        objects: ['吹下来', '刮下来', '掉下来', '砸下来'],
        symptoms: [/(?:正好|刚好|恰好|正巧)[^，。！？,.!?\s]{0,10}(?:经过|走过|路过|在下面)/],
        span: 50,
        notWith: ['猫', '狗', '宠物', '鸟'],
      },
    ],
  },
  {
    kind: 'water_electric',
    level: 'urgent',
    pairs: [
      // water dripping or running out of a ceiling lamp ("水从我家吊灯里往下滴 灯还亮着")
      {
        objects: ['吊灯', '吸顶灯', '灯座', '灯罩', '灯具', '灯管', '筒灯', '射灯', '灯口'],
        symptoms: [/(?:往下|一直|还在|不停)(?:地)?(?:滴|流|淌|渗)/],
        within: ['水'],
        span: 20,
      },
    ],
  },
  {
    kind: 'explosion',
    level: 'emergency',
    pairs: [
      // fireworks stock on a cart, a van or a stall going off, on and on, people running ("卖烟花的三轮车在小区门口炸了 一连串一直在响")
      {
        objects: [new RegExp(`${FIREWORKS}[^，。！？,.!?\\s]{0,3}(?:三轮车|货车|面包车|车|摊子?|店|仓库|堆)`), new RegExp(`(?:卖|拉|装|运|囤)(?:的)?${FIREWORKS}`)],
        symptoms: [/炸了|着了|烧起来|起火/],
        within: ['一连串', /一直(?:在)?(?:响|炸)/, '停不下来', '噼里啪啦', '往外跑', '四处跑', '都在跑', '快跑', '乱跑'],
        span: 40,
      },
    ],
  },
];
