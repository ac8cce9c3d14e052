// In the danger's own clause: the words around it that make it no report — a figure of speech, a simile, a
// hypothetical or a precaution, a rule quoted, a mistake owned, a negation, a question of what to do or where to buy.
import type { Term } from '../triage/urgency.ts';

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
  // what to do on seeing one from now on ("以后谁看到飞线充电 直接拍照发群里", "今后发现有人在楼道充电请联系物业")
  /(?:以后|今后|往后|日后|下次|下回)[^，。！？,.!?\s]{0,4}(?:看到|看见|发现|遇到|碰到|见到)/,
];
/** Before the danger in its clause: it was taken for one and was not ("我还以为哪里爆炸了", "我以为什么炸了"). */
export const MISTAKEN_BEFORE: readonly Term[] = ['还以为', '我以为', '以为是', '误以为', '错以为', '当成'];
/** Before the danger in its clause: a rule or a plea ("严禁电动车进电梯", "千万别用明火"). */
// (别 is a plea, not the 别 of 特别, 分别, 区别, 告别, 个别, 级别, 类别, 识别, 性别, 差别, 辨别, 离别, 派别, 鉴别: "特别冲的天然气味")
export const PROHIBITION_BEFORE: readonly Term[] = ['严禁', '禁止', '请勿', '切勿', '不要', '不得', '不准', '不许', /别(?<![特分区告个级类识性差辨离派鉴道送]别)/, '勿', '不能', '杜绝', '拒绝', '不再'];
/** After the danger in its clause: a question of what to do, "when" ("燃气泄漏时怎么办"), or a rule ("高空抛物是违法的"). */
export const HYPOTHETICAL_AFTER = /^[^，。！？,.!?；;]{0,6}?(?:(?<![小按准及同当平临])时(?!间)|跑不掉|跑都跑不|就完了|就麻烦|就危险|不堪设想|的时候|怎么办|咋办|(?:是不是|是否)就?(?:不能|没法|得|要)(?:再)?(?:用|换)|还能(?:不能)?(?:再)?用|怎么处理|如何|该怎么|要怎么|怎么做|应该怎么|的话|隐患|风险|危险性|事故|知识|怎么预防|预防|违法|犯法|不道德|不文明|可耻|要罚|罚款|判刑|入刑|及时|(?:能不能|可不可以|能否|可以|该不该|要不要)(?:坐|乘|用|走|跳|开|泼|浇)|了?就(?:不要|别|不能|不该)(?:再)?(?:用|充|骑|碰)|(?:报警|预警|监测|检测|防护)(?:手环|手表|器|仪|装置|设备|按钮|贴|垫)(?![^，。！？,.!?]{0,4}(?:响|叫|鸣|报警|闪|亮)))/
/** After the danger in its clause: a warning to whoever does it ("烧炭取暖的注意", "一氧化碳中毒不是开玩笑的"); read only
 * where no one and nothing here is named before it ("他要跳楼不是开玩笑的" is a report). */
export const WARNING_AFTER = /^[^，。！？,.!?；;]{0,4}?(?:(?<![了啦])的(?:都|要|请)?注意|(?:真的|可)?不是(?:开玩笑|闹着玩)|开不得玩笑)/;
/** After an urgent-level hazard: where to buy or replace one's own ("灭火器过期了去哪里换"). */
export const SHOPPING_AFTER = /^[^，。！？,.!?；;]{0,8}?(?:去哪|哪里(?:可以|能)?(?:换|买|修|充)|在哪(?:换|买|修)|多少钱|怎么换|怎么买)/;
/** After an urgent-level hazard: whom to ask, who is in charge ("灭火器过期了找谁换", "井盖丢了归谁管"); read only where the
 * message names no place ("楼道里那根电线破了是谁负责修？就在2楼转角" is a report). */
