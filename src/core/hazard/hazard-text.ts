// The text the hazard rules read: NFKC, lower case, traditional characters folded to simplified, and the common
// voice-to-text and pinyin-input slips (楼到 → 楼道, 税管 → 水管, 然气 → 燃气) repaired, so one word list covers them.
import { boundedMemo } from '../util/memo.ts';
import { SIMPLIFIED_CHARS, TRADITIONAL_CHARS } from './traditional-chars.ts';

/** Traditional → simplified beyond traditional-chars.ts: 著, which OpenCC keeps (著名), is 着 in a report ("著火了"). */
const TRADITIONAL_ALSO: Readonly<Record<string, string>> = { 著: '着' };

/** Slips of voice input and pinyin typing seen in group chats, longest first where they overlap. */
const SLIPS: readonly (readonly [string, string])[] = [
  ['楼到', '楼道'], ['楼导', '楼道'], ['娄道', '楼道'], ['税管', '水管'], ['睡管', '水管'], ['天然汽', '天然气'], ['然气', '燃气'],
  ['燃汽', '燃气'], ['然汽', '燃气'], ['煤器', '煤气'], ['着货', '着火'], ['消防拴', '消防栓'], ['景盖', '井盖'], ['煤起', '煤气'], ['燃起表', '燃气表'], ['燃起', '燃气'], ['燃起灶', '燃气灶'], ['燃起管', '燃气管'], ['燃起味', '燃气味'], ['燃起罐', '燃气罐'], ['燃其', '燃气'], ['煤汽', '煤气'], ['没气罐', '煤气罐'], ['液化汽', '液化气'], ['漏汽', '漏气'],
  ['着伙', '着火'], ['失伙', '失火'], ['火宅', '火灾'], ['冒咽', '冒烟'], ['冒火化', '冒火花'], ['电平车', '电瓶车'],
  ['电品车', '电瓶车'], ['店瓶车', '电瓶车'], ['店动车', '电动车'], ['电东车', '电动车'], ['配店箱', '配电箱'],
  ['配电相', '配电箱'], ['电表相', '电表箱'], ['井改', '井盖'], ['井概', '井盖'], ['非线', '飞线'],
  ['灭火气', '灭火器'], ['电悌', '电梯'], ['漏店', '漏电'], ['触店', '触电'], ['插拍', '插排'], ['插板', '插排'], ['冲电', '充电'],
  ['电题', '电梯'], ['电提', '电梯'], ['点梯', '电梯'], ['店梯', '电梯'], ['燃器', '燃气'], ['晕低', '晕倒'], ['冇', '没'],
  ['消防通到', '消防通道'], ['安全通到', '安全通道'], ['逃生通到', '逃生通道'], ['疏散通到', '疏散通道'],
  // pinyin initials typed for speed: mq 煤气, rq 燃气, xf 消防, ddc 电动车, dpc 电瓶车
  ['mq', '煤气'], ['rq', '燃气'], ['xf', '消防'], ['ddc', '电动车'], ['dpc', '电瓶车'],
  ['进盖', '井盖'], ['瓦斯', '煤气'], ['媒气', '煤气'], ['到在地上', '倒在地上'], ['到在地下', '倒在地下'],
  // Cantonese (and Minnan 落来) words with a Mandarin twin the rules know: 落嚟 下来, 嚟 来, 咗 了, 喺 在, 唔 不, 嘢 东西, 掟 扔, 燶 焦 (burnt),
  // 差啲 差点, 细路 小孩, 火烛 火灾, lift 电梯, 叉电 充电, 拖板 插线板, 烧紧/漏紧/冒紧/流紧 (in progress), 跌低咗 (fell)
  ['出咗嚟', '出来了'], ['升降机', '电梯'], ['仲喺度', '还在'], ['喺度', '在'], ['好焗', '好闷'], ['快啲', '快点'], ['啲', '些'], ['唔系', '不是'], ['系咪', '是不是'], ['嗰', '那'], ['隔篱', '隔壁'],
  ['落嚟', '下来'], ['落来', '下来'], ['嚟', '来'], ['咗', '了'], ['喺', '在'], ['唔', '不'], ['嘢', '东西'], ['掟', '扔'], ['燶', '焦'], ['差啲', '差点'], ['细路', '小孩'],
  ['火烛', '火灾'], ['lift', '电梯'], ['揸住', '拿着'], ['揸', '拿'], ['癫佬', '疯子'],
  // the voice slip 没气味 for 煤气味 ("有股没气味")
  ['没气味', '煤气味'], ['霉气味', '煤气味'], ['叉电', '充电'], ['拖板', '插线板'], ['烧紧', '在烧'], ['漏紧', '在漏'], ['冒紧', '在冒'], ['流紧', '在流'], ['跌低', '跌倒'],
  // 粤 走火通道/走火梯 (fire escape), 水浸 (flooded), 冷气机 (air conditioner), 掂到 (touched), 震紧 (shaking); 沪 关牢 (shut in), 揿 (press)
  ['走火通道', '消防通道'], ['走火梯', '消防楼梯'], ['水浸', '水淹'], ['冷气机', '空调'], ['掂到', '碰到'], ['震紧', '在抖'], ['关牢', '关着'], ['揿', '按'],
  // 粤 𨋢 (lift), 露台 (balcony), 入面 (inside), 而家 (now), 仲有/仲系 (still), 喊紧 (crying out), 屋企 (home), 佢 (he/she),
  // 睇 (look), 嘅 (的); 闽 佇 (at), 欲跳 (about to jump), 落去 (down)
  ['𨋢', '电梯'], ['露台', '阳台'], ['入面', '里面'], ['而家', '现在'], ['仲有', '还有'], ['仲系', '还是'], ['喊紧', '在喊'], ['屋企', '家里'],
  ['佢', '他'], ['睇', '看'], ['嘅', '的'], ['出返', '出'], ['佇', '在'], ['欲跳', '要跳'], ['落去', '下去'],
  // voice and pinyin slips of hazard words: 配电想 配电箱, 消访 消防, 井该 井盖, 窗太 窗台, 处电 触电, 菜到 菜刀 (in a hand)
  ['配电想', '配电箱'], ['消访', '消防'], ['井该', '井盖'], ['窗太', '窗台'], ['处电', '触电'], ['菜到', '菜刀'],
  // more homophone slips: 云倒 晕倒, 流学 流血, 鱼糖 鱼塘, 没火器 灭火器, 消防同道 通道, 线漏在外 露; emergency numbers in words
  ['云倒', '晕倒'], ['流学', '流血'], ['鱼糖', '鱼塘'], ['池糖', '池塘'], ['没火器', '灭火器'], ['同道', '通道'], ['漏', '露'],
  // a voice slip of 着火 (zháo → zhǎo), not looking for a light ("找火了没 我打火机不见了")
  ['找火', '着火'], ['一二零', '120'], ['幺二零', '120'], ['一一九', '119'], ['幺幺九', '119'], ['一一零', '110'], ['幺幺零', '110'],
  // 沪/吴 物事 (a thing), 阿拉 (we), 交关 (a great many), 勿 (not), 勒 (at, in the middle of), 脚边浪 (上), 炸脱了 (脱: done, dropped);
  // 粤 打交 (to fight), 啲 (a bit), 哋 (plural)
  ['物事', '东西'], ['阿拉', '我们'], ['交关', '好多'], ['勿', '不'], ['勒', '在'], ['浪', '上'], ['脱', ''],
  ['打交', '打架'], ['啲', '点'], ['哋', '们'],
  // voice slips: 梅气 煤气, 淌血 (bleeding), 墙到了 倒了; 粤 灭火筒 (extinguisher), 消防喉 (hose); 沪 锁牢 (locked fast); 闽 打某 (beats his wife)
  ['梅气', '煤气'], ['淌血', '流血'], ['墙到了', '墙倒了'], ['灭火筒', '灭火器'], ['消防喉', '消防水带'], ['锁牢', '锁死'], ['打某', '打老婆'],
  // homophone slips of hazard words: 保警器 报警器, 精盖 井盖, 防火们 防火门, 拿到 拿刀 (before a chase or a blow)
  ['保警器', '报警器'], ['精盖', '井盖'], ['防火们', '防火门'], ['拿到', '拿刀'], ['惊铃', '警铃'], ['出电了', '触电了'],
  // 闽 细汉仔/细汉囝 (a small child), 家己 (oneself), 大路中央 (the middle of the road), 毋知 (not know), 佗位 (where); 川 屋头 (at home);
  // 粤 叫白车 (call an ambulance); English "fire extinguisher"
  ['细汉仔', '小孩'], ['细汉囝', '小孩'], ['家己', '自己'], ['大路中央', '马路中间'], ['毋知', '不知'], ['佗位', '哪里'], ['屋头', '屋里'], ['白车', '救护车'],
  ['fire extinguishers', '灭火器'], ['fire extinguisher', '灭火器'],
  // 沪 伊拉 (they: "阿姐伊拉小区", her family's estate)
  ['伊拉', '他们'],
  // 粤 插苏 (a socket), 搞掂 (sorted), 窿 (a hole: 地陷咗个大窿), 起唔到身 (cannot get up), 晒 after a verb (all, through:
  // 铜线露晒, 手麻晒); slips 消房 消防 (fire lane), 电体 电梯 (电体停了)
  ['插苏', '插座'], ['搞掂', '搞定'], ['窿', '洞'], ['起唔到身', '起不来'], ['起不到身', '起不来'], ['晒', '了'], ['消房', '消防'], ['电体', '电梯'],
  // 沪 掼 (throw, not the card game 掼蛋), 焦气 (a burnt smell), 撬脱 (pried off)
  ['掼', '扔'], ['焦气', '焦味'], ['撬脱', '撬走'],
  // pinyin-input slips of staff typing fast: mei气 (煤气, a syllable left untyped), 招火 (着火), 露电 (漏电), 垫线 (电线), wy (物业)
  ['mei气', '煤气'], ['招火', '着火'], ['露电', '漏电'], ['垫线', '电线'], ['wy', '物业'],
  // voice slips: 燃期 燃气 (qī for qì), 电涕 电梯; 灰线 for 飞线 (f/h run together in southern speech), before a charge
  ['燃期', '燃气'], ['电涕', '电梯'], ['灰线', '飞线'],
  // elderly voice input: 着活 for 着火 (huó for huǒ), 冒眼 for 冒烟 (yǎn for yān); 粤 都系/全系 (all is: 成层楼都系烟), 真定假
  // (true or false: 唔知真定假), 沙井 (a manhole)
  ['着活', '着火'], ['冒眼', '冒烟'], ['系', '是'], ['真定假', '真假'], ['沙井', '窨井'],  // pinyin initials typed for speed, read only where what follows or stands around makes them a hazard: fxcd 飞线充电
  // (with a place, an "again" or a report), lx 裸线 and jg 井盖 (before their state: "lx露了", "jg松了"), bs 不是 (before a
  // danger's word: "bs火警 是炒菜的烟")
  ['fxcd', '飞线充电'], ['lx', '裸线'], ['jg', '井盖'], ['bs', '不是'],
  // homophone slips: 照火 for 着火 (zhào/zháo, before 了: not a photo of a hotpot), 电评车/电频车 for 电瓶车; half-pinyin fei线 飞线
  ['照火', '着火'], ['煤齐', '煤气'], ['电评车', '电瓶车'], ['电频车', '电瓶车'], ['fei线', '飞线'],
];

