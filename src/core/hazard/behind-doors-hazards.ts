// Hazard rules of private life behind doors (part AD's round): violence heard through a wall or a door, a farewell or a
// swallowed bottle of pills told indirectly with a sign now, someone shut in a plant room, gone down a tank or pinned
// under a door, someone alone not seen for days with signs, a child shut out on a balcony in the sun. Each reads a sign
// of now beside the words, so a TV drama, a game, a chore, a key locked in or a neighbour away on a trip stay talk.
// Part of PEOPLE_HAZARDS, after the rules of the same kinds (suicide-, child- and violence-hazards.ts, trapped-hazards.ts, injury-hazards.ts).
import type { Term } from '../triage/urgency.ts';
import { AWAY_ON_PURPOSE } from './hazard-context.ts';
import type { HazardAddition } from './hazard-rules.ts';
import { CHILD } from './people-terms.ts';

/** A scene watched or played, not lived next door. */
const SCREEN_OR_PLAY: readonly Term[] = ['电视剧', '剧里', '电视上', '电影', '视频里', '短剧', '小说', '游戏', '综艺', '演的', '拍戏', /(?:在|地)玩/, '打闹', '闹着玩', '开玩笑', '哈哈'];
/** Who is hurt or threatened at home. */
const KIN = '(?:老婆|老公|媳妇|男人|女人|妈|爸|老人|孩子|小孩|她|他|你|全家|一家)';
/** No answer now: the phone, the door, the group left. */
const SILENCE: readonly Term[] = ['打不通', '联系不上', '关机', '退群', '没人开门', '不开门', '门打不开', '敲门没人应', '没人应'];
/** Silence that follows a farewell told just before it ("说对不起 然后电话就不接了"). */
const THEN_SILENT = /然后(?:就)?[^，。！？,.!?\s]{0,3}(?:不接|关机|打不通|联系不上|退群|不回|没(?:再)?回|没动静)/;

