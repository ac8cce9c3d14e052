// Hazard rules of dangers told by the senses or by a device (part AI's round): a smart detector's, camera's or watch's
// push pasted by someone away from home, gas told only by a smell like rotten garlic or a hiss at a door, a fitting
// that shocks whoever touches it; a blast told by its bang and the harm it did, ground that opens and keeps giving way,
// something thrown out of a window, someone saying they will jump, shoes left on a bank, a post that reads like a last
// letter, a crowd kicking one man, a child by an open tank or run into traffic (leads, batteries, fire equipment and doors
// of the same round: leads-doors-hazards.ts). Folded into the rules of their kinds by foldByKind in hazard-rules.ts,
// each with its own guards.
import type { Term } from '../triage/urgency.ts';
import { AWAY_ON_PURPOSE } from './hazard-context.ts';
import type { HazardAddition } from './hazard-rules.ts';
import { CHILD } from './people-terms.ts';

/** Cooking, smoking or steam: what makes smoke or a smell at home something else. */
const COOKING: readonly Term[] = ['做饭', '炒菜', '做菜', '煎', '炒', '烤', '炖', '煮', '熬', '火锅', '熏', '腊肉', '抽烟', '吸烟', '蒸汽', '水汽', '加湿器', '香薰', '蚊香', '艾灸', '烧纸'];

/** A push's reading of gas in the air ("检测到燃气浓度超标", "可燃气体浓度过高"). */
const GAS_READING = /(?:燃气|煤气|天然气|液化气|可燃气体?)(?:的)?浓度(?:已经?)?(?:超标|超限|过高|偏高|异常|报警)/;

