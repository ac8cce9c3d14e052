// Hazard readings of things told in trade words and lay words (parts AO and AP's round): a breaker reset again and again
// while the wall crackles, a live neutral, an RCD tripping with water in the circuit, a box or joint blackened and still
// hot, a meter racing with nothing on, a gas detector's reading in alarm, a cylinder's valve fuming, a strip let down
// from a window onto wet ground, a lamp holder hanging by its wires, a cell cabinet alarming hot, paving hollow
// underfoot, pots on an unrailed sill in the wind. Folded into the rules of their kinds by foldByKind in
// hazard-rules.ts, each with its own guards (a repair done, a quote, a question how a thing works are read elsewhere).
import type { HazardAddition } from './hazard-rules.ts';

/** A clause's words, no punctuation or space between. */
const W = '[^，。！？,.!?\\s]';
/** Words a sentence, no sentence end between. */
const S = '[^。！？!?]';
const BREAKER = '(?:空开|空气开关|总闸|电闸|闸|漏保|漏电保护器?|断路器|跳闸)';
/** What a price, a purchase, a lesson or a how-it-works question is told with. */
// (not 怎么办: a plea for help in a real report, "墙里滋滋响 怎么办")
const TALK = ['多少钱', '报价', '价格', '原理', '为什么', '讲座', '培训', '科普', '知识', '视频', '广告'];