/** A number said in words, not inside a longer one ("快打一二零"). */
const NO_DIGIT = (w: string): string => `${w}(?<![一二三四五六七八九十零〇幺两\\d]${w})(?![一二三四五六七八九十零〇幺两\\d])`;

// 然气 is a slip for 燃气 except in 天然气; 冲电 for 充电 except in 冲电梯, 冲电话
const GUARDED: Record<string, string> = {
  然气: '(?<!天)然气', 然汽: '(?<!天)然汽', 冲电: '冲电(?![梯影话脑视])',
  // initials only before a word they belong with, and not inside a Latin word
  mq: '(?<![a-z])mq(?=味|罐|灶|表|管|泄|漏|报警|阀)', rq: '(?<![a-z])rq(?=味|罐|灶|表|管|泄|漏|报警|阀)',
  晕低: '晕低(?=咗|左|了|啦|嘅)', 跌低: '跌低(?=咗|左)', 燃起: '燃起(?=泄|漏)', 燃其: '(?<![点引助])燃其(?![中他它实])', 进盖: '(?<![推前引促先改])进盖', 拖板: '拖板(?!车)', 火烛: '火烛(?!小心)', lift: '(?<![a-z])lift(?![a-z])',
  // (or before how strong it is: "厨房里没气味好重", "没气味道好重", which no smell can be)
  没气味: '没(?<=(?:[股阵点]|[都全]是)没)气味|没气味(?=道?(?:好|很|太|特别|超|老|真|蛮|挺|也太|咋这么|怎么这么)(?:重|冲|浓|大|呛|刺鼻))',
  // … and 霉气味 (méi), with a call to come out or find whose it is and nothing damp or mouldy told ("有股子霉气味 冲得很
  // 哪家的嘛 快点出来看一哈"); a musty corridor is 霉味, 一股霉气
  霉气味: '霉气味(?<=[股阵]子?霉气味)(?<![霉潮湿][^。！？!?]{0,20}霉气味)(?![^。！？!?]{0,30}(?:发霉|长霉|霉斑|潮|湿|下水|垃圾|清理|打扫|刷))(?=[^。！？!?]{0,24}(?:快点|赶紧|快来|快出来|哪家|谁家|报警))',
  xf: '(?<![a-z])xf(?=通道|车道|栓|门|设施)',
  井该: '井该(?=被|丢|没|不见|坏|碎|松|翘|塌|掀|烂|歪|破|了)', 窗太: '窗太(?=上|外|边)', 处电: '处电(?<![此各住该某何多几一两到去之远近别]处电)(?=了|啦|倒|身亡|死)',
  // (the word first, then what stands before it: an alternative that starts with a plain character is scanned fast)
  菜到: '菜到(?<=[拿举持提抄挥握](?:着|起|了)?(?:把|一把)?菜到)',
  云倒: '云倒(?![影映])', 找火: '找火(?=[了啦喽咯](?![没吗么呢]))(?![^。！？]*(?:打火机|火机|点烟|抽烟|借个火|借火))', 流学: '流学(?<![交分电气支主潮河物人合车名]流学)(?![习生校会术科者派问])', 同道: '同道(?<=(?:消防|安全|逃生|疏散|应急)同道)',
  漏: '漏(?<=线漏)(?=在外|出来|出|着)', 一二零: NO_DIGIT('一二零'), 幺二零: NO_DIGIT('幺二零'), 一一九: NO_DIGIT('一一九'), 幺幺九: NO_DIGIT('幺幺九'), 一一零: NO_DIGIT('一一零'), 幺幺零: NO_DIGIT('幺幺零'),
  物事: '物事(?<![人文景器动植生万]物事)(?![件业迹务宜情])', 阿拉: '阿拉(?![伯丁斯善蕾木])', 交关: '交关(?<![生性]交关)(?!系)',
  勿: '勿(?<![请切务勿]勿)(?=想|开|晓得|要|来|好|会|肯|灵|是|能)', 勒: '勒(?<=[还正碎横放摆掉落坐站躺停倒伊侬我他她拉]勒)(?![索令紧死住马脖])',
  浪: '浪(?<=[边头面]浪)(?![花漫费潮涌])', 脱: '脱(?<=[炸烧断塌坏跌落]脱)(?=了|勒|特|哉)', 打交: '打交(?![道通易流换际往叉锋手])', 落去: '落去(?<![失段]落去)', 仲有: '仲有(?<!伯仲有)', ddc: '(?<![a-z])ddc(?![a-z])', dpc: '(?<![a-z])dpc(?![a-z])',
  梅气: '梅气(?=味|罐|灶|表|管|泄|漏|阀)', 墙到了: '墙到了(?<![刷砌贴粉抹]墙到了)', 锁牢: '锁牢(?![固靠])', 打某: '打某(?=[矣啦咧喔啊呀，,。 ]|$)',
  // 拿到 for 拿刀 only before a chase or a blow ("拿到追着人砍"), never "拿到快递"
  拿到: '拿到(?=[^，。！？,.!?\\s]{0,3}(?:追着|追人|追砍|追杀|砍|捅|劈|乱挥))',
  // 出电了 for 触电了 said of a person ("有人出电了"), not a battery that gives no more power ("充不出电了"); 白车 called for, not a white car
  出电了: '出电了(?<=(?:有人|人|他|她|工人|师傅|小孩|孩子|老人)出电了)', 白车: '白车(?<=(?:叫|喊|召|打|等)白车)', 屋头: '屋头(?!顶)',
  伊拉: '伊拉(?![克斯])', 掼: '掼(?!蛋)',
  灰线: '灰线(?=[^，。！？,.!?\\s]{0,2}(?:充电|冲电|充着|在充))',
  // (not working on: "正干着活了", "忙着活动"; not an eye that tears: "冒眼泪", "冒眼镜"; 系 only after 都/全 before smoke or fire)
  着活: '着活(?<![干做忙在]着活)(?=[了啦喽咯]|\\s|$)', 冒眼: '冒眼(?![泪睛镜珠神色光])', 系: '系(?<=[都全]系)(?=[^，。！？,.!?\\s]{0,2}[烟火水])',
  // (晒 only after a verb it completes, not the sun: "露晒" but "晒被子", "暴晒"; 电体 only as a lift: "电体停了")
  晒: '晒(?<=[露麻湿烂坏黑断淹浸]晒)', 消房: '消房(?=通道|车道|栓|门|设施|器材|箱)', 电体: '电体(?<![导带发绝静]电体)(?=[停坏卡里门口间厅困关上下不])',
  // 楼到 is 楼道 but not between floors ("9楼到10楼", "从1楼到顶楼")
  楼到: '楼到(?<![\\d一二三四五六七八九十几两]楼到)(?![\\d一二三四五六七八九十几两顶])',
  mei气: '(?<![a-z])mei气(?=味|罐|灶|表|管|泄|漏|阀)', 招火: '招火(?=[了啦喽咯](?![没吗么呢]))', 露电: '露电(?<![暴裸外显袒透]露电)(?![线缆脑视影])',
  wy: '(?<![a-z])wy(?![a-z])',
  fxcd: '(?<![a-z])fxcd(?![a-z])(?!\\s*(?:是什么|是啥|啥意思|什么意思|是谁|指的))(?:(?=[^]*(?:\\d|[栋楼层]|单元|又|物业|举报|拍照|车棚|门口|窗|楼下))|(?<=(?:\\d|[栋楼层]|单元|又|物业|举报|车棚|门口|窗|楼下)[^]*fxcd))',
  lx: '(?<![a-z])lx(?![a-z])(?=[^，。！？,.!?\\s]{0,2}(?:露|漏|裸|在外|没包|外露|带电|有电))',
  jg: '(?<![a-z])jg(?![a-z])(?=[^，。！？,.!?\\s]{0,2}(?:松|翘|丢|没了|没盖|不见|坏|碎|塌|掀|烂|歪|破|被偷|陷|裂|晃|移位|开了|没了))',
  bs: '(?<![a-z])bs(?![a-z])(?=\\s*(?:火警|着火|起火|失火|火灾|冒烟|煤气|燃气|漏气|爆炸|演习|演练|真的|漏电|触电|开玩笑))',
  煤齐: '煤齐(?=味|罐|灶|表|管|泄|漏|阀)',
  照火: '照火(?<![拍关观按参护对映写合]照火)(?=[了啦喽咯])', fei线: '(?<![a-z])fei线(?!\\s*(?:是什么|是啥|啥意思|什么意思))',
  'fire extinguishers': '(?<![a-z])fire extinguishers(?![a-z])', 'fire extinguisher': '(?<![a-z])fire extinguisher(?![a-z])',
};
/** English words in a Chinese message ("smell gas in B栋 lobby"). */
const ENGLISH: Readonly<Record<string, string>> = { gas: '燃气', smell: '闻到', smells: '闻到', smelled: '闻到', leak: '漏', leaking: '在漏', faint: '晕倒', fainted: '晕倒', 'not breathing': '没有呼吸', unconscious: '昏迷', trapped: '被困', stuck: '卡住' };
const ENGLISH_RE = /(?:g(?<![a-z]g)as|s(?<![a-z]s)mell(?:s|ed)?|l(?<![a-z]l)eak(?:ing)?|e(?<![a-z]e)-?(?:bike|scooter)s?|c(?<![a-z]c)orridor|h(?<![a-z]h)allway|s(?<![a-z]s)tairwell|e(?<![a-z]e)levator|f(?<![a-z]f)aint(?:ed)?|n(?<![a-z]n)ot breathing|u(?<![a-z]u)nconscious|t(?<![a-z]t)rapped|o(?<![a-z]o)ld (?:lady|man|woman)|s(?<![a-z]s)ome(?:one|body)|g(?<![a-z]g)lass|r(?<![a-z]r)ailing|b(?<![a-z]b)alcony|b(?<![a-z]b)atter(?:y|ies)|s(?<![a-z]s)tuck|b(?<![a-z]b)ab(?:y|ies)|k(?<![a-z]k)ids?|f(?<![a-z]f)ire alarms?|f(?<![a-z]f)ire exits?|f(?<![a-z]f)ire doors?|e(?<![a-z]e)mergency exits?|p(?<![a-z]p)adlocked|s(?<![a-z]s)parking(?! joy)|c(?<![a-z]c)harging|e(?<![a-z]e)xtension (?:cord|lead)s?|p(?<![a-z]p)ower (?:strip|line)s?|f(?<![a-z]f)lower ?pots?|w(?<![a-z]w)indow|h(?<![a-z]h)anging(?! out| around)|o(?<=(?:building|bldg|block|floor|flat|apartment|kitchen|room|house|楼|栋|\df)[^,.!?]{0,15}o)n fire|p(?<![a-z]p)ool(?:ing|ed|s)? (?:around|under|near|by)|t(?<![a-z]t)hrow(?:ing|s|n)? (?:stuff|things|something|bottles|objects|trash|rubbish|garbage) (?:from|out of|off))(?![a-z])/g;
// the person a faint happens to, and the parts of a building that crack or fall ("old lady fainted", "glass railing 裂了")
const ENGLISH_WORD: Readonly<Record<string, string>> = { corridor: '楼道', hallway: '走廊', stairwell: '楼梯', elevator: '电梯', 'old lady': '老太太', 'old woman': '老太太', 'old man': '老人', someone: '有人', somebody: '有人', glass: '玻璃', railing: '栏杆', balcony: '阳台',
  // a battery swollen, a child left in a car, a fire alarm switched off ("battery胀得好大", "baby被锁在车里")
  battery: '电池', batteries: '电池', baby: '宝宝', babies: '宝宝', kid: '小孩', kids: '小孩', 'fire alarm': '消防报警', 'fire alarms': '消防报警',
  // a fire exit padlocked, a line sparking, a cord hung from a window to charge, water pooling round a power strip
  'fire exit': '消防通道', 'fire exits': '消防通道', 'fire door': '防火门', 'fire doors': '防火门', 'emergency exit': '安全出口', 'emergency exits': '安全出口', padlocked: '锁死', sparking: '冒火花', charging: '充电', window: '窗户', hanging: '吊着', 'power line': '电线', 'power lines': '电线',
  'power strip': '插排', 'power strips': '插排', 'extension cord': '插线板', 'extension cords': '插线板', 'extension lead': '插线板', 'extension leads': '插线板', 'flower pot': '花盆', 'flower pots': '花盆', flowerpot: '花盆', flowerpots: '花盆' };
