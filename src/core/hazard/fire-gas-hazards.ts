// Hazard rules of gas, fire, electrics and explosions (煤气味, 着火, 配电箱冒火花, 爆炸): what can kill within
// minutes, so every one is an emergency. Part of HAZARD_RULES (hazard-rules.ts), in this order.
import type { Term } from '../triage/urgency.ts';
import type { HazardRule } from './hazard-rules.ts';

/** Harmless smoke: where a message names one, loose smoke wording is not a fire ("有人烧纸 烟有点大"). */
const SMOKE_SOURCES = ['烧纸', '上坟', '祭祀', '烧烤', '烤串', '烟花', '鞭炮', '抽烟', '吸烟', '电子烟', '一口烟', '一大口', '艾灸', '蚊香', '做饭', '炒菜', '熏腊',
  // cooking at home, told by the dish or the hood ("做了红烧肉 厨房烟有点大 开了油烟机")
  '做菜', '烧菜', '红烧', '煎', '爆炒', '油烟机', '抽油烟', '排气扇',
  // smoking meat at home ("焗紧腊肠 烟好大")
  '腊肠', '腊肉', '熏肉', '炭炉',
  // incense and offerings burnt at a door or a shrine ("阿婆在门口烧香祭祖 烟有点大")
  '烧香', '上香', '祭祖', '拜神', '拜佛', '香火', '纸钱', '元宝'];

/** What makes fire words something else in their clause: cooking, smoking, fireworks, figures of speech, sleep. */
const FIRE_NOT_WITH: readonly Term[] = [
  // a child at play ("玩消防车玩具一直喊着火啦", "过家家假装着火了"), or shouting fire with a toy or in a game (not a fire
  // while playing a game: "孩子玩游戏的时候插排着火了")
  /(?:玩|扮|演)[^，。！？,.!?]{0,8}(?:玩具|过家家)/, '过家家', '假装', '装作',
  /(?:玩具|游戏)[^，。！？,.!?]{0,12}喊(?:着)?(?:着火|救火)|喊(?:着)?(?:着火|救火)[^，。！？,.!?]{0,12}(?:玩具|游戏)/,
  // (a barbecue shop is a place: "烧烤店油烟机着火了")
  /烧烤(?![店摊铺馆档])/, '抽烟', '吸烟', '香烟', /(?<![冒有了一些出带])点(?:了)?(?:根|支|个)?烟/, '烟花', '鞭炮', '炒菜', /炒(?!锅着)/, /油烟(?!机|管|道|罩)/, '火锅', '嗓子', '气得', '气死', '收汁', '做饭', '蚊香', '火烧云', '烧香', '熬', '煮', '炖', '睡着', '急着', '火车', '烟火', '热得', '热死', '太热', '天热', '烟瘾', /烤(?![肉串鸭鱼]?[店摊铺馆档])/, '香得', '好香', '找着', '用不着', '等着', '烧纸', '上坟', '祭祀',
  // gossip "on fire" ("这个瓜着火了 全网都在吃")
  /(?:这个|那个|这|那|大|吃)瓜(?!子)/,
  // a scene staged on a stage or a set ('那段着火的戏是道具吧')
  '道具', '特效', '拍戏', '剧组', '小品', /(?:的|那段|这段|那场|这场)戏/,
  // a fire that nearly happened ("去年就差点烧起来"), not one that is burning
  /(?:差点|差一点|险些|幸好没|还好没)(?:就|要)?(?:烧起来|着火|起火|着了|烧着|点着)/];