export const WHOSE_JOB_AFTER = /^[^，。！？,.!?；;]{0,8}?(?:找谁(?:换|买|修|充|弄|管)|归谁管|(?:该|由|是)谁(?:管|负责))/;
export const PLACE_NAMED = /楼道|走廊|门口|转角|拐角|楼梯|电梯|车棚|车库|地下室|天台|楼顶|路口|小区|就在|这里|这边|那边|\d+\s*(?:栋|号楼|幢|单元|楼|层|室)|[一二三四五六七八九十]+(?:栋|号楼|幢|单元|楼|层)/;
/** After the danger: it is gone ("煤气味没了", "烟散了"). */
export const GONE_AFTER = /^[^，。！？,.!?；;]{0,4}?(?:没了|没有了|散了|消失了|不见了|停了|好了)/;
/** Just before the danger: a negation ("没有煤气味", "闻不到", "不是着火"); 不停/不断 intensify instead. */
export const NEGATION_BEFORE = /(?:(?<!有)没有?|无|未|不再|并非|(?<!是)不是|(?<!是)不(?![停断少得行知住会了是]))[^，。！？,.!?\s]{0,2}$/;
/** Before a sign in its clause: it was looked for and not found ("没有闻到什么味道", "也没看到有烟"). */
export const NOT_PERCEIVED = /(?:没有?|未)(?:闻到|闻见|看到|看见|听到|听见|发现)(?:什么|任何|啥|一点|有)?[^，。！？,.!?\s]{0,3}$/;

/** After a plea, in the clause of the harm it warns of: what one would answer for, nothing told as happened ("别放花盆 掉下去
 * 砸到人要担责的"; not "掉下去砸到人了"). */
export const LIABILITY_AFTER = /^[^，。！？,.!?；;了]*?(?:(?:是|可)?(?:要|得|会)(?:担责|负责|赔|坐牢|判刑|吃官司|负法律责任|承担责任|承担法律责任)|后果自负)[^，。！？,.!?；;了]*$/;

/** Anywhere in the message: a video game being played ("儿子打游戏", "在玩游戏", "游戏里"). */
export const GAME_PLAYED = /(?:打|玩)[^，。！？,.!?\s]{0,3}游戏|游戏(?:里|中|上)|王者荣耀|吃鸡|和平精英|我的世界|蛋仔派对|原神/;
/** Just before the danger in its clause: the game itself or what is on its screen ("打游戏着火了", "基地被炸了", "满屏着火"). */
export const GAME_SCENE_BEFORE = /(?:游戏|基地|满屏|全屏|屏幕上?|画面上?|角色|副本|关卡|地图|主城|水晶|防御塔|城堡|飞船|坦克|小人)(?:里|中|上)?(?:都|全|又|被|都在|全在|在)?$/;
/** In the message: the player shouting the game's fire, once or over and over ("打游戏喊着火了 着火了"). */
export const GAME_SHOUTED = /(?:喊|说|叫|嚷|嚷嚷|吼|嚎)着?(?:(?:着火|起火|失火|爆炸|炸了)(?:了|啦|咯|喽)?[\s，,!！、~]*)+/g;
/** In the message: a real thing or a real sign beside a game, which makes its fire a report ("打游戏 主机着火了 一股焦味"). */
export const REAL_BESIDE_GAME = /电脑|主机|机箱|显示器|插座|插线板|插排|排插|充电器|充电宝|电源|电线|手机|平板|游戏机|焦味|糊味|烟味|冒烟|黑烟|浓烟|火苗|明火|119|快来|救命|灭火/;

/** Before an urgent-level fault in its clause: a repair planned or announced ("物业将于本周内更换各楼层过期灭火器"). */
export const PLANNED_FIX_BEFORE = /(?:将|将于|计划|定于|拟|准备|即将)[^，。！？,.!?]{0,12}(?:更换|维修|检修|整改|清理|清运|拆除|更新|补充|充装|修复)[^，。！？,.!?]{0,8}$/;
/** … unless the message tells the plan is overdue ("说下周换 可到现在还没换"). */
export const PLAN_OVERDUE = /还没|一直没|到现在|迟迟|拖了|说了[^，。！？,.!?]{0,4}(?:没|不)/;

/** In the message: a nuisance that drives the writer mad ("楼上的装修声逼疯了", "吵得我快疯了"), whose "想跳楼" is exasperation. */
export const DRIVEN_MAD = /(?:装修|电钻|噪音|噪声|声音|吵|狗叫|广场舞|施工|打桩|敲|砸墙)[^。！？!?]{0,10}(?:逼疯|疯了|快疯|要疯|烦死|吵死|崩溃)/;
/** … unless the message tells despair, months of it, sleep gone, or a means or a place to do it ("活着没意思", "失眠三个月",
 * "站在天台", "药都买好了"). */
export const DESPAIR_TOLD = /活着|不想活|没意思|失眠|睡不着|(?:几|好几|[两三四五六七八九十\d])个多?月|撑不下去|熬不下去|绝望|抑郁|遗书|遗言|告别|永别|对不起|站在|爬上|坐在|已经在|窗台|楼顶|天台|阳台|栏杆|药|刀|割|安眠|烧炭|真的会|不是开玩笑|认真的/;