/** English phrases of a danger, read by their shape ("building 3 is on fire", "throwing bottles from a high floor"). */
const ENGLISH_PHRASE: readonly (readonly [RegExp, string])[] = [[/^on fire$/, '着火'], [/^pool/, '积水漫到'], [/^throw/, '往下扔']];
/**
 * An English exit and its state with where it is put between ("fire exit on 3f of bldg 10 is padlocked from inside"): the
 * state is brought next to the exit, the place after it, so the exit and its lock are read as near as they were said.
 */
const EXIT_STATE_RE = /(?<![a-z])((?:fire|emergency|exit|stairwell) (?:exits?|doors?)|stairwells?)((?: (?:on|at|of|in|near|by|behind) [^,.!?;:]{1,30}?)) (is|are|was|were|has been|have been|got|gets|keeps? getting) ((?:been )?(?:pad)?locked|chained|blocked|welded|sealed)(?![a-z])/g;
const EXIT_STATE: Readonly<Record<string, string>> = { padlocked: '锁死', locked: '锁死', chained: '锁死', blocked: '堵死', welded: '焊死', sealed: '封死' };
const exitState = (_: string, exit: string, where: string, verb: string, state: string): string => `${exit} ${verb} ${EXIT_STATE[state.replace(/^been /, '')] ?? state}${where}`;

