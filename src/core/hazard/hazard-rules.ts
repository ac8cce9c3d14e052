// The one set of hazard rules (安全隐患): what triage makes urgent and what the patrol alerts on. A rule names a kind
// by its words alone (煤气味, 着火) or by a concept pair — an object (燃气灶, 配电箱) and a symptom (怪味, 冒火花)
// within one sentence, in either order — so loosely worded reports are found without listing every phrase.
//
// Levels: what can kill within minutes is an emergency (gas, fire, sparks and smoke from electrics, explosion, someone
// trapped, shocked, collapsed or in danger, a falling object that hit or nearly hit someone); what could turn into one
// is at least urgent (飞线充电, 电动车进电梯/上楼, 堵塞消防通道, 消防设施缺损, 井盖快塌, 外墙脱落, 高空抛物, 积水漫到电箱,
// 电线裸露). A structural or manhole hazard with people in its way is an emergency.
import type { Term } from '../triage/urgency.ts';

export type HazardLevel = 'urgent' | 'emergency';

export interface HazardPair {
  objects: readonly Term[];
  symptoms: readonly Term[];
  /** Most characters from the start of one to the end of the other (default 14). */
  span?: number;
  /** When set, one of these must also be in the sentence (电动车 × 充电 counts only 在楼道/回家/飞线 …). */
  within?: readonly Term[];
}

export interface HazardRule {
  /** Stable code for logs, findings and dashboards, e.g. gas_leak. */
  kind: string;
  level: HazardLevel;
  /** Chinese label staff read in alerts. */
  labelZh: string;
  /** Any one of these alone. */
  terms?: readonly Term[];
  pairs?: readonly HazardPair[];
  /** Words in the same clause that make a match something else (车胎漏气, 嗓子冒烟). */
  notWith?: readonly Term[];
  /** Anywhere in the message, these raise an urgent rule to an emergency (people in harm's way). */
  emergencyWith?: readonly Term[];
  /** Taking something away is the hazard here (灭火器被拿走了), not its end: "removed" markers do not cancel it. */
  removalIsHazard?: boolean;
}

/** People in harm's way: a structural hazard or a falling object near them is an emergency. */
export const PEOPLE_AT_RISK: readonly Term[] = [
  '行人', '路人', '小孩', '孩子', '小朋友', '老人', '路过', '经过', '砸到', '砸伤', '砸中', '伤人', '头上', '受伤', '掉进去',
  '掉下去', '人行道', '玩的地方', '上学', '放学', '差点', '幼儿园', '学校', '下面是', '楼下是', '人多', '好多人', '乘凉', '来来往往', '车来车往', '有人走', '底下', '下面有人', '人来人往', '头顶', '进出的人', '下面走', /下面(?:就)?是/, '主干道', '马路',
];

/** Someone a faint, a fall or a drowning happens to (not "我晕倒", the exclamation). */
const PERSON: readonly Term[] = [
  '有人', '老人', '老太太', '老大爷', '大爷', '大妈', '阿姨', '叔叔', '小孩', '孩子', '小朋友', '婴儿', '宝宝', '邻居', '小哥', '师傅',
  '男的', '女的', '男子', '女子', '老头', '老太', '一个人', '个人', '他', '她', '爸', '妈', '奶奶', '爷爷', '外婆', '姥姥', '老公', '老婆',
  '学生', '保安', '保洁', '病人', '孕妇', '大姐', '大哥', '工人',
];
const EBIKE: readonly Term[] = ['电动车', '电瓶车', '电单车', '电摩', '电动自行车', '电瓶', '锂电池', '电动三轮', '三轮车', '电三轮', '代步车', '电动摩托', '滑板车', '平衡车', '电驴', /(?<![公有])电车/];
const INDOORS: readonly Term[] = [
  '楼道', '楼梯', '走廊', '过道', '家里', '回家', '屋里', '室内', '房间', '客厅', '门口', '楼上', '楼里', '电梯', '窗', '阳台',
  '飞线', '拉线', '电线', '插排', '插线板', '接线板', '拖线板', '拉下来', '吊', '扯', '大堂', '大厅', '门厅', '地下室', '单元门',
];

