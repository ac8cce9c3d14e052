// Hazard rules of the cold season (part AF's round): people shut in by snow, flood or a broken lock who cannot walk out,
// a lift stopped with a courier inside and no signal, someone long in a gas-heated shower not answering, an elder living
// alone not seen today, children with bangers, on thin ice or a roof with a low rail, a child alone by a bike on charge,
// bangers thrown at people, a hand at someone's throat, a quarrel come to shoving with a tool taken up, someone on a roof
// saying they will jump, a farewell quoted with no answer since, charcoal and tape bought and windows sealed, snow sliding
// off eaves, washing frozen and blown half down, the ground cracked and sinking, a well's cover lifted by frost or broken,
// water pooled by a power lead. Folded into the rules of their kinds by foldByKind in hazard-rules.ts, each with its own guards.
import type { Term } from '../triage/urgency.ts';
import { AWAY_ON_PURPOSE } from './hazard-context.ts';
import type { HazardAddition } from './hazard-rules.ts';
import { CHILD } from './people-terms.ts';

/** Someone who cannot get out, named ("轮椅老人出不来", "里面那家的婆婆出不来"). */
const CANNOT_GET_OUT = /(?:人|老人|孩子|小孩|老太太|老太|大爷|大妈|奶奶|爷爷|外婆|外公|婆婆|阿婆|阿姨|叔叔|他|她|们|一家|住户)[^，。！？,.!?\s]{0,3}(?:出不来|出不去|下不来|走不了|跑不出)/;
/** Bangers and fireworks. */
const BANGERS: readonly Term[] = ['摔炮', '擦炮', '鞭炮', '炮仗', '小鞭', '烟花', '窜天猴', '爆竹'];
/** Thrown at people or stuffed where they do harm (a meter box, a drain, a well). */
const THROWN_AT_HARM: readonly Term[] = ['往人身上', '往人堆', '往人群', '往人脚下', '往路人', /往[^，。！？,.!?\s]{0,3}(?:电表箱|电箱|配电箱|井盖|井里|下水道|窨井|煤气|燃气|车底)[^，。！？,.!?\s]{0,3}(?:里|缝|底下)?(?:塞|扔|丢|点)/,
  /(?:塞|扔|丢)(?:进|到)[^，。！？,.!?\s]{0,4}(?:电表箱|电箱|配电箱|井里|下水道|窨井)/];