/** "fire!" cried in English in a Chinese message with a place or a call for the fire brigade ("fire!!! 3栋一楼那家川菜馆后厨
 * … 119了吗"), not the slang for a fine song ("fire!!! 这首歌太好听了"). */
const FIRE_CRY = /(?<![a-z])fire(?=\s*!)(?=[^]*(?:119|\d+\s*(?:栋|号楼|幢|单元|楼|层)|楼道|厨房|后厨|快跑|救命|烟|火))/g;

const englishOf = (w: string): string => ENGLISH[w] ?? ENGLISH_WORD[w] ?? (/^e-?(?:bike|scooter)s?$/.test(w) ? '电动车' : ENGLISH_PHRASE.find(([re]) => re.test(w))?.[1] ?? w);

/**
 * Pinyin typed without the characters ("zhaohuo le 7 dong 1 danyuan kuai bao jing"): the few words of a danger, a
 * call for help and a place, each whole (not inside an English word). Syllables spaced or run together.
 */
const PINYIN: readonly (readonly [string, string])[] = [
  ['zhao ?huo', '着火'], ['qi ?huo', '起火'], ['shi ?huo', '失火'], ['huo ?zai', '火灾'], ['mao ?yan', '冒烟'], ['nong ?yan', '浓烟'],
  ['mei ?qi ?wei', '煤气味'], ['ran ?qi ?wei', '燃气味'], ['mei ?qi', '煤气'], ['ran ?qi', '燃气'], ['lou ?qi', '漏气'], ['bao ?zha', '爆炸'],
  ['jiu ?ming', '救命'], ['chu ?dian', '触电'], ['lou ?dian', '漏电'], ['bei ?kun', '被困'], ['hun ?mi', '昏迷'], ['yun ?dao', '晕倒'],
  ['bao ?jing', '报警'], ['kuai ?lai', '快来'], ['dian ?ti', '电梯'], ['dan ?yuan', '单元'],
  ['ka ?zhu', '卡住'], ['kun ?zhu', '困住'], ['chu ?bu ?lai', '出不来'], ['fei ?xian', '飞线'],
  // someone down and still ('lao ren dao di bu dong le, mei fan ying')
  ['lao ?ren', '老人'], ['dao ?di', '倒地'], ['mei ?fan ?ying', '没反应'], ['bu ?dong ?le', '不动了'], ['yun ?guo ?qu', '晕过去'],
];
const PINYIN_TO = new Map(PINYIN.map(([py, zh]) => [py.replaceAll(' ?', ''), zh]));
const PINYIN_RE = new RegExp(`(?<![a-z])(?:${PINYIN.map(([py]) => py).join('|')})(?![a-z])|(?<=\\d ?)(?:dong|hao ?lou|ceng)(?![a-z])`, 'g');
const PINYIN_PLACE: Readonly<Record<string, string>> = { dong: '栋', haolou: '号楼', ceng: '层' };
const pinyinOf = (w: string): string => { const k = w.replaceAll(' ', ''); return PINYIN_TO.get(k) ?? PINYIN_PLACE[k] ?? w; };
/** Most messages hold no Latin letters to read as pinyin. */
const LATIN_PAIR = /[a-z]{2}/;
const SLIP_RE = new RegExp(SLIPS.map(([from]) => GUARDED[from] ?? from).join('|'), 'g');
const SLIP_TO = new Map(SLIPS);
const TRADITIONAL: Readonly<Record<string, string>> = {
  ...Object.fromEntries([...TRADITIONAL_CHARS].map((c, i) => [c, SIMPLIFIED_CHARS[i] ?? c])),
  ...TRADITIONAL_ALSO,
};
const TRAD_RE = new RegExp(`[${Object.keys(TRADITIONAL).join('')}]`, 'g');

