// Hazard rules of dangers told by the senses or by a device (part AI's round): a smart detector's, camera's or watch's
// push pasted by someone away from home, gas told only by a smell like rotten garlic or a hiss at a door, a fitting
// that shocks whoever touches it. Folded into the rules of their kinds by foldByKind in hazard-rules.ts, each with its
// own guards.
import type { Term } from '../triage/urgency.ts';
import type { HazardRule } from './hazard-rules.ts';

/** Cooking, smoking or steam: what makes smoke or a smell at home something else. */
const COOKING: readonly Term[] = ['做饭', '炒菜', '做菜', '煎', '炒', '烤', '炖', '煮', '熬', '火锅', '抽烟', '吸烟', '蒸汽', '水汽', '加湿器', '香薰'];

/** A push's reading of gas in the air ("检测到燃气浓度超标", "可燃气体浓度过高"). */
const GAS_READING = /(?:燃气|煤气|天然气|液化气|可燃气体?)(?:的)?浓度(?:已经?)?(?:超标|超限|过高|偏高|异常|报警)/;

export const SENSES_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'gas_leak',
    level: 'emergency',
    labelZh: '疑似燃气泄漏',
    // a detector's app push pasted, reading gas above its limit ("检测到燃气浓度超标，当前状态：报警中"), or a detector "报警中"
    // (not a reading back to normal: "浓度已恢复正常")
    terms: [GAS_READING, /(?:燃气|煤气|天然气|可燃气体?)(?:报警器|探测器|检测器)[^，。！？,.!?\n]{0,12}(?:报警中|正在报警|一直在?报警)/],
    notWith: ['恢复正常', '已解除', '测试', '自检', '电量低', '没电', '怎么买', '哪个牌子'],
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
        notWith: ['水管', '自来水', '冒水', '喷水'],
      },
    ],
  },
  {
    kind: 'fire',
    level: 'emergency',
    labelZh: '疑似火情',
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
    labelZh: '有人突发疾病/受伤',
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
        notInMessage: ['旅游', '出去玩', '回老家', '女儿家', '儿子家', '原来是', '出差', '联系上了', '找到了', '住院'],
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
    labelZh: '漏电/触电',
    // a metal thing someone touches that shocks them ("秋千的铁链子带电", "密码按键有电 摸一下电一下", "晾衣杆摸上去会电人"), or
    // numbs an arm when touched in the rain ("摸那个铁门禁 胳膊一下子全麻了"); not power on ("电动车有电了"), a battery, sleep
    terms: [
      /(?:铁|钢|金属|链子|杠|杆|门禁|网)[^，。！？,.!?不没未]{0,2}(?:带(?:着)?电|有电(?![了吗么没动瓶梯话视脑源车池费量]))/,
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
        notWith: ['睡', '压着', '坐久', '打球', '打针'],
      },
    ],
  },
];