export const WINTER_HAZARDS: readonly HazardAddition[] = [
  {
    kind: 'trapped',
    level: 'emergency',
    pairs: [
      // a way out shut by snow, ice or water with someone who cannot get out ("雪把单元门堵死了 轮椅老人出不来")
      {
        objects: [/(?:门|出口|门口|楼门)[^，。！？,.!?\s]{0,3}(?:堵死|封死|堵住|封住|冻住|冻死|埋住|埋了)/, /(?:雪|冰|水)[^，。！？,.!?\s]{0,4}(?:堵|封|埋)(?:死|住)/],
        symptoms: [CANNOT_GET_OUT],
        span: 40,
      },
      // water in a home with someone who cannot get out ("一楼被水淹了 … 里面那家的婆婆出不来 水到膝盖了")
      {
        objects: ['淹了', '水淹', '被淹', '进水', '水管爆', '爆管', /水(?:都|已经)?(?:到|没过|淹到)(?:了)?(?:膝盖|腰|胸|大腿|小腿)/],
        symptoms: [CANNOT_GET_OUT],
        span: 40,
        notWith: ['车', '手机', '游戏'],
      },
      // someone who cannot walk, alone behind a door locked with its key broken or jammed in the lock, the heating off ("我爸一个人
      // 在家 门反锁了 钥匙断在锁里 … 他腿不能走")
      {
        objects: [/钥匙(?:断|卡)(?:在)?(?:锁|锁眼|锁芯)(?:里)?/, /锁(?:芯)?(?:坏|卡死|冻住)/],
        symptoms: [/(?:腿|脚)[^，。！？,.!?\s]{0,3}(?:不能走|走不了|不好|不方便|不利索|没力)/, '瘫', '卧床', '下不了床', '轮椅', '行动不便', '走不动'],
        within: ['一个人', '独自', '独居', '在家', '里面', '屋里'],
        span: 60,
        notWith: ['猫', '狗', '宠物', '游戏'],
      },
      // a lift stopped with someone inside who has no signal, posted for by a friend ("电梯停在两层中间 … 里面没有信号")
      {
        objects: ['电梯', '轿厢', '货梯', '客梯'],
        symptoms: [/里[面头](?:没有?|没)信号/, /(?:帮|替)(?:我|他|她)发的/],
        within: ['卡住', '卡在', '停住', '停在', '打不开', '开不了', '出不来', '困', '不动了', '中间'],
        span: 40,
      },
    ],
  },
  {
    kind: 'carbon_monoxide',
    level: 'emergency',
    pairs: [
      // someone long in a shower heated by gas, not answering ("燃气热水器洗澡 洗了一个多小时没出来 喊他不应")
      {
        objects: ['热水器', '洗澡', '浴室', '淋浴'],
        symptoms: [/(?:喊|叫|敲门|敲)[^，。！？,.!?\s]{0,3}(?:不应|没人应|没应|没反应|不答应|不出声|没动静|不开)/],
        within: [/(?:一个多|两个多|半个多|[一两三几半]+个?)(?:多)?(?:小时|钟头)/, '很久', '好久', '半天', '没出来'],
        span: 40,
      },
    ],
  },
  {
    kind: 'medical',
    level: 'emergency',
    pairs: [
      // an elder living alone not seen today where they are seen every day, the phone unanswered ("独居的李伯伯 … 今天没见 打电话
      // 也没人接")
      {
        objects: [/今天(?:一直|都|也|还|整天)?没(?:见|看到|看见|下楼|出门|出来|露面|动静)/, '没见人', '没见着人'],
        symptoms: ['打不通', '没人接', '没人应', '没人开门', '不开门', '联系不上', /暖气(?:片)?(?:冰凉|冰冷|凉了)/],
        inMessage: ['独居', '一个人住', '自己住', '孤寡', '空巢'],
        span: 60,
        notInMessage: [...AWAY_ON_PURPOSE, '原来是', '联系上了', '找到了'],
      },
    ],
  },
  {
    kind: 'child_danger',
    level: 'emergency',
    pairs: [
      // children throwing bangers at people or into meter boxes and drains
      { objects: BANGERS, symptoms: THROWN_AT_HARM, inMessage: CHILD, span: 30 },
      // children on ice too thin, or with water on it ("小孩在湖上滑冰 冰很薄 中间都有水了")
      {
        objects: CHILD,
        symptoms: [/冰(?:面)?(?:很|太|好|特别|那么|都)?薄/, /冰[^，。！？,.!?\s]{0,3}(?:裂|化了|有水)/],
        within: ['滑冰', '溜冰', '冰上', '冰面', '湖', '河', '池塘', '塘'],
        span: 30,
      },
      // children on a roof whose rail is low ("一帮小孩在楼顶打雪仗 护栏就半米高")
      {
        objects: ['楼顶', '天台', '屋顶', '顶楼'],
        symptoms: [/(?:护栏|栏杆|围栏|女儿墙)[^，。！？,.!?\s]{0,2}(?:就|才|只有|不到|很|太|特别)[^，。！？,.!?\s]{0,2}(?:矮|低|半米|膝盖|腰)/],
        inMessage: CHILD,
        span: 40,
      },
      // a small child alone by a bike on charge, no grown-up ("小朋友一个人在电动车旁边玩 充电器插着 没有大人")
      {
        objects: [/(?:充电器|插头|插座|电动车|电瓶车)[^，。！？,.!?\s]{0,4}(?:旁边|边上|附近)?[^，。！？,.!?\s]{0,2}玩|玩[^，。！？,.!?\s]{0,3}(?:充电器|插头|插座)/],
        symptoms: ['没有大人', '没大人', '一个人', '没人看', '没人管'],
        within: ['插着', '充电', '在充'],
        inMessage: CHILD,
        span: 40,
      },
    ],
  },
  {
    kind: 'violence',
    level: 'emergency',
    // a hand at someone's throat ("掐着一个女人的脖子", told word by word: "掐着 老太太 脖子"), someone chased and beaten
    terms: [/掐(?:着|住)?[^，。！？,.!?]{0,8}(?:脖子|喉咙)/, /追着[^，。！？,.!?\s]{0,3}打(?![针电车卡球游闹雪])/],
    notWith: ['游戏', '玩', '打闹', '开玩笑', '鸡', '鸭', '鹅', '猫', '狗'],
    pairs: [
      // bangers thrown at people by an adult ("醉汉拿着鞭炮往人堆里扔")
      { objects: BANGERS, symptoms: ['往人身上', '往人堆', '往人群', '往人脚下', '往路人'], span: 30, notWith: ['视频', '新闻'] },
      // a quarrel come to shoving, a tool taken up ("吵起来了 已经推搡了 有人抄起铁锹了")
      {
        objects: [/(?:抄|拿|举|抡|操|捡)(?:起|着)(?:了)?[^，。！？,.!?\s]{0,3}(?:铁锹|铁铲|铲子|铁棍|棍子|棒子|扫把|板凳|凳子|砖头|酒瓶|铁锤|锤子|扳手|钢管|拖把|椅子)/],
        // (shoving or blows, not words alone: a broom taken up to sweep after a quarrel is none)
        symptoms: ['推搡', '打起来', '动手', '推人', '打架', '扭打', '要打'],
        span: 40,
        notWith: ['游戏', '扫雪', '铲雪', '干活'],
      },
    ],
  },
  {
    kind: 'suicide',
    level: 'emergency',
    pairs: [
      // someone on a roof saying they will jump ("楼顶有个女的一直在哭 手里拿着瓶子 说要跳下去")
      { objects: ['楼顶', '天台', '顶楼', '屋顶'], symptoms: [/(?:说|喊|嚷)(?:着)?(?:要|想)跳(?:楼|下去|下来|(?![舞绳槽操远高水伞格房广]))/], span: 40, notWith: ['游泳', '跳水', '蹦极', '哈哈', '跳舞'] },
      // a farewell that spares others a burden, and no answer since ("我不想连累你们了 谢谢大家 … 电话不接")
      {
        objects: [/不想(?:再)?(?:连累|拖累|麻烦)(?:你们|大家|家里|家人|孩子)/, /以后(?:再)?不(?:会)?(?:再)?(?:麻烦|打扰|连累)(?:大家|你们)/],
        symptoms: ['打不通', '联系不上', '不接', '没人接', '关机', '不开门', '没人开门'],
        span: 60,
        // (someone moving away who says goodbye)
        notInMessage: ['搬家', '搬走', '退租'],
      },
      // charcoal and tape bought, the windows sealed ("买了炭和胶带 他家窗户都用报纸糊上了")
      {
        objects: [/(?:木)?炭[^，。！？,.!?\s]{0,2}(?:和|跟|还有|加)[^，。！？,.!?\s]{0,2}胶带|胶带[^，。！？,.!?\s]{0,2}(?:和|跟|还有|加)[^，。！？,.!?\s]{0,2}(?:木)?炭/],
        symptoms: ['糊上', '糊住', '糊了', '封上', '封住', '封死', '封起来', '堵上', '贴上', '贴满', '失业', '想不开', '奇怪'],
        span: 60,
        notInMessage: ['烧烤', '烤肉', '火锅'],
      },
    ],
  },
  {
    // a charging lead slung on a pole across a passage ("用晾衣杆挑着电线充电 横跨过道")
    kind: 'flying_wire',
    level: 'urgent',
    terms: [/(?:挑|架|挂|搭)(?:着|了|起)?(?:根|条|一根|一条)?(?:电)?线[^，。！？,.!?\s]{0,6}充(?:电|车)/],
    notWith: ['充电桩', '充电站', '充电棚', '手机', '充电宝', '耳机'],
  },
  {
    // a pressure cooker over a fire, its valve blocked and hissing ("高压锅放煤炉上烧了好久 一直在嘶嘶响 阀都堵了 怕要炸")
    kind: 'explosion',
    level: 'emergency',
    pairs: [
      {
        objects: ['高压锅', '压力锅'],
        symptoms: [/阀[^，。！？,.!?\s]{0,3}(?:堵|卡|不动|坏|不出气)/, /(?:要|会|快)炸/],
        within: [/[嘶呲滋]{2}/, '烧了', '一直', '堵'],
        span: 40,
      },
    ],
  },
  {
    kind: 'collapse',
    level: 'urgent',
    pairs: [
      // snow on eaves or a canopy sliding down or bending it ("屋檐上的积雪一块一块往下滑 单元门口有人在扫雪")
      {
        // (snow on a roof or a canopy, not on a tree or a car)
        objects: [/(?:屋檐|房檐|檐|雨棚|顶棚|车棚|楼顶|屋顶|房顶)[^，。！？,.!?\s]{0,4}(?:的)?(?:积)?雪/],
        symptoms: [/(?:往下|一块一块|一大块)[^，。！？,.!?\s]{0,6}(?:滑|掉|落|砸)/, '滑下来', '掉下来', '压弯', '压塌', '压变形', '压得变形', '要塌'],
        span: 30,
      },
      // washing frozen and blown half down, hanging outside ("冻住的被子被风吹下来一半 挂在外面晃 随时要掉")
      {
        objects: ['被子', '床单', '被褥', '棉被', '衣服', '晾衣杆', '晾衣架'],
        symptoms: [/(?:吹|刮)(?:下来|掉)(?:了)?一半/, /挂在(?:外面|窗外|半空)[^，。！？,.!?\s]{0,3}晃/, '随时要掉', '随时会掉'],
        within: ['冻', '风', '窗外', '外面'],
        span: 40,
      },
      // the ground cracked in several lines and sinking ("地面裂了好几条缝 好像往下陷")
      {
        objects: [/(?:地面|路面|地坪|坡道?)[^，。！？,.!?\s]{0,2}裂(?:了|开)(?:了)?(?:好几|几|[一两三四五六七八九十])?(?:条|道)/],
        symptoms: ['往下陷', '往下沉', '下陷', '下沉', '陷下去', '塌下去'],
        span: 30,
      },
    ],
  },
  {
    kind: 'manhole',
    level: 'urgent',
    pairs: [
      // a well's cover named in full, lifted by frost or broken ("热力井的盖子被冻翘了", "窨井盖烂了一半")
      {
        objects: [/(?:热力|暖气|供暖|检修|雨水|污水|下水|电力|通信|窨)井的?盖(?:子|板)?/, '井盖'],
        symptoms: ['翘', '烂', '冻裂', '冻坏', '踩空'],
        span: 30,
      },
      // someone stepped into a well with no cover ("小孩踩到没盖的井里了 腿卡着")
      { objects: [/没(?:有)?盖(?:子)?的(?:井|坑|洞)/], symptoms: ['踩到', '踩进', '掉进', '掉到', '卡着', '卡住', '摔进'], span: 20 },
    ],
    emergencyWith: [/(?:踩|掉|摔|陷)(?:到|进)[^，。！？,.!?\s]{0,6}井里/, /(?:腿|脚)[^，。！？,.!?\s]{0,2}卡(?:着|住|在)/],
  },
  {
    kind: 'water_electric',
    level: 'urgent',
    pairs: [
      // a puddle under a heater or a washer by a power lead ("热水器下面一滩水 连着电源线")
      {
        objects: [/一[滩摊地]水|积水|地上(?:全|都)是水/],
        symptoms: ['电源线', '插线板', '插排', '排插', '插座', '插头', '电线'],
        within: [/连着|泡(?:在|着)|浸|挨着|旁边|边上|底下|下面/],
        span: 30,
      },
    ],
    // water at an electric cabinet and still rising ("水已经漫到配电柜底下 还在往上涨")
    emergencyWith: [/还在(?:往上)?涨|越涨越高|一直(?:在)?(?:往上)?涨/],
  },
];