const CJK_OR_DIGIT = /[\p{Script=Han}0-9]/u;

/**
 * Voice input that puts a space after every word or two ("8 幢 2 楼 房间里 有 火"): the spaces are not clause breaks
 * there, so they are dropped between Chinese characters and digits. Only when most of many pieces are that short.
 */
const FIVE_SPACES = /(?: [^ ]*){5}/;

function unspaced(text: string): string {
  if (!FIVE_SPACES.test(text)) return text;
  const pieces = text.split(/ +/);
  // (a foreign tenant's simple Chinese puts a space after each word, a few of three characters: "电线 没有 皮 在外面 很低")
  const short = (n: number): number => pieces.filter((p) => [...p].length <= n).length;
  if (pieces.length < 6 || (short(2) < 0.7 * pieces.length && (short(2) < 0.5 * pieces.length || short(3) < 0.85 * pieces.length))) return text;
  return pieces.reduce((out, p) => (out === '' ? p : CJK_OR_DIGIT.test(out.at(-1) ?? '') && CJK_OR_DIGIT.test(p[0] ?? '') ? out + p : `${out} ${p}`), '');
}

/** A chat app's tag for what was sent with the words ("[图片] 车库进水了", "[语音转文字] 我被锁在阳台了"): not a video of
 * somewhere else, only the attachment. */