export const SENSES_HAZARDS: readonly HazardAddition[] = [
  {
    kind: 'gas_leak',
    level: 'emergency',
    // a detector's app push pasted, reading gas above its limit ("检测到燃气浓度超标，当前状态：报警中"), or a detector "报警中"
    // (not a reading back to normal: "浓度已恢复正常")
    // (not a reading during a test or a self-check, anywhere in the message: "检测到燃气浓度超标 设备自检中")
    termGroups: [{
      terms: [GAS_READING, /(?:燃气|煤气|天然气|可燃气体?)(?:报警器|探测器|检测器)[^，。！？,.!?\n]{0,12}(?:报警中|正在报警|一直在?报警)/],
      notWith: ['恢复正常', '已解除', '怎么买', '哪个牌子'],
      notInMessage: ['测试', '自检', '电量低', '没电', '演示'],
    }],
    pairs: [
      // gas told by its odorant alone, a smell like rotten garlic or eggs, where people are ("一股臭蒜的味道 熏得人头晕")
      {
        objects: [/(?:臭|烂|坏|坏掉的|坏了的|臭了的|放坏的)(?:大蒜|蒜|鸡蛋)/],
        symptoms: ['味', '熏', '晕', '呛'],
        span: 20,
        notInMessage: ['吃', '榴莲', '螺蛳粉', '臭豆腐', '屁', '菜', '冰箱', '垃圾', '下水道', '化粪池', '地漏', '马桶', '返臭', '返味', '厕所', '卫生间', '水沟', '臭水'],
        notWith: ['吃', '菜'],
      },
      // a hiss at a door or in a corridor and a strong smell there ("门口嘶嘶的响 贴着门缝闻好冲")
      {
        objects: [/[嘶呲咝哧嗤]{2}/],
        symptoms: [/闻[^，。！？,.!?\s]{0,3}(?:冲|呛|刺鼻|臭)/, /味(?:道|儿)?[^，。！？,.!?\s]{0,3}(?:冲|呛|刺鼻|好大|很大|老大|很重|好重)/],
        within: ['门', '楼道', '走廊', '屋', '厨房', '管', '坑', '地底'],
        span: 30,
        notInMessage: ['轮胎', '车胎', '气球', '高压锅', '油锅', '烧水', '水壶', '蛇', '猫', '空调', '炒', '煎', '炸'],
      },
      // a main dug or broken open, gas rushing out of it ("管子挖破了 坑里一直往外呲气")
      {
        objects: [/(?:挖|钻|打|铲|凿)(?:破|断|穿|坏)/],
        symptoms: [/(?:呲|嗤|哧|嘶|喷|冒|窜|往外冒|往外喷|往外呲)气/, /[嘶呲咝哧嗤]{2}(?:地|的)?(?:冒|喷|往外)/],
        span: 30,
        // (a water or a heating main: "挖破了 往外冒气 是暖气管")
        notInMessage: ['水管', '自来水', '冒水', '喷水', '暖气', '热力', '蒸汽', '热水', '供暖'],
      },
    ],
  },
  {
    kind: 'fire',
    level: 'emergency',
    // smoke that fills a place told by what it does ("楼道里全是呛人的烟 看不清路"), not a cigarette's or a grill's
    terms: [/(?:全|都)是[^，。！？,.!?\s]{1,4}的(?:浓)?烟(?![灰头蒂屁味花])/],
    notWith: [...COOKING, '烟花', '烧烤', '烧纸', '香火', '烧香'],
    // a camera's push of smoke or fire at home, or its picture gone grey ("摄像头检测到画面异常：烟雾", "看回放客厅全是灰蒙蒙的")
    pairs: [
      {
        objects: ['摄像头', '监控', '回放', '画面', '看家'],
        symptoms: [/(?:检测到|识别到|发现)(?:画面异常)?[：:\s]*(?:烟雾|烟火|火焰|明火|火光)/, /(?:全是|都是|一片|满屋)[^，。！？,.!?\s]{0,2}(?:灰蒙蒙|雾蒙蒙|白茫茫|黑乎乎的烟|烟)/, /(?:灰蒙蒙|雾蒙蒙|白茫茫)(?:一片|的)/],
        span: 40,
        notInMessage: [...COOKING, '演练', '镜头脏', '镜头花', '起雾了', '下雾', '雾霾', '大雾'],
      },
    ],
  },
  {
    kind: 'medical',
    level: 'emergency',
    // a watch's or a sensor's push of a fall with no answer since ("检测到佩戴者疑似跌倒，已持续2分钟无响应")
    pairs: [
      // someone seen on a doorbell camera sitting or lying on the floor a long while, not answering a call ("门铃摄像头看到奶奶坐地上
      // 半天没起来 喊她也不应"), not one sitting down to a chore
      {
        objects: [/(?:坐|躺|趴|倒|瘫)(?:在)?(?:了)?(?:门口|地上|地板上|地下|楼道里?)(?:的)?(?:地上)?[^，。！？,.!?\s]{0,3}(?:半天|好久|很久|一直|老半天)(?:都|也)?(?:没|不)(?:起来|起身|动)/],
        symptoms: [/(?:喊|叫|问)[^，。！？,.!?\s]{0,3}(?:也|都)?(?:不应|不答应|没反应|没应|不理|不回)/, '叫不应', '没反应'],
        span: 40,
      },
      // signs piled up at a door for days and no answer ("门口报纸牛奶攒了四五天没拿 敲门不应 电话也关机"), not a household away
      {
        objects: [/(?:报纸|牛奶|奶|外卖|快递|菜|垃圾)[^，。！？,.!?\s]{0,6}(?:攒|堆|放|积)(?:了)?(?:好几|几|四五|三四|两三|[2-9两三四五六七])天(?:都|了)?(?:没|不)(?:人)?(?:拿|取|收|动)/],
        symptoms: [/敲门[^，。！？,.!?\s]{0,2}(?:不应|没人应|没反应|不开|没人开)/, '关机', '打不通', '没人接', '联系不上', /(?:电视|灯)[^，。！？,.!?\s]{0,2}(?:一直|还)(?:响|开|亮)着/],
        span: 60,
        notInMessage: [...AWAY_ON_PURPOSE, '原来是', '联系上了', '找到了'],
      },
      {
        objects: [/(?:检测到|监测到|识别到)[^，。！？,.!?\n]{0,6}(?:跌倒|摔倒)/],
        symptoms: [/(?:无|未|没有?)(?:响应|回应|应答|反应)/, '求救', 'SOS', '紧急呼叫'],
        span: 40,
        notWith: ['误报', '测试', '已取消', '已确认安全'],
      },
    ],
  },
  {
    kind: 'electric_shock',
    level: 'emergency',
    // a metal thing someone touches that shocks them ("秋千的铁链子带电", "密码按键有电 摸一下电一下", "晾衣杆摸上去会电人"), or
    // numbs an arm when touched in the rain ("摸那个铁门禁 胳膊一下子全麻了"); not power on ("电动车有电了"), a battery, sleep
    terms: [
      /(?:铁|钢|金属|链子|杠|杆|门禁|网)[^，。！？,.!?不没未]{0,2}(?:带(?:着)?电(?![动池瓶源子脑视器])|有电(?![了吗么没动瓶梯话视脑源车池费量]))/,
      // (a button or a key "有电" only with the shock at each press: a remote's key "有电" is its battery)
      /[摸按碰抓拉]一下电一下/,
      /(?:摸|碰|抓|按)(?:着|上去|起来|到)?(?:会|就|都)?电人/,
    ],
    notWith: ['静电', '冬天', '电费', '哈哈', '电池', '充电', '没电'],
    pairs: [
      {
        objects: [/(?:铁|钢|金属)[^，。！？,.!?\s]{0,4}(?:门禁|门|栏杆|扶手|把手|架|杆|网|壳|箱|柜)|门禁|刷卡/],
        symptoms: [/(?:手|胳膊|手臂|整条胳膊|半边|半个身子)[^，。！？,.!?\s]{0,4}麻/, /被(?:打|电|弹)了一下/],
        within: ['摸', '碰', '刷', '抓', '按', '下雨', '雨天', '被打了一下', '被电'],
        span: 30,
        notWith: ['睡', '压着', '坐久', '打球', '打针', '勒', '压麻', '抱着', '拎'],
        // (a winter's static spark from a metal door: "冬天摸铁门老有静电 被弹了一下")
        notInMessage: ['静电'],
      },
    ],
  },
];