export const TRADE_THINGS_HAZARDS: readonly HazardAddition[] = [
  {
    // an electrical fault told by its signs, not yet smoking or sparking: a breaker reset and tripping again and again
    // with a noise or a smell in the wall ("空开跳了又合上 来回五六次 墙里面滋滋响"), a box, a joint or a switch plate
    // blackened, burn-marked or soft and still hot ("接头那发黑 热得发软", "箱子盖子上有烧过的印子 还在发热"), a main
    // switch humming with the wall blackened by it, a meter racing with nothing on and the wall clicking
    kind: 'overheating',
    level: 'urgent',
    pairs: [
      {
        objects: [new RegExp(`${BREAKER}${S}{0,12}(?:又跳|再跳|还跳|就跳|又掉|来回|反复|[二两三四五六七八九十几好]+(?:次|回|遍))`)],
        symptoms: [new RegExp(`墙${W}{0,4}(?:响|声)`), '滋滋', '吱吱', '噼啪', '啪的一声', '咔咔', '焦味', '糊味', '烧焦', '冒烟', '有响声', /烧?(?:塑料|胶皮|橡胶|头发)[的]?味/],
        span: 40,
        notWith: TALK,
      },
      {
        objects: ['接头', '接线头', '线头', '开关面板', '面板', '插座', '电闸', '闸箱', '电箱', '配电箱', '电表箱', /(?:三相电|电)[^，。！？,.!?\s]{0,4}箱子/],
        symptoms: [/(?:发黑|变黑|烧黑|熏黑|黑的?一片|烧过的?印|烧的?印|焦印|发软|变软|软了)/],
        within: [/(?:还|一直|仍然?|摸着|摸上去)[^，。！？,.!?\s]{0,3}(?:烫|热|发热|发烫)|热得|烫得|嗡嗡|滋滋/],
        span: 24,
        notWith: TALK,
      },
      {
        objects: ['开关面板', '面板', '插座', '开关'],
        symptoms: [/烧?(?:塑料|胶皮|橡胶|头发)[的]?味/],
        within: ['烫', '发热', '铝线'],
        span: 40,
        notWith: TALK,
      },
      {
        objects: [/电表[^，。！？,.!?\s]{0,4}(?:转|走)得?[^，。！？,.!?\s]{0,2}(?:飞快|很快|特别快)/],
        symptoms: [new RegExp(`墙${W}{0,4}(?:响|声)`), '咔咔', '滋滋', '噼啪', '焦味', '糊味', '发烫'],
        span: 40,
        notWith: TALK,
      },
    ],
  },
  {
    // a live neutral: a shock from what should be dead ("零线带电 电笔一碰也亮"), or a bare wire tested live
    kind: 'exposed_wire',
    level: 'urgent',
    terms: [/零线(?:上|也|都)?(?:也|都)?(?:带电|有电|电人|亮)(?![吗么没])/, /(?:线|线头)[^，。！？,.!?\s]{0,3}裸[^。！？!?]{0,16}(?:测|试)[^，。！？,.!?\s]{0,4}(?:有电|带电)/],
    notWith: TALK,
    pairs: [
      // a cable left lying with its end stripped, in the rain or water ("电缆在地上 线头剥开的 下雨天全泡着")
      { objects: ['电缆', '电线', '线头'], symptoms: [/剥(?:开|掉|了)/], within: ['泡', '雨', '水'], span: 24, notWith: TALK },
      // a lamp holder fallen and hanging by its wires ("灯座掉下来了 两根线吊着")
      { objects: ['灯座', '灯头', '灯具'], symptoms: [/(?:两|几)根[^，。！？,.!?\s]{0,2}线[^，。！？,.!?\s]{0,3}(?:吊|挂|悬|耷拉)/, /(?:吊|挂|悬)着[^，。！？,.!?\s]{0,2}(?:两|几)根[^，。！？,.!?\s]{0,2}线/], span: 24, notWith: TALK },
      // a lead crushed through by a car ("线被车压破了")
      { objects: [/(?<![毛针棉丝网晾衣筝跳鱼钓天航路光直曲热视话缝彩])线/], symptoms: [/(?:压|轧|碾)(?:破|烂|断)/], within: ['充电桩', '有电', '水', '电线', '电缆'], span: 16, notWith: TALK },
    ],
  },
  {
    // an RCD tripping for water in the circuit ("漏保一直跳 线路里进水了"), a box with water pooled and dripping under it
    kind: 'water_electric',
    level: 'urgent',
    pairs: [
      { objects: ['线路', '线管', '电路', '漏保', '漏电保护'], symptoms: ['进水', '渗水', '泡水', '有水'], span: 24, notWith: TALK },
      { objects: ['电箱', '配电箱', '电表箱', '电闸箱'], symptoms: [/(?:下面|底下|下边)[^，。！？,.!?\s]{0,4}(?:一滩水|积(?:了)?[^，。！？,.!?\s]{0,3}水|都是水|全是水)/, '一滩水'], span: 16, notWith: TALK },
    ],
  },
  {
    // a strip let down from a window or along a bracket to the ground ("窗户里拉了个插排到楼下", "顺着外机架子拉了根线下来 接了个排插")
    kind: 'flying_wire',
    level: 'urgent',
    pairs: [
      {
        objects: ['插排', '排插', '插线板', '接线板', '拖线板'],
        symptoms: [/(?:窗户?|阳台|楼上|架子|支架)[^，。！？,.!?\s]{0,6}(?:拉|扯|吊|放|垂|顺)/, /(?:拉|扯|吊|放|垂)[^，。！？,.!?\s]{0,4}(?:到|在)?楼下/, /(?:拉|扯)(?:了)?(?:一)?(?:根|条)?线下来/],
        span: 24,
        notWith: TALK,
      },
    ],
  },
  {
    // a cell in a charging or swap cabinet alarming hot ("充电柜里有一格电池一直报警 高温红灯在闪")
    kind: 'battery',
    level: 'urgent',
    pairs: [
      { objects: ['充电柜', '换电柜', '电池柜', '储能柜'], symptoms: ['报警', '高温', '过热', '发烫'], within: ['报警', '高温', '过热', '发烫', '烫'], span: 30, notWith: TALK },
    ],
  },
  {
    // gas told by the instrument that found it ("用检测仪测了 读数报警了"), a cylinder's valve fuming or hissing even
    // by a barbecue stall ("液化气罐子阀门那冒白气 老板还在边上点炭")
    kind: 'gas_leak',
    level: 'emergency',
    pairs: [
      {
        objects: ['检测仪', '探测仪', '测漏仪', '检漏仪', '测试仪'],
        symptoms: [/(?:读数|数值|数字|仪器|指针)?[^，。！？,.!?\s]{0,2}(?:报警|超标|爆表|响了|滴滴)/],
        within: ['燃气', '煤气', '天然气', '液化气', '可燃', '门口', '屋里', '家里', '楼道'],
        span: 30,
        notWith: [...TALK, '买', '测试一下', '演示', '安检', '甲醛', 'PM', '空气质量', '体温', '额温', '酒精', '噪音', '分贝', '水质', '湿度'],
      },
      {
        objects: [/(?:液化气|煤气|燃气|天然气)[^，。！？,.!?\s]{0,3}(?:罐|瓶|阀|管)/, '钢瓶', '调压阀', '减压阀'],
        symptoms: ['冒白气', '冒气', '喷气', '呲呲', '嘶嘶', '哧哧', '往外喷'],
        span: 20,
        notWith: [...TALK, '演示', '视频', '换了', '修好'],
      },
    ],
  },
  {
    // a fire told by what it does: an outdoor unit or an electric thing "着了" (caught), smoke pouring into a home with the
    // stairwell dark and people asking which way to run ("烟都飘到我家来了 楼道是黑的 往上跑还是往下跑")
    kind: 'fire',
    level: 'emergency',
    terms: [/(?:空调)?外机[^，。！？,.!?\s]{0,2}着(?:了|起来)(?=$|[，。！？,.!?\s…~]|[火吧啊呀哦])/, /(?:电箱|配电箱|电表箱|电瓶车|电动车|充电桩)[^，。！？,.!?\s]{0,2}着(?:了|起来)(?=$|[，。！？,.!?\s…~]|[火吧啊呀哦])/,
      /烟[^。！？!?]{0,40}(?:往上跑还是往下跑|往下跑还是往上跑|往哪(?:里|儿|边)?(?:跑|逃|撤|走))/],
    notWith: [...TALK, '演习', '演练', '逃生知识', '如果', '抽烟', '吸烟', '油烟', '香烟', '烟头', '烧烤', '烧纸', '烧香', '烟花', '鞭炮'],
  },
  {
    // an exit turned into a store, stacked to its top, or a fire stair holding gas cylinders ("疏散门被超市当仓库用了 整箱
    // 饮料堆到门顶", "消防楼梯里放了好几个煤气罐")
    kind: 'blocked_exit',
    level: 'urgent',
    pairs: [
      {
        objects: ['疏散门', '安全出口', '消防通道', '消防楼梯', '疏散楼梯', '安全通道', '逃生通道', '防火门', '楼梯间', '消防门'],
        symptoms: [/当(?:成|作)?(?:了)?(?:仓库|库房|储藏室|杂物间)/, /(?:放|堆|摆|存)(?:了|着)?[^，。！？,.!?\s]{0,4}(?:煤气罐|液化气罐|气罐|燃气罐|钢瓶)/, /堆到(?:了)?(?:门顶|顶|天花板|门框)/],
        span: 24,
        notWith: [...TALK, '清理了', '清走了', '搬走了'],
      },
    ],
  },
  {
    // ground that gave way, deep, with water running under it; paving hollow under the feet ("地砖下面空了 踩上去一晃");
    // pots on an unrailed sill in the wind
    kind: 'collapse',
    level: 'urgent',
    terms: [/(?:陷|塌)下去(?:了)?(?:一)?个[^，。！？,.!?\s]{0,2}(?:坑|洞|窟窿)/],
    notWith: [...TALK, '游戏', '沙发', '床垫', '枕头', '蛋糕', '脸', '眼'],
    pairs: [
      {
        objects: ['地砖', '地面', '路面', '人行道', '台阶', '地板砖', '步道'],
        symptoms: [/(?:下面|底下|下边|里面)[^，。！？,.!?\s]{0,2}(?:是)?(?:空了|空的|掏空)/, '掏空', '被掏空'],
        within: ['踩', '晃', '陷', '塌', '空'],
        span: 30,
        notWith: TALK,
      },
      {
        objects: ['花盆', '盆栽', '花架'],
        symptoms: [/没(?:有)?(?:装)?(?:护栏|栏杆|防护栏|防护|围挡)/],
        within: [/风(?:大|很大|特别大|好大|刮)|大风|刮风|台风/],
        span: 30,
        notWith: [...TALK, '好看', '买'],
      },
    ],
  },
  {
    // a bang and windows shattered, told with how the building shook in between ("砰的一声好大 整栋楼都震了一下 那边玻璃全碎了"):
    // the bang and the glass further apart than the usual pair's span
    kind: 'explosion',
    level: 'emergency',
    pairs: [
      {
        objects: [/[砰嘭轰]的?一声/, '巨响', '一声爆响'],
        symptoms: [/玻璃(?:窗)?(?:全|都|也)?(?:被)?(?:震)?碎/],
        within: [/(?:楼|房子|地)[^，。！？,.!?\s]{0,3}(?:都|也)?(?:震|晃|抖)/],
        span: 50,
        notWith: TALK,
        notInMessage: ['打雷', '雷声', '烟花', '鞭炮', '施工', '拆迁', '爆破', '电影', '游戏', '演习', '地震'],
      },
    ],
  },
];
