// Hazard readings of things told by their shape (part AM's round): a danger told by what people need or do about it (a
// gas alarm's push to a phone with no one home, an extinguisher begged in a hurry, a stick to pull someone off a live
// wire), by its consequence (eyes stung shut in a dark stairwell, bangs in a row and smoke rising, a wheel sunk where
// the ground split), or in a few plain words (a fire door wedged open, a lead hung low enough to touch, a bike pushed
// into the lobby to charge, "楼上别扔了！"). Folded into the rules of their kinds by foldByKind in hazard-rules.ts, each
// with its own guards.
import type { HazardAddition } from './hazard-rules.ts';

/** A clause's words, no punctuation or space between. */
const W = '[^，。！？,.!?\\s]';
/** A lead: a power strip, a wire, or a bare 线 that is none of the threads, lines and cords of daily life. */
const STRIP = ['插排', '排插', '插线板', '接线板', '拖线板', '电线', '电源线', '延长线'];
const BARE_LINE = /(?<![毛针棉丝网晾衣筝跳鱼钓天航路光直曲热视话缝彩])线(?![路索条上])/;
/** Harmless smoke or a sting in the eyes from cooking, burning offerings, fireworks or work. */
const HARMLESS_SMOKE = ['辣椒', '炒', '做饭', '做菜', '油烟', '烧烤', '烧纸', '抽烟', '吸烟', '烟花', '鞭炮', '装修', '油漆', '消毒', '杀虫', '胡椒', '洋葱', '熏', '烧香', '艾灸'];