/** Words in a gas match's clause that make it something else (车胎漏气, 燃气费, 烟感). */
/** Carbon monoxide named, not told as a fact of knowledge ("一氧化碳是无色无味的", "一氧化碳中毒是没有味道的"). */
const CO_KNOWLEDGE_AFTER = '(?![^，。！？,.!?]{0,6}(?:没有?味|无色|无味|没味|闻不到|闻不出))';
const CO_NAMED_NOT_KNOWLEDGE = new RegExp(`一氧化碳${CO_KNOWLEDGE_AFTER}`);
const CO_NAMED_NOT_KNOWLEDGE_POISONING = new RegExp(`一氧化碳中毒${CO_KNOWLEDGE_AFTER}`);
const GAS_NOT_WITH: readonly Term[] = ['轮胎', '车胎', '胎', '气球', '球', '床垫', '打气', '充气', '气垫', '泳圈', '气管炎', '支气管', '油烟', '燃气费', '气费', '缴费', '下水道', '化粪池', '油漆', '甲醛', '烟雾报警', '烟感',
  // a nose made keen by a poisoning long ago ("小时候煤气中毒过 所以现在对味道特别敏感")
  '敏感'];

export const FIRE_GAS_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'gas_leak',
    level: 'emergency',
    labelZh: '疑似燃气泄漏',
    category: 'utilities',
    terms: ['煤气味', '燃气味', '天然气味', '液化气味', '臭鸡蛋味',
 /(?:燃气|煤气|可燃气体?)报警器[^，。！？,.!?没不未别]{0,4}(?:响|叫|报警|鸣)/, '燃气泄漏', '燃气泄露'],
    pairs: [
      {
        objects: ['燃气', '煤气', '天然气', '液化气', '石油气', '沼气', '气罐', '钢瓶', '灶', '气表', '气管', '阀门', '热水器', '壁挂炉', '气瓶', '调压', '减压阀', '气阀', '立管', '总阀', /(?:没|忘了?|未)关(?:好)?气/],
        symptoms: [/漏(?![水雨])/, '泄', '味', '臭', '呛', '刺鼻', '冲鼻', /[嘶呲丝滋嗤哧咝]{2}/, '冒气', /破(?!费)/, '裂', '断了', '喷气', '往外喷', '呼呼', '跑气', '窜气', '闻到', '晕', '出气', '气出来', '气一直',
          // gas still flowing, a loose joint, frost or bubbles on it, a single hiss, left on
          '还有气', '屋子气', '有气出', /(?:接头|接口|螺母|卡箍|软管|管子|阀)[^，。！？,.!?]{0,3}(?:松|脱)/, '脱落', '往外冒', '结霜', '冒泡', '泡泡', '起泡', /[嘶呲咝哧嗤]/,
          // (not the question "关没关")
          /(?<!关)没关/, '忘了关', '忘关'],
        span: 24,
      },
      // a gas tap or valve that will not close while gas flows ("阀门关不上了，气一直在出")
      {
        objects: ['阀门', '气阀', '总阀', '旋钮', '灶', '开关'],
        symptoms: ['关不上', '关不掉', '关不住', '关不了', '拧不紧', '拧不上', '拧不动'],
        within: ['燃气', '煤气', '天然气', '液化气', '灶', /[出冒漏跑]气|气(?:一直|还在|出来)/, '味'],
        span: 16,
      },
      // a hiss and a smell together in a kitchen or by a pipe, with no gas named ("厨房那个管子那里有滋滋的声音味道蛮大的"),
      // not a sizzle while cooking
      {
        objects: [/[嘶呲丝滋嗤哧咝]{2}/],
        symptoms: ['味'],
        // (a pipe, not 管理; a gas meter, not an electricity meter's box)
        within: ['厨房', /管(?![理家事])/, '灶', '气表', '燃气表', '阀'],
        span: 20,
        notInMessage: ['油', '煎', '炒', '炸', '烤', '香', '肉', '菜', '锅'],
      },
      // a smell where people live and people feeling it, with no gas named ("一进门就头晕 一股怪味 孩子也头疼")
      {
        objects: ['头晕', '犯晕', '发晕', '头疼', '头痛'],
        symptoms: ['怪味', '异味', '一股味', '刺鼻', '怪怪的味'],
        within: ['进门', '进屋', '一进', '单元', '屋里', '家里', '楼道', '房间', '厨房', '卫生间'],
        notInMessage: ['吃', '喝', '外卖', '晕车', '感冒', '发烧', '装修', '甲醛', '油漆', '下水道', '垃圾', '香水', '酒', '烟味', '新买', '家具', '沙发', '新房', '消毒', '杀虫'],
        span: 24,
      },
      // a smell that persists or grows, a gas word anywhere near ("是不是煤气? 这味一个多小时了 越来越重"): the guess
      // about its cause may be put as a hypothetical, the smell itself is not
      {
        // (the rarer words are the objects: every sentence with an object is read further)
        objects: [/越来越(?:浓|重|大|冲|明显|呛)/, /(?:半个?多?|一个多|两个多|好几个|几个)小时/, '一整天', '一上午', '一下午', '一晚上', '散不掉', '散不去', '一直不散'],
        symptoms: [/(?:气)?味(?:道|儿)?/],
        within: ['燃气', '煤气', '天然气', '液化气', '气罐', '灶', '漏气'],
        notInMessage: ['做饭', '炒菜', '做菜', '炖', '煮', '熬', '烤', '香', '油漆', '装修', '甲醛', '下水道', '化粪池', '垃圾', '烟味'],
        span: 20,
      },
      // a rotten-egg smell told by likeness ("有点臭鸡蛋那种味", "像臭鸡蛋一样的气味")
      { objects: ['臭鸡蛋'], symptoms: ['味'], span: 9 },
      // an alarm sounding where gas is used, or with a smell ("报警器滴滴响，厨房有股味道")
      { objects: ['报警器', '报警'], symptoms: ['响', '叫', '鸣', '滴滴'], within: ['厨房', '灶', '味', '燃气', '煤气', '天然气'], span: 16 },
      // a loud hiss and a sharp smell together, no gas word near ("灰色铁箱子那里一股刺鼻的味道 还有嘶嘶声"): a pressure box or a
      // buried main leaking outdoors
      {
        objects: [/[嘶呲咝哧嗤]{2}/],
        symptoms: ['刺鼻', '冲鼻', '臭鸡蛋', '怪味', '异味', /一股[^，。！？,.!?\s]{0,4}味/],
        span: 40,
        notInMessage: ['轮胎', '车胎', '气球', '电瓶', '电池', '高压锅', '油锅', '烧水', '水壶', '蛇', '猫', '空调'],
      },
      // the warnings given at a leak (别点火, 别打电话) beside gas rushing out of a broken pipe ("管子挖断了 气呼呼往外冒")
      {
        objects: [/(?:别|不要|不能|不准|严禁)(?:点火|打火|动火|用明火|开灯|开关灯|按门铃|打电话|用手机|抽烟)/],
        symptoms: ['往外冒', '往外喷', '冒气', '喷气', '呼呼', /[嘶呲咝哧嗤]{2}/, '挖断', '挖破', '挖穿'],
        span: 40,
      },
    ],
    notWith: GAS_NOT_WITH,
    termGroups: [
      // 漏气 alone: a tyre or a toy named anywhere in the message makes it theirs ("轮胎扎了个钉，嘶嘶漏气")
      { terms: ['漏气'], notWith: GAS_NOT_WITH, notInMessage: ['轮胎', '车胎', '爆胎', '胎压', '气球', '泳圈', '游泳圈', '气垫', '充气床', '皮球', '篮球', '足球'] },
    ],
  },
  {
    // carbon monoxide: its alert says poisoning (call 120, open the windows), not a leak for the gas company
    kind: 'carbon_monoxide',
    level: 'emergency',
    labelZh: '疑似一氧化碳中毒',
    category: 'utilities',
    // (not carbon monoxide told as a fact of knowledge: "一氧化碳中毒是没有味道的", "一氧化碳无色无味")
    terms: ['煤气中毒', CO_NAMED_NOT_KNOWLEDGE_POISONING],
    pairs: [
      // carbon monoxide from a coal or charcoal fire indoors, told by how people feel ("烧煤炉子 人叫不醒")
      {
        // (or a water heater with no flue, 直排, in a bathroom: "热水器是直排的 … 洗完出来就吐了")
        objects: ['煤炉', '蜂窝煤', '煤球', '炭盆', '炭火', '火盆', '煤烟', '烧炭', '炉子', '直排'],
        symptoms: ['晕', '头疼', '头痛', '想吐', '恶心', '呕吐', '叫不醒', '迷糊', '没反应', '昏', '不醒', '煤烟味', CO_NAMED_NOT_KNOWLEDGE, '喘不上气', '站不稳', /吐(?:了|得)/,
          // a household that does not come out or answer, seen lying inside ("敲门不开 窗户里看见人躺在床上")
          /敲门(?:都|也)?(?:不开|没人(?:开|应)|不应)/, /(?:看见|看到)[^，。！？,.!?\s]{0,3}(?:人)?躺(?:在|着)/],
        span: 30,
      },
      // a gas water heater or boiler burning and people dizzy, sick or fainting ("燃气热水器洗澡时间长了，人头晕乏力"); the gas
      // rule reads the same words as a leak, and gives way to this one when no smell or hiss says gas escapes (detect-hazard.ts)
      {
        objects: ['热水器', '壁挂炉', '燃气炉', '采暖炉'],
        symptoms: ['晕', '想吐', '恶心', '呕吐', '叫不醒', '不醒', '没反应', '站不稳', '昏', '迷糊', '喘不上气'],
        span: 30,
      },
    ],
    notWith: GAS_NOT_WITH,
  },
  // a battery that bangs, smokes or burns: named before the sparking appliance and the fire it also is, so the alert says
  // what burns (a lithium fire is fought otherwise); the battery told first, its smoke or bang after it in the clause
  {
    kind: 'battery_fire',
    level: 'emergency',
    labelZh: '电池冒烟/起火',
    category: 'fire_safety',
    terms: [/(?:电池|电瓶|锂电|充电宝|电芯)[^，。！？,.!?；;]{0,8}(?:冒[白黑青浓灰]?烟|冒火|起火|着火|着了|烧起来|烧着|火苗|爆炸|爆了|炸了|炸开|炸了一声|[砰嘭轰]的?一声)/],
    notWith: ['回收', '演示', '实验', '视频', '新闻'],
  },
  {
    kind: 'electrical',
    level: 'emergency',
    labelZh: '电器打火/冒烟',
    category: 'fire_safety',
    terms: ['冒火花', '电火花', '火星子', '打火花', '冒火星'],
    pairs: [
      {
        objects: [
          '配电箱', '电表箱', '电箱', '电闸', '闸刀', '开关', '插座', '插排', '排插', '插线排', '插线板', '接线板', '电线', '电缆', '线路', '变压器',
          '充电器', '充电桩', '电瓶', '电池', '电动车', '电瓶车', '空调', '外机', '电器', '电表', '配电房', '配电室', '配电间', '电房', '电井', '电路', '保险丝', '灯', '插头', '线盒', '电线盒', '接线盒',
          // a breaker that trips and a wire in the wall ("空开一直跳 合上去就一股烧胶皮味")
          '空开', '断路器', '漏保', /墙(?:里|内)的?线/,
        ],
        symptoms: ['火花', '火星', '冒火', /打火(?!机)/, /冒[白黑青浓灰]?烟/, '烧焦', '焦味', '糊味', '烧黑', '烧断', '烧熔', '噼啪', '噼里啪啦', '啪啪', '滋滋', '烧化', '熔化', '融化', '火光', /烧?(?:塑料|胶皮|橡胶)[的]?味/, '发烫冒', '冒烟',
          /[滋吱呲嗞][啦拉]/, '蓝光', '电弧', '闪光', '闪火', /有烟(?![味头瘾])/, '烟出来', '出烟'],
        // a sound in one clause and the burning smell in the next ("配电房里嗡嗡响 还有股烧胶皮的味道")
        span: 22,
      },
    ],
    notWith: ['打火机', '火星人'],
  },
  {
    kind: 'fire',
    level: 'emergency',
    labelZh: '疑似火情',
    category: 'fire_safety',
    terms: [
      '着火', '起火', '失火', '火灾', '火情', '火警', '走水',
      // fire seen in a room or from outside ("房间里有火", "从楼下能看到火"): not 火锅, 火车, 火腿
      /有(?<=(?:屋|房间|房|家|楼道|走廊|厨房|阳台|车库|地库|窗户?|店)(?:里|内|口)?(?:面|头)?有)(?:明)?火(?![锅车腿气柴机候把星红影灾险种源炉具力辣热花龙山])/,
      /(?:看到|看见|见到)(?:了)?(?:有)?(?:明)?火(?=[\s，。！？,.!?~啊了呀啦苗光]|$)/,
      // fire coming out of a room or a flat ("1102家里冒火", "窗户往外冒火"), not a temper (气得冒火)
      // (or a roof, a garage or a shop: "2号楼天台在冒火")
      /(?:家|屋|房间|厨房|楼道|走廊|窗户?|阳台|门缝|室|天台|楼顶|顶楼|屋顶|车库|地库|仓库|店|铺)(?:里|内|口|上)?(?:面)?(?:往外|一直|在)?冒火/, '烧起来', '烧着了', '着起来', '明火',
      '火光', '火势', '蹿火', '窜火',
      /冒[白黑青浓灰]?烟/, '浓烟', '黑烟', /在烧(?![水饭菜香烤纸开腊肉鱼鸡鸭排汤茶粥虾蛋面]|落叶|树叶|枯叶|秸秆)/, '着咗', '燃起来', /[全都]是烟(?![灰头蒂屁味])/, '一场大火', '火烧起来', '烧东西', /(?:全是|都是|一片)火(?=[\s，。！？,.!?~啊了呀啦]|$)/, '火很大', '火好大', '火越来越大',
    ],
    pairs: [
      { objects: [/烟(?![味头瘾民草酒花火]|雾报警|雾探测|感)/], symptoms: ['冒', /(?<!抽油)喷/, '呛得', '呛死', '滚滚', '弥漫', '熏得', '窜', '大', '浓', '好多', '很多'], span: 6, notInMessage: SMOKE_SOURCES },
      // smoke where people live ("楼道里有烟", "门缝里烟出来")
      {
        objects: ['楼道', '楼梯', '走廊', '屋里', '房间', '窗户', '窗口', '家里', '车库', '地库', '电梯', '门缝', '厨房', '阳台'],
        // (or smoke rising: "楼梯间起烟了")
        symptoms: [/有烟(?![味头瘾])/, '烟出来', '出烟', '往外冒', '喷烟', '冒出烟', '红光', /起(?:了)?烟/],
        span: 8,
        notInMessage: SMOKE_SOURCES,
      },
      {
        objects: ['烟头', '垃圾桶', '垃圾', '草', '树叶', '窗帘', '被子', '沙发', '纸箱', '纸壳', '杂物', '车', '房子', '屋', '油烟机', '油锅', '锅里', '灶上', '电暖器', '取暖器'],
        symptoms: ['烧着', '烧起', '燃了', '引燃', '点着了', '着起', '烧了起来', '着了', '着火'],
      },
      // smoke or a burning smell coming out under a door or through a gap ("门缝里一股烟味")
      { objects: ['门缝', '门底下', '门底', '窗缝'], symptoms: [/烟(?![感头瘾])/, '焦味', '糊味', '烧焦'], span: 16, notInMessage: SMOKE_SOURCES },
      // fire emoji with a place and a call to look or run ("🔥🔥5栋顶楼🔥 快看")
      {
        objects: ['🔥'],
        symptoms: [/\d+\s*(?:栋|号楼|幢|单元|楼|层)/, '顶楼', '楼上', '楼下', '阳台', '窗户', '楼道', '车库', '地库'],
        within: ['快看', '快来', '快跑', '救命', '119', '赶紧', '快打', '报警'],
        // 🔥 is also "hot" for a shop, a deal or a sunset
        notInMessage: ['新开', '开业', '优惠', '团购', '特价', '好吃', '好喝', '奶茶', '火爆', '热销', '爆款', '秒杀', '活动', '接龙', '晚霞', '夕阳', '火烧云', '日落', '烟花'],
        span: 14,
      },
      // three fire emoji or more and a place, nothing else said ("🔥🔥🔥2号楼5楼"): the same, the call to look left out
      {
        objects: [/(?:🔥\s*){3,}/],
        symptoms: [/\d+\s*(?:栋|号楼|幢|单元|楼|层)/, '顶楼', '楼上', '楼下', '阳台', '窗户', '楼道', '车库', '地库'],
        notInMessage: ['新开', '开业', '优惠', '团购', '特价', '好吃', '好喝', '奶茶', '火爆', '热销', '爆款', '秒杀', '活动', '接龙', '晚霞', '夕阳', '火烧云', '日落', '烟花', '好看', '漂亮', '帅', '厉害', '牛', '绝了', '赞', '👍', '😂', '🤣', '哈'],
        span: 14,
      },
      // a smoke or fire alarm sounding (a test is a drill marker; a low battery's chirp is not smoke)
      // (not a call button handed out with it: "免费领取烟感和紧急呼叫器")
      // (nor one that will not sound: "烟感闪着灯就是不响" is the detector dead, fire equipment)
      { objects: ['烟感', '烟雾报警', '火灾报警', '消防报警', '消防警报', '火警铃', '警铃'], symptoms: [/(?<!不)响/, /(?<!呼)叫/, '鸣', '滴滴'], span: 12, notInMessage: ['没电', '电池', '低电量', '电量低',
        // its harmless cause told: cooking, smoking, steam ("烟感响是因为我在煎牛排", "是我炒辣椒呛的")
        /(?:因为|是)[^，。！？,.!?]{0,4}(?:煎|炒|做饭|做菜|烧菜|烤|炸|抽烟|蒸汽|水汽|洗澡|油烟)/] },
      // a glow that flickers or grows ("窗户里红光一闪一闪 越来越亮"): fire seen before any smoke or flame is named
      {
        objects: ['红光', '火光', '橙光', '红彤彤的光'],
        symptoms: ['越来越亮', '越来越大', '越来越红', '往上窜', '往上蹿', '往外窜', '一闪一闪', '忽明忽暗', '窜'],
        span: 16,
        notInMessage: ['晚霞', '夕阳', '火烧云', '日落', '烟花', '灯', '警车', '霓虹', '广告', '屏'],
      },
      // a place that "着了" (caught fire): 小卖部着了; 睡着了 and 找着了 are excluded by notWith or too far
      { objects: ['店', '铺', '部', '房', '库', '楼下', '楼上', '隔壁', '对面', '家里', '屋里'], symptoms: ['着了', '着起来了'], span: 5 },
      // smoke rising in puffs from a home ("对面楼五楼阳台 … 烟一股一股往上飘"), not a chimney or a stick of incense
      {
        objects: [/烟(?![味头瘾民草酒花火囱]|雾报警|雾探测|感)/],
        symptoms: ['一股一股', '一阵一阵', '往上飘', '往外飘', '飘出来'],
        within: ['阳台', '窗', '楼', '屋', '房间', '家里', '车库', '楼道'],
        span: 8,
        notInMessage: [...SMOKE_SOURCES, '烟囱', '炊烟', '香火', '烧香', '上香', '工厂', '化工厂'],
      },
    ],
    termGroups: [
      // a flame that leaps (not a stove's by its colour: "灶的火苗发黄不是蓝色的"), unless a lighter's or a candle's
      // ("打火机火苗窜得老高", "我用打火机点烟 火苗窜了一下")
      {
        terms: [/火苗(?<![黄蓝红]色的?火苗)(?<!(?:打火机|火机|蜡烛|烛|喷枪)的?火苗)(?![^，。！？,.!?\s]{0,4}(?:[黄蓝红]色|发[黄蓝红]|偏[黄蓝红]))/],
        notWith: FIRE_NOT_WITH,
        notInMessage: [/(?<![冒有了一些出带])点(?:了)?(?:根|支|个)?烟/, '蜡烛', '生日', '烛台'],
      },
      // fireworks that set something else alight or blast into people ("烟花纸屑烧起来了 … 楼下晾的衣服也着了", "楼道里那堆鞭炮
      // 叫娃点了 往人身上蹦"): fireworks in the clause (FIRE_NOT_WITH) make only their own smoke harmless
      {
        terms: [/(?:鞭炮|炮仗|爆竹|烟花|二踢脚|窜天猴|礼花)[^。！？!?]{0,8}(?:纸屑|碎屑|火星)[^，。！？,.!?\s]{0,3}(?:烧起来|着了|引燃|烧着)/,
          /(?:衣服|被子|被褥|窗帘|纸箱|杂物|柴火|草垛)[^，。！？,.!?\s]{0,2}(?:也|都)(?:着了|烧起来了|烧着了)/,
          /(?:鞭炮|炮仗|爆竹|烟花|二踢脚|窜天猴|礼花)[^。！？!?]{0,16}(?:往|朝)人(?:身上|脸上|堆里)(?:蹦|崩|飞|窜|炸)/],
        notWith: ['差点', '差一点', '险些', '幸好', '还好'],
      },
      // a burnt smell alone: a fire, unless the message says what got burnt in the kitchen ("蛋糕烤焦了 一股糊味")
      {
        terms: ['烧焦', '焦糊', '焦味', '糊味'],
        notWith: FIRE_NOT_WITH,
        notInMessage: [/(?:烤|烧|煮|煎|炒|熬|炖|蒸|焖|烙|做|热)(?:得|的)?[^，。！？,.!?\s]{0,2}(?:焦|糊)(?:了|掉)/, /(?:饭|菜|锅|蛋糕|面包|饼|粥|汤|肉|牛奶|奶|吐司|披萨)(?:都|又|全)?(?:焦|糊)(?:了|掉)/],
      },
      // furnishings set alight, whatever lit them ("蚊香把床单引燃了"): FIRE_NOT_WITH (烧香, 蚊香, 做饭) names harmless
      // smoke, not a curtain on fire
      {
        terms: [/把(?:[^，。！？,.!?\s]{0,3}的)?(?:窗帘|帘子|门帘|被子|被褥|床单|床垫|床|沙发|衣服|衣柜|柜子|桌子|桌布|纸箱|杂物|家具|蚊帐|地毯|头发)[^，。！？,.!?\s]{0,2}(?:点着|烧着|引燃|燎着|烧起来|烧了起来|着火)/],
        notWith: ['差点', '差一点', '险些', '幸好', '还好'],
      },
    ],
    notWith: FIRE_NOT_WITH,
  },
  {
    kind: 'explosion',
    level: 'emergency',
    labelZh: '疑似爆炸',
    category: 'fire_safety',
    // (or someone hurt by a blast: "老板的手炸伤了")
    terms: ['爆炸', '爆燃', '炸飞', /(?:手|脸|眼睛?|腿|胳膊)(?:被|给)?炸(?:伤|破|断|烂)/, /(?:玻璃|窗户?|窗框|窗|门)[^，。！？,.!?]{0,3}(?:都|全)?(?:被)?(?:炸|震)(?:碎|飞|烂|掉|裂|坏|变形|下来)/],
    pairs: [
      {
        // (a car counted: "一辆车爆了")
        objects: ['煤气罐', '气罐', '钢瓶', '丁烷', '卡式炉', '喷雾罐', '电瓶', '电池', '电动车', '电瓶车', '锅炉', '热水器', '高压锅', '变压器', '液化气', '燃气', '充电', /[一这那]辆(?:车|汽车|小车|电车)/],
        symptoms: ['炸了', '炸开', '爆了', '炸裂'],
      },
      // a septic tank or a drain blown open, a firework thrown in ("化粪池炸了 盖子掀起来好几米"), not a temper (我要炸了)
      {
        objects: ['化粪池', '窨井', '下水道', '下水井', '污水井', '雨水井', '沼气池', '井盖'],
        // (not a drain that "burst" with sewage: "下水道爆了 污水漫出来")
        symptoms: [/(?<![要快我])(?:炸了|炸开|炸飞|崩飞)/, /(?:盖子|井盖)[^，。！？,.!?\s]{0,3}(?:掀|崩|炸|飞)(?:起来|飞|开|上天)/],
        notInMessage: ['污水', '粪水', '返水', '反水', '堵', '漫出', '冒水', '溢'],
        span: 20,
      },
      // a bang with damage or smoke ("轰的一声 窗户都碎了 有烟")
      // something went off, told by the smoke or the glass it left ("啥东西炸了 楼下一片烟 窗玻璃都裂开了")
      {
        // (or went off again, the fire grown since: "又爆了一声 还是那家 火比刚才大了")
        objects: ['炸了', '炸开了', '炸掉了', /(?:又|再)(?:爆|炸)了/],
        symptoms: [/火(?:更|比[^，。！？,.!?]{0,5}|越来越)大/, /一片(?:烟|火)/, /[全都]是[^，。！？,.!?\s]{0,3}烟(?![灰头蒂屁味])/, '冒烟', '浓烟', '黑烟', '震碎', /玻璃[^，。！？,.!?]{0,3}(?:碎|裂)/, '巨响', '声音好大', '声音很大', '声音老响'],
        span: 30,
        // frying, fireworks and harmless smoke ("锅里炸了点花生 厨房全是烟")
        notInMessage: [...SMOKE_SOURCES, '油锅', '下锅', '炸鸡', '炸串', '炸花生', '炸丸子', '炸油条', '炸薯条', '炸鱼', '炸酱', '炸肉', '炸年糕', '炸带鱼', '炸物', '礼炮', '炮仗', '油炸', '煎炸',
          // a phone screen, a pipe, a tyre or a glass that "burst" ("手机屏幕炸了 玻璃都碎了")
          '手机', '屏幕', '水管', '轮胎', '车胎', '气球', '杯'],
      },
      // fireworks stored indoors set alight by accident and going off, or the way out shut by them ("楼道里堆的鞭炮被烟头点了
      // 还在炸 门口出不去"), not fireworks let off for a festival
      {
        objects: ['鞭炮', '烟花', '炮仗', '爆竹', '礼花'],
        symptoms: [/(?:被|给)[^，。！？,.!?\s]{0,6}(?:点|引)(?:着|燃)?了/, '引燃', '烧起来', '着火', '着了火'],
        within: ['堆', '箱', '仓库', '车库', '楼道', '走廊', '屋里', '家里', '地下室', '储藏室'],
        span: 40,
      },
      { objects: [/[轰嘭砰咣哐嘣][的地]?一(?:声|下)/, '巨响'], symptoms: ['炸', '爆了', /[全都]是[^，。！？,.!?\s]{0,3}烟(?![灰头蒂屁味])/, '震碎', /震(?:掉|裂|塌|歪|坏|开|变形)/, '碎了', '冒烟', '有烟', '起火', '着火', '有火', '火光', '冒火', '火苗'], span: 24 },
    ],
    notWith: ['信息爆炸', '爆炸性', '爆炸头', '爆款', '气炸', '火锅', '轮胎', '车胎', '爆胎', '气球', '爆米花', /(?:我|人|心态|脑子|头|脑袋|肺)(?:整个人|都|真|快|要|真的|简直|是|系|真系|原地)*爆炸/,
      // a thing that "explodes" only in talk: homework, a group chat, one's phone or mood ("作业爆炸了", "群里消息炸了")
      /(?:作业|工作|消息|微信|订单|心情|情绪|大脑|肚子|内存|邮箱|信息|评论|热度|人气)[^，。！？,.!?]{0,3}(?:爆炸|炸了)/],
  },
];