export const BEHIND_DOORS_HAZARDS: readonly HazardAddition[] = [
  {
    kind: 'violence',
    level: 'emergency',
    // dragged by the hair out of the way or into a car ("揪着女的头发往车里拖")
    // (or a child crying to a parent to stop: "一直喊妈妈别打了")
    terms: [/(?:哭|喊|叫|求)(?:着)?(?:喊|叫)?(?:妈妈?|爸爸?|奶奶|爷爷|外婆|叔叔|阿姨)(?:别|不要)再?打(?:了|我)/, /(?:揪|拽|扯|薅|抓)(?:着|住)?[^，。！？,.!?\s]{0,6}头发[^，。！？,.!?\s]{0,2}(?:往[^，。！？,.!?\s]{0,5}(?:拖|拽|拉|塞|撞)|撞墙|往墙上)/],
    pairs: [
      // the one beaten writing: hiding, asking for the police ("他打我 我躲在厕所里 请帮我叫警察"), not a phone call
      {
        objects: [/(?:他|她|老公|男人|丈夫|男朋友|男友|老婆|前夫|儿子|爸)(?:喝(?:了)?酒(?:了)?|喝多了)?(?:又|在|一直|正在|还在|又在)?(?:打|揍|掐)我(?!电话|手机|微信|视频|语音)/],
        symptoms: [/躲(?:在|进)/, '报警', '警察', '救命', '110', '帮帮我', /锁在(?:厕所|卫生间|卧室|房间|屋里|浴室)/, '跑出来', '逃出来'],
        span: 40,
        notInMessage: SCREEN_OR_PLAY,
      },
      // shoved about, a thud or a cry of pain after it ("老人一直被他儿子推来推去 刚才咚的一声 老人在喊疼")
      {
        objects: ['推来推去', '推搡', /推(?:倒|到)(?:在)?地/, '搡来搡去'],
        symptoms: [/[咚砰嘭哐](?:的)?一声/, '一声闷响', '喊疼', '喊痛', '叫疼', '在哭', '哭喊', '惨叫', '求饶', '救命', '尖叫'],
        span: 30,
        notInMessage: SCREEN_OR_PLAY,
      },
      // a gang brought to smash or kick a door in, someone inside crying or calling out ("房东叫了一帮人来踹门 屋里孩子直哭")
      {
        objects: [/(?:砸|踹|撬|踢)(?:门|窗|锁)/],
        symptoms: [/(?:带|叫|喊|找)(?:了)?(?:几个|一帮|一群|一伙|好几个|一些|些)人/, /(?:一帮|一群|一伙|好几个|几个)(?:人|壮汉|男的)/],
        within: [/(?:里面|里头|屋里|家里)[^，。！？,.!?\s]{0,6}(?:哭|喊|叫|救命)/, '救命', '赶人', '赶走', '要打人', '要动手'],
        span: 30,
        notInMessage: SCREEN_OR_PLAY,
      },
      // a vow to kill someone tonight, a scream or a silence or a smash beside it ("说今晚不弄死她不算完 … 女的尖叫了一声然后就
      // 没声音了"), however long the message that tells it
      {
        objects: [new RegExp(`不(?:弄|打|掐|砍|杀|整|捅)(?:死|了)${KIN}[^，。！？,.!?\\s]{0,2}不(?:算完|罢休|甘心|解气|收手|停)`), new RegExp(`非(?:要|得)?(?:弄|打|掐|砍|杀|整|捅)(?:死|了)${KIN}不可`)],
        symptoms: ['尖叫', '惨叫', '哭', '救命', /没(?:了)?(?:声音|声|动静)/, '摔东西', '砸东西', '撞墙', '报警', '110', '警察', '喝醉', '喝多', '喝了酒', '刀'],
        span: 200,
        notInMessage: SCREEN_OR_PLAY,
      },
      // a woman's or a child's scream next door, then silence, a drunk's rage or a call to the police beside it ("男的又喝醉了
      // 一直在骂 … 听见女的尖叫了一声然后就没声音了 … 已经报警了"), however long the message
      {
        objects: [/(?:女的|女人|她|老婆|媳妇|妻子|女主人|孩子|小孩|老人)[^，。！？,.!?\s]{0,3}(?:尖叫|惨叫|哭喊|喊救命|叫)(?:了)?(?:一声|几声)?[^，。！？,.!?\s]{0,4}(?:然后|之后|接着)?(?:就)?没(?:了)?(?:声音|声|动静)/],
        symptoms: ['喝醉', '喝多', '喝了酒', '酒疯', '骂', '摔东西', '砸东西', '撞墙', '打她', '打老婆', '打孩子', '家暴', '报警', '110', '警察'],
        span: 200,
        notInMessage: SCREEN_OR_PLAY,
      },
      // a threat to kill a partner or kin, a sign of it through the door ("在踹门 说要砍死他老婆 她在里面哭")
      {
        objects: [new RegExp(`说(?:着)?要(?:砍|杀|弄|捅|打|掐|宰)(?:死|了)${KIN}`)],
        symptoms: ['哭', '喊', '救命', '尖叫', '踹门', '砸门', '求饶', '刀'],
        span: 30,
        notInMessage: SCREEN_OR_PLAY,
      },
    ],
  },
  {
    kind: 'suicide',
    level: 'emergency',
    pairs: [
      // the pills at home swallowed all at once, with a farewell or a shut door ("家里的药她全吞了 这样就不拖累孩子了")
      {
        objects: [/药[^，。！？,.!?\s]{0,3}(?:全|都|一下子|一口气)(?:给)?(?:吞|吃|喝)(?:了|下去|光)(?!完)/, /把(?:一|整|大半|半)?(?:瓶|盒|板|把)?[^，。！？,.!?\s]{0,3}药(?:全|都|一下子)?(?:给)?(?:吞|吃|喝)(?:了|下去|光)(?!完)/],
        symptoms: [/不(?:想|会|愿)?再?拖累/, '不想活', '活够了', '告别', '对不起', '再见', '遗书', '叫不醒', '叫不应', ...SILENCE],
        span: 40,
      },
      // someone climbed up a crane, a tower or a pole and says they will jump ("爬上塔吊了 说不给钱就跳"), not a crane driver
      {
        objects: [/(?:爬|攀|站|坐|蹲)(?:上|到|在)(?:了)?[^，。！？,.!?\s]{0,3}(?:塔吊|吊车|脚手架|高压塔|铁塔|信号塔|电线杆|广告牌)/],
        // (a condition is the threat's, not a denial: "不给钱就跳")
        symptoms: [/(?:(?:不|没)[^，。！？,.!?\s]{0,5})?(?:就|要|想)跳(?![舞绳水远高伞])/],
        span: 30,
      },
      // words like a farewell posted, and the teller asks who knows them or where they live ("发了条朋友圈 像是在告别 …
      // 他住12楼 有人认识吗")
      {
        objects: [/像(?:是)?(?:在)?(?:告别|道别|遗言|交代后事)/],
        symptoms: ['有人认识', '谁认识', /住[^，。！？,.!?\s]{0,6}(?:楼|室|号)/, '去看看', '敲门', '家人', '不接', ...SILENCE],
        span: 60,
      },
      // a farewell till the next life, then silence or a locked door ("谢谢大家 下辈子见 现在电话关机 房门反锁了")
      {
        objects: [/下辈子(?:再)?见/, /来(?:生|世)(?:再)?见/, '永别了', /(?:再见了|别了)(?:各位|大家|这个世界|世界)/],
        symptoms: [...SILENCE, '反锁', '敲不开', '不应', '不回', '没回'],
        span: 60,
      },
      // one's family entrusted to neighbours or one's money handed over, with a sign ("存折放在桌上了 以后老婆孩子你们帮着照看
      // 说完就回屋了"; "给我转了所有的钱 发了一句对不起")
      {
        objects: [/以后[^，。！？,.!?\s]{0,8}(?:拜托|托付|交给)?(?:你们|大家|我们|你)(?:帮(?:着|忙|我)?)?(?:照看|照顾|看着|管着)/,
          /(?:所有|全部)的?(?:钱|存款|积蓄)[^，。！？,.!?\s]{0,3}(?:都)?转/, /转(?:了|给)(?:我)?(?:所有|全部)的?(?:钱|存款|积蓄)/],
        symptoms: ['存折', '银行卡', '存款', '密码', '赔光', '回屋', '反锁', '门锁着', '不对劲', '不想活', '对不起', '不应', ...SILENCE],
        span: 60,
        // (a neighbour away for a while asking for a hand)
        notInMessage: ['出差', '旅游', '出远门', '回老家', '住院', '上班', '加班', '几天'],
      },
      // things given away as no longer needed by someone in despair ("把她的猫送给我了 说以后用不着了" after buying sleeping pills)
      {
        objects: [/(?:以后|再也)?用不(?:着|上)了/],
        symptoms: [/送(?:给)?(?:我|人|邻居|你)/],
        inMessage: ['安眠药', '想不开', '不想活', '遗书', '反常', '不对劲', '从来不这样'],
        span: 30,
      },
      // on a roof, saying one cannot go on ("我在你们那栋楼顶了 不想再撑了")
      { objects: ['楼顶', '天台', '顶楼', '屋顶', '桥上'], symptoms: ['撑不下去', '不想再撑', '撑不住了', '熬不下去', '坚持不下去', '不想再坚持'], span: 30 },
      // money and family arranged for after one's death, unlike them ("问我她不在了以后我会不会照顾好弟弟 她平时从来不这样")
      {
        objects: [/(?:我|她|他)(?:要是)?不在了?(?:以后|之后)/],
        symptoms: ['钱', '存款', '存折', '分好', '房', '照顾好', '交代'],
        inMessage: ['从来不这样', '从不这样', '以前不这样', '平时不这样', '反常', '不对劲', '不像她', '不像他'],
        span: 60,
      },
      // thanks, sorry or "you won't be troubled by me again", then silence ("明天你们就不用再受我的吵了 然后就退群了")
      {
        objects: [/(?:谢谢|感谢)(?:大家|各位|你们)[^，。！？,.!?\s]{0,6}照顾/, /(?:说|发)(?:了)?(?:句)?(?:对不起|抱歉)/, /对不起(?:大家|各位|你们)/,
          /(?:你们|大家|各位)(?:以后|明天)?(?:就)?不用再(?:受|忍|被|听|管)(?:我|我的)?/, /不(?:想|会|愿)?再?拖累/],
        symptoms: [THEN_SILENT, '退群', '关机', '联系不上', '打不通'],
        span: 60,
      },
    ],
  },
  {
    kind: 'trapped',
    level: 'emergency',
    // shut in a plant room or a store, not a home ("被反锁在地下车库的设备间了 手机只剩5%电")
    terms: [/(?:我|人|他|她|师傅|保安|保洁|工人|大爷|阿姨|孩子|小孩|老人)被(?:反)?(?:锁|关)在[^，。！？,.!?\s]{0,8}(?:设备间|设备房|机房|配电间|配电房|水泵房|泵房|仓库|储藏室|储藏间|冷库|库房|杂物间|地下室)/,
      // pinned under a door or a load ("把一个大哥压在下面 卡住腰动不了")
      /把[^，。！？,.!?\s]{0,4}(?:人|大哥|大爷|大姐|孩子|小孩|老人|师傅|阿姨|工人|男的|女的)压在(?:了)?(?:下面|底下)/, /(?:人|大哥|大爷|孩子|小孩|老人|师傅|阿姨|工人)(?:被)?压在(?:了)?[^，。！？,.!?\s]{0,4}(?:下面|底下)/,
      // fallen into a well or a pit, the place told first ("枯井里掉进去一个人")
      /(?:井|坑|沟|洞|池)里(?:面)?(?:掉|摔|跌)(?:进去|下去|进|下)(?:了)?(?:一个|个|两个|俩)?(?:人|小孩|孩子|老人)/],
    pairs: [
      // caught in a lift's door while it moves ("货梯门夹住了快递小哥 … 电梯还在往上走")
      {
        objects: [/(?:电梯|货梯|梯)门?[^，。！？,.!?\s]{0,2}夹(?:住|到|着)/],
        symptoms: [/(?:还在|一直在|继续)(?:往上|往下|上|下)?(?:走|动|升|降|运行|跑)/, '急停', '卡在门缝', '拔不出', '出不来', '救命'],
        span: 30,
      },
      // gone down a tank or a well and not come up ("化粪池井口 两个工人下去半天没上来")
      {
        objects: ['化粪池', '污水井', '下水井', '窨井', '沼气池', '隔油池', '污水池', '储罐', '地窖', '井下', '井里', '枯井'],
        symptoms: [/下去[^，。！？,.!?\s]{0,4}(?:没上来|没出来|没动静|不上来|上不来)/, '没人应', '没动静', '叫不应'],
        span: 30,
      },
    ],
  },
  {
    kind: 'medical',
    level: 'emergency',
    pairs: [
      // someone alone not seen for days, with a sign at the door ("好几天没下楼了 牛奶箱里的奶没人取 电话也打不通"), not
      // one found away on a trip or at a daughter's
      {
        objects: [/(?:(?:好几|几|两|三|四|五|六|七|[2-9]|十|十几|好多)多?天|(?:一|两|好几|几)个?多?(?:星期|礼拜)|(?:一|两|好几|几)周)(?:都)?没(?:下楼|出门|出来|见(?:到|着)?(?:人|他|她|过)?|露面|动静|开门)/],
        // (or a smell at the door: "门口有股怪味")
        symptoms: [/(?:牛奶|奶|报纸|外卖|快递|菜)[^，。！？,.!?\s]{0,6}(?:没人取|没取|没拿|堆着|堆在|堆了)/, '打不通', '没人接', '没人应', '没人开门', '不开门', /灯(?:一直|还)(?:亮|开)着/, '异味', '臭味', '怪味', '联系不上'],
        span: 60,
        notInMessage: [...AWAY_ON_PURPOSE, '原来是', '联系上了', '找到了'],
      },
    ],
  },
  {
    kind: 'child_danger',
    level: 'emergency',
    pairs: [
      // children prising a septic tank's or a well's lid ("几个小孩在化粪池边上撬井盖玩"): the gas below can blow or choke
      {
        objects: CHILD,
        symptoms: [/撬[^，。！？,.!?\s]{0,3}(?:盖|井)|(?:盖|井)[^，。！？,.!?\s]{0,4}撬/],
        within: ['化粪池', '井盖', '窨井', '污水井', '下水井', '沼气池', '井口'],
        span: 20,
      },
      // a child shut out in the cold ("把自己锁在阳台外面了 … 光着脚 外面零下好几度")
      {
        objects: [/(?:锁|关)在(?:了)?(?:阳台|门外|屋外|外面|天台)/],
        symptoms: ['零下', '光着脚', '光脚', '下雪', '冻', '睡衣', '好冷', '冷得'],
        inMessage: CHILD,
        span: 40,
      },
      // children climbing a roof's or a balcony's rail ("有几个小孩在爬楼顶天台的护栏")
      {
        objects: CHILD,
        symptoms: [/(?:爬|翻|攀)(?:上|到|过)?(?:了)?[^，。！？,.!?\s]{0,8}(?:护栏|栏杆|围栏|女儿墙)/],
        within: ['楼顶', '天台', '顶楼', '屋顶', '阳台', '窗', /\d+\s*(?:楼|层)/],
        span: 20,
      },
      // a child shut out on a balcony in the sun for hours ("被关在阳台上罚站 一整个下午 太阳直晒 哭声都哑了")
      {
        objects: [/(?:关|锁|罚站)(?:在)?[^，。！？,.!?\s]{0,3}阳台/],
        symptoms: ['直晒', '暴晒', '晒了', '哭哑', /哭(?:声)?(?:都)?哑/, '一下午', /(?:几|两|三|好几)个(?:小时|钟头)/, '一直在哭'],
        within: CHILD,
        span: 40,
      },
    ],
  },
];