const ATTACHMENT_TAG = /\[(?:图片|视频|语音|语音转文字|文件|动画表情|表情|链接|位置|其他消息)\]/g;

/** The normal form of a message for the hazard rules (remembered: triage and the patrol both read each message). */
export const hazardText = boundedMemo((text: string): string => {
  const lower = text.normalize('NFKC').toLowerCase().replace(ATTACHMENT_TAG, ' ');
  // pinyin and English words only where there are Latin letters to read (most messages have none)
  const latin = LATIN_PAIR.test(lower);
  const folded = unspaced(latin ? lower.replace(PINYIN_RE, pinyinOf) : lower).replace(TRAD_RE, (c) => TRADITIONAL[c] ?? c);
  return (latin ? folded.replace(FIRE_CRY, '着火').replace(EXIT_STATE_RE, exitState).replace(ENGLISH_RE, englishOf) : folded).replace(SLIP_RE, (s) => SLIP_TO.get(s) ?? s);
}, 5_000);

/** Ends a clause (a negation or a "如果" reaches to here); so does a quote-reply's bracket, 「王阿姨：…」, whose words are
 * not the reply's (a 禁止 quoted does not forbid what the reply reports), while a sentence reaches across it ("「…着火了」
 * 假的 别转" is a rumour denied). */
