// Hazard rules of dangers told inside a conversation (part AK's round): a reply or an update to what was said before —
// a hole that opened by itself and has grown since ("比刚才大了一圈"), someone fallen into it; someone still shut in,
// the wait counted and the repairer late; someone shut out on a roof who cannot come down; a danger told before and
// still not dealt with, children now at it; someone hurt told by one beside them (CPR under way, pushed down stairs, a
// hand on a live wire); a blast with glass flying; a facade still coming down; and the round's places — e-bikes charged
// in a basement storeroom or a dormitory, a fire lane parked shut, a lead strung low across a path, a landing sinking, a
// lithium battery in thermal runaway; a child leaning out of a window with no rail or loose on a road with traffic, a
// bottle used on people, a neighbour giving everything away and not answering, children poking a wire left hanging; an
// e-bike carried into a shared kitchen to charge, a hydrant found dry.
// Folded into the rules of their kinds by foldByKind in hazard-rules.ts, each with its own guards.
import type { HazardAddition } from './hazard-rules.ts';
import { CHILD } from './people-terms.ts';

/** A clause's words, no punctuation or space between. */
const W = '[^，。！？,.!?\\s]';
/** A hole in the ground. */
const HOLE = '(?:坑|洞|窟窿|大坑|深坑)';
/** Someone: a person named or a pronoun. */
const SOMEONE = /(?:人|老人|孩子|小孩|老太太|大爷|大妈|奶奶|爷爷|阿姨|叔叔|他|她|师傅)/;