/** What makes a bang or a blast something else: fireworks let off, a balloon, popcorn, a tyre, a temper, talk. */
const BLAST_NOT_WITH: readonly Term[] = ['气球', '爆米花', '轮胎', '车胎', '爆胎', '火锅', '油锅', '炸鸡', '炸串', '游戏', '哈哈', '笑死', '群里', '消息', '气炸', '心态'];

/** Ground that has opened (a hole or a pit in it). */
const GROUND: readonly Term[] = ['空地', '地面', '路面', '地上', '草坪', '草地', '人行道', '花园', '院子', '停车场', '广场', '路上', '马路', '绿化带', '入口', '车道', '主路', '坡道', '门前', '楼前'];

export const SENSES_LATER: readonly HazardAddition[] = [
  {
    kind: 'explosion',
    level: 'emergency',
    pairs: [
      // a bang or something gone off, told by what it did: doors or frames blown out, people down or burnt, a ceiling shedding,
      // a fireball ("后厨刚才嘭了一下 门都飞出来了 有个服务员坐地上起不来", "罐子炸了一下 火球窜了两米高")
      {
        objects: [/[轰嘭砰咣哐嘣](?:了|的|地)?(?:一(?:声|下)|[几两三]声|好几声)/, /(?:炸|爆)了(?:一下|一声)/, /(?:什么|啥)(?:东西)?(?:炸|爆)了/],
        symptoms: [/(?:门|窗|窗框|门框|玻璃)[^，。！？,.!?\s]{0,3}(?:都|全)?(?:飞|崩|冲|震)(?:出来|出去|开|掉)/, '火球', /(?:躺|倒|坐)(?:在)?地上(?:起不来|不动)?/, '起不来', '不动了', '受伤', '流血', '烧伤', '炸伤',
          /(?:手|脸)[^，。！？,.!?\s]{0,3}(?:全是|都是|都|全)黑/, /天花板[^，。！？,.!?\s]{0,4}(?:掉|落)(?:灰|渣|土)/, /有人(?:在)?(?:哭|惨叫|呼救|喊救命)/, '救命'],
        span: 40,
        notInMessage: BLAST_NOT_WITH,
      },
      // several dull bangs, not fireworks, and a wall or a meter box blackened ("连着响了好几声 比鞭炮闷 电表箱那块墙黑了一大片")
      {
        objects: [/(?:响|炸|爆)了(?:好几|几|两|三|四)声/, /[轰嘭砰]{2,}/, '闷响'],
        symptoms: [/(?:墙|门|窗|电表箱|电箱|配电)[^，。！？,.!?\s]{0,6}(?:黑了|熏黑|烧黑|焦了)/, '冒烟', '有烟'],
        span: 40,
        notInMessage: [...BLAST_NOT_WITH, /(?<![像比])(?:放|点)(?:了)?(?:鞭炮|烟花|炮仗|炮)/, '过年', '结婚', '开业'],
      },
    ],
  },
  {
    kind: 'cave_in',
    level: 'emergency',
    pairs: [
      // a hole or a pit in the ground that grows, or has no bottom ("路面鼓了个坑 越塌越大", "一夜之间塌出一个洞 看不见底")
      {
        objects: GROUND,
        symptoms: [/(?:塌|陷|鼓|裂|冒)(?:出|了)?(?:一个|个|一)?[^，。！？,.!?\s]{0,3}(?:洞|坑|窟窿)/],
        within: ['越塌越大', '越陷越大', '越陷越深', '越来越大', '越来越深', '看不见底', '看不到底', '深不见底', '一夜之间', '一晚上', '掉进去', '卡进去'],
        span: 20,
      },
      // a crack across a road with one side sunk, someone thrown at it ("主路裂了一条长缝 两边高低不平 电动车颠翻了")
      {
        objects: [/(?:路|路面|地面|主路|车道|道路|干道)[^，。！？,.!?\s]{0,4}(?:裂(?:了|开)|开了)[^，。！？,.!?\s]{0,4}(?:缝|口子|裂口|口)/, /(?:路|路面|地面|主路|车道|道路|干道)[^，。！？,.!?\s]{0,4}裂(?:了|开)(?:了)?(?:一|好几|几)?(?:条|道)/],
        // (someone thrown at it, not the step alone: "一边高一边低 物业说明天修")
        symptoms: ['颠翻', '摔了', '摔倒', /(?<!打)翻了/, '绊倒', '崴了'],
        within: ['高低不平', '一边高一边低', '一高一低', '错开', '错台', '高低差'],
        span: 40,
      },
    ],
  },
  {
    kind: 'manhole',
    level: 'urgent',
    pairs: [
      // a drain's or a well's cover gone ("下水道口的盖子不见了"), someone stepped in ("一脚踩空 腿都陷进去了")
      {
        objects: [/(?:下水道|下水|雨水|污水|窨|检修|排水)(?:井|道)?口?(?:的)?盖(?:子|板)?/],
        symptoms: ['不见了', /(?<!盖)没了/, '丢了', '被偷', '没有了', '不翼而飞'],
        span: 20,
      },
    ],
    emergencyWith: [/踩(?:空|进去)|(?:陷|掉|摔)进去/],
  },
  {
    kind: 'falling_object',
    level: 'emergency',
    // a blade, a brick or a bottle thrown out of a window or off a balcony ("楼上窗户里扔出来一把菜刀")
    terms: [/(?:楼上|窗户|窗口|窗外|阳台|楼顶)(?:里|上)?(?:往下)?(?:扔|丢|抛|甩)(?:出来|下来)(?:了)?(?:一|两|几)?(?:把|块|个|只)?(?:菜刀|刀|剪刀|砖头?|酒瓶|瓶子|玻璃|铁锤|锤子|花盆)/],
    notWith: ['猫', '狗', '宠物', '游戏', '电影'],
  },
  {
    kind: 'collapse',
    level: 'urgent',
    pairs: [
      // a pot or a rack stood outside a rail or a sill high up, shifted by the wind ("大花盆放在栏杆外面 今天风大 已经往外挪出来一截")
      {
        objects: ['花盆', '花架', '盆栽', '杂物', '箱子', '架子', '晾衣杆', '空调外机', '几盆花', '盆花'],
        symptoms: [/(?:放|搁|摆|挂|架)在[^，。！？,.!?\s]{0,3}(?:栏杆|护栏|窗台|阳台|窗)外(?:面|边|头)?/, /(?:栏杆|护栏|窗台|阳台|窗)外(?:面|边|头)(?:放|搁|摆|挂|架)着/],
        within: ['风', '晃', '挪', '往外', '掉', '歪'],
        span: 40,
        notWith: ['搬进', '收进', '拿进', '挪进'],
      },
    ],
  },
  {
    kind: 'suicide',
    level: 'emergency',
    pairs: [
      // saying they will jump from here, a window open or a rail near ("喊着说今晚就从这跳下去 楼道窗户已经被他打开了")
      {
        objects: [/(?:从这|从这里|从这儿|从楼上|从窗户|从窗口|从阳台|从楼顶|从天台)(?:里)?(?:就)?跳下去/],
        symptoms: ['窗', '阳台', '楼顶', '天台', '栏杆', '护栏', '哭', '喊', '打电话'],
        span: 40,
        notInMessage: ['哈哈', '笑死', '作业', '加班', '游泳', '跳水', '蹦极', '泳池', '开玩笑', '😂', '🤣'],
      },
      // shoes taken off and left on a bank, someone crying or pacing by the water ("鞋子脱了摆在岸上 边哭边打电话")
      {
        objects: [/鞋(?:子)?[^，。！？,.!?\s]{0,4}(?:脱|摆|放)[^，。！？,.!?\s]{0,4}(?:岸|河边|湖边|江边|桥|水边)/],
        symptoms: ['哭', '走来走去', '徘徊', '发呆', '往水里', '不对劲'],
        span: 40,
        notInMessage: ['晒', '游泳', '玩水', '钓鱼', '摸鱼', '抓鱼'],
      },
      // a post that reads like a last letter, its writer one of ours ("发了段话 像遗书一样 最后一句是对不起爸妈")
      {
        objects: [/(?:像|跟|和)(?:是)?遗书|遗言似的|(?:像|跟)(?:是)?遗言/],
        symptoms: [/对不起(?:爸|妈|家里|家人|大家|父母)/, /(?:认识|联系)[^，。！？,.!?\s]{0,3}(?:他|她)?家(?:里)?人/, '联系不上', '打不通', '不回'],
        span: 40,
        notInMessage: ['歌词', '歌', '小说', '电影', '文案', '作文', '哈哈'],
      },
      // belongings left at one's door "no need to return", thanks for years of care, then no answer at the door ("姐我把东西都放你家
      // 门口了 以后不用还了 … 谢谢你这几年照顾我 … 敲他门没人应")
      {
        objects: [/(?:谢谢|感谢)(?:你|您)[^，。！？,.!?\s]{0,6}照顾/, /不用还(?:了|我)/],
        symptoms: [/敲[^，。！？,.!?\s]{0,3}门[^，。！？,.!?\s]{0,3}(?:没人应|不应|不开|没反应|没人开)/, /从(?:来)?不(?:这么|这样)说/, '不对劲', '反常', '关机', '打不通', '联系不上'],
        span: 80,
        notInMessage: ['搬家', '搬走', '出国', '回老家', '旅游', '借', '还书'],
      },
    ],
  },
  {
    kind: 'violence',
    level: 'emergency',
    // someone surrounded and kicked or beaten ("有人被围着踹", "一群人围着一个人踹")
    // (or held by the head and slammed into something: "揪着他老婆头往车门上撞")
    terms: [/(?:揪|抓|薅|拽|按)(?:着|住)[^，。！？,.!?\s]{0,6}(?:头|头发)[^，。！？,.!?\s]{0,2}往[^，。！？,.!?\s]{0,6}(?:撞|砸|磕|摔)/,
      /被[^，。！？,.!?\s]{0,3}围着(?:踹|打|踢|揍|殴打|砍)/, /围着(?:一个|个)?(?:人|男的|女的|小孩|孩子|老人|他|她|小伙)(?:在)?(?:踹|打|踢|揍|殴打|砍)/],
    notWith: ['游戏', '打牌', '打麻将', '视频', '电影'],
    pairs: [
      // a child crying and begging a parent to stop hitting ("小孩一直在哭 说爸爸别打了别打了")
      {
        objects: CHILD,
        symptoms: [/(?:别|不要)打(?:了|我)/],
        within: ['哭', '求'],
        span: 30,
        notInMessage: ['游戏', '打游戏', '打牌', '笑', '哈哈', '玩'],
      },
    ],
  },
  {
    kind: 'child_danger',
    level: 'emergency',
    pairs: [
      // a child run or ridden out into a road with traffic ("小孩踩着滑板车从小区门冲到马路上去了 车那么多")
      {
        objects: CHILD,
        symptoms: [/(?:冲|跑|骑|滑|窜)(?:到|进|上|出)(?:了)?[^，。！？,.!?\s]{0,3}(?:大)?(?:马路|公路|大路)/],
        within: ['车', '家长呢', '大人呢'],
        span: 40,
        // (a child crossing with a grown-up: "冲到马路对面去买冰淇淋了 大人跟着的")
        notInMessage: ['跟着', '牵着', '陪着', '带着', '红绿灯', '斑马线', '人行横道'],
      },
      // a child shut in a car, crying, the sun on it or its windows misted ("那辆白色宝马里锁着个小孩在哭 车窗都起雾了")
      {
        objects: [/(?:车|辆[^，。！？,.!?\s]{0,6})(?:里|内)(?:面|头)?(?:锁|关|反锁)着/],
        symptoms: CHILD,
        within: ['哭', '晒', '太阳', '热', '起雾', '闷', '出汗', '拍窗', '拍车窗', '拍玻璃', /[三四]十多?度|[3-4]\d度/],
        span: 20,
      },
      // children leaning over an open water tank or a pool's lid ("水箱盖子开着 几个小男孩趴在上面往里探头")
      {
        objects: [/(?:水箱|水池|水塔|蓄水池|化粪池|井)[^，。！？,.!?\s]{0,4}(?:盖子?|盖板)?[^，。！？,.!?\s]{0,2}(?:开着|没盖|打开|敞着|掀开)/],
        symptoms: CHILD,
        within: ['趴', '探头', '爬', '往里看', '往下看', '站在', '边上'],
        span: 40,
      },
    ],
  },
];