export const HAZARD_RULES: readonly HazardRule[] = [
  {
    kind: 'gas_leak',
    level: 'emergency',
    labelZh: '疑似燃气泄漏',
    terms: ['煤气味', '燃气味', '天然气味', '液化气味', '臭鸡蛋味', '漏气', /(?:燃气|煤气|可燃气体?)报警器[^，。！？,.!?]{0,4}(?:响|叫|报警|鸣)/, '煤气中毒', '一氧化碳中毒', '燃气泄漏', '燃气泄露'],
    pairs: [
      {
        objects: ['燃气', '煤气', '天然气', '液化气', '石油气', '沼气', '气罐', '钢瓶', '灶', '气表', '气管', '阀门', '热水器', '壁挂炉', '气瓶', '调压', '减压阀', '气阀'],
        symptoms: [/漏(?![水雨])/, '泄', '味', '臭', '呛', '刺鼻', '冲鼻', /[嘶呲丝滋嗤哧咝]{2}/, '冒气', /破(?!费)/, '裂', '断了', '喷气', '往外喷', '呼呼', '跑气', '窜气', '闻到', '晕'],
        span: 24,
      },
    ],
    notWith: ['轮胎', '车胎', '胎', '气球', '球', '床垫', '打气', '充气', '气垫', '泳圈', '气管炎', '支气管', '油烟', '燃气费', '气费', '缴费'],
  },
  {
    kind: 'electrical',
    level: 'emergency',
    labelZh: '电器打火/冒烟',
    terms: ['冒火花', '电火花', '火星子', '打火花', '冒火星'],
    pairs: [
      {
        objects: [
          '配电箱', '电表箱', '电箱', '电闸', '闸刀', '开关', '插座', '插排', '插线板', '接线板', '电线', '电缆', '线路', '变压器',
          '充电器', '充电桩', '电瓶', '电池', '电动车', '电瓶车', '空调', '外机', '电器', '电表', '配电房', '配电室', '配电间', '电房', '电井', '电路', '保险丝', '灯', '插头', '线盒', '电线盒', '接线盒',
        ],
        symptoms: ['火花', '火星', '冒火', /打火(?!机)/, /冒[白黑青浓灰]?烟/, '烧焦', '焦味', '糊味', '烧黑', '噼啪', '噼里啪啦', '啪啪', '滋滋', '烧化', '熔化', '融化', '火光', /烧?(?:塑料|胶皮|橡胶)[的]?味/, '发烫冒', '冒烟'],
      },
    ],
    notWith: ['打火机', '火星人'],
  },
  {
    kind: 'fire',
    level: 'emergency',
    labelZh: '疑似火情',
    terms: [
      '着火', '起火', '失火', '火灾', '火情', '火警', '走水', '烧起来', '烧着了', '着起来', '明火', '火苗', '火光', '火势', '蹿火', '窜火',
      /冒[白黑青浓灰]?烟/, '浓烟', '黑烟', /在烧(?![水饭菜香烤纸开])/, '烧焦', '焦糊', '焦味', '糊味', '着咗', '燃起来', '全是烟', '都是烟', '好多烟',
      '很多烟', '烟好大', '烟很大', '一场大火', '火烧起来', '烧东西',
    ],
    pairs: [
      { objects: [/烟(?![味头瘾民草酒花火])/], symptoms: ['冒', '呛得', '呛死', '滚滚', '弥漫', '熏得', '窜', '大', '浓'], span: 6 },
      {
        objects: ['烟头', '垃圾桶', '垃圾', '草', '树叶', '窗帘', '被子', '沙发', '纸箱', '纸壳', '杂物', '车', '房子', '屋', '油烟机', '油锅', '锅里', '灶上', '电暖器', '取暖器'],
        symptoms: ['烧着', '烧起', '燃了', '引燃', '点着了', '着起', '烧了起来', '着了', '着火'],
      },
      // a place that "着了" (caught fire): 小卖部着了; 睡着了 and 找着了 are excluded by notWith or too far
      { objects: ['店', '铺', '部', '房', '库', '楼下', '楼上', '隔壁', '对面', '家里', '屋里'], symptoms: ['着了', '着起来了'], span: 5 },
    ],
    notWith: ['烧烤', '抽烟', '吸烟', '香烟', '烟花', '鞭炮', '炒菜', /炒(?!锅着)/, /油烟(?!机)/, '火锅', '嗓子', '气得', '气死', '收汁', '做饭', '蚊香', '火烧云', '烧香', '熬', '煮', '炖', '睡着', '急着', '火车', '烟火', '热得', '热死', '太热', '天热', '烟瘾', '烤', '香得', '好香', '找着', '用不着', '等着'],
  },
  {
    kind: 'explosion',
    level: 'emergency',
    labelZh: '疑似爆炸',
    terms: ['爆炸', '爆燃'],
    pairs: [
      {
        objects: ['煤气罐', '气罐', '钢瓶', '电瓶', '电池', '电动车', '电瓶车', '锅炉', '热水器', '高压锅', '变压器', '液化气', '燃气', '充电'],
        symptoms: ['炸了', '炸开', '爆了', '炸裂'],
      },
    ],
    notWith: ['信息爆炸', '爆炸性', '爆炸头', '爆款'],
  },
  {
    kind: 'trapped',
    level: 'emergency',
    labelZh: '有人被困',
    terms: ['关在电梯', '卡在电梯', '电梯困人', '电梯关人', '梯关人', '梯困人', '困人了', '关人了'],
    pairs: [
      { objects: ['电梯', '轿厢', '货梯', '客梯'], symptoms: [/里[面头]?有(?:人|个|位|一)/, '人在里面', '出不来', '在里面', '里头', '困', '关着', '被关', '卡着人', '关人'], span: 24 },
      { objects: ['反锁', '锁在', '关在', '卡在', '卡住'], symptoms: ['出不来', '叫不应', '喊救命'], span: 16 },
      {
        objects: ['被困', '困在', '困住'],
        symptoms: ['电梯', '轿厢', '屋', '房间', '家里', '楼', '火', '里面', '里头', '车里', '水里', '阳台', '厕所', '卫生间', '出不来', '救命', '喊', '梯'],
        span: 12,
      },
    ],
    notWith: ['猫', '狗', '鸟', '宠物', '困扰', '困难', '犯困', /[我好太]困|困死|困了就|困得/],
  },
  {
    kind: 'electric_shock',
    level: 'emergency',
    labelZh: '漏电/触电',
    terms: ['漏电', '触电', '电到人', /被电(?!话|视|脑|梯|动|瓶|费|商|台|影)/, '麻电', '电得手', '电了一下'],
    notWith: ['静电', '冬天', '电费'],
  },
  {
    kind: 'medical',
    level: 'emergency',
    labelZh: '突发急症',
    terms: ['昏迷', '不省人事', '叫不醒', '没有呼吸', '没呼吸', '抽搐', '口吐白沫', '心脏病发', '大出血', '溺水', '休克', '叫不应', '流血不止', '血流不止', '有人掉下去', /流了(?:好多|很多|一地|一大摊|不少)血/],
    pairs: [
      // "我晕倒" and "晕倒。。" are how people say "oh dear": a fall or a faint counts when it happens to someone
      {
        objects: PERSON,
        symptoms: [
          '晕倒', '昏倒', '晕过去', '昏过去', '倒地', '倒在地', '中风', '没知觉', '没反应', '一动不动', '喘不上气', '呼吸困难', '摔倒', '跌倒', '栽倒', '起不来',
          '趴着', '趴在地上', '躺在地上', '躺地上', '不理人', /叫[他她]?也不(?:理|应|动)/, '倒下', '捂着胸口', '胸口疼', '心口疼', '喘不过气',
          '流血', '出血', '不会说话', '说不出话', /嘴(?:都)?歪/, '半边身子', '抽筋',
        ],
        span: 20,
      },
      { objects: ['摔倒', '跌倒', '摔了', '倒在', '栽倒'], symptoms: ['流血', /流了.{0,3}血/, '磕破', '头破', '叫不应', '不动', '起不来', '没反应', '不醒', '没意识'], span: 16 },
      { objects: PERSON, symptoms: ['掉水里', '掉河里', '掉湖里', '掉进河', '掉进池塘', '掉进水', '落水', '掉到水', '扑腾', '不会游泳', '沉下去', '呛水', '溺'], span: 16 },
    ],
    notWith: ['笑晕', '气晕', '晕车', '起不来床', '早上起不来', '哈哈', '猫', '狗', '宠物', '鱼', '手机', '睡', /我(?:都|要|快)?晕倒/],
  },
  {
    kind: 'suicide',
    level: 'emergency',
    labelZh: '轻生风险',
    terms: [/(?<!我要?)跳楼(?!价|甩卖|大甩卖)/, /翻(?:过|出)(?:了)?(?:栏杆|护栏|围栏)/, '轻生', '自杀', '想不开', '寻短见', '割腕', '不想活', '活不下去', '活着没意思', '寻死', '一了百了'],
    pairs: [{ objects: ['天台', '楼顶', '窗台', '栏杆外', '屋顶', '阳台外', '护栏外'], symptoms: ['要跳', '往下跳', '坐着一个', '站着一个', '往下看', '坐在边', '站在边', '站着', '坐着', '边上', '边缘', '伸到外面', '坐在'] }],
  },
  {
    kind: 'child_danger',
    level: 'emergency',
    labelZh: '儿童险情',
    pairs: [
      {
        objects: ['小孩', '孩子', '小朋友', '婴儿', '宝宝', '娃', '女儿', '儿子', '闺女', '孙子', '孙女'],
        symptoms: ['爬到窗', '窗台外', '窗外', '窗户外', '探出', '窗台上', '爬上窗', '阳台外', '爬到阳台', '爬上阳台', '栏杆上', '护栏上', '挂在', '悬在', '掉进', '掉下去', '落水', '掉到水', '锁在车里', '困在车里', '爬出', '爬上护栏', '爬到栏杆'],
      },
    ],
  },
  {
    kind: 'violence',
    level: 'emergency',
    labelZh: '持械伤人',
    terms: ['持刀', /(?:拿|持|举|挥|提|抄)(?:着|起)?(?:菜刀|刀|砍刀|水果刀|铁棍|棍子|斧头)/, '砍人', '捅人', '杀人了', '杀人啦', '头破血流', '打得流血', '持械'],
    pairs: [{ objects: ['打起来', '打架', '打人', '动手', '斗殴', '追着打'], symptoms: ['刀', '棍', '砖头', '流血', '血', '凶器', '棒', '酒瓶'], span: 24 }],
    notWith: ['切菜', '菜刀店', '磨刀'],
  },
  {
    kind: 'manhole',
    level: 'urgent',
    labelZh: '井盖缺损',
    pairs: [
      {
        objects: ['井盖', '下水井', '窨井', '污水井', '雨水井', '排水井', '井口', '检查井', '下水道盖', '水沟盖', '沟盖', '盖板', '排水沟'],
        symptoms: ['丢', '没了', '不见', '被偷', '缺', '掀', '翻', '塌', '破', '碎', '坏', '松', '陷', '歪', '移位', '裂', '晃', '空了', '坑', '敞着', '露着', '没盖', '没有盖', '没井盖', '断', '踩空'],
      },
    ],
    emergencyWith: ['掉进去', '掉下去', '摔进', '掉进'],
  },
  {
    kind: 'collapse',
    level: 'urgent',
    labelZh: '坠落/坍塌险情',
    terms: ['快塌', '要塌', '塌了', '塌下', '倒塌', '坍塌', '塌方', '摇摇欲坠', '随时要倒'],
    pairs: [
      {
        objects: [
          '外墙', '墙皮', '墙砖', '瓷砖', '外立面', '墙体', '围墙', '天花板', '吊顶', '顶棚', '楼板', '阳台', '雨棚', '遮阳棚', '招牌', '广告牌',
          '外机', '窗户', '玻璃', '窗框', '水泥块', '混凝土', '护栏', '栏杆', '大树', '树枝', '电线杆', '路灯杆', '脚手架', '屋檐', '防盗网',
          '晾衣架', '挡板', '百叶', '石块', '墙面', '灯箱', '顶板', '屋顶', '房顶', '墙', '柱子', '横梁', '保温层', '外保温', '楼梯扶手', '扶手', '水泥', '顶上', '大理石', '石板', '女儿墙', '太阳能', '支架', '架子', '水箱',
        ],
        span: 20,
        symptoms: ['塌', /(?<![推])倒(?![垃水车闭霉是])/, /掉(?!色|漆)/, '脱落', '脱开', '坠', /松(?:动|了|脱|开|垮)/, '晃', '裂', '歪', '断', '悬', '半空', '剥落', '鼓', '砸', '锈穿', '锈断', '掉渣'],
      },
    ],
    notWith: ['推倒', '倒垃圾', '倒水', '倒车', '倒闭', '倒霉', '倒是', '反倒', '猫', '狗', '宠物', '鸟'],
    emergencyWith: PEOPLE_AT_RISK,
  },
  {
    kind: 'falling_object',
    level: 'emergency',
    labelZh: '高空坠物伤人',
    pairs: [
      {
        objects: ['掉下来', '掉下', '扔下来', '扔下', '抛下', '坠落', '高空抛物', '高空坠物', '楼上', '从天而降', '飞下来', '砸下来'],
        symptoms: ['砸到', '砸伤', '砸中', '砸在', '差点砸', '打到', '伤人', '脚边', '头上', '身边', '碎在', '擦着', '砸破', '砸坏', '离我', '就在我', '我旁边', '我面前', '差点', '差一点', '擦身', '好险'],
        span: 24,
      },
    ],
    notWith: ['猫', '狗', '宠物', '鸟'],
  },
  {
    kind: 'high_throw',
    level: 'urgent',
    labelZh: '高空抛物',
    terms: ['高空抛物', '高空坠物', '楼上扔下', '楼上扔东西', /(?:往|朝)(?:楼)?下(?:扔|丢|抛|倒|泼)/, /从(?:楼上|窗户|窗口|阳台)(?:往下)?(?:扔|丢|抛)/, /往窗外(?:扔|丢|抛)/, /(?:扔|丢|抛)下来/],
    emergencyWith: PEOPLE_AT_RISK,
  },
  {
    kind: 'flying_wire',
    level: 'urgent',
    labelZh: '疑似飞线充电',
    terms: ['飞线', '私拉电线', '私拉乱接', '乱拉电线', '拉线充电', '乱拉线', '私接电线'],
    pairs: [
      { objects: EBIKE, symptoms: ['充电', '充着电', '在充'], span: 16, within: INDOORS },
      { objects: ['电线', '插排', '插线板', '接线板', '拖线板', '电源线'], symptoms: ['窗户', '窗外', '窗口', '阳台', '楼上', '吊', '垂', '挂', '拖到', '拖下'], within: ['充电', ...EBIKE] },
    ],
    notWith: ['充电桩', '充电站', '充电柜', '车棚'],
  },
  {
    kind: 'ebike_indoors',
    level: 'urgent',
    labelZh: '电动车进电梯/上楼',
    pairs: [{ objects: EBIKE, symptoms: ['电梯', '上楼', '推进楼', '进楼', '推进单元', '搬回家', '拎回家', '推回家', '楼梯', '走廊', '楼道', '骑进', '推进', '大堂', '门厅', '大厅'], span: 12 }],
    notWith: ['车棚', '充电桩', '没电了'],
  },
  {
    kind: 'blocked_exit',
    level: 'urgent',
    labelZh: '楼道堆物/消防通道堵塞',
    pairs: [
      {
        objects: ['楼道', '楼梯', '走廊', '消防通道', '安全出口', '疏散通道', '消防车道', '逃生通道', '安全通道', '过道', '防火门'],
        symptoms: ['堆', '摆满', '放满', '塞满', '占满', '占用', '被占', '占了', '堵', '挡住', '停满', '走不过', '过不去', '过不了', '走不了', '进不来', '顶着', '关不上', '全是', '放了一排', '摆了'],
        span: 16,
      },
      { objects: ['安全出口', '消防通道', '防火门', '逃生通道', '疏散通道', '安全通道', '天台门', '楼顶门'], symptoms: ['锁', '封', '焊', '缠', '钉死', '拦'], span: 18 },
    ],
    notWith: ['畅通', '下水道', '堵车', '心里堵'],
  },
  {
    kind: 'fire_equipment',
    level: 'urgent',
    removalIsHazard: true,
    labelZh: '消防设施缺损',
    pairs: [
      {
        objects: ['灭火器', '消防栓', '消火栓', '烟感', '喷淋', '消防水带', '应急灯', '消防水管', '消防箱', '消防门'],
        symptoms: ['过期', '没了', '不见', '被偷', '坏', '空', '没水', '没有水', /水都没/, '缺', '拆', '失效', '没压力', '红区', '锈', '不亮', '漏水', '拿走', '偷走', '被拿', '拿去', '卖了', '卖废品'],
        span: 18,
      },
    ],
  },
  {
    kind: 'water_electric',
    level: 'urgent',
    labelZh: '积水漫入电气设施',
    pairs: [
      {
        objects: ['配电箱', '电表箱', '电箱', '电闸', '闸箱', '配电房', '配电室', '配电间', '配电柜', '电柜', '电控柜', '控制柜', '电梯井', '电梯', '插座', '电线', '电表', '开关', '灯', '变压器', '电缆'],
        symptoms: ['进水', '泡水', '泡在水', '泡了', '泡着', '淹', '漫到', '流进', '灌', '渗进', '渗水', '漏水', '滴水', '全是水', '积水', '水顺着', '往下流水', '水流', '往里流'],
      },
    ],
  },
  {
    kind: 'exposed_wire',
    level: 'urgent',
    labelZh: '电线裸露',
    terms: ['电线裸露', '电线掉', '电线垂', '电线断了', '裸露的电线', '露铜', '铜丝露'],
    pairs: [
      {
        objects: ['电线', '电缆', '线头', '电源线', '高压线'],
        symptoms: ['裸露', '露在外', '露出', '露着', '断了', '掉下', '掉在', '耷拉', '垂', '破了', '咬破', '破皮', '外皮破', '铜丝', '铜线', '拖在地', '泡在水', '带电', '刮下来', '刮断', '横在', '落在', '落地'],
      },
    ],
  },
];

/** Kind → Chinese label, for alerts. */
export const HAZARD_LABEL_ZH: Readonly<Record<string, string>> = Object.fromEntries(HAZARD_RULES.map((r) => [r.kind, r.labelZh]));
