// What makes a hazard word not a hazard here and now: a drill, news from elsewhere, a hypothetical, a rule being
// quoted, a danger already over. Each is scoped (message, sentence or clause) so that one sentence of news does not
// hide a real report in the next; and a strong present-tense sign in the danger's own clause (我们楼, 现在, 快来)
// keeps it, since a missed gas leak is worse than a needless alert.
import { mentionsAny } from '../triage/term-matcher.ts';
import type { Term } from '../triage/urgency.ts';
import type { HazardRule } from './hazard-rules.ts';

/** Anywhere in the message: a drill, training or lesson ("明天消防演练，模拟着火"). */
export const DRILL_MARKERS: readonly Term[] = [
  // a campaign announced ("开展高空抛物专项整治")
  '专项整治', '集中整治', '专项行动', '整治行动',
  // an inspection planned ("检查计划：下周逐栋排查楼道堆物、飞线")
  /(?:检查|排查|巡查|整治)(?:计划|安排|方案)/, '逐栋排查', '逐户排查',
  // the findings listed with a deadline to put them right ("【整改清单】…6栋飞线充电… 请于15日前整改完毕")
  '整改清单', /(?:请|限)(?:于)?[^，。！？,.!?]{0,10}(?:前|内)(?:完成)?整改/,
  // practice with the extinguishers ("楼下冒的烟是在练灭火器", "保安队今天练灭火器 烧了个油盆")
  /练(?:习)?(?:用|使用|一下|下)?灭火器/,
  '演练', '演习', '模拟',
  // the fire brigade showing how an extinguisher is used ("冒白烟那个是消防队在演示灭火器")
  '演示', /示范(?!区|岗|校|点|单位|户|楼|小区)/, '培训', '讲座', '科普', '安全知识', '温馨提示', '宣传', '知识竞赛', '应急预案', '逃生知识', '教大家', '学了', '课上', '安全教育', '安检', '来讲', '讲解', '邀请',
  // (not a test button that does nothing: "烟感按了测试键也没反应" is a detector dead)
  /测试(?!(?:按钮|按键|键|钮)[^，。！？,.!?]{0,4}(?:没|不))/, '试响', '年检', '届时', /(?<!@\s?)维保(?<!(?:叫|喊|找|联系|通知|打给|请)(?:一下|下)?维保)(?![^，。！？,.!?\s]{0,4}(?:已|正)?(?:在路上|赶来|赶过来|在赶)|(?:速|尽快|马上|赶紧|立即|立刻)(?:到|来|过来|赶到|到场)|公司|单位|的?电话|的?(?:人|师傅)?(?:还|都|也)?没(?:来|到)|(?:那边)?说(?!明)|(?:还)?(?:要|得)[^，。！？,.!?\s]{0,4}(?:分钟|小时)|(?:到|走到)哪(?:了|儿了|里了))/, '安全提示', '安全提醒', '学一下', '倡议',
  // a tip opening the message, telling what not to do ("提示：锂电池请勿长时间充电…发现鼓包请停止使用"), with nothing told as
  // now and no smell, smoke or fire in it ("提示：楼道有煤气味 请勿开灯" is a report)
  /^[\s【\[]*(?:温馨|安全|重要|友情|特别)?提示[】\]]*[:：](?=[^]*(?:请勿|切勿|严禁|禁止|请停止|请及时))(?![^]*(?:现在|刚|正在|快来|已经|味|烟|火|漏|响|困|倒))/,
  // a works notice telling residents what to expect ("管道改造期间有轻微气味属正常")
  '属正常', '属于正常', '正常现象',
  // the gas company's planned purging of a main, the smell explained ("是燃气公司在做管道置换放散")
  '放散', /置换(?:通气|作业|施工)/,
  // a formal notice's own words ("即日起严禁…", "物业将予以剪除", "感谢配合"), never an alarm's
  '即日起', '予以', '特此',
  // an inspection announced for a day to come ("周四消防检查 物业要挨家挨户看"), not one that found something ("安全检查时
  // 发现") nor one gone by ("上次消防检查清过一次 现在又堆回来了")
  /(?:明天|后天|周[一二三四五六日天末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|下周|本周|这周|月底|近期|将于|即将|\d+(?:号|日))[^，。！？,.!?]{0,6}(?:消防|安全|入户)(?:大)?检查(?![^，。！？,.!?]{0,8}(?:发现|查出|查到))/,
  // a formal letter to residents by its title ("关于高空抛物的告知书", "致全体业主的一封信")
  '告知书', '告业主书', '告居民书', '致全体业主', '致广大业主', '致全体居民',
  // safety tips forwarded to the group ("【燃气安全小常识】天然气本身无色无味，加入了臭味剂…", "冬季用气安全：发现燃气泄漏不要
  // 慌，第一时间关阀门"): a lesson on what to do, not a smell here
  '小常识', '小知识', '安全常识', '须知', '臭味剂', '加臭剂', '四氢噻吩',
  // (not a device's own push, its header a reminder too: "【门磁提醒】卫生间门关闭超过2小时")
  /【(?![^】]{0,12}(?:门磁|门锁|门铃|设备|告警|智能|传感|摄像|手环|手表|监控|米家|萤石))[^】]{0,12}(?:安全|常识|知识|提示|提醒)[^】]{0,6}】/,
  /(?:发现|遇到)(?:燃气|煤气|天然气)?(?:泄漏|泄露|漏气)[^，。！？,.!?]{0,2}(?:不要慌|莫慌|切勿慌)/,
];
/** "不是演练！" undoes a drill marker. */
export const NOT_A_DRILL: readonly Term[] = [/不(?:像|太像|是)(?:是|在)?(?:演练|演习|模拟|演示|示范)/, /(?<!不是|不)真的?着火/];

/** What a smell or smoke was wrongly taken for, and the harmless cause found instead. */
const DENIED = '漏气|煤气|燃气|天然气|着火|起火|失火|火灾|电线|线路|短路';
// (steam let off by a solar water heater: "冒的白气是热水器在泄压，不是着火")
const HARMLESS_CAUSE = '泄压|白气|熬|煮|炖|中药|油烟|排气|烧烤|做饭|炒菜|烧纸|蒸汽|水蒸气|水汽|施工|电焊|焊接|装修|下水道|化粪池|垃圾|油漆|落叶|树叶|枯叶|秸秆|杂草|烤|锡箔|纸钱|元宝|烧香';

/** A tap or valve shut fast ("已经关好了", "已经拧紧了"): a supply switched off (see SHUT_OFF_MARKERS). (Words, not a
 * pattern: every message is read for the resolved markers, and words are found in one pass.) */
const SHUT_TIGHT: readonly string[] = ['已经', '已'].flatMap((a) => ['关好了', '关紧了', '关上了', '关掉了', '拧紧了', '拧好了'].map((b) => a + b));

/** A plug already pulled ("插排泡水里了 已经拔掉了", "电源已经拔了", "拔了插头"): the current cut at the socket ends a live
 * thing in water (UNPLUGGED_ENDS), not the harm to a person already shocked nor a device already burnt or swelling ("插头拔了
 * 但电池还是很烫", "插头那里都化了 已经拔了"). Only a plug or a lead, not whatever else is pulled out ("护栏被人拔掉了"). */
export const UNPLUGGED: readonly Term[] = ['已经拔了', '已经拔掉', '已拔掉', '已经拔下来',
  /(?:插头|电源|插销|电源线|充电器|充电线|插排|排插|插线板|拖线板|接线板)[^，。！？,.!?\s]{0,3}(?:已经?|也|都)?拔(?:了|掉|下来)/, /拔(?:了|掉|下)了?(?:插头|电源|插销)/];

export const UNPLUGGED_ENDS: ReadonlySet<string> = new Set(['water_electric']);
/** … unless the message turns back to a live current after it ("拔了插头 可是地上的水还麻手"). */
export const STILL_LIVE: readonly Term[] = ['可是', '不过', /还[^，。！？,.!?\s]{0,3}(?:麻|电人|电到|带电|漏电|冒火|打火)/];

/** An alarm explained by its own sensor, or a reading of nothing ("报警器响是传感器老化了", "拿仪器测了浓度是零"). */
// (not a fault denied: "不是传感器坏了，是真漏了"; nor 零点五, 0.5)
const SENSOR_FAULT: readonly Term[] = [/(?<!不是|并非|没|不)(?:传感器|探头)(?:是|已经)?(?:老化|坏了|故障|失灵|出了?问题|太灵敏)/, /(?:浓度|读数|数值)(?:是|为|显示)?(?:零(?![点\d一二三四五六七八九])|0(?![\d.]))/];

/** Anywhere in the message: the danger is over ("火已经扑灭了", "已经救出来了"). */
export const RESOLVED_MARKERS: readonly Term[] = [
  '扑灭', '火灭了', '已经灭了', '灭掉了', '救出来了', '已救出', '已经修好', '已修好', '修好了', '已修复', '已处理', '已经处理', '处理好了',
  '处理完', '没事了', '没事儿了', '虚惊', '误报', '没味了', '不漏了', '已经关了', '已排除', '换了新的', '已经换了', '填好了', '已清理', '清理干净',
  // (not what a replacement left behind: "楼道灯换了以后线没包")
  '清理掉了', /换了(?![^，。！？,.!?]{0,2}(?:以后|之后|后))/, '换好了', '补上了', '盖上了', /(?<![不没难])放心(?!不下)/, /没问题(?![吗么嘛])/, '不用担心', /没(?:啥|什么)?事[哈啊啦呢的]/, '修过了', '来修过', /没(?:有)?(?:气)?味(?:道)?[了啦喇咯]/,
  // the smell traced to something harmless ("煤气味找到了，是楼下在熬中药")
  /(?:味|臭|烟(?!感|雾报警))[^。！？!?]{0,20}(?:找到了|原来是|原来|查到了|查出来|说是|查了|问了)[^，。！？,.!?]{0,8}(?:熬|煮|炖|中药|下水道|化粪池|垃圾|油漆|装修|烧纸|烧烤|工地|切割|电焊|焊接|施工)/, /(?<!有)没有?漏(?!水)/,
  // a check that found no leak ("燃气公司来测了 没有泄漏"; not the question "有没有泄漏")
  /(?<!有)没有?(?:泄漏|泄露)/, '检查过了', '查过了', '来看过了', '拉了警戒线', '围起来了',
  // a net or a hoarding already put up under it ('外墙那块已经拉了防护网')
  /(?:拉|装|搭|挂|围|架)(?:上|好|起)?了(?:防护网|安全网|围挡)/, /(?<![正刚恰只])好在/,
  // (luck that no one was under it at that moment leaves what fell live: "外墙瓷砖掉了一片 幸好那会没人")
  /(?:幸好|幸亏|所幸)(?!(?:那会儿?|当时|那时(?:候)?|刚好|正好)(?:下面|底下|楼下|门口)?(?:没|没有)人)/, '还好没', '无人员伤亡', '无人伤亡', '救熄', '火熄了', '火已经熄',
  // a fallen wire rejoined by the electrician, the way open again ("那根掉下来的电线电工已经接好了 可以正常走了"); a question
  // quoted and answered no ("「楼下是不是着火了？」 回复：没有 是烧烤店在试新炉子")
  /(?:电工|师傅|物业|工人)[^，。！？,.!?\s]{0,3}(?:已经?|已)(?:重新)?接(?:好|回去)/, /(?:可以|能)正常(?:走|通行)了/, '恢复通行',
  /(?:回复|答复)[：:]\s*(?:没有|没|不是|没事)(?=[\s，,。!！]|$)/,
  '已整改', '整改好了', '开走了', /人没事(?![吧吗么嘛？?])/, /已(?:经)?(?:被)?送(?:去|到)?医/, /送(?:去|到)?医院?了/, /(?:被|已被)[^，。！？,.!?]{0,4}送(?:去|到)?医/, /(?:120|救护车)[^，。！？,.!?]{0,3}(?:拉走|接走|送走|带走)/, /送(?:去|到)?(?:医务室|诊所|卫生室)/, '就好了', '没有味道了', '来电了',
  // no harm done, the person taken home or in, the fault tightened and tested, made safe and fenced off, all replaced
  '没大碍', '无大碍', '没什么大碍', /家属[^，。！？,.!?]{0,3}接(?:走|回)/, /抱(?:进去|下来|回去|回家|进屋)了/, '拧紧了', '已经拧紧', /测[^，。！？,.!?]{0,3}不漏/,
  /围(?:了|上|起)[^，。！？,.!?]{0,3}(?:警示|警戒|隔离)/,
  // made fast, pumped dry, checked and found safe, or "没事 多谢大家" ("师傅来加固好了", "现在抽干了", "没有任何危险")
  /(?:加固|固定|焊|修补|补)(?:好|完|牢)了/, '加固了', '抽干', /排干(?![货部])/, '做了防水', /没(?:有)?任何(?:危险|隐患)/, /没事[\s，。!！]*(?:多谢|谢谢|感谢)/, '已经断电', '已断电', /(?:盖|门|线|管|灯|墙|阀|表|箱|插座|开关)(?:都|也|还是)?好好的/, /(?:已经|终于|总算)(?:被)?(?:放|救|弄|拉|抱)?出来(?:了|啦|喇|咯)/,
  /已(?:经)?(?:全部)?(?:更换|换掉|换新)/,
  // taken away and a new one put in ("物业拖走换新的了"; not one wanted: "要换新的")
  /(?<![要该得想需])换(?:了|成|上)?新的(?:了|啦)/,
  // sorted (粤 搞掂 → 搞定: "煤气漏嗰单已经搞掂"), an alarm's sensor found at fault or its reading zero
  /(?:已经|已|都)搞定(?!不)|(?<![没不])搞定了/, ...SENSOR_FAULT,
  // let out at a time told, unharmed ("已于2点放出", "人员无恙")
  /已(?:经)?于[^，。！？,.!?\s]{1,8}(?:被)?(?:放|救|解救|救援)出/, '无恙',
  // a works opening watched over ("是环卫掀开清淤，边上有人守着"), someone already under a hospital's care ("在医院观察")
  /(?:边上|旁边|周围|那边|现场)(?:有|派了|留了)?(?:人|专人|保安|工人)(?:在)?(?:守着|看着|看守|值守)/, '专人看守', /在医院(?:观察|留观|住院|挂水|打点滴)/,
  // mended (北/粤 整好), the culprit found ("扔东西的人已经找到了")
  '已经整好', /(?:的人|那人|那户|那家)(?:已经|也)?(?:找到|抓到|查到)了/,
  // shut and aired, the cordon lifted ("灶台没关严，已经关好了开窗通风了", "下面的警戒线也撤了")
  ...SHUT_TIGHT, ...['警戒线', '警戒带'].flatMap((w) => ['撤', '也撤', '已撤', '已经撤', '拆', '也拆', '收', '也收'].map((v) => w + v)),
  // a denial beside a harmless cause ("是楼下在熬中药，不是漏气", "冒烟的不是起火，是饭店的抽油烟机在排气")
  // (one pattern that starts at its plain 不是, the cause read after it or looked back at before it)
  new RegExp(`不是(?:${DENIED})(?:[^。！？!?]{0,12}(?:${HARMLESS_CAUSE})|(?<=(?:${HARMLESS_CAUSE})[^。！？!?]{0,12}不是(?:${DENIED})))`), /不会(?:再)?(?:掉|塌|倒|漏|松|砸)(?:下来|下去)?了/, /(?<![能会么才])恢复(?:供电|正常)/, /(?<![不没])(?:可以|能够?)正常使用/,
  // a "wire" said to be a data or phone cable carrying no power ("那根线是网线，没电的"; not "不是网线，是电线")
  /(?<!不)是(?:根|条)?(?:网线|电话线|光纤|光缆|闭路线|有线电视线|宽带线|监控线)[^。！？!?]{0,6}(?:没电|不带电|没有电|不通电)/,
  // someone up high said not to be about to jump, and who they are instead ("不是要跳楼 是修热水器的师傅")
  /不是(?:要|想)?(?:跳楼|跳下去|轻生|自杀)[^。！？!?]{0,12}(?:师傅|工人|维修|修|安装|清洗|擦|安全绳|施工|干活|晒|拍照)/,
  // built again since ("上周塌的那段挡墙 重新砌完了")
  // (unless it has failed again: "重新砌好的那面墙又裂了")
  /重新(?:砌|修|建|盖|铺|浇|装|焊|加固)(?:好|完|起来)了?(?![^。！？!?]{0,10}(?:又|再|还是|但是?)[^。！？!?]{0,4}(?:裂|塌|倒|歪|松|掉|鼓|漏|渗|晃))/,
  // a report called a rumour ("谁说有人要跳楼 别乱传")
  /谁说[^。！？!?]{0,16}(?:别|不要|别再|不要再)(?:乱传|瞎传|造谣|传谣)/,
  // said to be unrelated, beside a harmless cause ("那响声跟爆炸没关系 工地打桩呢", "冒的烟跟咱们楼没关系 对面饭店在排油烟")
  new RegExp(`(?:跟|和|与)[^，。！？,.!?]{0,8}(?:没关系|无关|没有关系|没啥关系|没什么关系)(?![吗吧么])(?:[^。！？!?]{0,16}(?:${HARMLESS_CAUSE}|打桩|排风|工地|爆破|放炮|鞭炮|烟花)|(?<=(?:${HARMLESS_CAUSE}|打桩|排风|工地|爆破|放炮|鞭炮|烟花)[^。！？!?]{0,16}(?:跟|和|与)[^，。！？,.!?]{0,8}(?:没关系|无关|没有关系|没啥关系|没什么关系)))`),
  // mended with a part named between ("电工已经换好线了", "已经接好管子了"), doused ("一盆水浇下去灭了", "用水浇灭了"), and a
  // thing taken to a shop or a fitter who checked it ("拿去店里问过了", "修车师傅看过了")
  /已(?:经)?(?:换|修|接|装|弄|整)好[^，。！？,.!?\s]{1,3}了/, '浇灭', /(?:店里|师傅|维修点|售后)[^，。！？,.!?\s]{0,4}(?:看过|问过|检查过|测过)了/,
  // a lesson drawn from what happened ("送去做高压氧了 今天都醒了 大家引以为戒"), and a smell taken for gas then found to be
  // something else ("臭得跟煤气似的 我还以为漏气了 凑近一闻是馊味")
  // checked and called normal ("物业说是正常排气 已经看过了"); a lift working again, the one shut in it out ("电梯恢复了 刚才
  // 困住的小伙子出来了")
  /说是正常(?:排气|排汽|现象|的|放气)/, /电梯(?:已经|又|已)?(?:恢复了|能用了|好了|正常了)(?![吗么没])/,
  /(?:困|关|卡)(?:住|在)[^，。！？,.!?]{0,6}的[^，。！？,.!?]{0,4}(?:出来了|出来啦|放出来了|救出来了)/,
  '引以为戒', new RegExp(`以为(?:是)?(?:${DENIED})[^。！？!?]{0,16}(?:原来|结果|其实|一闻|一看|才知道|发现)(?!真|确实)`),
];
/** Resolved markers that only switch a supply off: they end a gas, fire or electric danger, not the harm to a person already
 * shocked, fallen or trapped ("我已经关了总闸 … 他躺在地上说不出话"). */
export const SHUT_OFF_MARKERS: readonly Term[] = ['已经关了', '已经断电', '已断电', ...SHUT_TIGHT];
/** Resolved markers that call an alarm false: the fire it rang for was not real, but a fire alarm switched off or broken
 * because it keeps ringing falsely is still a fault ("消防报警被物业关掉了，说是老误报"). */
export const FALSE_ALARM_MARKERS: readonly Term[] = ['误报', ...SENSOR_FAULT];
/** A price and a call to buy: a sales pitch names the dangers its product or its cover is for ("意外险 一年一百多 摔倒骨折
 * 都能报 … 需要的私聊我", "灭火器团购 一瓶六十八 火灾来了就靠它 要的接龙"). */
const PRICE = /(?:一|每)(?:瓶|条|个|台|年|盒|套|份|件|只|张|桶|箱|罐)[^，。！？,.!?\s]{0,2}(?:\d+|[一二三四五六七八九十两百千]+)|\d+(?:\.\d+)?(?:块|元)|[一二三四五六七八九十两百千]+(?:块|元)/;
// (or an insurance sold by the perils it pays for: "火灾水渍盗抢都赔 一年只要99 需要的私我")
const SALES_CALL: readonly Term[] = ['私聊', '接龙', '下单', '有活动', '优惠', '拼团', '团购', '扫码', '包邮', '秒杀', '特价', '链接', '私我', '私信我', '投保', /都(?:能|可以)?赔/];
export const salesPitch = (text: string): boolean => PRICE.test(text) && mentionsAny(text, SALES_CALL);

/** The hazard was taken away ("飞线的插排收走了", "漏气的煤气瓶拿走了"), except where taking away is the hazard (灭火器被拿走了). */
export const REMOVED_MARKERS: readonly Term[] = [
  '已拆除', '拆掉了', '推出去了', '推走了', '收走', '拆走', '没收了', '取缔了', '搬走了', '已搬走', '收回去了', '拿走了',
  '挪走', '移走', '清走', '运走', '拖走', '清掉了', '扔掉了', '处理掉了',
  // hauled off by the fire brigade or a tow truck, the scene cleared ("冒烟的电动车已经被消防拉走了 现场清理完了")
  /已(?:经)?被?[^，。！？,.!?\s]{0,4}拉走了/, /已(?:经)?(?:被)?(?:扔|丢)(?:了|掉)/, /(?:现场|地上|车库|楼道)?(?:已经)?清理完(?:了|毕)/,
  // what fell or spilled already cleared up ("那个掉下来的花盆已经清理了")
  /已(?:经)?(?:被)?(?:清理|打扫|收拾)(?:了|干净|好了|掉)/,
  // knocked or cut down before it could fall ("松动的瓷砖吊篮上去敲掉了")
  '敲掉了', '敲下来了', '铲掉了', '凿掉了', '锯掉了', '剪掉了', /已(?:经)?(?:全部|都)(?:敲|铲|凿|拆)掉/, /已经?(?:拿|送|扔|交)(?:去|到|掉)/, '回收点', '回收站', /已经被?[^，。！？,.!?\s]{0,3}拆(?:了|掉|走|除)/,
];
/** … unless it goes on: "火灭了，但是还在冒烟". */
export const CONTINUING: readonly Term[] = ['还在', '还有', '还是有', '又开始', '又有', '又冒', '仍然', '依然',
  // (not a reminder given again: "也再次提醒大家做饭时人不离锅")
  /再次(?!提醒|强调|呼吁|告知|感谢|通知)/, '又着', '又闻到', '但是',
  // a thing still live after the one it shocked is unharmed ("人没事 但那个架子现在还带电")
  /还(?:是|在)?(?:带着?电|漏电)/,
  // still smoking where it was taken ("锂电池包裹在冒烟，我们已经拿到门外了"), not smoke gone by ("刚才在冒烟")
  /在冒(?<![刚才前]在冒)(?:烟|火)/,
  // still left open ("幸好没掉进去 现在还敞着")
  /还(?:是)?(?:敞|开|露|空|悬|吊|挂)着/,
  // a fault that gives way whenever it is trodden on or touched, told with relief that no one was hurt ("窨井盖一踩就翻 …
  // 还好没伤着"), not one since mended
  // no one hurt, but the smoke or fire spreading ("人没事 但烟进楼道了")
  /人(?:都)?没事[^。！？!?]{0,4}(?:但|可|不过)[^。！？!?]{0,8}(?:烟|火|味)/,
  // a correction that turns into a new fire ("刚才的烟是烧纸 不是着火 但现在那堆把绿化带点着了 真烧起来了")
  /(?<!不是|不|没)真的?(?:烧|着|燃)起来了/, /(?:但|可|不过)(?:是)?现在[^，。！？,.!?]{0,16}(?:点着|引着|烧着|着起来|烧起来)/,
  /一(?:踩|碰|走|推|摸|压)(?:上去)?就(?:翻|翘|动|晃|陷|塌|掉|歪|松)(?![^。！？!?]{0,24}(?:修好|换好|换了|固定好|处理好|焊好|修了))/];

/** Anywhere in the message: a scuffle said outright to be play or a joke ("揪着他头发往下拽 玩闹呢", "掐我脖子 开玩笑的"),
 * not denied ("这不是开玩笑", "不是闹着玩的"). It ends the rules of a fight only (PLAY_KINDS): a child at play by a road or
 * a window is the danger itself. */
export const PLAY_MARKERS: readonly Term[] = [/(?<!不是|不像|不是在|可不是|并非|并不是|别当|当成)(?:闹着玩|玩闹|开玩笑|逗着玩|打着玩|闹玩|打闹玩)(?!的?(?:吧|吗|么|[?？]))/];
/** … unless someone is hurt or cries out all the same ("说是闹着玩 可是他一直在哭喊救命"). */
export const PLAY_GONE_WRONG: readonly Term[] = ['救命', '哭喊', '哭着', '大哭', '尖叫', /喊(?:疼|痛)/, '疼得', '流血', '出血', '发紫', '紫了', '喘不上', '喘不过', '晕', '报警', '110', '下死手', '往死里', '真打', '吓坏', '受伤', '打伤',
  // or a blade or a stick drawn, a head cut ("玩闹呢 头都磕破了")
  '刀', '棍', '砍', '捅', '砖', '石头', '酒瓶', '锤', '剪子', '剪刀', '磕破', '破了', '血', '骨折', '不动了', '昏'];
export const PLAY_KINDS: ReadonlySet<string> = new Set(['violence']);

/** Anywhere in the message: work going on as it should, whose look is what a rule reads as a fault: a crane swinging its
 * load ("塔吊在吊钢筋 晃来晃去的"), fittings wrapped for painting with their unwrapping told ("喷淋头包起来刷漆 刷完就拆"). It
 * ends the urgent-level rules only (a load dropped on someone is told by an emergency), unless the work is told gone wrong
 * or the cover left on (WORK_GONE_WRONG). */
export const WORK_AS_NORMAL: readonly Term[] = [
  /(?:塔吊|吊车|吊臂|起重机|吊机)[^，。！？,.!?\s]{0,4}(?:在|正在)吊/,
  /(?:刷|喷|涂|粉刷|装修|施工|干活|弄|打磨|刮腻子)完(?:了)?(?:就|再|马上|立马)(?:拆|撕|揭|拿掉|取掉|取下|摘|去掉|打开)/,
];
export const WORK_GONE_WRONG: readonly Term[] = [/(?:没|忘了?)(?:拆|撕|揭|拿掉|取|摘|去掉)/, '一直没', '还没', '结果', '到现在', /(?:都|已经)[^，。！？,.!?\s]{0,3}(?:天|周|礼拜|星期|个?月)(?:了)?/, '半个月', '好几天', '说是',
  /要倒|倒了|倒下|塌|断了|脱钩|掉下|掉了|砸|歪了|松了|撞/];

/** Anywhere in the message: a neighbour not seen for days said to be away on purpose ("听说去女儿家了", "回老家了", "出差了",
 * "去海南过冬了"), read by the rules of someone unseen behind their door; not the writer's own trip, over ("我出差回来 发现…"),
 * nor when the message doubts it after ("说是回老家了 可是屋里灯一直亮着"). */
export const AWAY_ON_PURPOSE: readonly Term[] = [
  /(?:(?:去|回|到)(?:了)?[^，。！？,.!?\s]{1,6}家(?:里)?(?:住|过年|过节|玩|带孩子|看孩子|待|呆|过冬|养老)?(?:几天|一阵子?|一段时间)?(?:了|去了)|去[^，。！？,.!?\s]{1,6}(?:过冬|过年|过节|旅游|玩|度假|养老|探亲|疗养|避暑)(?:了|去了)|回老家|(?<!我|我刚|我们|我们刚|刚)(?:出差|出远门|出去玩|旅游|度假|探亲)(?!回来|回家|刚回)|住院)(?![^]*(?:但|可是|不过|可(?=[^，。！？,.!?\s]{0,4}(?:屋里|家里|里面|灯|有|还|又))))/,
];

/** In the sentence: the danger is elsewhere or second-hand (news, video, another estate). */
export const ELSEWHERE_MARKERS: readonly Term[] = [
  // said outright not to be in the estate ("外面马路上有辆车着火 不在小区里")
  /不在(?:咱们|我们|咱|本)?小区(?:里|内|里面)/,
  // … or far from it ("那边工地塌方了，离咱们小区挺远的"; not "离我们单元不远")
  /离(?:咱们|我们|咱|我家|本小区|小区)(?:这(?:里|边|儿)|小区|家)?(?:挺|很|比较|还|蛮|特别|非常|有点|还是|还挺|太)?(?<!不)远/,
  // … or not here ("反正不是咱们这", "不是我们小区"), not a building of ours set apart ("不是咱们这栋 是隔壁那栋")
  /不是(?:咱们|我们|咱|本)(?:这(?:里|边|儿)?|小区)(?![^，。！？,.!?\s]{0,2}(?:栋|楼|幢|单元|层|号|家))/,
  // (a video posted in the estate's own group is news of here: "小区群里有人发视频 3栋8楼着火了"; so is one the reporter
  // posts: "视频发群里了"; nor the news one watched when it happened: "看新闻的时候闻到厨房煤气味")
  /新闻(?!的?时候|时)/, '报道', '头条', '多地', '各地', '抖音', '快手', '微博', '小红书', /[Bb]站/, '视频号', '西瓜视频', '哔哩哔哩',
  // in a game, not the room it is played in ("说他的房子着火了要去救 游戏里的")
  /游戏(?:里|中(?!心))(?:的|面|头)?/,
  // online, not on a net or a guard (nor the reporter's proof: "这回楼顶在冒火 有视频") ("防盗网上坐着个孩子"); nor a video
  // call from someone at home ("我儿子刚视频说屋里一股怪味")
  /(?<![防盗铁丝蛛球渔纱])网上/, /(?<!录|拍|录了|拍了|录个|拍个)(?<!(?:小区|业主|楼栋|单元|本楼|我们|咱们)群[^，。！？,.!?]{0,6})(?<!(?:儿子|女儿|闺女|孩子|娃|老公|老婆|爸|妈|爷爷|奶奶|外婆|外公|保姆)(?:刚|刚刚|刚才)?(?:跟我|和我|给我)?(?:打|开|发)?(?:了|个)?)视频(?!通话|电话)(?![^，。！？,.!?\s]{0,2}(?:发|传|放)(?:到|在|进|了)?(?:群|这|上来|给(?:你们|大家|物业)))(?<!有视频(?=(?:为证)?(?:$|[\s，。！？,.!?])))/,
  // (not the TV one was watching when it happened: "看电视的时候厨房着火了")
  // (what is on TV or said there, not the set itself: "电视后面的插座冒烟了", "屋里电视一直响"; nor the TV one was watching
  // when it happened: "看电视的时候厨房着火了")
  /电视(?:上(?!面)|里(?!面)|中|台|新闻|节目|报道|直播|说|讲|播|放)|看(?:了|着)?电视(?!的?时候|时|呢)/, '热搜', '隔壁街道',
  // another estate, by name too ("隔壁的万科小区"), not one said not to be it ("不是别的小区 就是咱们8栋")
  /(?<!不是|不在|并非)(?:隔壁的?[^，。！？,.!?\s\d]{0,4}小区|别的小区|其他小区)/,
  // out on public transport ("我在地铁上看到有人晕倒了")
  /在(?:地铁|公交|公交车|高铁|火车|动车|飞机|大巴)(?:上|里)/,
  // 外地 where something happened, not where a son is ("儿子在外地" is why no one can help), nor 另外 before 地库/地下室
  '别的地方', /(?<!人在|我在|俺在|人还在|我还在|俺还在|[儿女子孙爸妈姐哥弟妹公婆]在|都在|另)外地/,
  // (the time before going home is no place: "过年回老家前 有人把电动车锁在楼道里充电"; "回老家了 镇上…" is; someone come
  // from there is here: "老家来的公公 … 叫不醒")
  // (nor a neighbour's trip home doubted after it: "说是回老家了 可是好几天没见人了" is here, as AWAY_ON_PURPOSE reads it)
  /(?:(?<![回去从])老家(?!来的|来了)|[回去]老家(?!前|之前|以前))(?![^]*(?:但|可是|不过|可(?=[^，。！？,.!?\s]{0,4}(?:屋里|家里|里面|门缝|灯|有|还|又))))/, /在(?:城[东南西北]|市中心|郊区)/,
  // a relative's or friend's place ("我妈那边老小区")
  // (a school's gate or what faces it is where the estate's children pass, not somewhere else: "家长们 学校门口有人拿棍子追小学生";
  // a school someone's own is theirs: "我妹学校门口", "我对象的学校门口")
  /(?:妈|爸|姐|(?<![小帅])哥|弟|妹|姨|舅|姑|叔|朋友|同事|亲戚|闺蜜|同学|婆婆|丈母娘|娘家|婆家|亲家)[^，。！？,.!?\s]{0,2}(?:那边|那里|那儿|那个小区|住的|家的|家那|家小区)/, /[他她]们那(?![层栋楼单户间])/, /[他她]们(?:老|新|那个)?(?:小区|公司|单位|学校|厂)/, /(?:公司|单位|厂里)(?:楼下|门口|里面|对面|附近)|学校(?:楼下|里面)/,
  /(?<=[^\s，。！？,.!?])(?<!小区|附近|咱们|我们|咱|旁边|隔壁|对面|这个|那个|这|那|(?:旁边|附近|对面|隔壁|门口|小区)的)学校(?:门口|对面|附近)/, '某小区', '某地', '外省', '那个小区', '全国', /(?<!人在|我在|人还在|我还在|[儿女子孙爸妈姐哥弟妹公婆]在|都在)国外/, '市里', '据报道', '电影', '电视剧', '小说',
  // a scene in a show named in book marks or called a show ("《狂飙》里那段打戏", "剧里有人被捅了")
  /》(?:里|中|里面|里头)/, '剧里', '戏里', '打戏', '追剧', /这(?:部|个)剧/,
  // away on a trip, or "some estate" somewhere ("我老公出差住的酒店", "深圳那边有个小区")
  // (not where the writer is, the reason they cannot come: "我在国外", "我人在出差 家里老人晕倒了")
  // (the writer back from one is here: "我出差回来 发现隔壁老人好几天没出门了")
  /(?<!人在|我在|人还在|我还在|我正在)出差(?!回来|回家)/, /旅游(?!回来|回家)/, /度假(?!回来|回家)/, '住的酒店', '有个小区', '有一个小区',
  // one's workplace or its dormitory ("单位宿舍那边说")
  /(?:单位|公司|学校|厂)[^，。！？,.!?\s]{0,3}那边/,
  // a public place off the estate, named with 那边 ("今天路过万达那边看到一辆车自燃")
  /(?:万达|商场|购物中心|地铁站|火车站|高铁站|汽车站|长途站|加油站|步行街|高速|机场|市中心|市区)(?:那边|那里|那儿|那头)/,
  // another city, named with 那边 ("香港那边又有大厦火灾")
  /(?:北京|上海|广州|深圳|香港|澳门|台湾|台北|天津|重庆|成都|杭州|南京|武汉|西安|苏州|郑州|长沙|东莞|青岛|沈阳|宁波|昆明|大连|厦门|合肥|福州|济南|佛山|哈尔滨|县城|[省市县])(?:那边|那里|那儿|那头|有个|有一个)/,
  // where a relative or friend works, and their building ("我表姐在省城上班 她们写字楼今天电梯困人")
  /(?:姐|哥|弟|妹|姨|舅|姑|叔|朋友|同事|亲戚|闺蜜|同学)[^，。！？,.!?\s]{0,2}在(?!家|我们|咱|小区|楼)[^，。！？,.!?\s]{1,6}(?:上班|工作|打工)/, /[他她]们(?:写字楼|办公楼|医院|商场|酒店|宿舍楼)/,
  // another site of the same employer ("厂里另一个分厂昨天有工人触电")
  /(?:另一个|另外一个|另外的|别的|其他)(?:分厂|厂区|厂|车间|工地|分公司|校区|园区|门店|分店)/,
  // a place only named, or another street or village ("某市一小区", "XX区一居民楼", "隔壁街那个老小区", "他们村里"), and a
  // workplace's building ("我老公单位那栋楼")
  /(?:某|xx|××)(?:省|市|县|区|镇|村|街道)/, /隔壁(?:街|路|村|镇|市|县|省|城市)/, /那个(?:老|新|旧)小区/, /[他她]们(?:村|镇|县)/,
  /(?:单位|公司|学校|厂)[^，。！？,.!?\s]{0,3}(?:那栋|那幢|那座)/,
  // a relative's home in another place ("她女儿在深圳的小区", "我儿子在外面租的房子")
  /(?:姐|哥|弟|妹|姨|舅|姑|叔|女儿|儿子|闺女|孩子|朋友|同事|亲戚|闺蜜|同学)[^，。！？,.!?\s]{0,2}在(?!家|我们|咱|小区|楼|这)[^，。！？,.!?\s]{1,6}的(?:小区|家|房子|出租屋|宿舍)/,
  // passing a named road on the way ("上班路过中山路那边")
  /(?:路过|经过)[^，。！？,.!?\s\d]{1,5}(?<![马小道过])(?:路|街|大道)(?:那边|那里|那儿|那头|口)/,
  // out at a shop or restaurant ("我在外面吃饭 饭店后厨着火了")
  /在外面[^。！？!?]{0,12}(?:饭店|餐厅|饭馆|酒楼|酒店|商场|超市|电影院|店里)/,
  // a relative somewhere else telling of their own place ("我妹在广州说她们那栋楼着火了", "亲戚在香港，说他们屋苑…"); not a
  // relative away as the reason no one can help ("我女儿在广州，家里老人摔倒了")
  // (not one in a building here telling of their floor: "我妈在3栋说她们那层有煤气味")
  /(?:姐|哥|弟|妹|姨|舅|姑|叔|爸|妈|女儿|儿子|闺女|朋友|同事|亲戚|闺蜜|同学|老公|老婆)[^，。！？,.!?\s]{0,2}在(?!家|我们|咱|小区|楼|这)[^，。！？,.!?\s\d栋楼幢单元层号]{1,6}[^。！？!?]{0,10}(?:他们|她们)(?:那(?![层户间])|家|小区|楼|屋苑|村|单位|公司)/,
  // on the way somewhere ("下班路上看到高架上一辆车着火了"), not on the way home to a place here ("回家路上看到小区3栋冒黑烟")
  // (nor the hazard placed on such a way: "井盖翻了 就在放学路上")
  /(?<!就在|就是|正好在|刚好在|正在)(?:上班|下班|上学|放学|回家|回来|出门|开车|送孩子|接孩子|买菜|去公司)(?:的)?(?:路上|途中)(?![^。！？!?]*(?:小区|本楼|\d+\s*(?:栋|号楼|幢|单元|楼)|楼下|单元|我们|咱|我家))/, '高架上', '高速上',
];
/** A clause telling that a screen is on where the writer is ("一家人在看电视", "电视里还在放新闻"): the backdrop of a report
 * from here, not news of a danger elsewhere, when the sentence names a place here (对面楼, 楼上) and the clause tells of
 * nothing seen or said on the screen. */
export const BACKGROUND_SCREEN = /(?:在|着|边)看(?:着)?电视|看着电视|电视(?:里|上)?(?:还|正)?在(?:放|播)|开着电视|电视开着|放着电视/;
export const SCREEN_TELLS = /说|报道|播出|看到|看见|曝光|讲|新闻里/;

/** Just before the danger in its clause: a scene in a show or a story ("看电视剧看到着火救人那段"), whoever is watching it. */
export const SCREEN_SCENE_BEFORE = /(?:电视剧|电影|动画片?|小说|剧里|剧中|短剧|综艺|节目)(?:里|中|上)?(?:面)?(?:看到|演到|演了|演的|放到|播到|讲到|写到|讲的|写的|放的|播的|有)?(?:个|一个|一段|一场)?$/;

/** In the sentence: a dream, whatever it says of here and now ("梦到咱们楼着火了"). */
export const DREAM_MARKERS: readonly Term[] = ['梦见', '做梦', '梦到', '梦里', '梦中', '噩梦', '做了个梦'];
/** In the sentence: hearsay or a post relayed (朋友圈, 群里); kept when the sentence names a place or person here (3栋, 楼下, 邻居). */
export const HEARSAY_MARKERS: readonly Term[] = ['听说', '据说', /听[^，。！？,.!?]{1,4}说/, '朋友圈', '发动态',
  // (not what someone here said in this group themselves: "他刚在群里说 明天你们就不用再受我的吵了 然后就退群了")
  /(?<!(?:他|她|租户|邻居|业主|住户|小伙子?|姑娘|大姐|大哥)(?:刚|刚刚|刚才|今天|昨晚|半夜)?在)群里说/, '转发', '转：', '转:', '【转】', '[转]',
  // a post going round, its truth unknown ("好几个群都在转 不知道真的假的")
  /(?:群|朋友圈|网上|到处|都)[^，。！？,.!?\s]{0,3}在转/, '真的假的', '不知道真假', '不知真假', '谣言', '辟谣'];
/** In the sentence: a report called a rumour or false ("3栋着火是谣言", "群里传的 假的 别转"), whatever place here it names
 * (not "不是谣言", nor the doubt of "真的假的": that is hearsay). */
export const RUMOUR_DENIED: readonly Term[] = [
  /(?<!不是|不)谣言/, '辟谣', '造谣', '传谣', /(?<!真的|不是|真|[寒暑请休病产婚年])假(?:消息|新闻|的)/, '不实', /(?:别|不要)(?:相)?信/,
  /(?:别|不要)(?:再)?(?:乱传|瞎传|乱转|转了|转发|传了)/, '没这回事', '没有这回事', '子虚乌有',
];
/** In the danger's clause: it is real after all ("别信谣言，3栋真的着火了", "不是谣言"). */
export const REAFFIRMED: readonly Term[] = [/真的(?!假)/, /真(?=[着在冒起烧困有])/, '确实', '是真的', /不是(?:谣言|假的|假消息)/, '千真万确'];
export const LOCAL_PLACE: readonly Term[] = [/\d+\s*(?:栋|号楼|幢|单元|楼|层)/,
  // (and in characters: "十栋的消火栓", not "一栋楼", any building)
  /(?<![一二三四五六七八九十两几\d])(?![一两几])[一二三四五六七八九十]+(?:栋|号楼|幢|单元)/, '楼下', '楼上', '对面楼', '隔壁家', '邻居', '我们', '咱们', '咱', '本楼', '本小区', '小区里', '单元', '隔壁',
  // someone who shares the flat ("我室友 … 发朋友圈说")
  '室友', '舍友',
  // someone here named by their flat ("1501那个小伙子", "302的阿姨", "7-2-801的租户"; not a year), or whose door people are
  // asked to knock at
  /\b\d{1,2}-\d{1,2}-\d{3,4}\b/, /(?<![\d.])[1-9]\d{2,3}(?<!(?:19|20)\d\d)(?:室|房|号房|那个|那家|那户|家|住户|业主|的(?:人|住户|业主|小伙|阿姨|大爷|老人|孩子|小孩|姑娘))/, /(?:去|来)(?:他|她)?(?:家)?敲(?:一?下)?门/];

/** In the sentence: it happened before ("去年着过火"); kept when it goes on (还/又/一直/现在). */
/** Bare times: they date only what follows them or shares their clause ("应急灯全不亮 昨晚停电" is now). */
// (上次 too: "应急灯全不亮，上次停电楼梯里一片漆黑" tells what the fault did last time, not that it is over)
// (前年, 几年前, 前几年 too: "前年我们单元也有人飞线充电")
export const PAST_TIMES: readonly Term[] = ['昨天', '昨晚', '前天', '前几天', '上周', '上个月', '去年', '前年', /[\d一二三四五六七八九十几两]+年前|前(?:几|两|些)年|早(?:几|些)年/, '以前', '之前', '上次'];
/** Past aspect and history, anywhere in the sentence. */
// (not the moment of a storm just now: "打雷那会儿有人在楼顶被雷劈了")
export const PAST_ASPECT: readonly Term[] = ['那次', '曾经', '着过', '那年', '小时候', '那事', '年轻时', '那时候', '当年', /(?<!打雷|下雨|下暴雨|刮风|刮大风|停电|刚才|刚刚)那会儿/];
/** "X的事" looks back: it makes history of a danger in its clause or before it ("着火的事"), not of one it precedes
 * ("想问停水的事，结果闻到煤气味"). */
export const PAST_IN_CLAUSE: readonly Term[] = ['的事'];
export const PAST_MARKERS: readonly Term[] = [...PAST_TIMES, ...PAST_ASPECT, ...PAST_IN_CLAUSE];
/** In the sentence: a recollection ("去年那场火大家还记得吧"), past whatever else the sentence says is now. */
export const REMEMBERED: readonly Term[] = ['还记得', '记得吗', '记不记得', '记得吧'];
export const ONGOING: readonly Term[] = [/还(?!记得)/, '又', '最近', '每晚', '每天晚上', '越来越', '一直', '到现在', '现在', '今天', '仍', '依然', '再次', '今早', '今晚', '刚刚', '刚才', '正在', '这几天', '这两天', '这阵子', '这段时间'];

/** In the danger's clause: here and now. Overrides news, hearsay and past markers. */
export const HERE_NOW: readonly Term[] = [
  // (not of kin: 沪 "阿拉阿姐伊拉小区", my sister's estate)
  // (nor a place said not to be ours: "对面那个小区（不是咱们的）")
  /(?<!不是|不在|并非)我们(?!阿姐|阿哥|阿弟|阿妹|娘舅|姆妈|阿爸|爷叔|外婆|舅舅|镇|村|县|乡)/, /(?<!不是|不在|并非)咱/, '我家', '本楼', '本小区', '这里', '这边', '现在', '正在', '快来', '快点', '赶紧', '救命', '还在', '一直'];

/** In the danger's clause: a figure of speech ("热得嗓子冒烟", "气得冒火"). */
// (not a throat closing after a sting: "嗓子发紧"; a treat praised: "好喝到爆炸")
export const HYPERBOLE: readonly Term[] = [/嗓子(?!眼?(?:发紧|发堵|肿|好紧|很紧))/, '笑死', /(?:辣|甜|咸|酸|香|美|帅|爽|开心|累|冷|热|忙|困|饿|撑|胖|烦|吵|多|挤|满|堵|好看|好喝|好吃|好玩|好听|好笑)(?:到|得)(?:要|快)?(?:爆炸|炸)/,
  // a loudspeaker or a microphone "nearly smoking" from a party's din ('音箱都快冒烟了'); one that does smoke stays a
  // fault ('音箱冒烟了')
  /(?:音响|音箱|喇叭|麦克风?|话筒|键盘|鼠标)(?:都|简直|真的)+(?:快|要|快要)冒烟/,
  // a body steaming after a bath or a run ('泡完澡浑身冒烟')
  /(?:浑身|全身|满身|一身)(?:都|直)?冒(?:烟|热气|白气)/, '气得', '气死',
  // (hot to the touch is no figure: "电池摞在一起 热得烫手")
  /热得(?![^，。！？,.!?\s]{0,2}烫)/, '热死', '太热', '天热', '急得', '火冒三丈', '上火',
  // (not a mouth drooping, a stroke's sign: "嘴巴歪着"; nor something put in it: "往嘴里放")
  /嘴巴(?![^，。！？,.!?\s]{0,2}(?:歪|斜|发紫|紫了))/, /(?<![往进到塞放])嘴里(?![^，。！？,.!?\s]{0,3}(?:念叨|嘟囔|叨叨|说着?|喊着?))/, '太辣', '好辣', '辣得', '七窍生烟', '心里',
  '绿得', '红得', '忙得', '渴得', '累得', '跑得', '股票', '基金', '心态',
  // a noise or a fright so great that one "nearly" had a fit ("声音大得我差点心脏病发作", "吓得我差点晕过去")
  /(?:大|响|吵|吓|闹|刺耳|恶心)得(?:我|人|他|她)?(?:都)?差点(?:没)?/,
  // internet slang for delight ("香到原地爆炸")
  '原地爆炸',
  // one's head or hair about to burn or burst ("我头发都要着火了")
  /(?:头发|脑袋|脑子|脑壳|头)(?:都|快|真的|简直)*要(?:着火|冒烟|爆炸|炸)/,
  // a degree, not a fire ("手机卡得冒烟", "打游戏打到手机冒烟")
  // (not seeing or hearing it: "看到楼上冒烟了", "闻到冒烟的味道"; nor an electric thing hot till it smokes: "充电器烫得冒烟了")
  /(?:卡|玩|打|刷|忙|说|聊|吵|渴|晒|累|饿|写|算|想|看|骂|敲|转|快|抢|跑|骑|蹬|搓|按|点|辣|麻|烫(?<!(?:充电器|插头|插座|电线|电池|电瓶|排插|插排|插线板|充电宝|适配器|电源|变压器|电箱|电表箱)[^，。！？,.!?\s]{0,2}烫)|吃|喝|唱|哭|笑|冻)(?:得|到(?<![看想说找听遇碰闻见]到))[^，。！？,.!?]{0,4}冒烟/,
  // the sun or the heat that sets one "on fire" ("晒得人都要着火了")
  /(?:晒|热|烤|烫|辣|急|吵|忙|累)得[^，。！？,.!?]{0,4}(?:着火|冒火|起火|烧起来|燃起来)/,
  // a temper or the day's heat "smoking" ("气到冒烟", "今天热到冒烟"), not a device too hot ("热水器热到冒烟了")
  /(?<![器机座板线箱桩表池])(?:气|热|急)(?:得|到)[^，。！？,.!?]{0,4}冒烟/,
  // money that "burns" ("双十一钱包着火了", "购物车要炸了")
  '钱包', '购物车', '余额', '花呗', '信用卡', '工资卡',
  // a story one cannot leave ("被困在剧情里出不来"); a lesson or a song that "zaps" ("这道数学题把我电麻了")
  '剧情', '入戏',
  // or homework one is "shut in" ('被困在这篇论文里出不来')
  /困在[^，。！？,.!?]{0,6}(?:题|作业|试卷|论文|代码|关卡|副本|游戏|回忆|梦|工作)里/,
  // a mood or a knack that "burns" ("手速燃起来了", "气氛燃爆了")
  /(?:手速|气氛|热血|斗志|小宇宙|激情|状态|网速)[^，。！？,.!?\s]{0,3}(?:燃起来|燃爆|烧起来|着火)/,
  /(?:题|作业|试卷|考试|剧|歌|梗|笑话|段子|操作|颜值)[^，。！？,.!?]{0,6}(?:把|让|给)我[^，。！？,.!?]{0,2}(?:电麻|电到|电晕|电了)/,
  // prices that "catch fire" ("房价要着火了"); ears or eyes about to smoke ("耳朵都要冒烟了"); an illness one's temper
  // nearly brings on ("看了一眼账单 心梗都要犯了")
  /(?:房价|物价|油价|菜价|肉价|股价|房租|价格)/, /(?:耳朵|耳根|眼睛|眼珠子?|脑门|脑瓜子?)(?:都|快|真的|简直|要)+(?:着火|冒烟|爆炸|炸|烧起来)/,
  /(?:心梗|心脏病|心绞痛|高血压|脑溢血|脑梗)(?:都|简直)(?:快|要|快要)(?:犯|发作|出来|上来)/,
];
/** In the sentence of a danger only foretold ("要爆炸了"): a temper rising, at a match or a person ("这球踢的 我血压都上来了
 * 要爆炸了"). Read only there: a blood pressure in a report of someone collapsing is no figure of speech. */
export const TEMPER_RISING: readonly Term[] = ['血压', /(?:这|那)(?:场)?(?:球|比赛)/, '裁判', '心态', '崩溃', '抓狂'];
/** In the danger's clause: a simile ("雾霾白茫茫的，像着火了一样"); "好像着火了" stays a report. */
export const SIMILE = /(?:像|跟|如同|仿佛)[^，。！？,.!?；;]{0,8}(?:一样|似的|一般)/;

/** Before a harm in its clause: an insurance that covers it ("家财险包括火灾和水管爆裂", "这个险保不保漏水"). */
export const INSURED_BEFORE = /(?:保险|险种|险(?=包括|涵盖|覆盖|保))[^，。！？,.!?]{0,6}(?:包括|涵盖|覆盖|保障|保|赔)/;

/** Before the danger in its clause: a hypothetical or a precaution ("万一着火", "防止起火"). */
export const HYPOTHETICAL_BEFORE: readonly Term[] = [
  '如果', '万一', '假如',
  // a notice's "should you find" ("如发现松动请联系物业")
  /(?<![比例假譬诸])如(?:发现|遇到?|见到?|看到)/, '假设', '一旦', '要是', '倘若', '若是', '以防', '防止', '预防', '防范', '谨防', '避免', '以免', '免得', '小心', '当心',
  '注意', /怕(?!是)/, '担心', '会不会', '容易', '可能会', '导致', '引发', '引起', '造成', '怎么判断', '如何',
  // meeting one, in general ("遇到有人晕倒"), and a safety campaign ("防溺水")
  // (又碰到, 刚碰到: it happened again, just now)
  /(?<![又刚才])(?:遇到|碰到|遇上)(?!了?(?:个|一个)(?:人|男的|女的))/, /(?<![消国边堤])防$/,
  // what an insurance covers ("家财险包括火灾和水管爆裂")
  INSURED_BEFORE,
];
/** Before the danger in its clause: it was taken for one and was not ("我还以为哪里爆炸了", "我以为什么炸了"). */
export const MISTAKEN_BEFORE: readonly Term[] = ['还以为', '我以为', '以为是', '误以为', '错以为', '当成'];
/** Before the danger in its clause: a rule or a plea ("严禁电动车进电梯", "千万别用明火"). */
// (别 is a plea, not the 别 of 特别, 分别, 区别, 告别, 个别, 级别, 类别, 识别, 性别, 差别, 辨别, 离别, 派别, 鉴别: "特别冲的天然气味")
export const PROHIBITION_BEFORE: readonly Term[] = ['严禁', '禁止', '请勿', '切勿', '不要', '不得', '不准', '不许', /别(?<![特分区告个级类识性差辨离派鉴道送]别)/, '勿', '不能', '杜绝', '拒绝', '不再'];
/** After the danger in its clause: a question of what to do, "when" ("燃气泄漏时怎么办"), or a rule ("高空抛物是违法的"). */
export const HYPOTHETICAL_AFTER = /^[^，。！？,.!?；;]{0,6}?(?:(?<![小按准及同当平临])时(?!间)|跑不掉|跑都跑不|就完了|就麻烦|就危险|不堪设想|的时候|怎么办|咋办|(?:是不是|是否)就?(?:不能|没法|得|要)(?:再)?(?:用|换)|还能(?:不能)?(?:再)?用|怎么处理|如何|该怎么|要怎么|怎么做|应该怎么|的话|隐患|风险|危险性|事故|知识|怎么预防|预防|违法|犯法|不道德|不文明|可耻|要罚|罚款|判刑|入刑|及时|(?:能不能|可不可以|能否|可以|该不该|要不要)(?:坐|乘|用|走|跳|开|泼|浇)|(?:报警|预警|监测|检测|防护)(?:手环|手表|器|仪|装置|设备|按钮|贴|垫)(?![^，。！？,.!?]{0,4}(?:响|叫|鸣|报警|闪|亮)))/
/** After the danger in its clause: a warning to whoever does it ("烧炭取暖的注意", "一氧化碳中毒不是开玩笑的"); read only
 * where no one and nothing here is named before it ("他要跳楼不是开玩笑的" is a report). */
export const WARNING_AFTER = /^[^，。！？,.!?；;]{0,4}?(?:(?<![了啦])的(?:都|要|请)?注意|(?:真的|可)?不是(?:开玩笑|闹着玩)|开不得玩笑)/;
/** After an urgent-level hazard: where to buy or replace one's own ("灭火器过期了去哪里换"). */
export const SHOPPING_AFTER = /^[^，。！？,.!?；;]{0,8}?(?:去哪|哪里(?:可以|能)?(?:换|买|修|充)|在哪(?:换|买|修)|多少钱|怎么换|怎么买)/;
/** After the danger: it is gone ("煤气味没了", "烟散了"). */
export const GONE_AFTER = /^[^，。！？,.!?；;]{0,4}?(?:没了|没有了|散了|消失了|不见了|停了|好了)/;
/** Just before the danger: a negation ("没有煤气味", "闻不到", "不是着火"); 不停/不断 intensify instead. */
export const NEGATION_BEFORE = /(?:(?<!有)没有?|无|未|不再|并非|(?<!是)不是|(?<!是)不(?![停断少得行知住会了是]))[^，。！？,.!?\s]{0,2}$/;
/** Before a sign in its clause: it was looked for and not found ("没有闻到什么味道", "也没看到有烟"). */
export const NOT_PERCEIVED = /(?:没有?|未)(?:闻到|闻见|看到|看见|听到|听见|发现)(?:什么|任何|啥|一点|有)?[^，。！？,.!?\s]{0,3}$/;

/** Taking down what makes one kind of hazard ends that kind only: a lead taken down ends a flying lead ("飞线那家 线拆了"),
 * not bare wires left behind by the same work. */
export const REMOVED_OF_KIND: Readonly<Record<string, readonly Term[]>> = {
  flying_wire: [/(?:线|插排|排插|插线板|接线板|拖线板)(?:都|也|已经?)?(?:被[^，。！？,.!?\s]{0,4})?(?:拆|收|剪|撤)(?:了|掉了|走了|掉|走)/],
  // an e-bike said by whoever checked to stand there only for a moment, about to be moved ("只是临时停一下马上推走"): not
  // a plea or an order ("让他马上推走"), nor the excuse heard every time ("每次都说临时停一下马上推走")
  // (the moment and the removal may stand in two clauses: "就临时放一下，等会儿就推走")
  ebike_indoors: [/(?<=(?:临时|暂时|只是)[^。！？!?]{0,10})(?<!(?:每次|每回|总|老|都|说|又|天天|叫|让|请|赶紧|快|要|必须|麻烦|喊|催|希望|能不能|能否)[^。！？!?]{0,10})(?:马上|立刻|立马|一会儿?|等下|等一下|待会儿?|等会儿?)就?(?:推|挪|骑|搬)(?:走|出去|下去|下楼)/],
};

/** A hazard taken away is over, unless taking it away is the hazard or it goes on. */
export const removed = (text: string, rule: HazardRule): boolean =>
  !rule.removalIsHazard && (mentionsAny(text, REMOVED_MARKERS) || mentionsAny(text, REMOVED_OF_KIND[rule.kind])) && !mentionsAny(text, CONTINUING);
