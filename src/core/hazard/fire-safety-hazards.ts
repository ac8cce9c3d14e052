// Hazard rules of fire safety (飞线充电, 电动车进楼, 电池鼓包, 堵塞消防通道, 消防设施缺损): what could turn into a fire
// or block the way out of one, so at least urgent. Part of HAZARD_RULES (hazard-rules.ts), in this order, before the
// wiring rules (wiring-hazards.ts).
import type { Term } from '../triage/urgency.ts';
import type { HazardRule } from './hazard-rules.ts';

const EBIKE: readonly Term[] = ['电动车', '电瓶车', '电单车', '电摩', '电动自行车', '电瓶', '锂电池', '电动三轮', '三轮车', '电三轮', '代步车', '电动摩托', '滑板车', '平衡车', '电驴', /(?<![公有])电车/];
const INDOORS: readonly Term[] = [
  '楼道', '楼梯', '走廊', '过道', '家里', '回家', '屋里', '室内', '房间', '客厅', '门口', '楼上', '楼里', '电梯', '窗', '阳台',
  '飞线', '拉线', '电线', '插排', '排插', '插线板', '接线板', '拖线板', '拉下来', '吊', '扯', '大堂', '大厅', '门厅', '地下室', '单元门',
  // inside a shop or a parlour ("麻将馆里面停了三辆 就在里面充")
  /(?:店|馆|铺|超市|饭店|餐厅|棋牌室)(?:里|内)/, '在里面充',
  // a storeroom shut on it ("地下储藏室有人拉了插座给电动车充电，门一关谁都不知道")
  '储藏室', '储藏间', '储物间', '杂物间',
];

/** A way out of a building or car park ("地库出口", "单元出口"), besides the named fire exits. */
const BUILDING_EXIT = /(?:地库|车库|地下室|单元|楼栋|大楼|楼|逃生|疏散|紧急|消防|应急)的?出口/;
/** A lead counted or let down from a home ("一根线从窗户拉到花坛", "楼上扯下来的线"). */
// (线下 and 线上 are offline and online, but a lead let down is one: "放了根线下来")
export const LEAD: readonly Term[] = [/[根条][^，。！？,.!?\s]{0,3}线(?![路索条上]|下(?![来去]))/, /(?:扯|拉|吊|垂|甩|放|牵|接)(?:了|着)?(?:下来|下去|出来|过来)的[^，。！？,.!?\s]{0,2}线/];
/** A battery-powered thing that can catch fire as it fails. */
const BATTERY_DEVICE: readonly Term[] = ['平衡车', '滑板车', '扭扭车', '电动车', '电瓶车', '充电宝', '电池', '电瓶', '锂电', '电子烟', '代步车'];