export const CONVERSATION_HAZARDS: readonly HazardAddition[] = [
  {
    kind: 'cave_in',
    level: 'emergency',
    pairs: [
      // a hole that caved in or sank by itself, or has grown since it was first told, with someone in it or nearly,
      // or still growing ("那个坑又比刚才大了一圈 … 差点踩空", "有人掉下去了！… 陷下去的那个洞", "是自己塌的，还在变大")
      {
        objects: [
          new RegExp(`(?:塌|陷)(?:出来|下去|开|出)?(?:了)?的(?:那个|这个|那|这|一个)?${HOLE}`),
          new RegExp(`${HOLE}${W}{0,3}(?:比刚才|比之前|比早上|比昨天|比上午|比下午)(?:又|还)?(?:大|深|宽)`),
          /(?:是)?自己塌(?:的|了|下去)/,
        ],
        symptoms: [
          /(?:掉|摔|跌|踩|陷)(?:进去|下去|进坑)/, '踩空', /差(?:一)?点(?:就)?(?:掉|踩|摔|陷)/,
          /还在(?:变大|扩|往外扩|塌|往下塌|陷|往下陷|变深)/, '越来越大', '越来越深',
        ],
        within: [SOMEONE, /还在(?:变大|扩|往外扩|塌|往下塌|陷|往下陷|变深)/, '越来越大', '越来越深'],
        span: 40,
        notWith: ['沙坑', '业绩', '股票', '游戏', '坑人', '坑钱', '挖坑', '坑位'],
      },
      // a hole sunk again after it was filled, deeper than before ("那个坑上周说填好了 今天又陷下去了 比原来还大")
      {
        objects: [new RegExp(HOLE)],
        symptoms: [/又(?:塌|陷|沉)(?:下去|了|开)/],
        within: [/比(?:原来|之前|上次|以前|上回|刚填|填之前)(?:的)?(?:还|更)?(?:大|深|宽)/, /填(?:好|平|上)/, /修(?:好|过)/],
        span: 30,
        notWith: ['沙坑', '业绩', '股票', '游戏', '坑人', '坑钱', '挖坑', '坑位'],
      },
      // someone fallen in, the hole that caved in named after ("有人掉下去了！就是门口陷下去的那个洞")
      {
        objects: [new RegExp(`${SOMEONE.source}${W}{0,2}(?:掉|摔|跌|陷)(?:进|下)去了`)],
        symptoms: [new RegExp(`(?:塌|陷)(?:出来|下去|开|出)?(?:了)?的(?:那个|这个|那|这|一个)?${HOLE}`)],
        span: 40,
        notWith: ['沙坑', '游戏', '坑人', '坑钱', '挖坑', '坑位'],
      },
    ],
  },
  {
    kind: 'trapped',
    level: 'emergency',
    pairs: [
      // someone still inside, the wait counted, where a lift or a lock holds them ("还在里面 已经四十分钟了 维保说路上
      // 堵车 里面闷得很"): an update to a trapping told before
      {
        objects: [/还(?:被)?(?:困|关|卡)?在里(?:面|头|边)/],
        symptoms: [/(?:已经|都|快|有)(?:快|有)?(?:[一二两三四五六七八九十几半\d]+|一个多|半个多|两个多)(?:个)?(?:多)?(?:分钟|小时|钟头)/],
        inMessage: ['维保', '电梯', '轿厢', '货梯', '客梯', '救援', '消防', '开锁', '门锁', '反锁', '锁坏', '锁死', '困'],
        notInMessage: ['上课', '考试', '开会', '面试', '手术', '排队', '洗澡', '理发', '吃饭', '游戏', '补课', '培训', '办事', '快递', '包裹', '钥匙', '手机', '钱包', '行李', '东西'],
        span: 30,
      },
      // someone shut out on a roof who cannot come down ("有人被关在天台门外下不来"), the door blown or locked shut
      {
        objects: ['天台', '楼顶', '屋顶', '露台', '顶楼', '平台'],
        symptoms: [/(?:关|锁)在(?:了)?[^，。！？,.!?\s]{0,2}(?:门)?外(?:面|头|边)?/, /门(?:被)?(?:风)?(?:带上|吹上|关上|锁上|锁死)了/],
        within: ['下不来', '回不来', '进不来', '下不去', '出不去'],
        span: 40,
        notWith: ['猫', '狗', '被子', '衣服', '游戏'],
      },
    ],
  },
  {
    kind: 'manhole',
    level: 'urgent',
    pairs: [
      // a well told open before, still not covered, children by it ("那个井盖到现在还没人来盖，小孩都在边上跑")
      {
        objects: [new RegExp(`(?:井盖|井口|窨井|下水井|污水井|雨水井|检查井|下水道盖|沟盖)${W}{0,8}(?:还|仍|一直|到现在)(?:是)?没(?:有)?人(?:来)?(?:盖|管|修|处理|弄)`)],
        symptoms: [...CHILD, '老人', '路人', '骑车', '天黑', '晚上'],
        span: 40,
        notWith: ['画', '涂鸦', '游戏'],
      },
    ],
    // children playing by a well left open ("已经有小孩在旁边玩了"): one step from falling in
    emergencyWith: [/(?:小孩|孩子|小朋友|娃)[^，。！？,.!?\s]{0,3}在(?:井)?(?:旁边|边上|跟前|附近|周围|井口)(?:玩|跑|蹦|跳)/],
  },
  {
    kind: 'medical',
    level: 'emergency',
    // CPR under way, told by the one giving it or beside it ("已经在做心肺复苏了，谁去大门口接一下120"); not a class
    // or a drill on a dummy
    terms: [/(?:正在|已经在|已在|还在|在|开始)(?:给[^，。！？,.!?\s]{0,4})?(?:做)?(?:心肺复苏|cpr|胸外按压|人工呼吸)/],
    notWith: ['培训', '课', '演练', '演示', '示范', '学习', '教', '讲座', '考证', '证书', '模拟', '假人', '练习', '电视', '视频'],
  },
  {
    kind: 'violence',
    level: 'emergency',
    pairs: [
      // someone pushed or kicked down stairs by another, hurt ("被一个业主推下楼梯了 头磕破了")
      {
        objects: [/(?:推|踹|踢|撞|搡)(?:下|倒|翻)?(?:了)?(?:楼梯|台阶|楼)|从(?:楼梯|台阶)上?(?:推|踹|踢)(?:了)?下(?:去|来)/],
        symptoms: ['头破', '磕破', '流血', '出血', '骨折', '起不来', '晕', '昏', '不动了', '爬不起来', '摔伤', '伤了'],
        span: 40,
        notWith: ['小时候', '以前', '电视', '剧', '电影', '小说', '游戏', '梦', '滑梯', '玩具'],
      },
    ],
  },
  {
    kind: 'electric_shock',
    level: 'emergency',
    pairs: [
      // someone's hand still on a live wire, the others told not to touch them and to cut the power ("他手还抓着电线，
      // 先拉闸！")
      {
        objects: [/(?:手|他|她|人)[^，。！？,.!?\s]{0,3}(?:还|仍|一直)?(?:抓着|握着|攥着|粘在|贴在|搭在|吸在|黏在)(?:那根|这根)?(?:电线|电门|电缆|插座|电源线|线头|裸线)/],
        symptoms: ['别碰', '不能碰', '不要碰', '别去碰', '别拉', '别动', '拉闸', '关闸', '总闸', '电闸', '断电', '关电', '拔电'],
        span: 40,
        notWith: ['充电器', '手机', '游戏', '耳机', '数据线'],
      },
    ],
  },
  {
    kind: 'explosion',
    level: 'emergency',
    pairs: [
      // a bang from a kitchen, a water heater or a boiler room, glass or debris flying down ("厨房炸了，玻璃全飞下来了",
      // "太阳能热水器那边砰的一下 然后碎片往下掉")
      {
        objects: ['厨房', '热水器', '太阳能', '锅炉', '锅炉房', '燃气灶', '煤气灶', '灶台', '配电房', '变压器'],
        symptoms: [/炸了(?![一几两半]?(?:锅|盘|个|些|点|份|碗|鸡|丸|虾|油条|薯|春卷|带鱼|酥肉|花生))/, /(?<![爆])爆了/, /[砰嘭轰咚](?:的|地)?(?:一下|一声)/],
        within: ['玻璃', '碎片', '碎渣', '飞出', '飞下来', '飞了', '往下掉', '震碎', '震下来', '震掉', '冒烟', '起火', '着火', '火光', '黑烟'],
        span: 40,
        notWith: ['碗', '盘子', '杯子', '爆米花', '炸鸡', '油炸', '炸酱', '高压锅', '放气', '笑', '游戏', '电影'],
      },
    ],
  },
  {
    kind: 'falling_object',
    level: 'emergency',
    pairs: [
      // a facade still coming down, more of it hanging loose ("还在掉！外墙保温层一大片挂着，大家从侧门走")
      {
        objects: ['外墙', '保温层', '墙皮', '瓷砖', '外墙砖', '幕墙', '铝板', '装饰板'],
        symptoms: [/(?:一大片|一大块|一片|一块|半边|一角|好几块)[^，。！？,.!?\s]{0,4}(?:挂着|吊着|悬着|耷拉着|翘起来|翘着|松了|晃)/],
        inMessage: ['还在掉', '又掉', '往下掉', '掉下来', '掉了', '砸', '绕开', '绕着走', '侧门', '别走', '别从', '从旁边走', /走[东南西北侧后]门/],
        span: 30,
        notWith: ['颜色', '好看', '图案', '设计'],
      },
    ],
  },
  {
    kind: 'battery_fire',
    level: 'emergency',
    // a lithium battery in thermal runaway ("充电位旁一块锂电池热失控"): fire in seconds; not a question what it is
    terms: [/(?:锂)?电(?:池|瓶)[^，。！？,.!?\s]{0,4}热失控/],
    notWith: ['什么是', '科普', '原理', '如何', '怎么', '预防', '防止', '实验', '测试', '视频', '新闻', '？', '?'],
  },
  {
    kind: 'collapse',
    level: 'urgent',
    // a landing, platform or stair sinking ("外挂楼梯平台有下沉")
    terms: [/(?:平台|楼梯|楼梯间|走廊|阳台|楼板|连廊|挑檐|雨棚)(?:整体|整个|明显|已经|有点|有些|有|在|还在|都)?(?:往下)?(?:下沉|沉下去|塌下去|往下陷)/],
    notWith: ['下沉式', '下沉广场', '商场', '设计', '游戏', '花盆', '一点点'],
    // still widening or sinking as it is told ("楼上楼下都能看到缝，还在变大"): it may go at any moment
    emergencyWith: [/还在(?:变大|变宽|裂|往下陷|往下沉|往下塌|扩)/, '越裂越大', '越来越宽', '越陷越深'],
  },
  {
    kind: 'ebike_indoors',
    level: 'urgent',
    pairs: [
      // e-bikes on charge in a basement, a storeroom, a dormitory, the bike named anywhere in the message ("地下室储藏室
      // 里那几辆插着电一充一整夜")
      {
        objects: ['地下室', '储藏室', '杂物间', '储物间', '宿舍', '寝室', '公共厨房', '筒子楼'],
        symptoms: [/插着电|在充电|充(?:了)?(?:一|一整)(?:夜|宿|晚上)|充(?:一)?通宵|充(?:到)?天亮/, /(?:搬|推|扛|抬|骑)(?:了)?(?:进|到)(?:来|去|里面|屋里|厨房)?充(?:电)?/],
        inMessage: ['电动车', '电瓶车', '电驴', '电摩', '电动自行车', '电单车', '小电驴'],
        span: 30,
        notWith: ['车库', '充电桩', '充电柜', '手机', '充电宝', '电饭煲', '冰箱'],
      },
    ],
  },
  {
    kind: 'blocked_exit',
    level: 'urgent',
    // a fire lane parked shut ("消防车道被一辆货车停死了")
    terms: [/(?:消防(?:车)?(?:通)?道|生命通道)[^，。！？,.!?\s]{0,10}(?:停死|占死|停满|停得死死|堵得死死)/],
    notWith: ['不许', '禁止', '严禁', '不要', '别', '画', '演练', '如果', '万一'],
  },
  {
    kind: 'flying_wire',
    level: 'urgent',
    pairs: [
      // a lead pulled down from a window or balcony, strung across a path low ("从二楼阳台拉下来的电线横穿人行道，离地
      // 就一米来高")
      {
        objects: [/(?:拉|扯|牵|接|吊|放)(?:了)?(?:下来|出来|过来)?(?:的)?(?:一根|一条|根|条)?(?:电线|电源线|插线板|接线板|拖线板)/],
        symptoms: ['横穿', '横过', '横跨', '拦在', '挡在', /离地(?:就|只有|不到|才)?/],
        within: ['人行道', '马路', '路', '过道', '通道', '楼道', '走道', '车道', '门口'],
        span: 30,
        notWith: ['网线', '晾衣', '绳', '彩灯', '灯带', '电话线', '光纤'],
      },
    ],
  },
  {
    kind: 'child_danger',
    level: 'emergency',
    pairs: [
      // a child leaning out at a window that has no rail ("可他一直趴在窗边探身子往外看，窗户没有护栏"), the child named
      // anywhere in the message
      {
        objects: [/(?:探|伸)(?:着|出|出来|出去)?(?:半个|大半个)?(?:身子|上身|脑袋|头)/],
        symptoms: ['窗边', '窗口', '窗台', '窗外', '窗户'],
        within: [/(?:没有|没|没装|没安|都没有)(?:装)?(?:防护)?(?:护栏|栏杆|防护网|防盗网|防护栏)/, /(?:护栏|防护栏|防护网|防盗网)(?:都|也)?没(?:有|装)/],
        inMessage: CHILD,
        notInMessage: ['拉着', '抱着', '扶着', '护着', '锁上', '关上了', '关好'],
        span: 20,
      },
      // a child on a road with traffic ("一个小男孩在小区门口马路上跑，车很多")
      {
        objects: [new RegExp(`(?:小男孩|小女孩|小孩|孩子|小朋友|娃|男孩|女孩)${W}{0,8}(?:马路|公路|车道)(?:上|中间|当中)(?:乱|到处)?(?:跑|窜|玩|晃|逛|蹦|追)`)],
        symptoms: [/车(?:很|特别|好|非常|这么|那么|太)多/, '车流', '车子多', '车来车往'],
        notInMessage: ['注意', '小心', '提醒', '带着', '牵着', '陪着'],
        span: 30,
      },
    ],
  },
  {
    kind: 'violence',
    level: 'emergency',
    // someone hurting people with a bottle, a knife or a bar ("有醉汉拿酒瓶伤人")
    terms: [/(?:拿|抄起|抄着|持|举着|拎着|挥着)(?:着)?(?:一个|个|一把|把|根|一根)?(?:酒瓶|啤酒瓶|瓶子|刀|菜刀|砍刀|水果刀|棍子|铁棍|钢管|砖头|板砖|锤子)(?:子)?[^，。！？,.!?\s]{0,3}(?:伤人|砍人|打人|行凶|捅人|追人)/],
    notWith: ['电视', '剧', '电影', '小说', '游戏', '新闻', '梦'],
  },
  {
    kind: 'suicide',
    level: 'emergency',
    pairs: [
      // someone giving everything away, saying they will not need it, not answering since ("把东西全送人了，说以后用不上了，
      // 现在敲门也不开")
      {
        objects: [/(?:东西|家当|衣服|存款|积蓄|宝贝|家具|钱)[^，。！？,.!?\s]{0,3}(?:全|都|全部)?(?:送|分)(?:人|给|掉)/],
        symptoms: [/以后(?:都|也)?(?:用不上|用不着|不用|不需要)|再也(?:用不上|用不着)|(?:用不上|用不着)了/],
        inMessage: ['敲门', '不开', '没人接', '不接', '联系不上', '没回', '不回', '打不通', '没动静', '没人应'],
        span: 40,
        notWith: ['搬家', '出国', '回老家', '新家', '装修', '断舍离', '搬走', '移民', '养老院'],
      },
    ],
  },
  {
    kind: 'exposed_wire',
    level: 'urgent',
    pairs: [
      // a wire told before, still hanging and not dealt with ("我刚才说的那根线还在，没人来处理")
      {
        objects: [/(?:那根|这根|那条|这条)(?:电)?线(?:还|仍|一直)(?:在|垂着|挂着|耷拉着|吊着|拖着|落在)/],
        symptoms: [/没(?:有)?人(?:来)?(?:处理|管|修|弄|收)/, '没处理', '没人理'],
        span: 30,
        notWith: ['网线', '晾衣', '绳', '彩灯', '光纤', '电话线'],
      },
    ],
    // children poking at it with a stick ("几个小孩拿树枝去戳了")
    emergencyWith: [/(?:小孩|孩子|小朋友|娃)[^，。！？,.!?\s]{0,6}(?:拿|用|捡)[^，。！？,.!?\s]{0,5}(?:树枝|棍|竹竿|竿子|铁丝|手)[^，。！？,.!?\s]{0,2}(?:去)?(?:戳|捅|碰|挑|够|拨|勾)/],
  },
  {
    kind: 'fire_equipment',
    level: 'urgent',
    // a hydrant with no water ("消火栓确实无水")
    terms: [/(?:消火栓|消防栓|消防水带|消防水管|喷淋)[^，。！？,.!?\s]{0,6}(?:无水|没有水|不出水|出不了水|是干的)/],
    notWith: ['演练', '如果', '万一', '恢复', '冲洗', '检修', '暂时', '暂停', '停水', '计划'],
  },
  {
    kind: 'water_electric',
    level: 'urgent',
    // still on charge, the lead lying in water all night ("都充了一整夜了，插线板就泡在积水里"): live
    emergencyWith: [/充了一(?:整)?(?:夜|晚|宿)|充了一(?:整)?晚上|(?:还|一直|正)(?:在)?(?:充电|充着)|插着电/],
  },
];
