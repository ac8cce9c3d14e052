// What makes a hazard word not a hazard anywhere in the message: a drill, a danger already over or taken away, a
// sales pitch, play said outright, work going on as it should, a neighbour away on purpose. The markers read in the
// sentence (where, when) and in the danger's clause are in hazard-where.ts, hazard-when.ts and hazard-framing.ts; a
// strong present-tense sign in the danger's own clause (我们楼, 现在, 快来) keeps a hazard, since a missed gas leak is
// worse than a needless alert.
import { mentionsAny } from '../triage/term-matcher.ts';
import type { Term } from '../triage/urgency.ts';
import type { HazardRule } from './hazard-rules.ts';

/** Anywhere in the message: a drill, training or lesson ("明天消防演练，模拟着火"). */
export const DRILL_MARKERS: readonly Term[] = [
  // a campaign announced ("开展高空抛物专项整治")
  '专项整治', '集中整治', '专项行动', '整治行动',
  // an inspection planned ("检查计划：下周逐栋排查楼道堆物、飞线")
  /(?:检查|排查|巡查|整治)(?:计划|安排|方案)/, '逐栋排查', '逐户排查',
  // a check announced to start on a day to come, residents asked to check their own ("下周一开始排查违规飞线充电，请大家自查"),
  // with nothing told as now and no smoke, fire or smell in it
  /(?:明天|后天|下周|本周|这周|月底|近期|即日起|周[一二三四五六日天]|星期[一二三四五六日天])[^，。！？,.!?]{0,6}(?:开始)?(?:排查|巡查|检查|整治)(?=[^]*自查)(?![^]*(?:现在|刚|正在|快来|已经|味|烟|火|漏|响|烫|困|倒))/,
  // a yearly test of the fire system and the alarms it may set off ("年度检测，期间报警系统可能会误响")
  // (not a real sign told beside it: "检测的时候报警器响了 但是楼道真的有烟")
  /(?:年度检测|(?:可能|会)会?(?:误响|误报|鸣响))(?<!(?:现在|正在|刚才|刚刚|快来|救命|突然|叫不醒|真的|但是|可是)[^]*)(?![^]*(?:现在|正在|刚才|刚刚|快来|救命|突然|叫不醒|真的|但是|可是))/,
  // the findings listed with a deadline to put them right ("【整改清单】…6栋飞线充电… 请于15日前整改完毕")
  '整改清单', /(?:请|限)(?:于)?[^，。！？,.!?]{0,10}(?:前|内)(?:完成)?整改/,
  // practice with the extinguishers ("楼下冒的烟是在练灭火器", "保安队今天练灭火器 烧了个油盆")
  /练(?:习)?(?:用|使用|一下|下)?灭火器/,
  '演练', '演习', '模拟',
  // the fire brigade showing how an extinguisher is used ("冒白烟那个是消防队在演示灭火器")
  '演示', /示范(?!区|岗|校|点|单位|户|楼|小区)/, '培训', '讲座', '科普', '安全知识', '温馨提示', '宣传', '知识竞赛', '应急预案', '逃生知识', '教大家', '学了', '课上', '安全教育', '安检', '来讲', '讲解', '邀请',
  // (not a test button that does nothing: "烟感按了测试键也没反应" is a detector dead)
  /测试(?!(?:按钮|按键|键|钮)[^，。！？,.!?]{0,4}(?:没|不))/, '试响', '年检', '届时', /(?<!@\s?)(?<!我是|我们是|我就是)维保(?<!(?:叫|喊|找|联系|通知|打给|请)(?:一下|下)?维保)(?![^，。！？,.!?\s]{0,4}(?:已|正)?(?:在路上|赶来|赶过来|在赶)|(?:速|尽快|马上|赶紧|立即|立刻)(?:到|来|过来|赶到|到场)|公司|单位|的?电话|的?(?:人|师傅)?(?:还|都|也)?没(?:来|到)|(?:那边)?说(?!明)|(?:还)?(?:要|得)[^，。！？,.!?\s]{0,4}(?:分钟|小时)|(?:到|走到)哪(?:了|儿了|里了))/, '安全提示', '安全提醒', '学一下', '倡议',
  // a tip opening the message, telling what not to do ("提示：锂电池请勿长时间充电…发现鼓包请停止使用"), with nothing told as
  // now and no smell, smoke or fire in it ("提示：楼道有煤气味 请勿开灯" is a report)
  /^[\s【\[]*(?:温馨|安全|重要|友情|特别)?提示[】\]]*[:：](?=[^]*(?:请勿|切勿|严禁|禁止|请停止|请及时))(?![^]*(?:现在|刚|正在|快来|已经|味|烟|火|漏|响|困|倒))/,
  // a notice by its title ("关于清理楼道堆物的通知 周五前自行清理"; a deadline alone may close a report: "…只剩半人宽
  // 请五点前自行清理"), with nothing told as
  // now and no smell, smoke or fire in it ("关于3栋楼道起火的通知" is news of one)
  /^[\s【\[]*关于[^。！？!?]{1,24}的(?:通知|公告|告知|告示)(?![^]*(?:现在|刚|正在|快来|已经|味|烟|火|漏|响|困|倒|还是|仍然|依然|没人))/,
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
  // first-aid advice or a mnemonic passed on to keep ("中风口诀：脸歪、手垂… 大家收藏", "万一…马上打120 转给家里老人看看"),
  // with no place here numbered and nothing told as now
  // (a forward to the family only after a case put as a condition: "我爸脸歪了 … 赶紧打120 转给家里人看看怎么办" is a report)
  // (突然 is the condition's own there: "万一有人突然胸口疼")
  /(?:口诀|建议收藏|大家收藏|收藏起来|(?<=(?:万一|如果|假如|一旦|要是|遇到|碰到)[^]*)转(?:发)?给(?:家里|家人|爸妈|父母|老人|长辈))(?<!(?:现在|正在|刚才|刚刚|快来|救命|叫不醒|真的|但是|可是|\d+\s*(?:栋|号楼|幢|单元|楼|层|室))[^]*)(?![^]*(?:现在|正在|刚才|刚刚|快来|救命|叫不醒|真的|但是|可是|\d+\s*(?:栋|号楼|幢|单元|楼|层|室)))/,
];
/** "不是演练！" undoes a drill marker. */
export const NOT_A_DRILL: readonly Term[] = [/真的(?:有|在冒|冒)(?:烟|火)/, /不(?:像|太像|是)(?:是|在)?(?:演练|演习|模拟|演示|示范)/, /(?<!不是|不)真的?着火/];

/** What a smell or smoke was wrongly taken for, and the harmless cause found instead. */
const DENIED = '漏气|煤气|燃气|天然气|着火|起火|失火|火灾|电线|线路|短路|配电箱|电箱|电表箱|电闸箱|插座';
// (steam let off by a solar water heater: "冒的白气是热水器在泄压，不是着火")
const HARMLESS_CAUSE = '泄压|白气|热气|熬|煮|炖|中药|油烟|排气|烧烤|做饭|炒菜|烧纸|蒸汽|水蒸气|水汽|施工|电焊|焊接|装修|下水道|化粪池|垃圾|油漆|落叶|树叶|枯叶|秸秆|杂草|烤|锡箔|纸钱|元宝|烧香';

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
const SENSOR_FAULT: readonly Term[] = [
  // (or an alarm reviewed as set off by cooking: "报警器好灵敏，炖个汤都会叫")
  // (not with a smell, smoke or a leak told: "报警器好灵敏 一直在响 厨房有煤气味")
  /(?:报警器|探测器|烟感|探头|传感器)[^，。！？,.!?]{0,4}(?:好|太|特别|很|超|过于|挺|真)灵敏(?<!(?:味|臭|闻|漏|泄|冒烟|浓烟|黑烟|火苗|明火|现在|正在|刚才|刚刚|快来|救命|突然|叫不醒|真的|但是|可是)[^]*)(?![^]*(?:味|臭|闻|漏|泄|冒烟|浓烟|黑烟|火苗|明火|一直|现在|正在|刚才|刚刚|快来|救命|突然|叫不醒|真的|但是|可是))/,/(?<!不是|并非|没|不)(?:传感器|探头)(?:是|已经)?(?:老化|坏了|故障|失灵|出了?问题|太灵敏)/, /(?:浓度|读数|数值)(?:是|为|显示)?(?:零(?![点\d一二三四五六七八九])|0(?![\d.]))/];

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
  // (luck that no one was under it at that moment leaves what fell live: "外墙瓷砖掉了一片 幸好那会没人", "幸亏没人")
  // the thrower found and come to apologise ("高空抛物那个查到了 是12楼小孩扔的 家长已经上门道歉了")
  /(?:查到|查出|找到)(?:了)?[^。！？!?]{0,10}(?:扔的|丢的|抛的)(?=[^]*道歉)/,
  /(?:幸好|幸亏|所幸)(?!(?:那会儿?|当时|那时(?:候)?|刚好|正好)?(?:下面|底下|楼下|门口)?(?:没|没有)(?:人|砸到|砸着|伤到|打到))/, /还好没(?!有?(?:人|砸|伤|打中|打到|碰到))/, '无人员伤亡', '无人伤亡', '救熄', '火熄了', '火已经熄',
  // a fallen wire rejoined by the electrician, the way open again ("那根掉下来的电线电工已经接好了 可以正常走了"); a question
  // quoted and answered no ("「楼下是不是着火了？」 回复：没有 是烧烤店在试新炉子")
  /(?:电工|师傅|物业|工人)[^，。！？,.!?\s]{0,3}(?:已经?|已)(?:重新)?接(?:好|回去)/, /(?:可以|能)正常(?:走|通行)了/, '恢复通行',
  /(?:回复|答复)[：:]\s*(?:没有|没|不是|没事)(?=[\s，,。!！]|$)/,
  '已整改', '整改好了', '开走了', /人没事(?![吧吗么嘛？?])/, /已(?:经)?(?:被)?送(?:去|到)?医/, /送(?:去|到)?医院?了/, /(?:被|已被)[^，。！？,.!?]{0,4}送(?:去|到)?医/, /(?:120|救护车)[^，。！？,.!?]{0,3}(?:拉走|接走|送走|带走)/, /送(?:去|到)?(?:医务室|诊所|卫生室)/, '就好了', '没有味道了', '来电了',
  // no harm done, the person taken home or in, the fault tightened and tested, made safe and fenced off, all replaced
  '没大碍', '无大碍', '没什么大碍', /家属[^，。！？,.!?]{0,3}接(?:走|回)/, /(?:家人|家里人)(?:已经|已|都|也|刚)?接(?:走|回)/, /抱(?:进去|下来|回去|回家|进屋)了/, '拧紧了', '已经拧紧', /测[^，。！？,.!?]{0,3}不漏/,
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
  // a closing report: mended by whoever was called, retested clean, the cordon lifted ("漏气已由燃气公司更换接头，复测无泄漏，
  // 警戒解除"; not the question "有无泄漏"); a fire put out with an extinguisher and found safe since ("用灭火器喷灭了 … 消防来看
  // 过说没有隐患了")
  /已由[^，。！？,.!?]{1,12}(?:更换|换好|修复|维修好|处理完?毕?|焊补|补焊|修好|修补|堵上|堵好)/, /(?<![有是否])无(?:泄漏|泄露|漏气)(?![吗么嘛?？])/, /警戒(?:已经?)?解除/,
  '喷灭', /没(?:有)?(?:任何)?隐患了/,
  '引以为戒',
  // rehabilitation asked about after a stroke ("中风了 以后康复去哪里做")
  // (asked where, with nothing sudden told: "刚做完康复训练 突然晕倒了" is a collapse)
  /(?:康复|复健)[^，。！？,.!?\s]{0,4}(?:去哪|在哪|哪里|哪家|哪个医院|推荐)(?<!(?:现在|正在|刚才|刚刚|快来|救命|突然|叫不醒|真的|但是|可是|又|中风了(?=[^]*(?:嘴歪|说不清|说话不清|脸歪)))[^]*)(?![^]*(?:现在|正在|刚才|刚刚|快来|救命|突然|叫不醒|真的|但是|可是|又))/, new RegExp(`以为(?:是)?(?:${DENIED})[^。！？!?]{0,16}(?:原来|结果|其实|一闻|一看|才知道|发现)(?!真|确实)`),
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
  // (not a removal asked for and not yet done: "已贴告知单，限今晚挪走", "已通知业主尽快清走")
  /(?<!(?:限|请|要求|责令|务必|尽快|必须|让|叫|催|督促|通知|告知)[^，。！？,.!?\s]{0,6})(?:挪|移|清|运|拖)走/, '清掉了', '扔掉了', '处理掉了',
  // hauled off by the fire brigade or a tow truck, the scene cleared ("冒烟的电动车已经被消防拉走了 现场清理完了")
  /已(?:经)?被?[^，。！？,.!?\s]{0,4}拉走了/, /已(?:经)?(?:被)?(?:扔|丢)(?:了|掉)/, /(?:现场|地上|车库|楼道)?(?:已经)?清理完(?:了|毕)/,
  // what fell or spilled already cleared up ("那个掉下来的花盆已经清理了")
  /已(?:经)?(?:被)?(?:清理|打扫|收拾)(?:了|干净|好了|掉)/,
  // knocked or cut down before it could fall ("松动的瓷砖吊篮上去敲掉了")
  '敲掉了', '敲下来了', '铲掉了', '凿掉了', '锯掉了', '剪掉了', /已(?:经)?(?:全部|都)(?:敲|铲|凿|拆)掉/, /已经?(?:拿|送|扔|交)(?:去|到|掉)/, '回收点', '回收站', /已经被?[^，。！？,.!?\s]{0,3}拆(?:了|掉|走|除)/,
];
/** … unless it goes on: "火灭了，但是还在冒烟". */
export const CONTINUING: readonly Term[] = [/又[^，。！？,.!?\s]{0,2}(?:晕|倒|摔|抽|犯|发作|昏|不省人事|叫不醒|中风)/, '还在', '还有', '还是有', '又开始', '又有', '又冒', '仍然', '依然',
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
  /(?<!不是|不|没)真的?(?:烧|着|燃)起来了/,
  // a fault back after its repair ("上周说填好了 今天又塌下去了", "井盖刚修好 今天又被撬开了")
  /又(?:塌|陷|沉|裂|掉|翘|松|漏|坏|被(?:人)?(?:撬|偷|掀|打开|拿走|挪走|弄坏))/, /(?:但|可|不过)(?:是)?现在[^，。！？,.!?]{0,16}(?:点着|引着|烧着|着起来|烧起来)/,
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