export const SHAPES_THINGS_HAZARDS: readonly HazardAddition[] = [
  {
    kind: 'gas_leak',
    level: 'emergency',
    // a gas alarm that pushes its alert to a phone ("燃气报警器推送报警了 家里没人"), not its battery or its connection
    // (its other pushes anywhere in the message: "推送了一条消息 说设备离线")
    termGroups: [
      {
        terms: [new RegExp(`(?:燃气|煤气|天然气|液化气|可燃气体?)报警器${W}{0,6}(?:推送|提醒|通知|发(?:消息|短信|信息)|打(?:电话|来))`)],
        notWith: ['广告', '怎么设置', '安装'],
        notInMessage: ['电量', '没电', '低电', '离线', '掉线', '断网', '网络', '测试', '换电池', '绑定', '固件', '升级', '到期', '续费'],
      },
    ],
  },
  {
    kind: 'fire',
    level: 'emergency',
    pairs: [
      // an extinguisher begged in a hurry ("谁家有灭火器 借一下 快"), not one to look at or to buy
      {
        objects: ['灭火器'],
        symptoms: ['借', '谁家有', '谁有', '快拿', '拿下来', '拿过来', '送过来', '送下来', '拿来', '递'],
        within: [/快(?![递件乐过到])/, '急', '赶紧', '赶快', '马上', '速度', '救命'],
        span: 12,
        // (one to look at, to buy or to swap, anywhere in the message: "借一下 快过期了想看看")
        notInMessage: ['型号', '多少钱', '买', '过期', '换', '检查', '年检', '培训', '演练', '演习', '拍', '视频', '看看', '参考', '牌子', '规格'],
      },
      // … or fetched at once ("快拿灭火器 厨房", "拿灭火器来")
      {
        objects: ['灭火器'],
        symptoms: [/(?:快|赶紧|赶快|马上)(?:去)?拿|拿(?:个|几个|两个)?灭火器(?:来|过来|下来|上来)/],
        span: 12,
        notInMessage: ['型号', '多少钱', '买', '过期', '换', '检查', '年检', '培训', '演练', '演习', '拍', '视频', '看看', '参考', '牌子', '规格'],
      },
      // smoke told by what it does: a dark stairwell and eyes stung shut ("楼道里全是黑的 看不见人 呛得睁不开眼")
      {
        objects: [new RegExp(`呛得${W}{0,4}(?:睁不开|喘不上|喘不过|受不了|透不过|直咳|咳嗽|流泪|流眼泪)`)],
        symptoms: [/黑(?:的|乎乎|漆漆|压压|了|成)|一片黑|全是黑|看不见|看不清/],
        span: 30,
        notInMessage: HARMLESS_SMOKE,
      },
    ],
  },
  {
    kind: 'explosion',
    level: 'emergency',
    pairs: [
      // bangs in a row and smoke rising ("地下室那边连着响了好几声 … 一股烟往上涌"), not fireworks or thunder
      {
        // (or a bang again, the second: "又响了一声 第二次了 烟从地下室出来")
        objects: [/响了(?:好几|几|两三|两|三|一连串|一串)声|[砰嘭轰咚]{1,2}的?(?:好几|几|两|三)声|又(?:[砰嘭轰咚]的?)?响了(?:一声|一下)|第[二三四](?:次|声)(?:响|了)/],
        symptoms: [new RegExp(`一股(?:黑|白|浓)?烟|(?:有|冒|好多|一片)烟|烟${W}{0,2}(?:往上|往外)(?:涌|冒|窜|飘)|烟(?:从|在)${W}{0,5}(?:出来|冒出|涌出|往外)`)],
        span: 40,
        notInMessage: ['鞭炮', '烟花', '炮仗', '爆竹', '礼花', '婚', '开业', '过年', '除夕', '春节', '打雷', '雷声', /(?<![跟像])放炮(?!似的)/, '烧烤', '施工', '拆迁'],
      },
    ],
  },
  {
    kind: 'electric_shock',
    level: 'emergency',
    pairs: [
      // a thing said to be live and what it did to the one who touched it ("有电 刚一个大爷摸了一下被弹开坐地上了")
      {
        objects: [/(?<![没不])有电(?![了吗么没动瓶梯话视脑源车池费量])/, /(?<![没不])带电/],
        symptoms: ['被弹开', '弹开了', '弹出去', new RegExp(`(?:摸|碰|抓)了?一下${W}{0,4}(?:弹|倒|坐地|坐在地|麻|抽)`)],
        span: 30,
        notInMessage: ['静电'],
      },
      // someone on a live thing, told by how to pull them off ("先别拉他 拿木棍 电还没断")
      {
        objects: [/(?:拿|找|用)(?:根|个|一根)?(?:干)?(?:的)?(?:木棍|木棒|木头|竹竿|扫把|拖把|绝缘)/, /(?:别|不要|不能)(?:用手)?(?:去)?(?:拉|碰|拽|扶|摸)(?:他|她|人|孩子|小孩)/],
        // (or the wire to be lifted off them: "拿干木头把电线挑开")
        symptoms: [/电(?:还)?没(?:断|关|停|拉)|还(?:有|带)(?:着)?电|没断电|没拉闸/, new RegExp(`把${W}{0,3}(?:电线|线|电源线|插头)${W}{0,2}(?:挑|拨|推|弄|撬)开`)],
        span: 30,
      },
    ],
  },
  {
    kind: 'flying_wire',
    level: 'urgent',
    pairs: [
      // a lead run from a floor down to a yard with a bike still on it ("拖线板 从二楼一直拉到花坛 车还插着")
      {
        objects: STRIP,
        symptoms: [new RegExp(`[\\d一二三四五六七八九十]+楼${W}{0,4}(?:拉|拖|扯|吊|垂|甩|接)(?:到|下)`), '拉到', '拖到', '扯到'],
        within: [/车(?:子)?(?:还|都|也)?插着|插着(?:电动|电瓶)?车/],
        span: 24,
      },
      // a lead hung down low enough to touch ("四楼垂下来的 个子高点的人走过去头都能碰到"), not a washing line or a kite's
      {
        objects: [BARE_LINE, ...STRIP],
        symptoms: [/(?:垂|吊|耷拉|挂|掉|甩)下来/],
        within: [/头(?:都|就)?(?:能|会|要)?(?:碰|撞|刮|挂)/, /(?:碰|撞|刮)(?:到)?头/, /一(?:蹦|跳)就?(?:能)?(?:够|碰|摸)/, /伸手就?(?:能)?(?:够|碰|摸)/, /跳起来就?(?:能)?(?:够|碰|摸)/],
        span: 20,
        notInMessage: ['晾', '衣服', '被子', '风筝', '鱼线', '彩带', '彩灯', '灯笼', '横幅', '窗帘', '绳', '藤', '树枝', '头发'],
      },
    ],
  },
  {
    kind: 'ebike_indoors',
    level: 'urgent',
    pairs: [
      // the bike only called 车, pushed into the lobby and plugged in ("外卖小哥把车推进大堂插墙上充电了")
      {
        objects: [/车(?:子)?(?:直接|又|都)?(?:推|骑|扛|搬)(?:进|到|上)(?:了)?(?:大堂|门厅|大厅|楼道|走廊|电梯|单元(?:门)?里|楼里)/],
        symptoms: [/插(?:在)?(?:墙|插座|插排|电)|充电|充上|在充/],
        span: 24,
        notInMessage: ['婴儿车', '轮椅', '购物车', '推车', '自行车', '童车', '玩具车', '手机', '平板'],
      },
    ],
  },
  {
    kind: 'battery',
    level: 'urgent',
    // swollen and popping or hissing: about to burn ("充电宝发烫 鼓起来了 噗噗响")
    emergencyWith: [/(?:鼓|胀)[^。！？!?]{0,20}(?:噗噗|噗嗤|滋滋|嘶嘶|呲呲|咝咝|噼啪|啪啪|冒烟|冒泡|冒气)|(?:噗噗|噗嗤|滋滋|嘶嘶|呲呲|咝咝|噼啪)[^。！？!?]{0,20}(?:鼓|胀)/],
  },
  {
    kind: 'blocked_exit',
    level: 'urgent',
    pairs: [
      // a fire door wedged open with a brick or a block ("防火门被人用砖头抵着"), not a room's door
      {
        objects: ['防火门', '消防门', '安全门', '逃生门', '疏散门', '常闭门', '防烟门'],
        symptoms: [new RegExp(`(?:用|拿)${W}{0,4}(?:抵|顶|卡|塞|垫|楔|别|挡)(?:着|住|开)`), '抵着', '抵住', '卡着', '楔着', '用砖', '拿砖'],
        span: 16,
      },
    ],
  },
  {
    kind: 'water_electric',
    level: 'urgent',
    // the power room about to go under, a transformer box in water or bubbling ("配电房快淹了", "变电箱泡水里了 还在冒泡泡")
    emergencyWith: [/(?:配电房|配电室|配电间|电房|配电柜|变电箱|变电房|变电所|箱变|变压器|电井)[^，。！？,.!?\s]{0,3}(?:快|要|快要|马上|就要)(?:被)?(?:淹|泡)/,
      /(?:变电箱|变压器|箱变|变电房|变电所)[^，。！？,.!?\s]{0,4}(?:泡(?:在)?水|淹|进水)/, /(?:还在|一直|在)冒(?:气)?泡/],
  },
  {
    kind: 'high_throw',
    level: 'urgent',
    // a thing come down from on high ("刚有个啤酒瓶从天上砸下来"), not luck or weather; a cry to stop throwing, the whole of
    // its sentence ("楼上别扔了！！！", not "楼上别扔了 垃圾放门口就行")
    termGroups: [
      {
        terms: [new RegExp(`(?:从)?(?:天上|楼上|上面|高处|上头)${W}{0,3}(?:砸|扔|丢|甩)下来`)],
        notWith: ['馅饼', '好事', '礼物', '惊喜', '运气', '福利', '雨', '雪', '冰雹', '树叶', '鸟', '猫', '狗', '花瓣'],
      },
      { terms: [/楼上(?:的)?[^，。！？,.!?\s]{0,3}(?:别|不要|能不能别|不许|不准)(?:再)?(?:往下)?(?:扔|丢|抛)(?:了|啦|东西)?(?=\s*(?:$|[!！。]))/] },
    ],
  },
  {
    kind: 'cave_in',
    level: 'emergency',
    pairs: [
      // the ground split and a wheel sunk in it ("停车场地面裂开了 有辆车后轮陷下去了")
      {
        objects: ['地面', '路面', '地库', '停车场', '车道', '坡道', '地上'],
        symptoms: [/(?:轮|轮子|车)[^，。！？,.!?\s]{0,2}陷(?:下去|进去|进)/],
        within: ['裂', '塌', '陷'],
        span: 30,
      },
      // the ground dipped, hollow underneath and booming underfoot ("花坛旁边的地凹下去了 下面是空的 踩上去咚咚响")
      {
        objects: [/(?:地|地面|路面|地砖|草坪|草地|人行道)(?:突然)?(?:凹|陷|塌)(?:下去|进去|了)/],
        symptoms: [/(?:下面|底下|下边)(?:是)?空(?:的|了)/, /踩[^，。！？,.!?]{0,4}(?:咚咚|空空|空响|往下沉|发软)/],
        span: 30,
      },
    ],
  },

  // parts AL and AN (the estate's shared places, and time): water reaching a power room or a cabinet, a panel fizzing,
  // a strip afloat, a substation box's base under water
  {
    kind: 'water_electric',
    level: 'urgent',
    pairs: [
      // a substation box (箱变) or a strip in the water ("箱变底下全是水 没过底座", "岗亭的插线板漂起来了")
      { objects: ['箱变', '变电箱'], symptoms: ['全是水', '没过', '漫过', '淹', '泡', '进水', '积水', '水漫'], span: 16 },
      { objects: ['插排', '排插', '插线板', '接线板', '拖线板', '插座', '插头'], symptoms: [/漂(?:起来|着|在)/], span: 10 },
    ],
    // the water into the power room or a cabinet itself ("水已经漫到B1配电房", "水顺着墙流进控制柜"), or the wet electrics
    // fizzing ("柜里有滋滋声"), a strip afloat
    emergencyWith: [new RegExp(`(?:漫|淹|灌|流|进|渗)(?:到|进|入|了)${W}{0,6}(?:配电房|配电室|配电间|配电柜|电控柜|控制柜|电柜)`),
      /[吱滋]{2}(?:的|地)?声|滋啦|噼+[里哩]?啪+/, new RegExp(`(?:插排|排插|插线板|接线板|拖线板|插座)${W}{0,3}漂`)],
  },
  // a control cabinet crackling or smelling of burnt plastic ("电梯机房控制柜里噼噼啪啪的")
  {
    kind: 'electrical',
    level: 'emergency',
    pairs: [
      {
        objects: ['控制柜', '电控柜', '配电柜', '电柜', '电梯机房'],
        symptoms: ['火花', '冒火', /冒[白黑青浓灰]?烟/, '烧焦', '焦味', '糊味', /噼+[里哩]?啪+/, '滋滋', /[滋吱呲嗞][啦拉]/, /烧?(?:塑料|胶皮|橡胶)[的]?味/],
        span: 24,
      },
      // a lead's bare end scorched and still in use ("线头都烧黑了还在用")
      { objects: ['线头', '接线头'], symptoms: ['烧黑', '烧焦', '烧化', '熔化', '烧熔'], span: 12 },
    ],
  },
  // the ground sunk with a car in it, or sunk a measured depth ("路陷下去一个坑 车前轮掉进去了", "地面下陷约半米")
  {
    kind: 'cave_in',
    level: 'emergency',
    pairs: [
      {
        objects: [/(?:路|道|地|坪|场|面)(?:突然)?(?:陷|塌|沉)(?:下去|进去|下来)/, '下陷', '塌陷', '陷下去'],
        symptoms: [new RegExp(`(?:车|轮|轮子)${W}{0,3}(?:掉|陷|卡|栽)(?:进|下)`),
          /(?:约|大概|差不多|将近|有|了)?(?:半米|[一两二三1-9](?:\.\d)?米|[二三四五六七八九]十(?:几)?(?:公分|厘米)|[2-9]\d\s*(?:公分|厘米|cm))/],
        span: 24,
      },
    ],
  },
  // a drain grate stolen ("雨水篦子被人偷了"), a septic tank's slab open with no one by
  {
    kind: 'manhole',
    level: 'urgent',
    pairs: [
      {
        objects: ['篦子', '雨水篦', '雨篦', '水篦', '箅子', '雨水箅'],
        symptoms: ['被偷', '偷了', '偷走', '丢', '没了', '不见', '撬走', '撬了', new RegExp(`被${W}{0,3}(?:偷|盗|拿走|搬走)`), '碎', '断', '塌', '翘'],
        span: 16,
      },
      {
        objects: [/化粪池(?:的)?盖/],
        symptoms: [/打开|开着|敞开|掀开/],
        within: [/没(?:有)?(?:人(?:看|管|守)|围挡|围起来|警示|提示)/, /都?走了/, /就(?:走|去|跑)/],
        span: 30,
      },
    ],
  },
  // a fire shutter that cannot come down for what stands under it ("防火卷帘下面停了辆车 卷帘放不下来")
  {
    kind: 'blocked_exit',
    level: 'urgent',
    pairs: [
      {
        objects: ['防火卷帘', '防火帘'],
        // (what stands under it, not a shutter broken: "卷帘门坏了，放不下来" is a repair)
        symptoms: [new RegExp(`(?:下面|底下|下方|下边)${W}{0,5}(?:停|堆|放|摆|挡)(?:了|着)`)],
        span: 30,
      },
    ],
  },

  // a pressure vessel burst with someone still by it ("泵房压力罐爆了 值班师傅还在里面")
  {
    kind: 'explosion',
    level: 'emergency',
    pairs: [{ objects: ['压力罐', '储气罐', '压力容器', '锅炉', '气压罐', '空压机'], symptoms: ['爆了', '炸了', '爆炸', '炸开', '爆开', '炸裂'], span: 10 }],
  },
  // extinguishers carried home or used as weights, none left ("灭火器被拿回家压咸菜了 一个都没有")
  {
    kind: 'fire_equipment',
    level: 'urgent',
    removalIsHazard: true,
    pairs: [
      {
        objects: ['灭火器', '消防水带', '水带', '消防栓', '消火栓'],
        symptoms: [/(?:拿|搬|扛|带)(?:回|到)(?:家|屋)/, new RegExp(`拿(?:去|来)${W}{0,2}(?:压|垫|顶|当|抵)`), /一个(?:都|也)没(?:有|了|剩)/,
          // tied shut with wire or a chain ("消防栓的门被人用铁丝拧死了")
          new RegExp(`(?:铁丝|绳子|铁链|链子|扎带)${W}{0,2}(?:拧|绑|捆|缠|锁|扎)(?:死|住|上|牢)`), '拧死', '扯不开'],
        span: 30,
      },
      // a fire pump that will not start ("消防水泵打不起来 电机一动不动")
      { objects: ['消防泵', '消防水泵', '喷淋泵', '稳压泵'], symptoms: ['打不起来', '启不动', '不转', '一动不动', '起不来'], span: 24 },
    ],
  },
  // water running down a lift shaft or an electric riser ("水箱溢水 顺着电梯井往下流"), the lift fizzing in it
  {
    kind: 'water_electric',
    level: 'urgent',
    pairs: [{ objects: ['电梯井', '电井', '强电井', '电缆井'], symptoms: ['往下流', '往下淌', '往下灌', '往下渗', '往下漏'], span: 12 }],
  },
  // the ground of a way in use still sinking ("入口路面裂开了 还在一点点往下沉")
  {
    kind: 'cave_in',
    level: 'emergency',
    pairs: [
      {
        objects: ['路面', '地面', '车道', '坡道', '人行道', '停车场入口'],
        symptoms: [new RegExp(`(?:在|还在|一直在|一直)${W}{0,4}往下(?:沉|陷|塌)`)],
        span: 26,
      },
    ],
  },
  // a lead hung down from a window with its end burnt, or a strip run across a pavement ("那根线从窗口挂下来 线头烧黑了",
  // "又接上了 拖线板直接横过人行道")
  {
    kind: 'flying_wire',
    level: 'urgent',
    pairs: [
      { objects: [BARE_LINE, ...STRIP], symptoms: [/从(?:窗口|窗户|窗台|阳台|楼上)${W}{0,3}(?:挂|吊|拉|垂|放|甩)(?:下来|下去|到楼下)/], within: [/线头|插头|插排|插线板|拖线板|烧黑|烧焦|充电|充着|在充/], span: 24 },
      { objects: STRIP, symptoms: [new RegExp(`横(?:过|穿|跨|在)${W}{0,4}(?:人行道|马路|路面|路上|通道|过道|小路|路中间)`)], span: 20 },
    ],
    // the plug on the lead giving off heat like steam ("插头冒热气了"), a step from smoke
    emergencyWith: [new RegExp(`(?:插头|插座|插排|插线板|拖线板|接线板|充电器)${W}{0,3}冒(?:热气|白气|气)`)],
  },
  // wires left hanging over a pavement at head height, someone nearly caught ("几根线垂在人行道上面 差点挂到骑车的")
  {
    kind: 'exposed_wire',
    level: 'urgent',
    pairs: [
      {
        objects: [BARE_LINE, '电线', '电缆'],
        symptoms: [/(?:垂|吊|耷拉|挂)(?:在|到)(?:了)?(?:人行道|马路|路|过道|通道)/],
        within: [/(?:差点|险些|差一点)(?:就)?(?:挂|勾|绊|碰|缠)(?:到|住|着)/, /[一二两半\d](?:多)?米(?:多)?高/, '头顶', '骑车', '行人'],
        span: 40,
      },
    ],
  },
  // a thing loose outside high up, about to fall: banging in a typhoon over the parking, a pole caught by a hair ("防盗窗铁板
  // 一直在哐哐响 台风还没过 下面是车位", "晾衣杆挂在六楼窗外 就勾了一点点")
  {
    kind: 'collapse',
    level: 'urgent',
    pairs: [
      {
        objects: ['防盗窗', '铁板', '铁皮', '广告牌', '招牌', '晾衣杆', '晾衣架', '雨棚', '遮阳棚', '外机', '花盆', '玻璃', '窗框', '窗户', '彩钢瓦', '瓦片'],
        symptoms: [/(?:一直|不停地?|老是)(?:在)?(?:哐|咣|砰|啪|晃|响|扇)/, /[哐咣]{2}/, /(?:就|只)(?:勾|挂|卡|连)(?:了|着|住)(?:一点|一点点|一丁点|一下)/],
        within: ['台风', '大风', '刮风', '风很大', '风大', '下面是', '楼下', '底下', '车位', '停车', /[\d一二三四五六七八九十]+\s*(?:楼|层)/, '窗外', '窗户外'],
        span: 30,
      },
    ],
    // (people or work still on or under what is giving way: "工人还在上面"; a crack growing: "裂缝在变长")
    emergencyWith: [/(?:工人|师傅|有人|人)(?:都)?(?:还|正)在(?:上面|上头|架子上|下面|底下)/, new RegExp(`裂缝${W}{0,3}(?:在|还在|一直在|越来越)(?:变长|变宽|变大|扩大|延伸|长|宽|大)`)],
  },
  // a thing fallen again near people ("上次掉玻璃那个窗户今天又掉一块 离地面的人就一米")
  {
    kind: 'falling_object',
    level: 'emergency',
    pairs: [
      {
        objects: [/又掉(?:了)?(?:一块|一片|一个|一根|下来)|掉(?:玻璃|瓷砖|砖)/],
        symptoms: [new RegExp(`离${W}{0,6}(?:人|我|行人|小孩|孩子)${W}{0,2}(?:就|只有|才|不到|只)`)],
        span: 40,
      },
    ],
  },
  // a blade or a brick thrown down from high ("从高层往下扔菜刀")
  {
    kind: 'high_throw',
    level: 'urgent',
    emergencyWith: [/(?:扔|丢|抛|砸|甩)(?:下来|下去)?(?:了)?(?:一把|一块|个|一个)?(?:菜刀|刀|砖头|砖块|砖|石头|铁块|铁锤|锤子|哑铃|煤气罐)/],
  },

  // a bike pushed up to a high floor ("推着电动车要上18楼")
  {
    kind: 'ebike_indoors',
    level: 'urgent',
    pairs: [{ objects: ['电动车', '电瓶车', '电单车'], symptoms: [/(?:推|骑|扛|搬)?(?:上|到)(?:\d+|[二三四五六七八九十]+[一二三四五六七八九]?)(?:楼|层)/], within: [/推|骑|扛|搬|电梯/], span: 14 }],
  },
  // a stair barred or locked between floors ("步梯三楼到四楼之间被铁栅栏拦死并上锁")
  {
    kind: 'blocked_exit',
    level: 'urgent',
    pairs: [{ objects: ['步梯', '疏散楼梯', '消防楼梯', '楼梯间'], symptoms: [/拦死|封死|堵死|焊死|锁死|上锁|上了锁|挂了锁/], span: 30,
      // (its window sealed, not the way: "楼梯间的窗户封死了")
      notWith: ['窗'] }],
  },
  // a window glowing red after smoke was seen ("刚冒了点烟 现在窗户里已经红了")
  {
    kind: 'fire',
    level: 'emergency',
    pairs: [{ objects: [/窗(?:户|口|子)?(?:里|里面|内)/], symptoms: [/(?:已经|都|全|一片|通)红(?:了|的|透)/], span: 10, inMessage: ['烟', '火'], notInMessage: ['灯笼', '春联', '彩灯', '灯光', '夕阳', '晚霞', '太阳', '对联', '喜字'] }],
  },
];