export const CLAUSE_BREAK = /[，。！？,.!?；;:：\n\s~～、「」『』]/;
/** Ends a sentence (news or a past time reaches to here). */
export const SENTENCE_BREAK = /[。！？!?；;\n]/;

/** Where a list of items joined by 、 that holds the clause starting at `cs` begins ("严禁进楼充电、飞线充电"). */
export function listStart(text: string, cs: number): number {
  let start = cs;
  while (start > 1 && text[start - 1] === '、') start = spanAround(text, start - 2, CLAUSE_BREAK)[0];
  return start;
}

/** A clause with no break longer than this is run-on text (voice input with no punctuation: "…往旁边倒下去了我叫他他不答应
 * 脸色发白嘴巴歪着像是中风了我已经打了120了…"): the clause reaches only RUN_ON_REACH characters either side of `at`, so
 * what qualifies one stretch of it (a 像是, a 做饭) does not reach the whole message. A sentence is not cut: what frames
 * a whole telling (a dream, a video, hearsay, a past year) still frames all of it. */
const RUN_ON = 48;
const RUN_ON_REACH = 16;

/** [start, end) of the span around `at` bounded by `breaks` (a clause of run-on text: the stretch near `at`). */
export function spanAround(text: string, at: number, breaks: RegExp): [number, number] {
  let s = at;
  while (s > 0 && !breaks.test(text[s - 1] ?? '')) s--;
  let e = at;
  while (e < text.length && !breaks.test(text[e] ?? '')) e++;
  return breaks === CLAUSE_BREAK && e - s > RUN_ON ? [Math.max(s, at - RUN_ON_REACH), Math.min(e, at + RUN_ON_REACH)] : [s, e];
}

/** The text from `start` to `end` with each clause `drop` picks blanked to one space (what is kept keeps its breaks). */
export function withoutClauses(text: string, start: number, end: number, drop: (clause: string, cs: number, ce: number) => boolean): string {
  let out = '';
  for (let i = start; i < end; ) {
    const [cs, ce] = spanAround(text, i, CLAUSE_BREAK);
    const clause = text.slice(cs, ce);
    out += drop(clause, cs, ce) ? ' ' : `${clause}${text[ce] ?? ''}`;
    i = ce + 1;
  }
  return out;
}