export const FIRE_SAFETY_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'flying_wire',
    level: 'urgent',
    labelZh: '疑似飞线充电',
    category: 'fire_safety',
    terms: [
      '飞线', '私拉电线', '私拉乱接', '乱拉电线', '拉线充电', '乱拉线', '私接电线',
      // (or dragged to a lane to charge there: "拖根电线到弄堂里向充电瓶车")
      /(?:拉|扯|接|牵|甩|吊|放|拖|拽)(?:了)?(?:根|条|一根|一条|个)?(?:电|长)?线(?:下来|下去|落来|落去|出来|出去|过来|过去)?(?:到[^，。！？,.!?\s]{1,5})?(?:在那儿?|在那里|在这儿?|在这里)?(?:给|来|去|向|帮)?(?:电动车|电瓶车|电瓶|车)?充(?:电|车|(?=\s|[，。！？,.!?]|$))/,
      // power run out of a window to charge ("从一楼租户窗户拉电充电")
      /(?:拉|扯|牵|拖|拽)(?:了)?电(?:到[^，。！？,.!?\s]{1,5})?(?:给|来|去)?(?:电动车|电瓶车|电瓶|车)?充(?:电|车)(?![费桩])/,
      // a lead run out of the home to charge ("拖了根接线板到楼下给电动车充")
      // (or a socket run out for it: "拉了插座给电动车充电")
      /(?:接线板|插线板|插排|拖线板|电线|长线|插座)[^，。！？,.!?]{0,8}给(?:电动车|电瓶车|电驴|电瓶|车)充/,
    ],
    pairs: [
      { objects: EBIKE, symptoms: ['充电', '充着电', '在充', /在(?:里面|里头|店里|屋里)充/], span: 16, within: INDOORS },
      // … the place said first and the charging a few clauses on ("麻将馆里面停了三辆电驴，老板说怕淋，就在里面充")
      { objects: EBIKE, symptoms: [/在(?:里面|里头|店里|屋里)充/], span: 30 },
      // (a bare 线 when it runs down floors: "线都拖到一楼了", "谁家的线 从三楼吊到一楼")
      { objects: ['电线', '插排', '排插', '插线板', '接线板', '拖线板', '电源线', '延长线', ...LEAD, /线(?<![毛针棉光天路视电天]线)(?=[^，。！？,.!?]{0,6}(?:拖|拉|扯|吊|垂|甩|拽)(?:到|下))/], symptoms: ['窗户', '窗外', '窗口', '阳台', '楼上', '吊', '垂', '挂', '拖到', '拖下', '拖了', '拉到', '拽到', '到楼下', '横在', '路中间'], within: ['充电', '充车', '在充', '充着', ...EBIKE, /插着[^，。！？,.!?\s]{0,3}车/, /(?:拖|拉|扯|吊|接|牵|甩|拽)(?:到|进|去)(?:了)?(?:楼下)?(?:的)?(?:车棚|车库|车位)/] },
      // a lead run out of a window and left live outdoors ("一根插线板从一楼窗户拉出来 下雨了还插着")
      {
        objects: ['电线', '插排', '排插', '插线板', '接线板', '拖线板', '电源线', ...LEAD],
        symptoms: [/(?:窗户?|窗口|阳台|楼上)[^，。！？,.!?\s]{0,4}(?:拉|扯|拖|接|吊|甩)(?:了)?(?:出来|下来|过来|出去)/],
        within: ['下雨', '雨里', '淋雨', '插着', '通着电', '带电', '有电'],
        span: 24,
      },
      // a power strip hung on a tree or a clothes line outdoors ("接了个拖线板挂在树杈上")
      { objects: ['插排', '排插', '插线板', '接线板', '拖线板'], symptoms: [/(?:挂|搭|绑|缠|吊)(?:在|到)(?:了)?(?:树|晾衣)/], span: 10 },
      // a lead let down from a flat, charging ("楼上放下来的那根线 又在充了")
      // (or plugged into one: "从二楼垂下来的线还插着电瓶车")
      { objects: LEAD.slice(1), symptoms: ['充电', '在充', '充着', /插着[^，。！？,.!?\s]{0,3}(?:车|电瓶|电动|电驴|三轮)/], span: 24 },
    ],
    // (a lead run down from a flat to the bike shed, or rigged in it, is the hazard, not the shed's own sockets)
    notWith: ['充电桩', '充电站', '充电柜', /^(?![^]*(?:拉|扯|接|牵|拽)(?:了)?(?:根|条|一根|一条)(?:电|长)?线)[^]*车棚(?<!(?:拖|拉|扯|吊|接|牵|甩|拽)(?:到|进|去)(?:了)?(?:楼下)?(?:的)?车棚)/, '充电棚', '充电区', '充电点', '集中充电', '统一充电'],
  },
  {
    kind: 'ebike_indoors',
    level: 'urgent',
    labelZh: '电动车进电梯/上楼',
    category: 'fire_safety',
    pairs: [
      // (a lift by its number, "2号梯", or its kind, "客梯")
      { objects: EBIKE, symptoms: ['电梯', /[\d一二三四五六七八九十]号梯|客梯|货梯/, '上楼', '推进楼', '进楼', '推进单元', '搬回家', '拎回家', '推回家', '楼梯', '走廊', '楼道', '骑进', '推进', '大堂', '门厅', '大厅', '客厅', '卧室', '屋里', '房间里',
        // pushed or carried into the home ("推家里去了", "拎进屋")
        /推(?:到|进)?家里/, /(?:拎|提|拿|搬|扛|带)(?:进|回|上)(?:屋|家|楼)/, '进屋',
        // pushed up the stairs ("电动车又推上来了")
        /(?:推|扛|搬|拎|抬)上来/], span: 12 },
      // pushed in with a lift or a lobby named ("坐电梯时有个叔叔推着电动车进来")
      { objects: EBIKE, symptoms: ['进来', '推进来', '推了进来'], within: ['电梯', '楼道', '大堂', '门厅'], span: 8 },
      // charged in a basement storeroom ("地下室储藏间有人充电动车 门缝里拖着线")
      { objects: EBIKE, symptoms: ['充'], within: ['储藏间', '储藏室', '储物间', '杂物间', '地下室'], span: 6 },
      // charged in a packed rented room ("群租房 一屋子五六辆电动车在里面充电")
      { objects: EBIKE, symptoms: ['充电', '在充', '充着', /(?:一起|一块|一堆|同时)充/], within: ['群租房', '出租屋', '一屋子', '屋子里', '屋里', '房间里', '宿舍'], span: 16 },
      // the bike only called 车, pushed into a room and charged by the bed or all night ("车子直接推屋里 电池就在床边充了一整晚")
      {
        objects: [/车(?:子)?(?:直接|又|都)?推(?:进|到)?(?:了)?(?:屋|房间|家里|出租屋|出租房|宿舍)/],
        symptoms: [/(?:床边|床头|床底|床下|床旁)[^，。！？,.!?\s]{0,4}充|充(?:了)?(?:一|整)(?:整)?(?:晚|夜)|(?:整夜|通宵|一晚上)[^，。！？,.!?\s]{0,2}充/],
        span: 30,
        notInMessage: ['手机', '婴儿车', '轮椅', '推车', '购物车', '平板', '充电宝', '玩具车'],
      },
      // squeezed into a lift ("推着电瓶车硬挤进来")
      { objects: EBIKE, symptoms: [/挤(?:进|上)(?:来|去)/], within: ['电梯'], span: 12 },
      // carried or pushed in, the place said a few words later ("把电动自行车扛进咱们5号楼的电梯")
      { objects: EBIKE, symptoms: [/(?:推|扛|搬|拎|抬|骑|弄|提)(?:进|上|入|到)(?:了)?[^，。！？,.!?]{0,8}(?:电梯|楼道|家里|屋里|楼上)/], span: 24 },
      // … up to a floor named by its number ("电瓶车直接推上六楼")
      { objects: EBIKE, symptoms: [/(?:推|扛|搬|拎|抬|骑)(?:上|到)(?:了)?[\d一二三四五六七八九十几]+楼/], span: 16 },
      // a bare battery carried up to charge ("拎两块电池进电梯 说要上去充"), not a phone's or a remote's
      {
        objects: ['电池'],
        symptoms: ['进电梯', '上电梯', '拎进', '提进', '拎上楼', '提上楼', '带上楼', '拿上楼', '上去充', '拿回家充', '拎回家',
          // … or into a rented room or a dormitory ("把三块电池拎回出租屋充")
          /(?:拎|提|拿|带|搬|扛)(?:回|进|到)(?:了)?(?:出租屋|出租房|群租房|宿舍|房间|屋里|屋)/],
        within: [/[两几一三]块/, '外卖', '电动车', '电瓶车', '电驴', '充'],
        span: 12,
        notInMessage: ['手机', '遥控', '相机', '号电池', '干电池', '纽扣', '耳机', '手表'],
      },
      // the bike implied, pushed into a lift to be charged at home ("天天推进电梯拉回家充电"): a pram or a trolley is not charged
      {
        objects: [/推(?:着|了)?(?:进|上)(?:了)?电梯/],
        symptoms: [/回家[^，。！？,.!?\s]{0,2}充|(?:拉|推)(?:回|到)(?:家|楼上|屋里)(?:去)?充/],
        span: 20,
        notInMessage: ['轮椅', '婴儿车', '推车', '行李', '购物车', '小推车', '奶'],
      },
      // a hall made a charging station at night, bikes crowded in it ("单元门厅一到晚上就成了充电站 五六辆电瓶车挤一起充")
      {
        objects: EBIKE,
        symptoms: [/挤(?:在)?(?:一起|一块|一堆)[^，。！？,.!?\s]{0,2}充/, /[几两三四五六七八九十好]+辆[^，。！？,.!?\s]{0,6}充/],
        within: ['门厅', '大堂', '大厅', '楼道', '走廊', '楼梯间', '过道'],
        notWith: ['车棚', '充电棚', '充电桩', '集中充电'],
        span: 40,
      },
      // bikes counted rather than named, left plugged in in a hall ("一楼大厅里停着四辆 还都插着电")
      {
        objects: ['插着电', '在充电', '充着电'],
        symptoms: ['大厅', '大堂', '门厅', '楼道', '走廊', '楼梯间'],
        within: [/[几两三四五六七八九十好]辆/],
        span: 30,
      },
    ],
    // (a child's scooter ridden for play is a nuisance: "小孩在楼道里玩滑板车")
    // (or how the lift will detect one: "电动车进电梯会有ai识别", "装了智能阻车系统")
    notWith: [/(?:会|将|可以|能)(?:有|被)?[^，。！？,.!?]{0,4}(?:识别|阻车|拦截|监测|检测)|阻车(?:器|系统)|智能识别/, '车棚', '充电桩', '没电了', '充电棚', '充电区', '充电点', '集中充电', '统一充电', /玩[^，。！？,.!?\s]{0,2}(?:滑板车|平衡车|扭扭车)|(?:滑板车|平衡车|扭扭车)[^，。！？,.!?\s]{0,2}玩/],
  },
  {
    kind: 'battery',
    level: 'urgent',
    labelZh: '电池鼓包/漏液',
    pairs: [
      {
        objects: ['电池', '电瓶', '锂电', '充电宝'],
        symptoms: ['鼓包', '鼓起来', '鼓起', /鼓(?:得|成|了)/, '胀包', '胀起来', '胀了', '发胀', '膨胀', '漏液', '发烫', '烫手', '变形', /烫(?:得|的)(?:不行|要命|厉害|吓人)/, /(?:好|很|巨|特别)烫/,
          // leaking with a hiss or a sharp smell ("电瓶嘶嘶地漏")
          /漏(?![电水雨油])/, /[嘶呲滋]{2}/, '刺鼻',
          // swollen till it splits or fills its slot ("胀裂了", "胀得好大", "胀到个壳都爆开")
          /胀(?:裂|破|开|大|得|到)/],
        span: 16,
      },
      // a phone or a tablet swollen while charging, its screen pushed up ("手机充着充着鼓包了 屏都顶起来了")
      { objects: ['手机', '平板', 'ipad'], symptoms: ['鼓包', '鼓起来', '胀包', '胀起来', /屏(?:幕)?(?:都|被)?(?:顶|鼓)起来/], within: ['充', '烫', '屏'], span: 12 },
      // its case split or bulging ("一堆旧电池 … 有一个外壳都胀裂了")
      { objects: ['外壳', '壳子'], symptoms: [/[胀鼓](?:裂|破|开|起|包|了|得)/], within: ['电池', '电瓶', '锂电', '充电宝'], span: 8 },
      // hot while left charging ("放了个电池在那充电 一晚上没拔 摸着很烫")
      // (or said simply "很热" while plugged in: "电动车 插着电 … 电池 很 热")
      { objects: ['电池', '电瓶', '锂电', '充电宝'], symptoms: ['发烫', '烫手', '很烫', '好烫', '烫得', '很热', '好热', '特别热', '热得'], within: ['充电', '在充', '充着', '插着电', '插着', '一晚上', '没拔', '整夜', '通宵'], span: 30 },
      // a battery-powered thing hot or warped with a smell, or hot when unplugged ("拔了电还烫 有股怪味")
      {
        objects: BATTERY_DEVICE,
        symptoms: ['发烫', '烫手', '很烫', '好烫', '变形', '鼓包', '鼓起'],
        within: ['怪味', '异味', '焦味', '糊味', '刺鼻', '变形', '鼓', '拔了电', '拔掉', '不充了', '没充', '没在充'],
        span: 24,
      },
      // swollen after a night's charge, told a clause or two later ("充电宝放在床上充了一晚上 早上起来发现胀得跟馒头一样")
      {
        objects: ['电池', '电瓶', '锂电', '充电宝'],
        symptoms: [/胀(?:得|成|起来|了)/, /鼓(?:得|成|起来|包)/],
        within: ['充', '一晚上', '一夜', '整夜', '通宵', '没拔'],
        span: 36,
      },
      // cells with broken cases, or salvaged ones, charged where people sleep ("锂电池堆在床底下充电 都是二手拆的 外壳都破了")
      {
        objects: ['锂电池', '锂电', '电池', '电瓶', '电芯'],
        symptoms: [/外壳[^，。！？,.!?]{0,2}(?:破|裂|烂|坏)/, '二手拆', '拆机', '拆下来的', /(?:床底|床下)[^，。！？,.!?]{0,4}充/],
        within: ['充'],
        span: 40,
        notInMessage: ['遥控', '干电池', '号电池', '纽扣', '回收'],
      },
    ],
    // swollen and hot with a smell or a split case: about to catch fire ("充电宝鼓起来了 烫手 还有怪味", "电池鼓包了 … 很烫
    // 壳都裂开了")
    emergencyWith: [/(?:鼓|胀)[^。！？!?]{0,16}(?:烫|热)[^。！？!?]{0,16}(?:怪味|异味|焦味|糊味|刺鼻|裂开|裂了|冒烟)|(?:怪味|异味|焦味|糊味|刺鼻|裂开|裂了|冒烟)[^。！？!?]{0,16}(?:鼓|胀)[^。！？!?]{0,16}(?:烫|热)/],
    // (a phone warm in the hand is no hazard; its battery swollen or split is: "手机电池胀到壳都爆开")
    notWith: [/手机(?![^，。！？,.!?]{0,6}(?:鼓|胀|爆开|裂开|漏液|变形|冒烟))/],
  },
  {
    kind: 'blocked_exit',
    level: 'urgent',
    labelZh: '楼道堆物/消防通道堵塞',
    category: 'fire_safety',
    // an ambulance or a fire engine held up by it now ("堵死了 救护车进不来在门口绕")
    emergencyWith: [/(?:救护车|消防车|120|119)[^，。！？,.!?\s]{0,4}(?:进不来|进不去|过不去|开不进|开不过|出不去|堵在|被堵)/],
    // things piled up the stairs from one floor to another ("从4楼堆到6楼")
    terms: [/(?:堆|摆|放|码)(?:到|满)了?[\d一二三四五六七八九十]+楼(?<=[\d一二三四五六七八九十]楼[^，。！？,.!?\s]{0,2}(?:堆|摆|放|码)(?:到|满)了?[\d一二三四五六七八九十]+楼)/],
    pairs: [
      {
        objects: ['楼道', '楼梯', '走廊', '消防通道', '安全出口', '疏散通道', '消防车道', '消防车通道', '逃生通道', '安全通道', '过道', '防火门', '逃生门', '安全门', '消防门', '疏散门'],
        symptoms: ['堆', '摆满', '放满', '塞满', '占满', '占用', '被占', '占了', '堵', /挡(?:住|了)/, '停满', '走不过', '过不去', '过不了', '走不了', '进不来', '顶着',
          // a door that will not close, not a window ("楼道窗户关不上，雨都进来了" is a repair)
          // (full of things, not of a smell, smoke or water: "楼道全是味", "楼道全是烟味")
          /(?<!窗户?|窗子)关不上/, /全是(?![^，。！？,.!?\s]{0,2}(?:味|烟|水|灰|雾|蚊|虫|声))/, '放了一排', '摆了',
          // a gap left to squeeze through ("只剩一条缝")
          /只剩(?:一|条)?[条道个]?(?:缝|窄道|小道)/,
          '打不开', '推不开', '拧不开', /放了(?:个|一个|一堆|好多|一排)[^，。！？,.!?]{0,4}(?:柜|沙发|床|家具|纸箱|杂物|冰箱|冰柜|桌)/,
          // wired or welded shut, a door that opens only halfway, people squeezing past sideways
          /(?:拧|绑|焊|捆|缠)死/,
          // jammed by something stuck in it, boarded up ("楼梯口被大衣柜卡死了", "楼梯间被人用木板钉住了")
          '卡死', /(?<!窗户?|窗子)钉(?:住|死|上)/, /推(?:都|也)?推不(?:动|开)/, /只(?:能)?开(?:得)?(?:一半|一条缝|一点)/, /侧(?:转|着)?(?:身子?|过身)(?:才能)?(?:过|走)/],
        span: 16,
        // parcels left at the mouth of a hall, tripped over and lockers asked for, is a nuisance ("快递堆在楼道口 天天绊脚
        // 能不能放快递柜"), unless the way is told blocked
        // (nor things there and whose they are, asked to be taken away: "楼道里堆的箱子谁的 拿走好吗")
        notInSentence: ['绊脚', /绊(?:一下|倒|着)/, /(?:放|进|存)(?:到|进|在)?快递柜/, /(?:堆|放|摆)的[^，。！？,.!?\s]{0,8}(?:是)?谁(?:家)?的/],
        unlessInSentence: ['消防', '疏散', /堵(?:住|死|了)/, '挡住', '过不去', '走不了', '走不过', '安全出口', '满', '推不开', '出不去'],
      },
      // the only way out heaped, filled, parked up or locked ("就一个出口 门口又堆满了床垫", "现在只有一个出口 还停满了车")
      {
        objects: ['唯一的出口', '唯一出口', '唯一的通道', /(?:只有|只剩|就剩|就)(?:一个|一道|一扇)(?:出口|门)/],
        symptoms: ['堆', '塞满', '停满', '占满', /堵(?:住|死|了|一半)/, /挡(?:住|了)/, '锁死', '锁上', '锁了'],
        notInMessage: ['排队', '排好长', '平时也够'],
        span: 30,
      },
      // a lane or a gate blocked, an ambulance or a fire engine held up by it ("巷子被乱停的车堵死了 救护车进不来")
      {
        objects: [/(?:救护车|消防车|120|119)[^，。！？,.!?\s]{0,4}(?:进不来|进不去|过不去|开不进|开不过)/],
        symptoms: [/堵(?:住|死|了)/, '停满', '占满', '乱停', '违停', /挡(?:住|了)/],
        span: 30,
      },
      // a building's door that will not open from inside ("单元门从里面打不开了 出不去")
      {
        objects: ['单元门', '楼门', '防盗门', '铁门', '大门', '楼道门', BUILDING_EXIT],
        symptoms: [/里面[^，。！？,.!?\s]{0,2}(?:打|拧|推|拉|开)不(?:开|了)/],
        within: ['出不去', '出不来', '楼道', '单元', '楼梯'],
        span: 16,
      },
      // a stair or corridor sealed off so no one gets by ("楼梯被木板整个封起来了 下楼都过不去"), not a window or a nook
      {
        objects: ['楼梯', '楼道', '走廊', '过道'],
        symptoms: ['封起来', '封死', '封住', '封上了'],
        within: ['过不去', '走不了', '下不去', '上不去', '出不去', '走不过', '往哪跑', '逃不'],
        span: 20,
      },
      // furniture put in a named way out, or a squeeze to get past ("柜子全放在安全出口那 只能侧身过"): not 楼道, where
      // a pram or a shoe rack "放在楼道" is a nuisance
      {
        objects: ['消防通道', '安全出口', '疏散通道', '消防车道', '逃生通道', '安全通道', '防火门', '逃生门', '安全门', '消防门', BUILDING_EXIT],
        symptoms: [/(?:放|摆|搁|塞|堆)(?:在|到)/, '挤过去', '侧着身', '侧身'],
        span: 16,
      },
      // a fire exit propped open and crammed with things ("安全出口的门被砖头顶着开着 里面还塞了个旧冰箱")
      {
        objects: ['消防通道', '安全出口', '疏散通道', '逃生通道', '安全通道', '防火门', '逃生门', '安全门', '消防门', '疏散门', BUILDING_EXIT],
        symptoms: [/(?:顶|撑|卡|垫|抵)(?:着|住)(?:门)?开着/, /塞(?:了|满|着)/, /堆(?:了|满|着)/],
        span: 30,
      },
      // a way out heaped shut with snow or rubbish ("地下室出口被雪堆堵住了 人都出不来")
      // (not a car parked across a door: a nuisance)
      { objects: ['出口', '出入口', '单元门', '楼门'], symptoms: [/(?:堵住|堵死|封住|埋住)/], within: ['雪', '冰', '垃圾', '杂物', '土堆', '沙堆'], span: 16 },
      // fireworks stored in a stair or a corridor, by the meters ("楼道里放了几箱烟花 就搁在楼梯拐角 下面还是电表箱")
      {
        objects: ['烟花', '鞭炮', '炮仗', '爆竹', '礼花', '二踢脚'],
        symptoms: ['楼道', '楼梯', '拐角', '走廊', '过道', '电表箱', '配电箱'],
        within: [/(?:放|堆|搁|摆|码|囤)(?:了|着|在)/, /[几两三四五六七八九十好]+(?:箱|盘|捆|挂)/],
        notInMessage: ['纸屑', '碎屑', '炮皮', '红纸', '残渣'],
        span: 20,
      },
      // a stairway so narrowed a stretcher cannot pass ("连担架都抬不下去")
      // an escape route made into someone's room or walled off ("把消防通道改成自家储物间了 还装了门")
      // (or a fire stair partitioned into a room to let: "群租房把消防楼梯隔成一间住人了")
      { objects: ['消防通道', '安全出口', '疏散通道', '逃生通道', '安全通道', '疏散楼梯', '消防楼梯', '楼梯间'], symptoms: [/(?:改|隔|围|圈)(?:成|为|出)(?:了)?[^，。！？,.!?\s]{0,4}(?:储物间|储藏室|杂物间|房间|仓库|库房|菜园|自家|一间|屋子|住人|宿舍)/, /(?:装|砌|加)了?(?:一|个|道|扇)*(?:门|墙)/], span: 20 },
      // an exit door chained or locked from outside ("疏散楼梯门外面被人用自行车锁锁了 里面推不开")
      { objects: ['疏散楼梯门', '楼梯门', '疏散门', '楼梯间门', '消防门', '安全门', '逃生门'], symptoms: [/(?:用|拿)[^，。！？,.!?\s]{0,6}锁(?:锁|锁上|锁住)/, /(?:外面|外头)[^，。！？,.!?\s]{0,6}锁(?:了|上|住)/], span: 24 },
      { objects: ['楼道', '楼梯', '走廊', '过道', '拐角'], symptoms: [/担架[^，。！？,.!?]{0,4}(?:抬不|过不|下不|进不|出不)/], span: 40 },
      // the only way down locked at night ("唯一的楼梯口被房东装了个铁门，晚上十点就锁")
      {
        // (a shop's or a basement's only door: "店里唯一的后门被锁上了")
        objects: ['唯一的楼梯', '唯一楼梯', '唯一一个楼梯', '唯一的出口', '唯一出口', '唯一的通道', '唯一通道', '唯一的门', '唯一的出路', '楼梯口', '楼梯间', /唯一(?:的|一个|一道|一扇)?(?:后门|前门|侧门|小门|铁门|安全门)/],
        symptoms: [/(?:就|都|会|要|被|给)锁/, '锁上', '锁死', '锁起来', '上锁', '锁了'],
        within: ['唯一', '晚上', '夜里', '半夜', '出不去', '跑不出', '钥匙只有'],
        span: 24,
      },
      // a gate put across the stairs and locked, those above shut in ("楼梯中间焊了道铁门 还挂了锁 楼上下不来")
      {
        objects: [/(?:楼梯|楼道|楼梯口|楼梯间|过道)[^，。！？,.!?\s]{0,6}(?:装|安|加|焊|做)(?:了|上)?(?:个|一|道|扇)*(?:铁|防盗)?(?:栅栏|栏杆)?门/],
        symptoms: [/(?:上|挂|加)了?(?:一)?(?:把|个)?锁/, '锁上', '锁了', '锁死', '锁着', '下不来', '下不去', '出不去', '过不去'],
        span: 30,
      },
      // vehicles or stalls standing in a fire lane ("消防车道上停了辆货车", "消防通道上搭了个棚子")
      {
        objects: ['消防通道', '消防车道', '安全出口', '疏散通道', '逃生通道', '安全通道'],
        // (not the cars of a notice: "违停车辆将贴条")
        symptoms: [/停(?:了|着)/, /(?<!违)停车/, '乱停', '占着', '霸占', '搭了', '摆摊', '卖菜', '晒'],
        span: 16,
      },
      // … parked there and left, its owner out of reach or for hours ("三轮车停在唯一的消防车道口？电话打不通，已经停一下午了"):
      // not a complaint of a habit ("又有车停在消防车道上")
      {
        objects: ['消防通道', '消防车道', '安全出口', '疏散通道', '逃生通道', '安全通道'],
        symptoms: [/停(?:在|到)/],
        within: ['唯一', '打不通', '联系不上', '找不到车主', /(?:一|半|整)(?:个)?(?:下午|上午|天|晚上|夜)|好几个小时|几个小时/],
        span: 16,
      },
      { objects: ['安全出口', '消防通道', '防火门', '逃生通道', '疏散通道', '安全通道', '天台门', '楼顶门', '逃生门', '安全门', '消防门', /通往(?:楼顶|天台|屋顶)/, /(?:楼顶|天台|屋顶)[^，。！？,.!?\s]{0,4}门/, BUILDING_EXIT], symptoms: ['锁', '封', '焊', '缠', '钉死', '拦', '围挡'], span: 18 },
      // the doors of a dormitory or a block boarded or locked till one is left ("前门封了 后门又上了大锁 … 就靠一个侧门进出")
      {
        objects: [/(?:前门|后门|侧门|大门)[^，。！？,.!?]{0,6}(?:封|锁)/],
        symptoms: [/(?:就靠|只剩|只有|只能走?)(?:一个|一道|一扇)?(?:侧门|门|出口)/],
        within: ['宿舍', '整栋', '厂房', '车间', '楼里', '上百'],
        span: 50,
      },
    ],
    // (and a question of when a door is locked: "天台门晚上几点锁？")
    notWith: ['畅通', '下水道', '堵车', '心里堵', /(?:几点|什么时候|啥时候|几时)(?:才|就|会)?(?:锁|关门|上锁)/,
      // a sanitation vehicle, at work there a moment ("消防车道上停着洒水车，在浇花")
      /洒水车|清扫车|扫地车|环卫车|绿化车/,
      // … or whether it usually is ("天台门平时锁着吗？")
      /(?:平时|一般|晚上|平常)(?:都|会)?(?:锁|上锁|关)(?:着|不锁)?[吗么嘛]/],
  },
  {
    kind: 'fire_equipment',
    level: 'urgent',
    removalIsHazard: true,
    labelZh: '消防设施缺损',
    category: 'fire_safety',
    pairs: [
      {
        objects: ['灭火器', '消防栓', '消火栓', '烟感', '喷淋', '消防水带', '水带', '应急灯', '消防水管', '消防箱', '消防门', /应急[^，。！？,.!?\s]{0,3}灯/, /(?:出口|疏散|逃生)[^，。！？,.!?\s]{0,2}指示/,
          // the fire alarm panel and its room, and the alarm system itself
          '报警主机', '消防主机', '火警主机', '报警控制器', '消防报警', '火灾报警', '火警报警', '报警系统',
          // the fire pumps and the sprinkler's valves ("消防泵打不起压", "喷淋阀被关了")
          '消防泵', '消防水泵', '喷淋泵', '稳压泵', '消防水池', '湿式报警阀', /喷淋[^，。！？,.!?\s]{0,2}阀/],
        // (亮不亮 asks whether it works, it tells no fault: "停电时应急灯到底亮不亮")
        symptoms: ['过期', '没了', '没有了', '不见', '被偷', '坏', '空', '没水', '没有水', /水都没/, '缺', '拆', '失效', '没压力', '红区', '锈', /(?<!亮)不亮/, '漏水', '拿走', '偷走', '被拿', '拿去', '卖了', '卖废品',
          // covered, blocked or locked so it cannot work ("喷淋头被塑料袋包起来", "消火栓箱被锁死")
          '包起来', '包住', '套住', '罩住', '遮住', '封住', '锁死', '锁住', '锁着', '被锁', '黑了', '全黑', '不工作',
          // painted over by someone ("喷淋头被装修的刷上油漆了", "烟感被刷了一层漆"; not paint beside it)
          /被[^，。！？,.!?\s]{0,4}(?:刷|涂|喷)(?:上|了|满)?(?:了)?(?:一层)?(?:油漆|漆|涂料|腻子)/,
          // stuffed or used as a cupboard ("消防箱里塞满了拖把")
          '塞满', '堆满', '放满', '杂物', '储物', '当柜子',
          // sealed or hidden behind furniture ("喷淋头被装修的人堵上了", "消防栓箱被橱柜挡住了")
          '堵上', '堵住', /被[^，。！？,.!?\s]{0,4}(?:挡住|挡死|盖住)/,
          // emptied, silenced, in fault, unmanned ("箱子打开里面啥都没有", "报警主机被按了静音")
          '啥都没有', '什么都没有', '静音', '消音', '故障', '没人值班', '无人值班',
          // a pump that will not build pressure or start, a padlock put on it ("泵打不起压", "栓口被人加了把锁")
          /(?:打|起|升|上)不(?:起|了|来)压/, '压力上不去', '启动不了', '不启动', /(?:加|上)了?(?:一)?(?:把|个|道)锁/,
          // locked by someone ("消防栓的门被人上了锁", "消防栓箱被人锁上了")
          /被[^，。！？,.!?\s]{0,3}(?:上了锁|锁上)/,
          // switched off by someone ("火灾报警被物业关掉了")
          /(?:被|给|让|叫)[^，。！？,.!?\s]{0,4}(?:关掉|关了|关闭|停用|停掉|拔了|断开)/,
          // frozen and split in the cold ("消防栓冻裂了 一直往外冒水")
          '冻裂', '冻坏', '冻爆', '冻住',
          // a detector or an alarm that will not sound or answers no test ("烟感闪着灯就是不响", "按了测试键没反应"); not
          // one asked about (响不响) nor one gone quiet after a false alarm (不响了)
          /(?<![响会])不响(?!了)/, '没反应', '没有反应', '不报警'],
        span: 18,
      },
      // the alarm panel itself switched off ("报警器天天误报 物业干脆把主机给关了")
      { objects: ['主机'], symptoms: [/(?:关掉|关了|关闭|停用|停掉|拔了|断电)/], within: ['报警', '消防', '火警', '烟感'], span: 10 },
      // a fire door tied or wedged open so it cannot close ("防火门被拿绳子绑在扶手上")
      { objects: ['防火门', '消防门', '常闭门'], symptoms: [/[绑拴捆](?:在|住|着|了)/, '撑开', '楔', '顶开', '关不上', '合不上'], span: 20 },
    ],
  },
];
