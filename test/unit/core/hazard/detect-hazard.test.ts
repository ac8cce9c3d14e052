// The one hazard rule set, read by triage (the ticket's urgency) and the patrol (the alert): a representative subset of
// bench/data/hazard-lines.*.jsonl plus the issue's own examples, so a regression fails `npm test`.
import { describe, expect, it } from 'vitest';
import { hazardFinding } from '../../../../src/core/patrol/hazard.rule.ts';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';
import { G20, msg } from '../patrol/fixtures.ts';

const EMERGENCIES = [
  '燃气灶那边好像一直有股怪味道',
  '配电箱那里滋滋冒火花',
  '5栋2单元楼到里一股很冲的然气味，谁家没关阀门啊',
  '厨房煤起罐子那块嘶嘶响，还有点臭鸡蛋的味儿',
  '各位邻居好，刚下班回来一进单元门就闻到很重的燃气味道，三楼最明显，敲了301没人应，物业电话也打不通',
  '俺们这旮沓楼道里煤气味老大了',
  '車棚那邊著火了',
  '插座烧黑了还有焦糊味，刚才啪的一声冒了火星',
  '楼下充电桩有辆车的电池在冒白烟',
  '快来人 楼道里有东西在烧 烟呛得睁不开眼',
  '电梯卡在7楼和8楼中间，我爸在里面出不来',
  '摸了一下单元门的铁把手被电得手发麻',
  '5栋门口一个老人突然摔倒，头上流血，人叫不应',
  '刚才楼上掉下来一个花盆，差点砸到我家孩子',
  '10号楼顶上的广告牌被风吹得哐哐响，一边已经松脱了，下面是幼儿园门口',
  '不是演练！3栋真着火了',
  // held-out misses, kept as regressions: 小时 is not 时 ("when"), 困了 here is "trapped", not "sleepy"
  '我被关在电悌里快半个小时了，手机快没电了',
  '电梯里困了个送水的师傅，他在里面一直敲门',
  '燃气没关好？整个四楼都是那个味',
  '我家燃气报警器一直在叫，打开窗还是响',
  // part I (a second author's held-out lines): misses on its first run, kept as regressions
  '是不是漏气了啊，好大的味',
  '报警器滴滴滴响个不停 厨房有股味道',
  '阀门关不上了 气一直在出',
  '电箱里头滋啦滋啦的，闪蓝光',
  '一个小朋友被鱼刺卡住喉咙 脸都紫了',
  '孩子高烧抽搐了 谁有车送医院',
  '地下室门锁坏了 有个师傅被关里面出不来',
  '娃儿脑壳卡到栏杆里头了 拔不出来',
  '车库顶棚塌了一块 下面停着车',
  '隔壁一直在打老婆 女的在喊救命',
  // part I lines found on the first run
  '点火点唔着 但系成屋都系煤气味啊 点算',
  '@物业小李 @王管家 麻烦问下明天停水吗 对了刚才下楼路过2单元 楼道里一股很浓的煤气味 不知道是哪家 还有快递柜那个屏幕坏了好几天了',
  // wording patterns from part K's misses (paraphrased, not K's lines)
  '走廊里有烟 不知道哪家的 大家出来看看',
  '对面那户屋里全是火 快打电话',
  '电房门缝里有烟出来 一股烧塑料的味道',
  '车棚的铁栏杆带电 刚有人碰了一下被麻倒了',
  '嘭的一声 楼下商铺的玻璃门全震碎了',
  '工地的塔吊倒了 压住了两个人',
  '小区门口的道闸落下来 把骑车的大叔腿压住了',
  '楼上小伙子说要去死 敲门也不开',
  '楼下那男的抄起酒瓶就往人头上砸',
  '几个小孩在河道冰面上跑 冰都裂了',
  // wording patterns from part M's first run (paraphrased, not M's lines): named conditions and an ambulance awaited,
  // coal fires indoors, a lift stopped with someone still inside, Cantonese, a child locked in a car, a negation that is
  // the symptom's own (没盖), pinyin initials
  '对门大叔好像心梗了 叫了120还没来',
  '老两口在屋里烧炭盆取暖 现在都说头痛想吐',
  '货梯停在两层中间了 里面还有人在喊',
  '门口个阿伯晕低咗 冇反应',
  '停车场那辆白车里锁着个小孩 车窗一点没开',
  '3号楼后面那个雨水井没盖 有个小孩掉进去了',
  '楼下rq管道接口那里一直有味',
  '小区变压器的电线烧断了 还在往下掉火星',
  // wording patterns from part N's first run (paraphrased, not N's lines): a tap left on, Cantonese (燶味, lift, 掟嘢落嚟),
  // a bang then fire, a burnt smell a clause after the sound, deliveries piling up, people under a fall or in its way,
  // a child alone by water, in the road or playing with fire, a stranger after a child, a crowd beating someone, a
  // farewell then silence, charcoal in a sealed room, fire emoji with a place, dizziness with a smell and no gas named
  '厨房那边好像忘了关气 一直有丝丝的声音',
  '隔篱屋企有烟，仲有阵燶味',
  '部lift停咗喺两层中间，入面困住个伯伯',
  '有人喺窗口掟嘢落嚟，差啲掟中阿婆',
  '地库里砰的一下 跟着就看见火光',
  '配电室一直嗡嗡的 过了一会儿闻到烧塑料的味',
  '对门的报纸堆了一星期没人拿 几天没见过人了',
  '车棚的铁架子倒下来 压到了一个老伯',
  '塔吊歪得厉害 眼看就要倒',
  '有个娃娃一个人在小区池塘边上 周围没大人',
  '几个孩子躲在车库里玩打火机',
  '马路中间有个小屁孩在追球 车来车往的',
  '一个不认识的男的一直尾随那个小学生',
  '一群人围着一个小伙子打 打得满脸是血',
  '楼顶那个姑娘一直在哭 谁都劝不住',
  '他昨晚在群里发了告别的话 今天手机一直关机',
  '屋里一股木炭味 窗户缝都封死了',
  '🔥🔥2号楼阳台🔥 赶紧打119',
  '一进屋就头痛 屋里有股刺鼻的怪味 老人也说晕',
  '阿婆喺楼梯度跌低咗 流紧血',
  // a past fire recalled, but burning again
  '前几天着火那家 你们还记得吧 现在又冒烟了',
  '孩子反锁在里面 钥匙在我这 一直在哭',
  '快递员被锁在单元门里面了 一直在敲门',
  // part O round (new wording, not part O's lines): English words, voice input spaced word by word, a persistent smell
  // beside a guessed cause, a growing glow, 不像演习, furnishings set alight whatever lit them, a bang that cracked a
  // frame, a fitting that 电人, someone about to wade through live water, a door lock broken with someone inside, a
  // call for CPR, cannot be woken, a fit with its signs, one's own chest pain and a plea, a fall into a pit, children
  // on a parapet or in a car-park lane, a neighbour's post (朋友圈) naming the building, outside a window, pills
  // swallowed, dependants entrusted beside gas, steel pipes, a drunk grabbing a girl, a threat to kill, Cantonese 揸住
  'smell gas near the 3栋 elevator, 好浓',
  '会不会是燃气泄漏啊 厨房这股味一个多小时了 越来越重',
  '对面6楼阳台红光忽明忽暗 越来越亮',
  '通知说下午消防演习 可是3栋窗口真冒黑烟了 不像是演习',
  '救命 5 栋 3 楼 屋里 有 火 我 走 不 动',
  '蚊香把床单引燃了 502 快来人',
  '嘭的一声 阳台玻璃门都震裂了 楼下有烟',
  '淋浴花洒电人 刚洗澡被麻了一下',
  '地下室进水了 配电箱泡着 好几个小孩在趟水玩',
  '屋檐上的冰柱往下掉 下面有人走',
  '有个老伯掉到没盖的坑里去了 快来帮忙',
  '我关在储藏室里了 门从里面打不开 谁来帮帮我',
  '我爸在卫生间 门把手坏了 他出不来 里面没窗户',
  '谁会心肺复苏 快来篮球场 有人倒了',
  '我媳妇羊水破了 电梯又坏了',
  '对门大爷坐在门口 喊也喊不醒',
  '有个外卖小哥在路口一头栽下去了',
  '隔壁大姐犯病了 倒在地上一直抽',
  '一个人在家 心口疼得厉害 有没有人来一下 3栋1201',
  '两个小学生在地库车道中间追着玩 没见到家长',
  '天台上有个学生坐在女儿墙上',
  '邻居大姐在朋友圈说不想活了 有人能去看看吗 12栋',
  '对面有个人坐在窗户外沿 说要跳下去',
  '楼上老太太说她吞了好多安眠药 门叫不开',
  '他发微信说照顾好他儿子 燃气已经开了',
  '小区门口两拨人打起来了 有人抡着钢管',
  '有个喝醉的在电梯里一直搂着一个女学生',
  '楼道里有人拍门 嚷着要砍死他们全家',
  '有个人揸住把刀喺楼下',
  // a question about power coming back does not end the danger (恢复供电 is "over" only when it has happened)
  '什么时候能恢复供电啊 电梯里还困着人',
  // part P round (new wording, not part P's lines): pinyin typed without characters, someone said to be in a stopped
  // lift, shut in and 出不去, shocked by a named fitting, bleeding that will not stop, out onto a balcony, a roof after a
  // farewell, a child crying out under blows, a 哐 bang with smoke, frames shaken down, things starting to fall on people
  'qihuo le 3 dong 2 danyuan kuai lai',
  '我爸刚打电话说他在电梯里 电梯卡住不动了',
  '我被关在车库的工具间出不去了 门锁卡死了',
  '我老公修灯的时候被开关电到了 现在胳膊抬不起来',
  '邻居大哥切菜切到手 血一直止不住',
  '对面楼有个女孩翻到窗户外面坐着 大家快劝劝',
  '她昨晚发了告别的话 现在人在天台 电话一直打不通',
  '隔壁大人一直打骂 小孩哭喊了好久',
  '楼下哐的一声 楼道里全是烟',
  '三楼那家好像炸了 玻璃窗都震下来了',
  '阳台那块墙开始往下掉水泥块 我们不敢出门',
  // part R round (new wording, not part R's lines): a harmless opening before the danger (的事, 特别, 维保公司), a shock
  // whose victim is still down after the power is off, shut in a named room, a voice slip of 菜刀, kicking someone on the
  // ground, a plea to stop beside thuds, Cantonese (𨋢, 細路 on a sill, 嘭一聲 … 爆咗), English, pinyin, someone still in a
  // car in a flood, cracks still growing with people inside
  '想问下周末停电的事，刚走到3楼就闻到特别浓的煤气味',
  '物业打扰一下，6栋电梯停在半截，有人在里面拍门喊救命，谁有维保公司电话',
  '我老公修插座处电了 我已经断电了 他现在躺地上不说话',
  '我儿子把自己锁卫生间里了 门怎么弄都弄不开',
  '楼上那男的拿着菜到在走廊里追人',
  '楼下有人一直在踢地上的大爷 快报警',
  '隔壁女的一直喊别打了 还有东西撞墙的声音',
  '𨋢困咗人 入面有個伯伯',
  '5座有個細路仔企喺窗台上面',
  '嘭一聲 停車場有嘢爆咗',
  'someone fainted at 2栋 gate, not breathing',
  'ka zhu le 电梯 我在里面 3栋',
  '车库进水 有辆车里还有个人没出来',
  '阳台往下沉 裂缝一直在变大 人还在里面',
  // part S round (new wording): a smell named by its likeness, Wu (物事, 炸脱, 勿, 交关, 甩, 勒, 浪) and Cantonese (老屋塌咗,
  // 入面仲有人), slips (云倒, 流学, 池糖), someone gone still, locked in from outside, water rising round people, a lift
  // stopped and stuffy, walking on into a river, dragged into a car, a 伢 on a sill, an English baby, people below told
  // to get away
  '二楼走廊一直有股像臭鸡蛋一样的味道，越闻越晕',
  '后面仓库啥物事炸脱了，声音很大，窗玻璃都碎了',
  '楼下有个老伯云倒了 快来人',
  '他从台阶上摔下来了 膝盖流学不止',
  '门口坐着个大叔一直捂着胸口，现在躺在那不太动了',
  '我被人锁在杂物间了，门从外面反锁的，救命',
  '一楼那户水已经漫到床上了，老太太一个人在家出不去',
  '电梯停住不动了，里面好热，我一个人在里头',
  '邻居阿姨发消息讲伊勿想活了，讲吃了交关药',
  '河边那个人一直往河里走，叫他也不理，水都到腰了',
  '停车场有人把一个女孩往车里塞，女孩喊救命',
  '谁家伢一个人趴在窗台上，半个身子在外面',
  '一个小朋友一个人在池糖边上玩，没看到大人',
  'someone的baby被关在车里了，车在太阳底下',
  '後面嗰間老屋塌咗，入面仲有人',
  '广告牌掉了一半，还在晃，楼下的人赶紧躲开',
  '有人从楼上往下头甩酒瓶，碎勒我脚边浪',
  // guards kept by the part-Q look-alike round (own wording): a real danger beside the new readings
  '他说要跳楼不是开玩笑的 人在天台上',
  '下冰雹把车棚的雨棚砸塌了一半 快掉下来了 下面有人',
  '雾霾是大 可3栋那边好像真在冒烟 快看',
  '楼道里那辆电动车 大家快看 电池正在冒烟',
  '隔壁老两口烧炭取暖 现在头疼想吐 叫不醒了',
  // wording classes from part Q's rules-alone misses (own wording, not Q's lines): fire emoji and a place alone, the
  // voice slip 找火, a roller door come down on people, a lift that dropped with people inside (门卡住 is no access card),
  // someone shaking after touching a wire (粤), blood all over, a cry to jump, petrol carried to a roof, a knife carried
  // (拎, 粤 拎住), a child locked in an SUV, down a pit or head first in a tank, a voice behind a locked door
  '🔥🔥🔥 7栋3楼',
  '找火了 3栋二单元 快出来',
  '地库的卷帘门砸下来卡住了 我们三个在里面出不去',
  '电梯一下掉了好几层 门卡住了 里面的人一直在喊',
  '有个大叔摸到那条电线 现在一直在抖 别用手拉他',
  '有个老人摔了 头上血流了一地',
  '对面楼的女的在窗边哭着说要跳下去',
  '他提着一桶汽油上了楼顶 把门反锁了',
  '楼下有人拎着菜刀在追人',
  '有個後生拎住把刀喺停車場',
  '停车场那辆黑色suv里关着个孩子 车窗全关着',
  '有个小妹妹掉进工地的坑里出不来了',
  '花园水池有个小男孩头朝下栽进去了',
  '隔壁阿姨在屋里喊起不来 门从里面反锁着进不去',
  '厨房那边有股梅气味，谁家灶没关',
  '楼下老爷子摔了一跤，额头磕破淌血了',
  'lou xia you ge lao ren dao di le, kuai lai',
  '隔壁阿姨嘴有点歪，手也抬不起来了',
  '2号楼电梯卡住了，里面就我爸一个人',
  '老太太在厨房跌掉了，爬不起来',
  '室友发消息说以后不用再找他了，电话打不通',
  '有个男的站在楼顶，嘴里念叨着不想活了',
  '楼上又在吵架，女的一直在哭，还有摔东西的声音',
  '停车场一辆车里锁着个小孩，车窗都关着',
  '儿子一转眼不见了，大家帮忙找找，穿蓝衣服',
  '小朋友跑到窗户护栏外面的平台上了',
  'building 5 的 3 楼 is on fire, 快报警',
  'the power line by bldg 2 is sparking',
  'someone is throwing bottles from a high floor, 楼下有小孩',
  '院子那堵墙到了，压住了一个人',
  '空调外机掉下来了，把楼下的车砸扁了',
  '伊咧打某矣，快叫警察',
  // classes from part T's rules-alone misses (own wording, not T's lines): a video posted in the estate's own group, a
  // moan behind a locked door with the writer abroad, a note likened to a last message, a child climbed out past a stair
  // window with the place between, the homophone slip 霉气味 for 煤气味 with a call to come out
  '业主群里有人发视频 7栋5楼窗户在冒黑烟 我妈一个人在6楼 谁能上去带她下来',
  '我爸在9-1-1202 一天没接电话了 保安说屋里有人在呻吟 门从里面反锁了 我在国外',
  '室友刚发了条像遗言一样的朋友圈 他在5栋301 我在上班回不去 谁住附近去敲个门',
  '楼上的小妹妹翻到楼梯间的窗户外头了 11栋8楼 快来人',
  '二单元楼梯口有股霉气味 冲鼻子 谁家的 赶紧出来看看',
  "my aunt's block is on fire!! 业主群里有人发了视频 bldg 2 的 6 楼 is on fire, please 谁去 knock on 702",
  // (part-U round, own wording) a hiss with a sharp smell, an alarm's slip, a broken pipe with the leak warnings, someone not answering or slurring, a snake bite, a plain farewell, charcoal behind a locked door, a lift stopped with someone inside, a child shut in or in the road, a door forced, a backdrop of TV
  '地下车库入口那个铁皮箱子旁边嘶嘶响，一股很冲的怪味',
  '厨房保警器一直在叫，窗户开了也不停',
  '路边施工把管道挖破了，气体呼呼往外喷，大家别抽烟别打火',
  '我爸喝多了躺沙发上，怎么叫他都不醒，一直在吐',
  '奶奶下楼梯坐在台阶上，说头晕，话都说不清楚了',
  '在草丛里被蛇咬了，手背肿得厉害',
  '他在群里留了句“谢谢大家，我走了”，之后电话一直打不通',
  '隔壁屋里一股炭味，门从里面反锁了，敲了半天没人开门',
  '有个男的翻到阳台的栏杆外面，站在外沿上不下来',
  '电梯停在两层中间了，里面有老人，按铃没人应',
  '电梯卡住了，我一个人在里面，谁帮我叫一下维保',
  '小区门口有人拿到乱砍',
  '停车场有台旧冰箱里传出小孩的哭声，门拉不开',
  '有个陌生人一直在踹我家门，我一个人在家，已经报警了',
  '正在看电视，突然听到楼上轰的一声，天花板掉下来一大块，差点砸到孩子',
  '一家人看着电视呢，对面楼三楼窗户里烟一股一股往外飘',
  '隔壁拆迁那栋楼的墙歪过来了，工人在下面干活',
  '细汉仔家己走去大路中央了',
  '喷水池的水带电，有人踩进去倒了',
  // part V round (own wording): wet electrics still live, someone lying out deaf to calls, chest pain with a cold sweat, crying at a roof's edge, a child locked in, by water, on an open bay window, sought by a parent
  '配电房进水了 水都没过柜子底座了 里面还嗡嗡的响',
  '卫生间漏的水流进了墙上插座 插座里吱吱的响',
  '地库积水淹到电梯井了 电梯还在照常运行',
  '水管爆了 水往电表箱里流 走廊灯忽明忽暗',
  '垃圾桶旁边躺着个人 喊他不动 一身酒气 这么冷的天',
  '屋里老汉儿胸口痛得很 脸煞白 一直冒汗 我一个人弄不动他 哪个来搭把手',
  '顶楼边上站着个女的 一边打电话一边哭 往下看了好几次',
  '隔壁那户小孩被锁在家里 趴在阳台上哭 大人手机一直打不通',
  '小区鱼池那边有个两三岁的娃一个人在玩水 旁边没有大人',
  '物业前台有个奶奶在找孙子 五岁 穿蓝外套 刚才在超市门口走散了 大家帮忙留意一下',
  '我们楼上个小囡站在飘窗上 窗户大开着 家里好像没大人',
  // part V round (own wording): smoke puffed out of a socket, a burnt smell in 沪 (焦气), a ceiling still shedding, 沪 掼 (throw)
  '卧室插座那边啪的一下 冒出来一股青烟 现在还有焦气',
  '隔壁打墙 我家墙上裂了一道长缝 墙皮还在往下落',
  '楼下那户又往下掼酒瓶 刚掼下来一个 差点砸到人 还在掼',
  '喷水池的水带电，有人踩进去倒了',
  // a rumour, news or history, then a report of now in a later clause or sentence; a report said to be real
  '群里说3栋着火是谣言，大家别转了。不过我刚下楼看到5单元配电箱在冒烟，快来人',
  '群里说3栋着火是谣言，不过我刚下楼看到5单元配电箱在冒烟',
  '新闻说北京那边有楼着火了，刚才5栋楼道里也冒烟了',
  '上次3栋着火大家还记得吧，不过刚才5栋也冒烟了',
  '3栋着火不是谣言，是真的！快来人',
  '别信谣言，3栋真的着火了',
  // a drill notice or a danger over, then a report of its own in a later sentence
  '今天下午有消防演练。可现在楼道里真的有股烧焦的味道，还有烟',
  '上周培训讲了怎么用灭火器。刚才我家楼下车棚着火了，火很大',
  '昨天的漏水已经修好了。刚刚4栋电表箱冒火花了',
  '温馨提示：冬季注意用火安全。另外，我家对门现在从门缝往外冒烟，敲门没人应',
  '明天上午消防演习，请大家配合。但是现在2单元电梯真的困住人了，里面有人在喊',
  '物业通知下周搞安全讲座。不过刚才5栋有个老人摔倒了，头上流血，快来人',
  '3栋的火已经扑灭了。刚刚7栋地下车库有辆电动车自燃了',
  '电梯里的人已经救出来了，没事了。现在我家厨房有很浓的煤气味，不知道哪里漏的',
  '燃气公司说管道已经处理好了。可是刚才我又闻到楼道里一股煤气味',
  '下午安全检查时的烟雾报警器测试结束了。可刚才9栋走廊的烟感真响了，还有烟冒出来',
  // a list or a log read item by item: an item over covers only itself
  '夜班记录：①3栋楼道漏水已修好 ②5栋电梯困人，里面两个老人出不来 ③车库正常',
  '交接班：1. 2栋漏水已处理 2. 6栋配电箱冒烟有焦味 3. 门岗正常',
  '巡查情况 一、东区路灯已修好 二、8栋地库有股很浓的煤气味 三、其余正常',
  // part W's round: a lift by its number and a count of who is inside, a door locked from outside or its latch broken, a call for help; staff's pinyin slips (mei气, 招火); 维保 saying how long it will take is no maintenance notice
  '5号梯卡在12楼上面一点，里面两个小学生，按铃没人理',
  '电梯停在两层中间不动了，里面就一个送水的，维保说还要四十分钟才到',
  '车库杂物间的门从外头被人锁上了，里面有个保洁在敲门',
  '值班室的门锁舌坏了，保安大哥被锁里面半天了',
  '晒被子的大姐被关在楼顶了，门自己锁上了，她打电话来求救',
  '4单元有户厨房有mei气味，越来越浓',
  '2栋后面垃圾站招火了！',
  // part W's round: wet electrics still live (lights flickering, an appliance still plugged in); a child by itself (自己) at the water or heading for the road
  '地库被淹了，水已经没过墙上的插座，里面的灯一直在闪',
  '仓库进水，水已经漫到插排了，上面还插着电',
  '一个五六岁的男孩自己在小区人工湖边上蹲着，周围找不到家长',
  '有个小娃娃自己从北门溜出去了，正往大马路那边走',
  // part W's round: a video the reporter posts is no news from elsewhere; coughing up blood; someone gone still after touching a live wire; a green sinking
  '3栋配电间里滋滋冒火花，视频已发群里',
  '车库出口有个大叔一直咳血，脸色很差',
  '电工在配电柜那边碰到电线，人挂在梯子上不动了',
  '小区东门那块草坪整片陷下去了，底下哗哗响',
  // part W's round: someone on an air-conditioner unit outside a window, crying; who is in a stopped lift said of oneself and another; children wading in a flooded garage
  '对面楼12层窗外有个男的蹲在空调外机上，一直哭',
  '电梯停在5楼和6楼中间，里面是我跟我妈，按铃没人理',
  '地下车库积水没过膝盖了，几个孩子还在里面蹚水',
  // part W's round: a structure leaning over towards a building (往3号楼那边倒)
  '工地那个塔吊斜了，正往3号楼那边倒',
  // a live alarm that tells people to keep calm is still one (not a safety tip)
  '3楼闻到煤气味大家不要慌先开窗',
  '闻到煤气味了别慌 我开窗了 快叫燃气公司来',
  // part X's round: an attachment's tag ([视频], [图片]) is no video of elsewhere; Cantonese and 繁體 words folded (插蘇, 跌親, 起唔到身), slips 电体 电梯 and 都是没气味
  '[视频] 地库B区有辆车冒黑烟了，快去看看',
  '厨房个插蘇烧黑咗，有烟',
  '电体停在半路了 我女儿在里头',
  '婆婆喺廁所跌親，起唔到身',
  '单元门口全是没气味，谁家的',
  // part X's round: seeing smoke is no degree (看到楼上冒烟); the TV one was watching when it happened is no news; a relative away is no elsewhere by itself
  '看到楼上冒烟了，谁家的',
  '看电视的时候厨房着火了',
  '我女儿在广州，家里老人摔倒了没人扶',
  // part X's round: a metal fitting that has power (铁门有电); water at electrics still live (灯还亮着, 现在还有电) or at a distribution room's cabinets; smoke still rising where it was taken
  '小区门口的铁门有电，我摸了一下手都麻了',
  '洗手间漏水流到插座那里了，灯还亮着，总闸在哪',
  '水从吊顶往下灌，都灌进开关里了，现在还有电',
  '配电室进水了，水都漫到配电柜了',
  '快递站有个充电宝在冒烟，已经扔到外面空地上了',
  // part X's round: things thrown down that already hit something, people told to keep away; a fitting half out already; a pot hung out over the edge and swinging
  '你们别从3栋门口过，上面有人往下扔瓶子，已经砸了好几个',
  '12楼外机支架断了，空调半个已经悬出来了',
  '花盆吊在窗台外面摇来摇去的，随时跌下来',
  // part X's round, trapped: no sound from a room someone locked themselves in; someone still in a car in rising water; an access lock broken with people shut in and smoke; a door that shut itself on a child; someone locked on a roof; a lift counted by who is inside (里面有我和…)
  '我妈把自己锁在厕所里了，叫了半天里面没声音',
  '地库水淹上来了，有辆车里的司机还在车里出不去',
  '单元门禁坏了门出不去，楼道里有烟味，十几个老人在大厅',
  '车库储物间的门被风带上了，我女儿一个人在里面',
  '我老公被锁在天台上了，手机快没电',
  '电梯停在半空不动了，里面有我和我儿子',
  // part X's round, people: days unseen (五天没出门); a farewell posted by a neighbour named by their flat, a knock at their door asked; crying out they will not live; held from inside at a window; a fight with a stool brought down on a head; a child out on a balcony (粤 爬咗出), missing and seen by water, climbing a rail from a stool, alone at an open shaft
  '对门老爷子五天没出门了，敲门也没人应',
  '702那个阿姨在朋友圈说活不下去了，谁能去她家敲下门',
  '天台上有个人一边哭一边喊着不活了',
  '隔壁楼有个大叔站在窗台外面，家里人拉着他往里拽',
  '楼下两个人掐起来了，一个抄起板凳往头上敲',
  '隔篱屋個細路爬咗出露台，冇大人喺度',
  '女儿不见了，刚才有人在池塘那边看到一个小女孩',
  '12楼阳台那个小朋友踩在凳子上扒着护栏往下看',
  '有个小孩自己在井口边上玩，盖子没盖',
  // part X round: the TV set itself (电视机冒烟, 电视后面的插座) and the news one was watching when it happened are no news; on the way home to a place here, a relative in a building here, a fire while playing a game stay dangers
  '电视机冒烟了',
  '客厅电视后面的插座冒烟了',
  '电视里面冒烟了',
  '看新闻的时候闻到厨房煤气味',
  '下班回家路上看到小区3栋冒黑烟，谁家着火了',
  '我妈在3栋说她们那层有煤气味',
  '孩子玩游戏的时候插排着火了',
  // part X round: a sensor fault denied, a reading above zero, a smell not sorted stay gas
  '燃气报警器一直响，师傅说不是传感器坏了，是真漏了',
  '厨房有煤气味，测了浓度是零点五',
  '厨房煤气味都搞定不了，谁来看看',
  // part Y round: maintenance called on (@维保) or on its way is no maintenance notice; not another estate but ours; a fire foretold with nothing hot before it
  '@物业 @维保 12号楼电梯困人了 有个孕妇在里面',
  '电梯维保人员正在赶来，5栋1号电梯困人，里面两个小孩在哭',
  '后面那栋冒黑烟了 不是别的小区 就是咱们9栋',
  '充电器热到冒烟了 插座都黑了',
  // part Y round: a panic burst of bare words (gas said twice with a place and a cry, fire exclaimed, a lift and 救命, someone down and silent, a blast and a second bang)
  '燃气 燃气 3单元 快来',
  '5栋 火！！',
  '救命 电梯 出不去',
  '王姐 倒了 不出声 车库',
  '炸了 又一声 地库那边',
  // part Y round: run-on voice input with no punctuation: what frames one stretch (炒菜的时候, a 嘴巴 far from the danger) does not reach the whole message; a mouth drooping is a stroke's sign, no figure
  '我跟各位说下中午我在家里炒菜的时候听见走廊有人在叫我打开门一看整个楼道全是黑烟一直往上飘看不到是哪一层着的我先带老人回屋了门缝塞了毛巾我们住902消防来了没有啊',
  '刚刚我去快递柜取件回来看见单元门口台阶边上有个大叔突然就倒在地上了我喊他他也不理我嘴巴歪着口水流出来了应该是中风了谁认识他家人快过来',
  // part Y round: fire coming out of a flat (屋里冒火); water still coming into an electric room, power to be cut at once, charging posts under water
  '3单元702屋里冒火了 里面好像有老人',
  '地下室配电间进水了 水还在往里涌',
  '暴雨 负二层配电房进水 请电工马上断电',
  '车库进水了 充电桩泡着 水还在涨',
  // part Y round: people warned off the way now (门口别走, 别让人走), pieces coming down now (往下掉), workers still up there, glass blown down onto a car, water swirling into an open drain
  '楼上有人往下丢花盆 单元门口别走',
  '台风把阳台玻璃吹下来了 砸在电动车上',
  '外墙保温层在往下掉 别让人走那边',
  '脚手架一直在晃 顶上还有工人',
  '污水井盖被水冲开了 水打着漩涡往下灌',
  // part Y round: a battery swollen and hot with a smell or a split case; someone lying fainted somewhere (晕在)
  '床头的充电宝胀起来了 好烫 还有股刺鼻的怪味',
  '电动滑板车的电池鼓起来了 摸着很烫 外壳裂开了',
  '一个送快递的小哥晕在电梯口 脸色发白',
  // part Y round: someone stabbed (被人捅了); out through a window crying to be let go; a threat to take others along with the gas; a farewell beside pills; a child on a balcony's flower stand or a window guard (防盗网上, not 网上 online); someone in a car as the flood rises; a car blown up
  '快 有个保安被人捅了 在东门岗亭',
  '对面楼有个男的爬出窗外了 一直在喊别管我',
  '楼下那家男的闹着要开燃气跟全家同归于尽 门锁着',
  '楼上邻居刚发朋友圈说大家再见了 配图是安眠药',
  '楼下有个娃独自在阳台 站到花架上了',
  '8楼防盗网上坐着个孩子 腿伸在外面',
  '暴雨 地库有个老人还在车里 水已经到门把手了',
  '地库那辆车爆了 大家别靠近',
  // part Y round: water in the electrics with an animal already shocked and people warned off
  '断了的电线泡在水坑里 一只猫走过去就抽了 大家别靠近',
  // part Y round: a road caved in (马路出现塌陷); a gas smell under a tip's heading stays a report
  '东门马路出现一处塌陷 大家绕行',
  '提示：楼道有燃气味 请勿开灯',
  // part Y round: a child crying its heart out while a grown-up beats it
  '楼上孩子哭得撕心裂肺 家长在打 一直没停',
  // session 14, guards: a past danger told, and the same danger now
  '上次电梯坏了困人，现在还困着一个人，不敢动',
  // part Z round (winter and the Spring Festival), in the round's own words: snow or ice loading a canopy till it bends;
  // icicles come down with more still hanging; a blast in a septic tank or a drain; a lift door open on an empty shaft, a
  // lift moving with its doors open; a cover gone at night or with a foot already in it; carbon monoxide from coal or a
  // flue-less heater; someone outside a railing, or on a roof in despair; someone dragged into a car; a burst heating pipe
  // into a lift shaft with the lift running; Cantonese 升降机困咗人; slips 到在地上, 幺二零 beside 手机; fireworks setting
  // things alight or blasting people; a child alone in a road; an open trench with children by it; a rope fraying under a
  // worker; a bone broken, someone frozen, fallen through ice, gone under; a frozen lock with someone shut in
  '雨棚上的雪积了好厚一层 棚子已经往下弯了 下面好多人在排队',
  '自行车棚被雪压得往下凹了 嘎吱嘎吱响 底下人来人往',
  '冰溜子掉下来一根 把楼下的自行车砸坏了 幸好没砸到人 屋檐上还挂着一排',
  '有孩子往窨井里扔炮仗 窨井炸开了 盖子飞了好远',
  '3楼的电梯门开着 可是轿厢不在这层 下面是空的井道',
  '电梯没关门就往下走了 里面还站着人',
  '路口那个井盖被人拿走了 晚上路灯也不亮',
  '井盖歪在一边 刚才一个小孩脚踩进去了',
  '对门老太太家生着蜂窝煤 一天没出门了 敲门不开 隔着窗户看见她躺着',
  '出租屋的热水器是直排的 我女儿洗完澡出来就吐了',
  '有个姑娘站在河堤的栏杆外面 喊她不理',
  '一个男的把一个小孩往面包车里拽 孩子在哭喊',
  '暖气管在楼梯间爆了 热水顺着流进电梯井 电梯还在跑',
  '升降机困咗两个人 入面好焗',
  '楼道里堆的鞭炮被小孩点了 炸得噼里啪啦 往人身上崩',
  '几个孩子拿摔炮对着人扔 有个小朋友脸被崩了',
  '阳台上的鞭炮碎屑烧起来了 晾的棉衣也着了',
  '我妈到在地上了 我不会用这个手机 谁帮我打幺二零',
  '钓鱼的老头掉进冰窟窿了 扒着边上不来',
  '外墙上干活的蜘蛛人 安全绳好像要断了 人在晃',
  '游泳的有一个没上来 刚才还冒了一下头 就在东门外的河',
  '天台上有个小伙子 说高考落榜了没脸见人 我在旁边拉着他',
  '有个小娃一个人走出小区了 在大马路中间晃 车很多',
  '小区门口挖了个大坑 没有围挡 五米深 孩子在旁边玩',
  '暖气片 裂了 热水在喷',
  '送水的师傅在楼梯上摔了一跤 胳膊好像骨折了 疼得直叫',
  '花园长椅上有个流浪汉冻僵了 躺了一晚上 还有点气',
  '老人把自己反锁在卫生间里了 外面怎么敲都没反应',
  '单元门的电子锁冻住了 里面的老人出不来 在门厅冻着',
  // guard: 不是…是真的 insists, it does not set a denial right
  '不是吓唬大家楼道着火了 是真的',
];

const URGENT = [
  '楼道里有人飞线给电动车充电，电线都拖到一楼了，太危险了',
  '提醒大家楼道有人飞线充电，插排就挂在三楼窗户上',
  '刚才有人推着电动车进了电梯，门都关不上',
  '那个送快递的每天把电瓶车骑进大堂里充电',
  '消防通道又被几辆车堵死了，消防车根本进不来',
  '门口那个污水井盖裂开了，踩上去晃得厉害，快塌了',
  '楼上税管爆了，水顺着墙往电表箱里流',
  '楼道电线被老鼠咬破了，露着里面的铜线',
  // part I: misses on its first run
  '楼梯台阶断了一截 老人走很危险',
  '楼下那个插线板拖了十几米 给电动车冲电',
  '有人扯线充电 线从二楼窗户挂下来的',
  '电动车电池鼓包了 放在家里客厅',
  '每层的灭火器都是空的，压力表指针在红区',
  // part K wording patterns (paraphrased)
  '安全门被一堆纸箱堵着 推不开',
  '去天台的那扇门被人用铁丝焊死了',
  '楼道的应急灯一个都不亮 前天晚上就这样',
  '单元门口的电箱门一直开着 里面的线谁都能摸到',
  '水已经漫过地库的充电桩了',
  // part M wording patterns (paraphrased)
  '消防通到被几辆电瓶车堵死了',
  '西门消防车道上停着一辆水泥罐车',
  '走廊的喷淋头被人用胶带缠上布包住了',
  '地库安全出口的指示灯全黑了',
  '儿子的充电宝鼓包了 摸着很烫',
  '有人拖了根插线板到楼下给电瓶车充',
  // part N wording patterns (paraphrased): a lead let down (落来, 排插, 拖板 叉电), a swollen or warped battery, a leak
  // 正好 onto a switch (not 好在, "luckily"), a car-park exit locked, a hose box stuffed, ground sinking, the slip 进盖
  '有人从窗口牵了根电线落来给电瓶车充电',
  '楼下排插拖到路边 给电动车充',
  '拖板从二楼吊落嚟叉电单车',
  '平衡车的电池胀了 摸着好烫',
  '充电宝用了一年 外壳都变形了',
  '楼道漏水 正好滴在开关上',
  '车库出口让人用铁链锁上了',
  '消防箱里塞满了拖把扫帚',
  '小区路面在往下沉 都看得出坑了',
  '进盖翻过来了 晚上看不清',
  // a reminder (还记得吗) of a hazard still there is not a recollection
  '物业还记得吗 楼道电线还露着呢',
  // part O round (new wording): a lead counted or let down, a rhetorical 这不就是…吗, a sheath perished, a cable dug up,
  // water dripping onto a power strip, a battery leaking or swollen (a simile after the swelling says how much), a
  // device hot when not charging, a named exit blocked by furniture or chained, the ground sinking under a foot, a
  // cover stolen
  '楼上吊下来的那根线 今晚又在充电',
  '大家看看 这不就是飞线吗',
  '小区路灯底下有一根线外皮都破了',
  '修路的挖断了一根电缆 就扔在路边',
  '卫生间顶上漏水 滴到插线排上了',
  '电池滋滋地往外漏东西',
  '充电宝鼓得跟馒头一样',
  '孩子的滑板车没在充电 摸着烫手 外壳都变形了',
  '安全出口那里摆了两台旧冰箱 人得侧身才能过',
  '楼下消防出口被铁链缠住了',
  '花坛边那块地一踩就往下沉',
  '3栋后面那个井盖被谁偷走了',
  // part P round (new wording): an e-bike pushed home or its battery carried up, English words, a lead run down floors,
  // a fire door tied open, things piled up the stairs, a fire-lane 停车, a cut live cable, a stolen cover, a bare well
  // left open, pots and an awning the wind moves
  '隔壁把电瓶车推到家里去充了',
  '楼道的门关不上 被人用砖头顶着',
  '有人拎着一块电动车电池进电梯 说回家充',
  'e-bike 停在 hallway 里充电 太危险了',
  '楼上那根线一直拖到楼下 给电瓶车充着',
  '楼梯间的防火门被人用铁丝拴在栏杆上',
  '纸箱从二楼摆到五楼 人都下不去',
  '消防车道上又有人停车 救护车都进不来',
  '修路把电缆挖断了 裸线就露在路边',
  '小区东门的窨井盖让人偷了 晚上看不见',
  '花园边那个井没盖 好几天了还敞着',
  '五楼窗台上一排花盆没固定 一刮风就晃 下面是人行道',
  '大风把车棚的彩钢瓦掀起来了 底下停着车',
  // part R round (new wording): carried into the lift, a battery hot after a night on charge, an alarm panel silenced, a
  // typed 井该
  '有人把电动车扛进了8号楼的电梯',
  '楼梯间有个电瓶在充电 一整夜没拔 烫得很',
  '消防报警主机被人按了静音',
  '2号楼后面的井该丢了',
  // part S round (new wording): a crack grown wider, one household told to stop, a lead out of a window in the rain or
  // dragged to a lane, pinyin feixian, a bulging case, an English battery, an exit propped open and crammed, the only
  // way out locked at night, slips (同道, 没火器, 线漏出来, 井该了), a fire alarm switched off, water seeping in an
  // electric room
  '客厅墙上那条缝这几天宽了好多，还往下掉灰',
  '@301 你们家电动车别再推进电梯了，每天都这样',
  '一楼有户人家从窗口拉出来一根拖线板，下雨天还插着',
  '有户人家拖根线到巷子里给电瓶车充电',
  'feixian 又来了 3栋后面 线就拖在地上',
  '楼下修车铺门口一堆旧电瓶，有几个外壳都鼓起来了',
  '充电柜里那块battery胀得变形了',
  '安全出口的门被人拿木头撑着开着，里面堆了好多纸箱',
  '那栋楼唯一的出口晚上十一点就被锁上，钥匙在二房东手里',
  '逃生同道里停了两辆摩托',
  '楼道里的没火器都过期了',
  'fire alarm给物业关了，说是老误报',
  '插座面板脱落了，里面电线漏出来了',
  '小区门口井盖翘起来一边，晚上看不清',
  '暴雨后那个井该了盖子被水冲跑了',
  '配电室墙角有水在往外渗，地上都湿了',
  // (part-Q round guards, own wording) an inspection that found something, a lead put back after one was taken down
  '刚才安全检查时发现5楼楼道有人飞线给电瓶车充电',
  '2栋飞线的线拆了 但是晚上又拉了一根下来在充',
  '楼道里的电瓶车又在充电了 大家能不能管管',
  // (part-Q round, own wording) an e-bike wheeled into the lift, a meter room flooded (錶), an air conditioner coming down
  '刚才坐电梯 有人推着电瓶车进来 电池还热的',
  '水浸到電錶箱了 还在往里流',
  '楼上那台空调快掉下来了 支架都歪了',
  '消防箱里的灭火筒过期了',
  '楼梯口的铁门晚上被锁牢了，钥匙只有物业有',
  '楼梯拐角卡着个旧冰箱，连担架都抬不下去',
  '有人推着电瓶车硬挤进电梯',
  '他家电动车又推上来了，停在楼道',
  '楼上放了根线下来给电瓶车充电',
  '插线板挂在树上给电动车充电',
  '电线头吊起在外头，没包',
  '污水井的盖子被人挪开了',
  '电梯井里积了水，电梯还在运行',
  'someone keeps charging an e-bike in the corridor',
  'water pooling around the power strip in my kitchen',
  '阳台外面摆的花盆没有任何固定，一直在晃',
  // an English exit locked or chained with where it is said between; an e-bike parked with the same excuse every time
  'Emergency exit at the back of bldg 6 was chained again, 唯一的出口',
  'the fire door by the 4楼 lift lobby is padlocked again',
  '楼道里那辆电动车天天停这 每次都说临时停一下马上推走',
  '电动车在楼道里正在充电 万一起火 保险赔吗',
  // (part-U round, own wording) a finger-wide crack, bottles on a sill, a swollen or salvaged battery, a hidden drain, water into a lift shaft, a dormitory down to one door, bikes plugged in in a hall, a lead asked about, an English extinguisher
  '客厅那道缝现在能塞进一根手指了，梁上也有',
  '12楼窗台外沿摆了一排酒瓶，一碰就掉',
  '充电宝放在被子上充了整整一夜，早上起来一看胀得老高',
  '出租屋有人把拆下来的旧锂电池放床下充电',
  '路口下水道的盖子被撬走了，上面就盖了块纸壳',
  '楼上漏下来的水一直往电梯井里淌',
  '前门锁了，后门封了，整栋宿舍只剩一个门能出去',
  '门厅里停着三辆车，都插着电在充',
  '这么接没问题吗？三楼窗户吊下来一根线给电动车充电',
  '走廊的fire extinguisher过期了',
  // part V round (own wording): a child alone in a lift, someone followed home
  '电梯里就一个三岁左右的小孩 自己按来按去 家长呢',
  '最近总有个男的跟在我女儿后面 一路跟到楼下 昨天还想跟进单元门',
  '有个陌生人这几天老在2栋门口转悠 看到小姑娘回来就跟着进电梯',
  '我下班回家被一个男的尾随 一直跟到家门口 吓死了',
  // part V round (own wording): bare ends, a box pried open, a bike carried up to a floor by number, someone met taking one into a lift, an exit wired shut, a door that opens halfway, 沪 撬脱, paving sunk
  '走廊墙上的线盒拆了 几根线头裸着没人管',
  '配电房的电箱门被人撬开了 里面的线乱七八糟',
  '对门把电动车扛到五楼 就停在他家门口',
  '我爸说他下楼碰到个人推着电动车进电梯',
  '一楼通往后院的安全出口被人拿铁丝绑死了',
  '二楼防火门现在只能开一半了',
  '小区步道上的窨井盖被人撬脱了 下面黑洞洞的',
  '单元门口的地砖陷下去一块 底下是空的',
  // a user's sandbox run (session 12): a lead rigged in the bike shed, voice input with its punctuation spoken; 拽
  '就是三号楼后面那个车棚啊有人拉了根线在那充电瓶车逗号很危险句号',
  '车棚那边有人扯了条线在那儿给电动车充电',
  '二楼那户拽了根线下来给电瓶车充电',
  '那根线从五楼一直拽到车棚 晚上还在充着',
  // a crack told wide or growing, hairline words beside it or not
  '墙上那条裂缝原来细细的，现在越来越宽了',
  '卧室墙上的裂缝塞得进一张银行卡还有余',
  '楼梯间墙上的裂缝有一指宽了',
  '承重墙裂开一条缝，硬币都能塞进去',
  '天花板那条裂缝一开始头发丝那么细，这几天变宽了好多',
  '阳台墙角的裂缝能塞进手指，还在掉渣',
  '地下室顶板的裂缝有两厘米宽了',
  '外墙的缝从细细一条裂成一指宽了',
  '墙角的裂缝以前一张纸都塞不进，现在能塞进手指了',
  // a danger over, then a new one
  '上次那个井盖已经修好了。今天6栋门口的井盖又被偷了，黑洞洞的',
  '井盖已经换了新的。但是现在8栋后面的围墙裂了好大一条缝，随时要倒',
  // part V's leftovers: 充 alone after a run lead, 充车
  '二楼有人扯了根线过去充 线就横在过道上',
  '那根从五楼吊下来的电线 挂在树杈上充车呢',
  // a list or a log read item by item
  '巡查记录 1. 3栋楼道堆物已清理 2. 9栋一楼有人从窗户拉线下来给电动车充电 3. 东门正常',
  '今日巡楼：消防栓√ 应急灯√ 5栋楼道被纸箱堵死了 车棚√',
  // part W's round: fire pumps without pressure, a sprinkler valve shut (shutting it off is the fault), a hydrant padlocked; 露电, 垫线
  '消防泵试机的时候压力上不去，也启动不了',
  '地库喷淋的总阀让施工队关掉了，已经关了好几天',
  '3栋大堂的消防栓被人上了一把锁，打不开',
  '楼道里那个插座露电了，摸一下就麻',
  '一楼那家又扯了根垫线到车上充',
  // part W's round: a shop's evacuation door (疏散门) blocked, its only side door locked, a gate welded across the stairs and locked
  '饭店后头那扇疏散门外面堆满了空酒箱，人根本过不去',
  '理发店唯一的侧门被老板锁死了，说怕人偷东西',
  '6栋有人在楼梯拐角焊了道铁门，晚上挂了锁，楼上几户出不去',
  // part W's round: a lead from a window still charging (在充), an extension lead hung down; a septic tank's cover, a drain cover pushed up by a flood; long icicles over a door
  '5栋楼下有人从窗户扯了根电线到车位，半夜还在充',
  '谁家的延长线从二楼挂下来横在路上充电',
  '西门那个化粪池盖子翘起来一边',
  '下大雨，路边雨水井的盖子被水顶起来了',
  '单元门上方挂着好几根半米长的冰锥',
  // part W's round: followed in night after night (每晚); a wire's broken end lying on the ground
  '这阵子每晚都有个男的跟着楼上小姑娘进单元门',
  '花园路灯被车撞倒了，电线断头露在地上',
  // part X's round: the slip 消房 消防; 繁體 銅線 and Cantonese 露晒 (all bare)
  '消房通道被人锁了',
  '後樓梯有條電線，銅線露晒',
  // part X's round: charging in a storeroom; a wire's end bare (线头是光的), left so by a replacement (换了之后); a phone's battery swollen
  '杂物间里有人给电动车充电，门关着',
  '开关面板拆了没装回去，线头是光的',
  '灯换了之后，开关那里两根线露在外面',
  '孩子的手机电池鼓包了，后盖都顶开了',
  // part X's round: a stair jammed or boarded up (卡死, 钉住); a vehicle left in the fire lane, its owner out of reach; extinguishers gone (没有了); the ground sunk or holed
  '单元楼梯被谁家的旧床垫卡死了，人都过不去',
  '五楼楼梯间的门被人用钉子钉住了',
  '消防车道上一辆面包车停在那儿一整天了，车主电话打不通',
  '楼道里的灭火器全都没有了',
  '车库入口的路面开裂下沉了，轮子一压就晃',
  '广场那边地上陷了一个坑',
  // part X round, part W's leftovers: power run out to charge (拉电充电); a lead let down from a window (线下来 is no 线下, offline); charging inside a shop told a few clauses on; a fault told by what it did last time (上次停电…)
  '快递点的小哥们从住户家里拉电充电',
  '3楼有人从窗户放了条线下来，下面吊着充电器',
  '理发店里停了两辆电瓶车，老板说怕被偷，晚上就在店里充',
  '楼道应急灯坏了一半，上次停电大家摸黑下楼',
  // part Y round: an open drain under a flimsy cover; a cover carried off (taking it away is the hazard)
  '小区后门那个井盖是空的 拿了块木板挡着',
  '不知道谁把井盖拿走了 9栋门口一个黑洞',
  // part Y round: a lift by its number (3号梯); a quote-reply's bracket ends the clause, so a rule quoted (「…严禁…」) does not forbid what the reply reports
  '有人推着电瓶车进了3号梯',
  '「管家：严禁电瓶车上楼」刚才又有人把电瓶车推进了1号梯',
  // part Y round: a bike charged in a basement storeroom; an exit door locked from outside with a bike lock; a smoke detector sealed; a tablet swollen while charging; an escape route walled into someone's storeroom; a joint only taped, lying on a corridor floor
  '地下室储藏室里有人充电动车 门关着',
  '楼梯门外面被人用车锁锁住了',
  '烟感被装修的人堵上了',
  '平板充着电鼓包了 屏幕都被顶起来了',
  '5楼有户把疏散通道围成了自家杂物间 还砌了墙',
  '接头只用胶布裹了两圈 就扔在楼道地上',
  // part Y round: the ground sinking or hollow and getting worse (凹下去 … 越来越深, 底下是空的 … 又裂开了)
  '地库地面凹下去一大块 越来越深了',
  '小广场的地砖底下是空的 一踩咚咚响 昨天又裂开了',
  // session 14, guard: a garbage truck left on the fire lane
  '消防车道上停着垃圾车，司机不知道去哪了',
  // part Z round: a shed roof bent by snow; a fitting leaning; an exit heaped shut with snow; fireworks stored in a stair;
  // a hydrant split by frost; the alarm panel switched off; bikes charged in a packed rented room; wiring scorched or
  // softened by heaters; a light hanging by its wires in reach; play equipment that broke under a child
  '车棚顶上的积雪压得架子都弯了',
  '楼顶水箱的支架倾斜了',
  '地下车库出口被清的雪堵死了 车和人都出不去',
  '楼道电表箱旁边码了好几箱礼花 说是十五要放',
  '楼下的消防栓冻裂了 往外滋水',
  '烟感老误报 物业索性把主机关了',
  '群租房里一屋子电瓶车在充电',
  '插排上接了两个电暖器 插头都烫软了',
  '配电箱里的电线皮都烤黄了',
  '楼道的灯罩掉下来吊着 线连着 小孩一伸手就碰到',
  '秋千的链子断了一边 刚才有个小孩差点摔下来',
];

const LOOKALIKES = [
  // a tyre's leak named in an earlier clause, a child on the ground outside a window (session 11, own wording)
  '自行车轮胎被扎了，一直嘶嘶漏气',
  '小孩们在窗户外面的草坪上踢球',
  '听说隔壁街道昨晚有户人家着火了',
  '外面下大雨了！！！快收衣服',
  // a window that will not close is a repair, a door that will not close is not ("楼道的门关不上" stays urgent)
  '下大雨了 楼道窗户关不上 雨都进来了',
  '走廊那扇窗子关不上 风呼呼往里灌',
  '新闻说外地一个小区电动车起火，大家引以为戒',
  '下周二上午社区组织消防演练，会放烟雾，请大家不要惊慌',
  '如果闻到煤气味，千万不要开灯，先开窗再出门打电话',
  '万一电梯困人，记得按警铃别扒门',
  '井盖如果松了记得报给物业',
  '车棚的火已经灭了，消防走了',
  '刚才那个味道是楼下在熬中药，不是煤气，放心',
  '十年前我们这片着过一次大火，后来才改的线路',
  '太热了，热得嗓子都冒烟了',
  '车胎漏气了，附近哪里能补胎',
  '严禁电动车进电梯，发现一次罚款200',
  '家里灭火器过期了一般去哪里换？',
  '我家猫被困在衣柜上面下不来了哈哈哈',
  '哦，晕倒。。你还没过江啊',
  '电脑好慢啊，我要杀人啊',
  '你在哪里住？靠着火车站么？',
  '熟肉给你留着，来前买个火烧，别饿着',
  '楼道里那么多纸箱，真要着火了后果不堪设想',
  '电动车电池能带上楼吗',
  '老房子电线老化了，大家要小心用电，别着火',
  '听朋友说他们那儿有人煤气中毒了，大家冬天也注意',
  '今天太困了，午饭都没吃就睡着了',
  // part I: false alarms on its first run
  '怕以后会漏气 是不是该换个燃气软管了',
  '高空抛物是违法的 请大家自觉',
  '燃气公司的人来看过了 说没漏 是下水道的味',
  '雾霾好重 外面白茫茫一片 像着火了一样',
  '娃儿考试考砸了 我要爆炸了',
  '今天股票绿得冒烟 心态崩了',
  '昨晚楼下那股焦味是烧纸 今天问过了 没事哈',
  '各位业主 电动车请停到充电棚统一充电 楼道内严禁停放',
  // part I look-alikes passed on the first run
  '大家注意不要飞线充电哈 被抓到要罚款的',
  '这个新开的川菜馆辣得我嘴都着火了🔥🔥',
  '二手灭火器 9成新 有需要的私聊',
  // part K look-alike patterns (paraphrased)
  '刷短视频刷到手机都冒烟了',
  '我姐那边小区电梯困人了 听着都怕',
  '请问碰到有人晕倒 应该先打120还是先扶起来',
  '着火的时候能不能坐电梯 小孩问我的',
  '防溺水安全提醒：暑期请看护好孩子',
  '楼下有人上坟烧纸 烟挺大的 他们守着呢',
  '摔倒的那个阿姨已经被救护车接走了',
  // part M look-alike patterns (paraphrased): a hazard moved away, a workplace, home cooking, a petition, a figure of
  // speech, a denial of gas, a smoke-detector question, hail
  '车库门口那两辆电瓶车下午都被挪走了',
  '我在单位 单位门口一辆电动车着火了 消防车来了',
  '今晚煎了带鱼 厨房烟好大 赶紧开了排气扇',
  '关于文明养犬和禁止高空抛物的倡议 请大家转发',
  '作业多得我喘不上气',
  '不是煤气泄漏 没有煤气味',
  '燃气报警器从来没响过 要不要换一个',
  '冰雹砸得阳台玻璃噼里啪啦的',
  // part N look-alike patterns (paraphrased): 火烛小心, Cantonese denial and cooking, a fire remembered, a figure of
  // speech (真系要爆炸, 要着火了 in the heat), a lead already taken down, a sister's school, 所幸无人员伤亡, a works notice,
  // a child leaning on a sill, a park lake with grandparents, a warning about strangers, a smell that disgusts
  '天干物燥 火烛小心',
  '唔系火烛 系楼下烧紧鱼',
  '去年那场火的事 大家还记得吧 现在楼道总算清干净了',
  '我真系要爆炸啦 个仔成日唔听话',
  '天热得不行 感觉要着火了',
  '那根飞线已经被物业拆了',
  '我妹说她们学校电梯困了人',
  '某市一栋楼起火 所幸无人员伤亡',
  '管道检修后会有少量异味 属正常现象',
  '女儿喜欢趴窗台看楼下的小狗',
  '带孙子去公园湖边喂鱼',
  '叫孩子别跟陌生人走',
  '楼道里一股怪味 闻着恶心',
  // the new pairs' own look-alikes: charcoal for a barbecue, 🔥 for a shop or a sunset, a new sofa's smell
  '周末烧烤 炭火 用胶带封好袋子',
  '🔥🔥3栋楼下新开的奶茶店 快来',
  '快看 5栋楼顶的晚霞🔥🔥',
  '最近头疼 家里有股怪味 是不是新买的沙发',
  '今天带孩子去天台看星星',
  '把钥匙反锁在里面了 进不去家',
  // part O round look-alikes (new wording): a post going round, a relative's home, 不是真的着火 in a drill, over (没大碍,
  // 抱下来了, 拧紧…测过不漏, 断电 and fenced off, 井盖好好的, 已经被放出来了), figures of speech (多到爆炸, 辣到要爆炸, 像触电一样),
  // a smoke alarm's low battery, a personal alarm device, a denial inside the match (没带电), a nickname, burnt toast, a
  // formal notice; and the new patterns' own look-alikes: people sitting outside a window, a child's ball, 犯病 for odd
  // ways, 翻白眼, learning CPR, 杀鸡, a cat to look after, a flowerbed's edge, 火灾隐患, an oily e-bike, a phone thrown
  // down, icicles admired, a charger warm while charging
  '群里都在转 说有个井盖底下掉进去人了 也不知道是哪',
  '我表哥住的那个小区 昨天楼道着火了',
  '演习演习 这次不是真的着火 大家按路线走',
  '刚才晕倒的大爷没大碍了 儿子接回家了',
  '那个爬到窗台上的娃 他妈回来了 已经抱下来了',
  '燃气公司来人了 阀门拧紧了 测过了不漏',
  '那个漏电的配电箱已经断电了 还围了警戒带',
  '下去看了 井盖好好的 是个积水坑',
  '刚才卡在电梯里的是我家孩子 已经被放出来了',
  '今天消息多到爆炸',
  '这家的麻辣烫辣到要爆炸',
  '看到他那一刻 像触电一样 哈哈',
  '烟感一直在叫 估计是电池没电了',
  '社区给独居老人装一键呼救器 免费',
  '电工测了 栏杆没带电 是静电',
  '他外号叫液化气罐 哈哈哈',
  '面包烤糊了 一屋子焦味',
  '即日起 小区严禁电动车进楼 发现的予以清理',
  '窗外坐着几个人在乘凉',
  '孩子的皮球掉进沟里了',
  '楼上那个人又犯病了 半夜唱歌',
  '他对我翻了个白眼',
  '我学会了心肺复苏 今天考过了',
  '我妈嚷着要杀鸡炖汤',
  '帮我照顾一下我家猫 我出差三天',
  '孩子坐在花坛边沿上吃冰棍',
  '这房子家里有火灾隐患吗 怎么查',
  '电瓶车有点漏油',
  '他把手机摔在地上了',
  '冬天屋檐挂着好多冰柱 真好看',
  '他家的电动车充电器有点烫 正常吗',
  // part P round look-alikes (new wording): a dream, something taken for a danger, a trip, another city, a relative's
  // home, made fast or pumped dry, a campaign notice, a breaker asked about, a crush, figures of speech, a doll, smoked meat
  '昨晚做梦梦到咱们小区爆炸了 吓醒了',
  '刚才砰的一声 我还以为哪家煤气罐炸了 原来是轮胎爆了',
  '我妹出差住的宾馆昨晚着火了 人都没事',
  '广州那边有个小区电动车起火 好吓人',
  '我舅家那边发大水 一楼都淹了',
  '楼顶那块松了的广告牌 今天工人来加固好了',
  '上周车库进水泡了配电箱 现在已经抽干了',
  '社区开展电动车进楼专项整治 请大家配合',
  '厨房的漏电保护开关老是跳 是哪里的问题',
  '昨天在地铁上看到一个小姐姐 一下被电到了 太美了',
  '论文改了八遍 我脑子都要冒烟了',
  '抢票抢到手机冒烟',
  '那不是个小孩 是只布娃娃挂在阳台外 吓我一跳',
  '别慌 不是着火 是对门在熏腊肉 烟大了点',
  // part R round look-alikes (new wording): a standing worry, advice on meeting a danger, the question 关没关, made fast
  // for good, a smell traced to welding, a price, a toy scooter
  '一直担心爸妈在家晕倒了没人发现 有啥好办法',
  '看见有人溺水千万不要贸然下水',
  '出门前看一眼燃气阀门关没关',
  '那块松了的招牌师傅加固了 以后不会掉下来了',
  '那股烧焦味 问了 是楼下工地在电焊 不是咱小区的',
  '商场跳樓價清倉',
  '小朋友在走廊玩平衡车 好吵',
  // part S round look-alikes (new wording): advice to switch off first, shut tight and aired, a harmless cause beside a
  // denial, a figure of speech, knocked down before it fell, a works notice with its window, a cracked phone screen,
  // a stuffy lift that runs, a wet lift floor, cars (not people) stuck by a flood, a baby moving less, a child crying
  // on the way to school, and Mandarin words the Wu and Cantonese folding must leave alone
  '家里电器冒火花的时候大家要先断电再处理',
  '燃气灶刚才没关紧，现在已经关好了，窗也开了',
  '问了物业，是隔壁饭店在熬骨头汤，不是煤气',
  '楼下冒的烟不是着火，是锅炉房在排气',
  '这周作业太多了 我要原地爆炸',
  '那片空鼓的墙皮今天已经敲掉了，围挡也撤了',
  '因电缆迁改，3号楼明晚20点至22点停电',
  '手机屏幕摔了一下炸了，玻璃都碎了',
  '电梯空调坏了，里面好闷',
  '今天下雨电梯里地面都湿了，小心滑倒',
  '小区地库进水了，好多车都开不出来',
  '我家宝宝这两天不怎么动，是不是要生了',
  '把孩子抱上车，他一直哭着不想去幼儿园',
  '我们出去跟人打交道要注意礼貌',
  '请勿在楼道内堆放杂物，勿动消防设施',
  '火警报警器说是老误报，物业来看过了',
  // classes from part Q's look-alikes (own wording, not Q's lines): hail on a roof, haze likened to smoke, an inspection
  // announced, a warning to whoever burns charcoal, a lead taken down, a fault fixed (没事儿了), a question of whom to
  // call ("…的话"), a dish or a wallet that "burns", a controlled burn explained, a worker on a roof, a plea to everyone
  '下雹子了 一颗颗砸到阳台顶棚上 响得跟打鼓一样',
  '外面大雾 远处楼房灰扑扑的 像着火一样 其实是雾',
  '这片雾霾浓得很 楼群白茫茫的像哪里在冒烟',
  '下周二安全检查 请各户把放在家里的电动车推到车棚',
  '天冷了 在屋里烧炭取暖的注意 一氧化碳中毒可不是闹着玩的',
  '4楼那户飞线 物业上门谈过了 插排都收了',
  '单元门那个漏电的开关 师傅下午换好了 没事儿了',
  '请问 家里煤气漏气的话是打燃气公司还是打119',
  '昨天那家麻辣烫 麻到嘴巴冒烟 推荐',
  '月底了 信用卡要爆炸 钱包着火了',
  '后面冒的烟不是起火 是环卫在烧枯叶 有人看着',
  '对面楼顶那个人不是要跳楼 是装空调的工人 拴着绳子的',
  '楼道里的电瓶车大家以后都推去车棚吧 别等出事',
  // (part-Q round, own wording) look-alikes beside the recall fixes
  '🔥🔥🔥3号楼楼下新开的烧烤 好吃',
  '找火了没 我打火机不见了',
  '空调一直掉水 滴到楼下了',
  '地库门卡住了，车开不出去',
  '他拎着菜刀去厨房切菜',
  '门卡丢了 进不去单元门',
  '这家奶茶好喝到原地爆炸',
  '问一下大家烟雾报警器装在哪里好',
  '隔壁音响的鼓点震得窗户玻璃嗡嗡响',
  '电梯已经整好了，困在里面的人都出来了',
  '往楼下扔垃圾的那户已经找到了，物业批评过了',
  '外墙松动的瓷砖已经都铲掉重新贴好',
  '公司那边说有人把电动车推进电梯被罚款了',
  '医生回复病人的问题含糊不清',
  '这首歌 is on fire 了',
  '我快不行了，今天加班到十点',
  '他在车里留着个包，别忘了拿',
  // classes from the remaining look-alikes of parts L, N and T (own wording): a story from a video app whose danger
  // clause runs into one about our lift, an e-bike said to stand only a moment before it is moved, a temper at a match,
  // a feared harm of a habit asked about for insurance, a public place off the estate
  '刷快手看到成都有人被困在电梯里一个小时，我们楼的电梯还算稳',
  '我看了一下，楼梯间那辆电瓶车没在充电，就临时放一下，等会儿就推走',
  '这场比赛看得我血压飙升 快要爆炸了',
  '电动车放家里充电万一起火 保险理赔吗 有懂的吗',
  '周末去万达那边吃饭 看到有辆车冒烟了 消防车都来了',
  // (part-U round, own wording) look-alikes beside the part-U fixes: not woken for no illness, an old bite, a polite goodbye, a worker on a ledge, 拿到 of a budget, a door's gap, a TV drama, a notice's title, another site, a relative's workplace, a question after 如果, a child found, a rumour denied, a harmless cause, a plot, a wall rebuilt
  '他打游戏入迷了，叫他都不应',
  '老公睡得太死，叫他不醒，呼噜震天',
  '朋友以前被蛇咬过，说特别疼',
  '一朝被蛇咬十年怕井绳，我现在看到电线都头疼',
  '对不起大家我先走了，有事打电话不接就发微信',
  '工人站在外墙外沿上刷漆',
  '电梯里有老人和小孩，大家让一让',
  '昨天拿到追加的预算了',
  '孩子的行李箱里塞满玩具，拉链打不开',
  '门缝能塞进一根手指，冬天漏风',
  '一家人在看电视，电视剧里楼着火了，吓死我了',
  '关于电动车进楼的告知书：请各位业主配合',
  '厂里另一个车间的电梯困人了，我们这边没事',
  '我姐在医院上班，今天她们医院电梯困人了',
  '如果孩子被锁在车里，用什么砸玻璃最快？',
  '走丢的那位老人下午在公园找到了，虚惊一场',
  '谁说3栋有人跳楼，人家在擦窗户，别乱传',
  '那股烟跟咱们小区没关系，是隔壁工地在电焊',
  '追剧追到被困在剧情里了',
  '重新砌完的围墙很结实，还刷了漆',
  // part V round (own wording): relays and posts about another place, figures of prices and ears, a condition carried to its
  // question, a denial beside a harmless cause, mended or doused, a meter's light asked about, a smell looked for and not found
  '【转】一居民楼天然气爆炸 五人受伤 请大家检查自家燃气管',
  '某县一个工地塔吊倒了 砸到好几个工人',
  '门口保安说隔壁街的菜市场着火了 好多消防车 我们这没事',
  '我哥公司那栋写字楼今天电梯困人了 困了半小时',
  '楼下王阿姨说 她儿子在苏州的小区今天楼道着火了 烧了好几户',
  '下班路过人民路那边 有根电线掉在地上冒火花 大家绕着走',
  '阿拉娘舅伊拉小区今朝有人煤气中毒',
  '我二姨他们村有户人家着火了 烧了两间房',
  '我在外面吃火锅 店里厨房冒烟着火了 大家都跑出来了',
  '今年物价要着火了 一斤排骨四十多',
  '被领导训了一上午 我耳朵都快冒烟了',
  '孩子期末考成这样 我心梗都快犯了',
  '闻到一股焦味 下楼一看 不是电线 是一楼在烤鱼',
  '楼道里的焦味不是电线短路 是有人在楼下烧锡箔',
  '楼下插座冒火花的问题 电工已经接好线了 现在不响了',
  '手机充电宝鼓包冒烟了 我赶紧用水浇灭了 今天拿去回收站了',
  '燃气表上的黄灯一直闪是什么意思 是没电了吗',
  '家里燃气灶最近老是打不着火 也没有闻到什么异味 是不是灶头脏了',
  '要是暴雨天地下室进了水 水漫到配电房 会不会停电 要准备点啥',
  '万一楼上管子爆了 水灌进电表箱 会漏电吗',
  '我们阿姐伊拉单位那边有人触电了',
  '请问家里燃气灶的火苗发红不是蓝的 是不是该清洗灶头了',
  '灶上的火苗偏黄色 打了好几次才点着 正常吗',
  '我屋里那块电瓶不是鼓包 是壳子本来就鼓 店里师傅看过了',
  // part V round: a feeling of being followed, a dog that follows
  '晚上走夜路总感觉有人跟着 是不是我想多了',
  '我家狗一路跟着我到单元门口 赶都赶不走',
  // a user's sandbox run (session 12): a bike shed named where to charge properly
  '车棚里那根线是物业拉的，给充电桩供电用的',
  '电动车请统一推到车棚充电，别在楼道充',
  '我刚把车推到车棚充上电了',
  // a crack told hairline, too thin for a sheet of paper, of no consequence
  '墙角的裂缝塞进一张纸都难',
  '客厅墙角有条裂缝，细细的，师傅说不影响',
  '卧室墙上那道裂纹头发丝那么细，刷漆能盖住吗',
  '阳台墙面裂了条缝，连一张纸都塞不进去',
  '楼道墙上裂了一点点小缝，物业有空来补一下',
  '天花板角上有道很细的裂纹，是不是腻子干了',
  '次卧墙角裂了一道发丝一样的细纹，装修师傅说正常',
  '外墙那条裂缝很浅，指甲都插不进去',
  '柱子上的裂缝塞张名片进去都费劲',
  '墙上裂的那条缝就一点点，不影响住',
  // a report called a rumour, whatever place here it names; history set beside it with 也
  '群里说3栋着火是谣言，大家别转了。物业已经去看过了，什么事都没有',
  '5栋有人跳楼是假消息，别传了',
  '群里传3栋着火，假的，别转',
  '网上说我们小区燃气爆炸是谣言，别信',
  '上次3栋着火的时候，我们楼也冒烟了',
  '去年3栋着火，但是我们楼也冒烟了',
  // a drill notice or a danger over whose later sentence still belongs to it or is harmless
  '明天上午消防演练，模拟3栋着火。届时楼道里会有烟雾，请大家不要惊慌',
  '今天下午消防演习。到时候5栋楼下会放烟，看到冒烟别报警',
  '3栋的火已经扑灭了。刚才冒烟的是3楼那户的厨房',
  '电梯困人的事已经处理好了。但是刚才困了半个小时，物业反应太慢了',
  '煤气味已经处理好了。刚刚燃气公司的师傅说是阀门没拧紧',
  '今天的消防演练很顺利。刚才冒的烟是演练放的烟雾弹，大家放心',
  '明天消防演练。现在提醒大家：到时候楼道里会冒烟，不要惊慌',
  '新闻里说广州有栋楼着火了。我们楼也该检查一下灭火器了',
  '虚惊一场，火已经灭了。刚刚着火的是楼下烧烤摊的炭炉',
  '下午有燃气安全讲座。另外，我家燃气灶打不着火，有师傅推荐吗',
  '今天消防演练。但是刚才的烟太大了，呛得人受不了',
  '明天消防演练，模拟着火。刚才物业已经在楼道里放好了烟雾发生器',
  '昨天的火已经扑灭了。今天楼道里还是一股烧焦味',
  '已经处理好了。刚才漏气的是302',
  '物业说车棚有充电桩，大家别再拉线下来充了',
  // a list or a log whose every item is fine, over or ticked
  '值班记录：1. 22:10 5栋电梯困一人，已于22:35救出，人员无恙 2. 地库巡查无异常 3. 门岗交接正常',
  '夜巡：车库√ 配电房√ 天台门已锁√ 楼道飞线已查√ 灭火器压力√',
  '①6栋电梯困人，已于9点放出，无恙 ②B1排水正常',
  // part W's round: 招火 said of a material, a pump tested and normal, a lift's maintenance notice
  '这种海绵招火，别放楼道',
  '消防泵房今天例行试泵，压力正常',
  '今天电梯维保，要停两个小时，大家走楼梯',
  // part W's round: a child doing something alone that is no danger; a noise that nearly gave one a fit; practice with an extinguisher
  '我家孩子自己会游泳，暑假天天在泳池边玩',
  '小孩自己在客厅玩积木，大人在厨房做饭',
  '隔壁电钻声音响得我差点心脏病犯了',
  '花园那边冒白烟，是保安在练习用灭火器',
  // part W's round: when a door is locked asked; a fire said not to be in the estate; a relative under a hospital's care; a works opening watched over; an inspection planned
  '请问物业，楼顶的门一般几点上锁？想上去晒被子',
  '小区外面公路上有辆货车起火了，不在咱们小区里，消防车已经来了',
  '我姐夫在厂里触电了，在医院留观',
  '雨水井盖是市政掀开疏通的，旁边有专人看守',
  '下月排查安排：各楼道电动车充电、飞线、堆物，逐户排查',
  // part W's round: icicles played with; a video from elsewhere; a show that nearly made one bring up blood
  '冬天屋檐下挂着冰溜子，孩子们掰下来玩',
  '抖音视频里一个小区的配电箱冒火花，看着好吓人',
  '这部剧看得我差点吐血',
  // part W's round: a fitter on an outdoor unit; a child in a puddle; a child crying at a cartoon
  '空调师傅站在外机上装支架，下面拉了警戒线',
  '下雨后小孩在门口水坑里蹚水玩',
  '孩子被动画片感动得一直哭',
  // part W's round: a tree leaning a little towards the road, to be pruned
  '小区门口那棵树往马路那边歪了一点，园林说下周修剪',
  // gas safety tips forwarded to the group (session 12)
  '【安全用气小常识】管道天然气本来是无色无味的，燃气公司加了臭味剂，闻到异味请先关阀开窗',
  '液化气本身没有气味，是加了加臭剂才闻得到，所以闻到臭鸡蛋味要当心',
  '入冬用气提醒：遇到燃气泄漏不要慌，先关总阀再开窗，到楼外打电话',
  // part X's round: floors counted (5楼到8楼) are no 楼道; the sun's 晒 stays the sun
  '从5楼到8楼全是小广告，谁贴的',
  '今天太阳好，大家出来晒被子',
  // part X's round: a scene in a show; a child shouting fire in play; a relative elsewhere telling of their own building; seen on the way somewhere; a place said not to be ours
  '孙女看动画片看到着火那一集，吓得不敢睡',
  '我家那口子看电影看到爆炸那段，吓了一跳',
  '孙子拿着玩具灭火器跑来跑去喊着火了着火了',
  '我舅在东莞说他们那栋楼电梯困人了',
  '上学路上看到一辆公交车冒黑烟，司机把乘客都赶下车了',
  '隔壁小区（不是咱们这个）电动车棚着火了',
  // part X's round: what an insurance covers; an alarm explained by its sensor or a zero reading; a rule over the items of a list; the cars of a notice (违停车辆); over in Cantonese (搞掂, 冇味啦); a device named for the danger; the sun that sets one on fire; plants blown over
  '推销员说这个险保火灾也保漏水，要不要买',
  '厨房燃气报警器刚才叫了半天，燃气公司来测了读数为0，说是探头坏了',
  '物业重申：禁止在楼道停放电动车、私拉电线充电',
  '消防通道严禁停车，违停车辆一律拍照上报',
  '燃气漏气已经搞掂，而家冇味啦',
  '有没有人用过那种燃气泄漏报警器，哪个牌子好',
  '给独居的奶奶装了个跌倒监测仪，大家觉得有用吗',
  '这几天晒得头皮都快着火了',
  '台风天，我家阳台的花全刮歪了，老人说明天收拾',
  // part X's round: a phone warm from a game; power asked after or back on; smoke gone by and taken away
  '手机电池好烫，打游戏打的',
  '单元门的铁门有电了吗？门禁一直刷不开',
  '楼下的路灯有电，我们楼却没电',
  '刚才在冒烟，已经拿走了',
  // part X's round: a complaint of cars parked in the fire lane as a habit stays the corpus's parking matter
  '又有车停在消防通道上，物业管管吧',
  // part X's round, people: locked out, a key or a cat locked in, a gate's access lock broken, a child on a stool indoors
  '钥匙被反锁在屋里了，谁有开锁电话',
  '小孩站在凳子上够桌上的糖',
  '小区门禁坏了出不去，保安也不在',
  '我家猫把自己锁在卫生间里了，里面没动静',
  '我被锁在门外了，谁有开锁师傅电话',
  // part X round: a battery's test cycles; emergency lights that worked last time
  '这批电池做了一百次放电充电测试',
  '上次停电的时候应急灯都亮了，挺好',
  // part X round, guards on its new readings: a screen frozen (卡住了没反应), work begun (干起来), an appliance with power, shut in to sulk, locked out, a roof door asked after, a charging fee, a rail climbed with a grown-up holding on, a child who cries when it cannot find its mother, a little subsidence, 不活了 said in passing
  '电脑卡住了，一直没反应',
  '装修师傅们干起来很快，手艺棒',
  '热水器有电，但是不出热水',
  '孩子把自己关在房间里生闷气，叫了半天里面没反应，青春期真难搞',
  '我被锁在门外了，我老婆还在里面睡觉',
  '天台门平时锁着吗？想上去晒被子',
  '家里拉电充电费贵吗',
  '小孩子站在椅子上扒着窗台看雪，我在旁边扶着',
  '停车场地面下沉了一点，物业说下周修',
  '有人说不活了，太累了，哈哈',
  // part X round: what is on TV stays news
  '电视上看到广州有栋楼着火了',
  // part Y round: a check that found no leak; a reminder given again after a fire put out; another estate named, a train, a home town's village; a temper or the heat "smoking", a knack "burning"
  '「李叔：地下室有股燃气味」刚才燃气公司的人来查了 没有泄漏 是新刷的油漆',
  '厨房锅里的油着了，用锅盖盖灭了，扑灭以后也再次提醒大家炒菜别走开',
  '今天路过隔壁的绿城小区 看见有栋楼在冒黑烟 我们这边一切正常',
  '在公交上看到一个大爷晕倒了 司机已经停车了',
  '回老家了 我们镇上今天有个饭店着火了',
  '老板又改方案 我气到冒烟',
  '今儿个热到冒烟 出门像蒸桑拿',
  '抢红包的气氛燃起来了',
  // part Y round, guards on the panic-burst reading: a song praised, a fund crashing, gas running out, a lift asked to hurry, a trending post
  '火！！ 这首新歌',
  '基金 炸了 真炸了',
  '煤气 快没了 快送一罐',
  '电梯 快',
  '热搜 又炸了 一声巨响',
  // part Y round, guards on run-on text: cooking smoke aired out, told without punctuation; a mouth burning with spice
  '今天中午做饭的时候油烟机没开厨房冒了好多烟把烟感都弄响了开窗散了一会就好了大家别担心',
  '吃完辣条嘴巴冒烟',
  // part Y round, guards: a temper 'smoking' inside; a tap running with a question
  '领导开会拖堂 气得我心里冒火',
  '厨房水龙头坏了 水还在往外冒 快断电吗',
  // part Y round, guard: a cover taken away and a new one put in
  '旧井盖物业已经拖走换新的了',
  // part Y round, guards: travel sickness (晕在车上); a quoted report the reply calls false
  '我晕在车上了 一路吐',
  '「李姐：5栋着火了」假的 别转',
  // part Y round, guards: a game's stab, a tree cut down, a child on a flower stand held, something seen online
  '打游戏被队友捅了一刀 气死我了',
  '小区门口那棵大树被人砍了',
  '孩子爬到花架上摘花 我扶着呢',
  '网上看到有个小孩坐在防盗窗上',
  // part Y round, guards: a bike parked in a storeroom, a phone case, fresh paint by a hydrant
  '电动车停在地下室储藏间',
  '手机壳鼓起来了 换个新的',
  '消防栓旁边刷了漆 很好看',
  // part Y round: a tip opening the message that tells what not to do; guard: ground sunk once, to be mended
  '提示：充电宝请勿放在床上整夜充电，发现鼓包请停止使用。',
  '地面凹下去一块 下周修',
  // part Y round, guard: a spanking told with a laugh
  '楼上孩子被妈妈打屁股 哭得撕心裂肺 哈哈',
  // part Y round, guards on run-on text: a dream or a video told at its start frames the whole of it, however long
  '昨天晚上我做了个特别可怕的梦梦见我们小区好多人都在楼下大喊大叫到处乱跑然后过了一会儿三号楼突然就着火了',
  '我刚刚在抖音上刷到一个视频说是有个小区的好多住户都把电动车推到楼道里面去充电结果半夜就起火了整栋楼都是烟',
  // session 14: the fear a past danger left is no sign it goes on; a lost child found where it was; a sanitation
  // vehicle at work on a fire lane
  '我上次停电的时候在电梯里困了半小时，现在都不敢坐',
  '上次电梯里困了半小时，现在想起来还后怕',
  '孩子不见了，原来在楼下小卖部',
  '老人走丢了，后来自己回来了',
  '消防车道上停着洒水车，在浇花',
  // part Z round, false alarms by class: a scene staged with props; a body steaming; 累到爆炸; a permission asked with 行不行;
  // a leak ruled out after a check; 不是…是… setting it right; a tip of what never to do; a past danger's recovery; a net
  // already up; how thick ice must be. Guards beside the new rules: snow on a canopy with nothing bent; a skipping rope; a
  // firework's noise; a temper 快炸了 by a drain; a cover put back; a fitter outside a railing; a lift door open at its
  // floor; a hot radiator; 寒假的 (not 假的), 小哥住的 (not a relative's), play equipment only reported broken, a bag
  // pushed into a car, a car across a door, wires only warm, a question after a check
  '昨晚春晚小品里有一场着火的戏 全是道具',
  '刚蒸完桑拿 浑身冒烟',
  '累到爆炸 今天加了一天班',
  '想问问电动车电池拿上楼充电行不行',
  '燃气公司检测过了 管道都正常 不会漏气',
  '不是车库冒烟 是洒水车喷的水雾',
  '小常识：锅里起火千万别用水泼 盖上锅盖就行',
  '去年那个要跳河的大姐 现在在家休养 恢复得挺好',
  '那块掉瓷砖的外墙 已经装了防护网了',
  '冰面要冻多厚才能上去溜冰啊 孩子想去',
  '车棚上的雪物业扫了 架子好好的',
  '孩子们在玩跳绳 绳子断了',
  '二踢脚的声音太响了 孩子吓得直哭',
  '下水道的味道冲得我快炸了',
  '井盖晚上被人挪开一半 早上物业已经盖上了',
  '空调师傅站在阳台护栏外面装外机',
  '电梯门开着 轿厢就在这层 我们在往里搬家具',
  '暖气管 好烫',
  '寒假的作业太多了 孩子天天写到半夜',
  '外卖小哥住的那个小区 今天停水了',
  '小区的秋千链子断了 物业找人修一下',
  '拽着行李箱往车里塞',
  '谁的车停在单元门口 挡住了 出不去',
  '老房子电线老化了 线都发烫 能不能改造一下',
  '燃气检测过了 会不会漏气 我还是不放心',
  // part Z round, guards on the round's second look: a parent lifting a child into a car; a child held back by a river; a
  // tree pit; a chair's leg; one's own hands numb with cold; a ball, a stone gone under
  '把孩子往车上拉 系好安全带就走了',
  '河边带孩子玩 我拉着他别让他下水',
  '小区门口挖了个坑 种树用的 没有盖',
  '椅子腿断了 我摔了一跤',
  '手都冻僵了 躺被窝里不想动',
  '球掉进去了 出不来',
  '石头扔进湖里 沉下去了',
];

describe('one hazard rule set: triage and the patrol agree', () => {
  it.each(EMERGENCIES)('emergency, CRITICAL: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each(URGENT)('at least urgent, HIGH: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)?.severity).toMatch(/^(HIGH|CRITICAL)$/);
  });

  it.each(LOOKALIKES)('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });

  it('names the kind and the words that decided it', () => {
    expect(detectUrgency('楼道里有人飞线给电动车充电')).toMatchObject({ urgency: 'urgent', kind: 'flying_wire', signal: '飞线' });
    expect(detectUrgency('燃气灶那边好像一直有股怪味道')).toMatchObject({ urgency: 'emergency', kind: 'gas_leak' });
  });

  // a battery that bangs, smokes or burns is a battery on fire, not a sparking appliance nor a fire of unknown cause: the
  // alert names it, so the worker brings what a lithium fire needs (session 20's note: it was labelled 电器打火/冒烟)
  it.each([
    '充电宝砰的一声冒烟了',
    '电动车电池嘭地响了一下在冒烟',
    '楼道里那个电瓶炸了一声，一直冒白烟',
    '楼下充电桩有辆车的电池在冒白烟',
    '锂电池冒黑烟了，还有火苗',
    '平衡车的电芯烧起来了',
  ])('a battery on fire, emergency: %s', (text) => {
    expect(detectUrgency(text)).toMatchObject({ urgency: 'emergency', kind: 'battery_fire' });
    expect(hazardFinding(msg(text), G20)?.summary).toContain('电池冒烟/起火');
  });

  it.each(['电动车着火了', '插排冒烟了，旁边放着电池', '电池没电了，冒烟的是插座'])('a fire or a socket beside a battery stays what it is: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(detectUrgency(text).kind).not.toBe('battery_fire');
  });
});

// A question whether a danger happened (…了吗, 是不是…, 有没有…), asked with no sign of it told, is not a report of it; the
// same question beside a sign (a cry, smoke, a sound heard, a smell, 快来) is. A fire, a blast, sparks or gas (the gas
// fallback) asked about is read as the suspicion it is, unless the question asks where.
describe('a question whether a danger happened', () => {
  it.each([
    '5号楼电梯坏了，困住人了吗',
    '3栋电梯又停了 有没有人被关在里面啊？',
    '2号楼电梯今天是不是又卡住了？有人被困吗',
    '停电的时候电梯有人被困吗？没有就好',
    '电梯里困住人要打哪个电话？存一下',
    '刚才那么多消防车开过去 是哪里着火了吗？',
    '楼上救护车来了 老人摔倒了吗',
    '楼道里的灭火器是不是过期了？谁知道怎么看',
    '井盖是不是被偷了？',
    '电瓶车是不是在楼道里充电？',
    '是否有人在楼道里给电动车充电？',
    '有人在楼道里飞线充电吗？',
    '是不是哪里着火了？',
    '灭火器过期了没有？',
    // (the wind's strength is no sign of a wall down)
    '围墙倒了没有？昨晚风好大',
    '电梯是不是坏了，有没有人困住啊，我在12楼按了半天不来',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });

  it.each([
    '电梯里困住人了吗？快来看看，里面有人在喊',
    '是不是电梯关人了？我听见电梯井里有人在拍门喊救命',
    '楼下是不是着火了？浓烟都冒到我家窗口了',
    '楼上是不是有人晕倒了？我听到咚的一声 然后一直没动静',
    '有没有人闻到煤气味？3栋二楼特别重',
    '天然气是不是漏了 快派人来看看',
    '是不是煤气漏了？',
    // a fire, a blast or sparks asked about is the asker's suspicion, as gas is (not when it asks where)
    '5栋是不是着火了？',
    '地库是不是爆炸了？',
    // and so is a 是不是 of a danger to life: the asker has a reason the message may not tell
    '12楼是不是有人晕倒了？',
    '5号楼电梯坏了，是不是困住人了',
    '电梯困人了没有 我在电梯口听到有人喊',
    // another question after the report, or a plea, is no question whether it happened
    '有人晕倒了有医生吗',
    '有没有医生啊老人晕倒了',
    '老人摔倒了能扶一下吗',
    // whom to call, asked by someone in it now (not to keep the number for later)
    '有人被困电梯里要打哪个电话啊',
    '小孩被锁车里要找谁',
    '是不是有人晕倒了？快来人啊 5栋门口躺着一个人',
  ])('emergency, CRITICAL: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    '电梯是不是关人了 里面好像有小孩',
    '孩子是不是掉进水里了？我找不到他了',
    '老公是不是触电了？叫他不答应',
    '楼道是不是被堵死了？我们下不去',
  ])('a question beside what the danger does to someone here is a report: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
  });

  it('a question beside what was seen come down or leaking is a report', () => {
    expect(detectUrgency('是不是有人在楼上扔东西？刚才一个瓶子砸下来了').urgency).not.toBe('normal');
    expect(detectUrgency('楼上是不是漏水漏到电箱里了？').urgency).not.toBe('normal');
  });

  it('a judgment asked of a danger told as a fact ("…被锁上了正常吗") is still the danger', () => {
    expect(detectUrgency('请问楼梯间的防火门被锁上了正常吗？').urgency).not.toBe('normal');
    expect(detectUrgency('请问消防栓箱里面没有水带正常吗？').urgency).not.toBe('normal');
  });
});

// Part AA's round (session 16), by class, each with the round's own paraphrases (not the part's lines) and guards.
describe("part AA's round: classes of wording the rules missed", () => {
  it.each([
    // voice slips: 燃期 for 燃气, 电涕 for 电梯
    '燃期泄漏了 5栋一楼 味道好冲',
    '电涕卡住了 里面有人在喊',
    // someone still down there as the water rises fast
    '车库进水 水涨得好快 有个保安还在下面',
    // a child shut in a car, the car told first
    '车里关了个小孩 车主找不到',
    // the ground still sinking
    '路面往下沉 裂了好几条缝',
    // English: a roof or the ground come down or sinking, windows blown out, on a roof's edge crying, a small child alone
    // on a balcony, water at the switchboard
    'the roof of the bike shed collapsed',
    'the ground near block 4 is sinking',
    'windows blew out on the 3rd floor after a loud bang',
    'a boy is sitting outside the railing on the roof edge crying',
    'a kid alone on the balcony of 12F',
    'water is up to the switchboard in the basement',
  ])('emergency, CRITICAL: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    // 灰线 for 飞线 (f/h run together), before a charge
    '灰线充电 又来了 就在8栋门口',
    // a line called only 线, down on the ground, its power in doubt
    '有根线掉在地上 不知道有没有电 在幼儿园门口',
    // English with a place in Chinese: the English words read by the English rules
    'the extension lead is hanging out of the window charging a scooter 6栋',
    // English: bare copper on a cable
    'bare copper showing on the cable by the gate',
    // a hydrant locked by someone (found on the way: not read alone)
    '消防栓箱被人锁上了',
    '消防栓的门被人上了锁',
  ])('at least urgent, HIGH: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)?.severity).toMatch(/^(HIGH|CRITICAL)$/);
  });

  it('our own basement flooded after the rain stays a burst-pipe urgency (a service urgency, not a patrol hazard)', () => {
    expect(detectUrgency('our basement is flooded after the rain').urgency).toBe('urgent');
  });

  it.each([
    '墙上那条灰线是装修画的',
    '网线断了掉在地上',
    '晾衣线断了掉在地上',
    '心一直往下沉',
    '股价一直在下沉',
    '路面井盖下沉了，车开过去咣当一下，在小区外主路上',
    '水涨得很快 河边别去了',
    // what fell already cleared up
    '楼上掉下来的碎玻璃已经打扫干净了 大家放心走',
    // streets flooded by the rain, out in town, are weather
    'the rain is heavy, roads are flooded downtown',
    'the market caved in today lol',
    // the Chinese words of a mixed message frame its English (yesterday's drill)
    '昨天 someone ran an extension cord from their window to charge an e-bike 演练',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

describe("part AB's round: classes of wording the rules missed", () => {
  it.each([
    // a hiss and a smell together in a kitchen or by a pipe, no gas named
    '厨房那个管子那里有滋滋的声音味道蛮大的',
    '灶台下面嘶嘶响 有股味 越来越冲',
    // 没气味 (méi) for 煤气味 before how strong it is
    '厨房里没气味好重 灶台都关了还是有',
    '楼道没气味很冲 谁家的',
    // can hardly be woken (叫不太醒, 喊不大醒)
    '有个小哥倒在门口 叫不太醒',
    '老爷子坐在椅子上 喊不大醒了',
    // a stroke told by slurred speech and another sign, the person named sentences before
    '张奶奶好像有点不对劲 从早上就坐在楼道台阶上 说话含含糊糊的 手一直抖',
    '我爸今天有点怪 吃着饭呢 说话含糊不清 嘴有点歪',
    // said they would jump, someone holding them or calling for help now
    '我邻居说要从窗户跳下去 我现在拉着他 快上来个人',
    '她刚才说想跳下去 我们几个在劝',
    // a despairing word, then a worry (不放心 is no reassurance)
    '阿姨这几天一直说活着没意思 我有点不放心',
    // a small child climbing at a balcony's rail or a window, told as 往上爬
    '有个小娃娃在阳台上 护栏那里往上爬 家长呢',
    '小孩在窗台那边往上爬 5楼',
    // a child who swallowed a button battery, a magnet, a coin
    '孩子把一颗纽扣电池吞下去了 怎么办',
    '宝宝吞了个磁铁 急',
    // a child alone by a pool (池边), a robbery that pushed someone down
    '有个小孩一个人在喷泉池边上 水挺深的',
    // up on top of something high, a hard drop below or no grown-up
    '那个小男孩现在爬到健身器材顶上了 下面是水泥地 家长不在',
    '小孩爬到车棚顶上了 下不来',
    '有个男的在车库里抢包 把一个阿姨推倒了',
    '有人抢劫 把老太太推倒了 快来人',
    // water reaching electrics with power to be cut or cars still charging, or pouring in from a burst pipe
    '地下室进水了 水快淹到配电箱了 谁通知一下物业拉闸',
    '车库进水 水漫到充电桩那了 还有车在充电',
    '水管爆了 水哗哗往电井里灌',
    // the wet circuit shocked someone
    '我家阿姨拖地的时候碰了洗衣机插座 人被电倒了',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    // an e-bike implied: pushed into a lift to be charged at home; batteries carried into a rented room to charge
    '天天推进电梯拉回家充电',
    '又推着进电梯了 说是回家充电',
    '外卖小哥把三块电池拎回出租屋充',
    '他每天把两块电池提回宿舍充',
    // a line let down from a floor or a window, plugged into a bike
    '那根从二楼垂下来的线还插着电瓶车',
    '楼上吊下来的那根线又在给车充电',
    // shocked by an appliance named before the verb, a tap that still numbs the hand
    '洗澡的时候热水器电了我一下 现在水龙头摸着还麻',
    // water dripping on an appliance that is on
    '卫生间天花板往下滴水 正好滴在浴霸上 浴霸还开着',
    // an exit door that will not open from inside
    '2单元楼道的防盗门从里面拧不开 着急出去都出不去',
    '单元门从里面打不开了 出不去',
    // a sprinkler or a smoke detector painted over
    '喷淋头被装修的刷上油漆了',
    '烟感被刷了一层漆',
    // a hydrant asked about after the asker's own test failed
    '我们楼消防栓是不是没水啊 刚才试了 拧开一点水都没有',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)?.severity).toMatch(/^(HIGH|CRITICAL)$/);
  });

  it.each([
    // a notice of how the lift will detect e-bikes
    '本月开始 电动车进电梯会有AI识别 自动报警 电梯会停',
    '电梯里装了智能阻车系统 电动车进电梯会被识别',
    // a corridor full of a smell, not of things in the way
    '谁家在炖牛肉 香死了 楼道全是味',
    '楼道全是烟味 谁又在抽烟',
    // incense and offerings
    '1楼的阿婆在门口烧香祭祖 烟有点大 熏眼睛',
    '隔壁在上香拜神 烟好大',
    // 窒息 said of oneself as a figure of speech
    '我直接窒息 快递又被放错了',
    '简直窒息 这个物业',
    // an alarm set off by cooking, the cause told
    '烟感响是因为我在煎牛排 不是着火 抱歉抱歉',
    '刚才烟感一直叫 是我炒辣椒呛的',
    // a fire that nearly happened, a warning
    '楼下烧纸的注意别把草坪点着了 去年就差点烧起来',
    // a question how to act in general on meeting one
    '想问一下大家 路上看见老人摔倒了 扶还是不扶 有没有什么讲究',
    // guards: slurred speech of a drunk, a child slow to wake, a blocked door at home, a sizzle while cooking, a plain
    // 不放心 with nothing told, batteries of a phone
    '拔完牙 说话含含糊糊的 手一直抖 麻药还没过',
    '早上孩子叫不太醒 天天赖床',
    '厨房油锅滋滋响 香味都出来了',
    '没气味很好 新房子通风了',
    '把手机电池拿回家充',
    '推着婴儿车进电梯 回家给宝宝充奶',
    '孩子如果吞了电池怎么办',
    '他说要从滑梯上跳下去 哈哈',
    // a robbery told after the robber has gone, a figure of speech
    '晚上散步的时候被一个骑电动车的抢了包 在小区东侧的小路上',
    '借集体建设之名抢劫村民合法房屋',
    '孩子爬到滑梯顶上了 我在下面看着',
    // a corridor full of dust, water or insects
    '楼道扶手上全是灰 摸一把黑手',
    '拖完地楼梯上全是水还没干透',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });

  it.each([
    // rain heard on the window is no burst pipe pouring in; an electricity meter's box is no gas meter
    ['电梯井有点渗水 外面雨下得哗哗的', 'urgent'],
    ['电表箱滋滋响 有股焦味', 'emergency'],
  ])('read at its own level and kind: %s', (text, level) => {
    expect(detectUrgency(text).urgency).toBe(level);
    expect(detectUrgency(text).kind).not.toBe('gas_leak');
  });
});

describe("part AC's round: classes of wording the rules missed", () => {
  it.each([
    // flames that reach a duct, a flue or the ceiling; "fire!" typed in English with a place or a call
    '后厨火苗都窜到油烟管里了 快打119',
    '厨房火苗蹿上排风管了',
    'fire!!! 5栋楼道 快打119',
    // struck by lightning, someone down
    '刚才打雷 有人在楼顶被雷劈了 倒在那里',
    '天台上有人被雷击了 躺着不动',
    '有人在树下躲雨被雷劈了 倒在地上',
    '好像有人被雷劈了 躺在球场上',
    // water over a socket with the power still on and someone inside (traditional characters too)
    '家里水淹到插座了 电还没断 老人还在屋里',
    '一樓水浸了，插座泡在水裡，電還沒斷，我媽還在屋裡',
    // a gondola stuck in mid-air with workers on it
    '外墙吊篮卡在半空下不来了 上面还有工人',
    '吊篮悬在半空不动了 风一吹一直晃 两个师傅在上面',
    // said they would jump, already over the edge; a rope tied to a rail, the person held back
    '那个工人说不给钱就跳下去 人已经翻到栏杆外面了',
    '有人说要跳下去 已经爬到吊篮外面了',
    '楼梯间有个大爷往扶手上绑绳子 我拉住他了 快来人',
    '看到一个人在栏杆上系绳子打结 我把他拦住了',
    // a small child alone at a river or a pond, playing in flood water by a manhole, climbing scaffolding
    '一个三岁的小孩自己跑到河边上了 旁边没大人',
    '有个小朋友一个人走到池塘边了 快去个人',
    '几个小孩在积水里玩 旁边井盖在往外冒水',
    '小孩在爬工地的脚手架 都爬到二楼那么高了',
    '有个孩子爬上脚手架了 下面没人看着',
    // heat stroke with shaking or delirium
    '工地上有个师傅中暑了 发抖说胡话',
    '老人中暑了 人迷迷糊糊的 叫他也不太应',
    // more wordings of the same classes
    '火苗顺着油烟管往上蹿 快报警',
    '刚才雷雨 有个保安被雷打到了 躺在地上',
    '廚房水浸到插座 電還沒停 阿嬤還在裡面',
    '升降平台卡住了 两个工人在上面下不来',
    '一个大姐在晾衣杆上套绳子 我把她抱住了 快报警',
    '小朋友一个人在河沿边上玩 大人不在',
    '孩子在积水中踩水 旁边下水道口在打漩涡',
    '小孩爬上塔吊了',
    '外卖小哥中暑倒在路边了 一直在抽',
    // traditional characters folded in full, not only in the words the rules were written with (農藥, 安眠藥, 煙霧瀰漫)
    '隔壁阿伯喝了農藥 快叫救護車',
    '他吞了一整瓶安眠藥',
    '樓梯間煙霧瀰漫 好嗆',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    // a power strip gone hot or soft under many chargers
    '插排上插满了充电器 摸着烫手 外壳都软了',
    '一个插线板带了七八个充电头 烫得都变形了',
    // dozens of batteries charged in a heap, hot, where people sleep
    '店里几十块电池堆在一起充电 摸着发烫 晚上还住人',
    '二三十块电池摞着充 热得烫手',
    // an e-bike pushed into a rented room, charged by the bed
    '租户把电瓶车推进屋里 电池就在床边充',
    '车子直接推进房间 在床头充了一夜',
    // a wire with its skin broken on wet ground
    '草坪里有根电线外皮破了 地上都是水',
    '路边一截电线 皮都破了 刚下过雨',
    // a hydrant with no water: its valve was shut
    '消火栓打开没水 说是阀门被关了',
    '消防栓拧开一点水都没有 总阀被装修的关了',
    // a fire stair partitioned into a locked room
    '有人把消防楼梯隔成房间住人了 还上了锁',
    '安全通道被隔出一间屋子 门锁着',
    // a manhole left open and unguarded
    '施工的把井盖掀开就走了 也没围挡',
    '井盖打开着没人看 连个警示牌都没有',
    // the ground opening or sinking, water heard, trees tilting, the pavement heaving (traditional too)
    '空地上突然出现一个洞 越来越大',
    '路面陷下去一块 下面能听到水声',
    '花園那邊地陷了，樹都歪了',
    '草地塌下去一片 树都斜了',
    '人行道先鼓起来又陷下去了 砖缝冒泥水',
    // more wordings of the same classes
    '排插都烤变形了 还插着五六个充电头',
    '快递站一堆电池堆着充 摸着都烫手 晚上有人睡里面',
    '車直接推進宿舍 充了一整夜',
    '消火栓里一滴水都没有 听说阀门关着',
    '楼梯间被隔出一间屋子住人 还装了锁',
    '检修井打开了没人看着 连个警示牌都没有',
    '马路上突然塌出一个坑 越来越大',
    '花園地陷 樹都斜了',
    '停车场地面先鼓起来又塌下去 一直冒泥水',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)?.severity).toMatch(/^(HIGH|CRITICAL)$/);
  });

  it.each([
    // a fire brigade showing how an extinguisher is used
    '驿站门口冒白烟是消防队在演示灭火器 不是着火',
    '楼下那股烟是消防员在演示怎么用灭火器',
    // a rumour of somewhere else, said not to be here
    '朋友圈在传某某路燃气爆炸 反正不是咱们这',
    '听说隔壁街那边着火了 不是我们小区',
    // last year's story, and the news
    '去年我们楼也有人拉飞线 后来被罚了 这次看新闻又有小区出事',
    '前年我们单元也有人飞线充电 被物业罚了 今天新闻又报了一起',
    // a figure of speech about a bill
    '电费单一出来我直接心脏骤停了',
    '看到成绩单 我心脏骤停',
    // the gas company's planned purging, explained
    '不是燃气泄漏 是燃气公司在做管道置换放散 味道是他们放的',
    '燃气公司今天放散 有点味道是正常的 有人在现场盯着',
    // a notice that covers were replaced, what to do if one is loose
    '本小区井盖已统一更换为防坠网井盖，如发现松动请联系物业',
    // a fire of last month, now handled
    '驿站起火那事是上个月的 现在电池全挪到外面充电柜了',
    '车棚着火那是上周的事了 现在都处理好了',
    // a general question about a battery's life
    '电动车电池一般用几年要换？鼓包了是不是就不能用了',
    '电池鼓包了一般还能用吗',
    // more wordings of the same classes
    '今天消防员在广场示范怎么用灭火器 有烟是正常的',
    '听说隔壁区有人煤气中毒 不是咱们这的',
    '前几年我们这也有人飞线充电 后来被罚款了 今天新闻又看到一起',
    '这个月电费 我直接休克',
    '燃气管道置换作业期间有轻微气味',
    '物业通知：井盖已全部更换，如看到破损请及时反馈',
    '楼道着火那事是去年的 现在都整改了',
    '充电宝鼓包了是不是就不能用了',
    '我用打火机点烟 火苗窜了一下',
    '他中暑了 喝了点藿香正气水 好多了',
    '我简直像被雷劈了一样',
    // guards: a lighter's flame, a rope tied to a rail for washing, a walk by the river, workers on scaffolding, a
    // gondola notice, an open manhole guarded, a child's hole in the sand, a hot day, a song
    '打火机火苗窜得老高',
    '在扶手上绑根绳子晾被子',
    '周末带孩子去河边散步',
    '工人在脚手架上刷墙',
    '明天吊篮上来刷外墙 请关好窗',
    '井盖打开了 工人在下面干活 围挡都拉好了',
    '孩子在沙坑里挖了个洞',
    '今天热得我快中暑了',
    'fire!!! 这首歌太好听了',
    '昨晚打雷好响 吓死我了',
    '插线板是软胶的 可以折',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });

  it.each([
    // not this estate named apart, the rest of the line still here; a demo named and a real fire
    ['不是咱们这栋 是隔壁那栋着火了', 'emergency'],
    ['不是演示 真着火了 3栋', 'emergency'],
    ['我爸心脏骤停了 快叫120', 'emergency'],
    ['我家电动车电池鼓包了 还在屋里充着', 'urgent'],
    // a little smoke given off is no cigarette lit (点烟)
    ['线槽里滋滋响 冒了点烟', 'emergency'],
  ])('still read: %s', (text, level) => {
    expect(detectUrgency(text).urgency).toBe(level);
  });
});

describe("part AD's round: classes of wording the rules missed", () => {
  it.each([
    // a loose dog biting people or chasing children (violence)
    '谁家的狗没拴 在4栋门口把外卖员咬了 还在追人',
    '一条没拴绳的狗在楼下咬了一个小孩 还在追着人跑',
    '谁家的大狗在广场上见人就扑 已经咬伤两个人了',
    '三条流浪狗围着一个老人咬 快来人',
    '两条狗在儿童区追着小孩咬 家长拿包在挡',
    // violence heard through a wall or a door: shoved with a thud or a cry of pain, a threat to kill a partner, dragged by the hair
    '楼下老人又被儿子推来推去 刚才砰的一声 老人在喊疼',
    '隔壁儿子一直推搡他妈 咚的一声 老太太在哭',
    '对门的在踹门 说要杀了他老婆 女的在里面哭喊',
    '楼上那男的喝多了 说要弄死她 她在屋里一直哭',
    '一个男的揪着女的头发往车里拖',
    '有人扯着一个姑娘的头发往面包车上拽',
    // a farewell or pills said indirectly, with a sign now: the door shut, no answer, left the group, asked to be found
    '楼上大姐跟我说家里的药她全吞了 这样就不拖累孩子了 我在她家门口 门打不开',
    '我妈说她把一瓶药都吃了 说不想再拖累我们',
    '6栋那个小伙子发了条朋友圈 像是在告别 说谢谢大家照顾 他住12楼 有人认识吗',
    '楼上的姑娘在群里发了段像告别的话 说谢谢大家这些年照顾 谁认识她家人',
    '我朋友刚发消息说在我们小区河边 说对不起 然后电话就不接了',
    '同事发消息说对不起大家 人在湖边 现在电话关机了',
    '谁认识7-2-801的租户 他刚在群里说 明天你们就不用再受我的吵了 然后就退群了',
    '他在群里说 以后大家就不用再忍我了 然后退群了 电话也关机',
    // someone shut in a plant room, gone down a tank and not come up, pinned under a door, fallen into a well
    '我被反锁在地下车库的设备间了 手机只剩5%电 里面很热 谁有保安电话',
    '有个师傅被锁在水泵房里 在里面拍门 出不来',
    '化粪池井口 两个工人下去半天没上来 上面的人喊也没人应 说下面有沼气',
    '污水井里下去的师傅没动静了 上面的人说有沼气味',
    '车库卷帘门突然落下来 把一个大哥压在下面 卡住腰动不了',
    '车库门砸下来 压住了一个大爷的腿 出不来',
    '小区枯井里掉进去一个人 能听到在喊 井很深 够不着',
    '废井里掉下去一个人 在下面喊救命',
    // someone alone not seen for days, with signs: the milk not taken, no answer
    '302的老两口好几天没下楼了 牛奶箱里的奶没人取 电话也打不通 他们儿子让我们去看看',
    '独居的王奶奶三天没出门了 门口报纸堆着 敲门没人应',
    '楼下独居大爷好几天没见人了 屋里灯一直亮着 电话没人接',
    // a battery cracked and fuming; a gadget swollen while charging
    '儿子玩具车的电池拆下来在充 闻到一股酸味 电池壳子裂开了 还在冒白气',
    '充电宝的壳子裂了 在冒白气 一股酸味',
    // a lit or live cable fallen into water with people in it or by it
    '小区水景池里掉进去一根灯带 还亮着 几个小孩在池边捞鱼',
    '泳池边的音响线断了掉进池子里 还有人在游',
    '喷泉池里掉了根电线 灯还亮着 有孩子在里面玩水',
    '插线板掉进泳池了 还插着电 有人在游泳',
    // a hornet nest where children pass (urgent); stung (emergency)
    '一群马蜂追着蛰人 有个小孩被蛰了好几下 脸都肿了',
    // an open well with children at its mouth; a child shut out on a balcony in the sun for hours
    '公厕后面那口老水井的盖子被掀开了 几个小孩趴在井口往下看',
    '枯井的盖板被人挪开了 几个孩子蹲在井边往里看',
    '邻居家小孩被关在阳台上罚站 一整个下午 太阳直晒 哭声都哑了',
    '邻居把孩子锁在阳台外面 晒了两个小时 一直在哭',
    // a charger smoking by a mobility scooter indoors
    '老年代步车停在一楼门厅充电 充电器烫得冒烟了 旁边就是楼梯口',
    '电动轮椅在楼道里充电 充电器冒烟了',
    // a vote, a forwarded notice, a 团购 list, and the poster's own addition after it
    '投票选物业 ①续签 ②换 …… 我选②，另外地库B区一台电动汽车底盘在冒白烟 有股刺鼻的甜味 已经打119了',
    '投票：①同意 ②不同意 我选① 另外3栋楼道有很浓的煤气味',
    '转发物业通知【燃气安全入户检查】…… 我补一句：不是检查，12栋现在真的有燃气味，整个楼道都是',
    '转发物业通知【汛期请检查地下室排水】 我补一句 现在就是 地下室积水没过脚踝 配电箱就在水边 还有人在往外搬东西',
    '转发：【冬季防火提示】…… 补充一句 5栋楼道现在真着火了',
    '物业通知：今日下午停水…… 楼主补充：先别管停水 8栋门口一个男的在拽一个女的头发往车里拖',
    '团购小龙虾 1. 2栋 3斤 2. 5栋 2斤 3. 谁家的狗没拴 在4栋门口把外卖员咬了 还在追人',
    // more wordings: a week unseen, a dog chasing and biting
    '501的阿姨一个星期没出门了 门口快递堆了一堆 敲门也没人应',
    '一条大狗冲进小区 追着小孩咬 已经咬伤一个了',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    // a battery cracked and fuming; a gadget swollen while charging
    '我手机后盖被顶起来了 充着电睡了一晚 早上一看屏幕都翘了',
    '平板充着电 屏幕被顶起来了',
    '充电款暖宝宝在被窝里充着电 鼓起来了 还好发现得早 扔哪里安全',
    '充电宝插着充了一夜 鼓起来了',
    '地下室那个家用储能柜外壳发烫 鼓包了 一直在滴滴报警',
    '阳台上的户外电源鼓包了 摸着烫手',
    // bare wire ends within reach; a lamp holder hanging with its cores out
    '单元门的门禁拆了没装回去 墙上两根线头外露 孩子个子正好够得着',
    '门禁拆了 墙上线头露在外面 小孩一伸手就能摸到',
    '楼道感应灯的罩子没了 灯座松着吊在半空 线芯都露出来了',
    '楼道灯罩掉了 灯头吊着 铜芯露在外面',
    // a hornet nest where children pass (urgent); stung (emergency)
    '幼儿园门口那棵树上有个马蜂窝 脸盆那么大 明天一早孩子们就在树下排队入园',
    '儿童乐园旁边的树上有个胡蜂窝 孩子们天天在下面玩',
    '单元门口有个大马蜂窝 好多马蜂飞来飞去',
    // a shed's frame leaning, a pillar rusted through
    '自行车棚的钢架歪了 一边立柱锈断了 整个棚往一边倒',
    '车棚的立柱断了 棚顶都斜了',
    '雨棚的支架锈断了 整个往下耷拉',
    // an electric box hot to the touch and humming
    '5栋电表箱的盖子烫得不能摸 里面嗡嗡响 物业电工在吗',
    '配电箱外壳烫手 里面一直嗡嗡响',
    // an extinguisher years old with its nozzle blocked or its gauge in the red
    '电动车棚的灭火器是2015年的 喷嘴都堵死了 棚里停了四十多辆车',
    '楼道灭火器还是十年前的 压力表指针在红区',
    // a manhole told with relief that no one was hurt is still loose
    '团购的西瓜拿了吗 对了门口窨井盖一踩就翻 我刚才脚卡进去了 还好没伤着',
    '井盖松了 一踩就翘 我差点掉下去 还好人没事',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)?.severity).toMatch(/^(HIGH|CRITICAL)$/);
  });

  it.each([
    // guards: a cause explained, a figure, a thing taken away, a negation
    '那个冒烟的不是充电桩 是车主蹲在车边抽烟',
    '冒烟的不是电箱 是有人在旁边抽烟',
    '我快被这孩子的作业逼疯了 要窒息了',
    '加班加到要窒息了',
    '车库那辆冒烟的电动车已经被消防拉走了 现场清理完了 可以正常停车了',
    '着火的那辆电动车已经拖走了 现场清理完了',
    '车库没进水 是洗车的水流出来了 充电桩那边是干的',
    '配电房没进水 是空调滴的水 电箱那边是干的',
    // guards: a dog that only barked or played, a bite long ago
    '楼下的狗叫了一晚上 吵死了',
    '我家狗把拖鞋咬坏了',
    '两条狗在草地上打闹 互相咬着玩',
    '去年被狗咬过 打了狂犬疫苗',
    '谁家的狗没拴绳 在草坪上拉屎',
    // guards: a TV drama, children playing, a noise alone, a game
    '电视剧里那男的把他妈推来推去 看得我好气',
    '孩子们在走廊推来推去地玩',
    '咚的一声 楼上又在拖凳子',
    '说要砍死这个游戏里的boss',
    '拉着行李箱往车里塞',
    // guards: pills finished, thanks on moving away, left the group for ads, sorry for being late
    '感冒药我全吃完了 明天再去买',
    '谢谢大家照顾 我下周搬家了 以后常联系',
    '他说群里广告太多 然后就退群了',
    '他说对不起 今天迟到了',
    '明天你们就不用再受我装修的吵了 今天完工',
    // guards: a key locked in, works below with a fence, a thing under a door, a phone down a well
    '钥匙被反锁在屋里了 等开锁师傅',
    '化粪池明天清掏 请大家挪一下车',
    '工人下井疏通 一会儿就上来了',
    '快递压在箱子下面了',
    '手机掉进井里了',
    // guards: someone found safe, away on a trip
    '王奶奶好几天没下楼 原来是去女儿家住了',
    '老两口出去旅游了 好几天没下楼 帮忙收下快递',
    // guards: a vaping cloud, a phone case, a swollen bun
    '他抽电子烟 吐了一大口白烟',
    '手机壳翘边了 换个新的',
    '面包发起来了 鼓得好大',
    // guards: a cable out of water, a nest gone, a child in the sun playing, a sign leaning, a humming fridge, a new extinguisher
    '灯带掉进水池了 已经断电捞出来了',
    '马蜂窝已经被消防摘掉了',
    '孩子在阳台上晒太阳 玩得很开心',
    '冰箱一直嗡嗡响 好吵',
    '灭火器是今年新换的',
    // guard
    '井盖一踩就翻 已经换好了',
    // guards: denied and set right by a harmless cause; still read when set right by another danger
    '那边冒白烟的不是电动车 是有人在烧烤',
    '地库没进水 是洒水车洒的水 配电箱那边好好的',
    // guards: smothered by a chore
    '考试压力大到快窒息了',
    // guards: a sign askew, coal briquettes, a dog's bark, a game of tag
    '车棚的牌子歪了',
    '楼下堆了好多蜂窝煤',
    '孩子们在玩老鹰捉小鸡 追着跑',
    '小狗咬着球跑过来了',
    '宠物医院说狗咬人要赔钱吗',
    '他说要弄死这只蚊子',
    '手机充电的时候有点烫',
    '电池盒的盖子裂了 换个新的',
    '游泳池今天换水 有人在游吗',
    '充电宝鼓包了 已经扔了',
    // guards: a standing complaint of a dog that bit before, a nest elsewhere, a heater's lead in a fish pond (urgent, not emergency)
    '那条大狗已经咬过两个人了 物业能不能管管',
    '母狗护崽 见人就咬 大家绕着走',
    '外地有个小学门口的马蜂窝蛰伤了学生 咱们学校要不要也查查',
    // guard
    '我家阳台上有个马蜂窝 能不能找人来摘掉',
    // guards: a dog chasing its tail, a week away
    '小狗追着自己尾巴咬 好可爱',
    '他一个星期没出门 在家打游戏',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });

  it.each([
    // still read: set right by another danger, a real choking, an emergency by the cause told
    ['不是抽烟 是充电桩在冒烟', 'emergency'],
    ['孩子被果冻卡住了 要窒息了', 'emergency'],
    ['着火的不是3栋 是5栋 快来', 'emergency'],
    ['冒烟的不是充电桩 是旁边那辆电动车', 'emergency'],
    ['老人被痰卡住了 快窒息了', 'emergency'],
  ])('still read: %s', (text, level) => {
    expect(detectUrgency(text).urgency).toBe(level);
  });
});

describe("part AE's round: classes of wording the rules missed", () => {
  it.each([
    // someone come from one's hometown is here, not elsewhere
    '老家来的大姨住我们家次卧 早上怎么叫都叫不醒',
    '从老家来的婆婆在小屋里 现在喊也喊不醒',
    // bleach mixed with an acid cleaner, the fumes choking people
    '我妈把消毒液跟洁厕剂混在一起刷地 现在一直咳 喘不过气',
    '卫生间里84兑了洁厕灵 那个味呛得睁不开眼 孩子一直在咳嗽',
    '刚把漂白水和洁厕灵一起倒进下水道 满屋子刺鼻的味 我头晕想吐',
    // food poisoning with severe signs: several vomiting, cannot stand, unresponsive, hallucinating, numb
    '中午吃了食堂的盒饭 我们办公室五个人都在吐 有个同事拉得站不起来了',
    '昨天吃了自己采的野蘑菇 我婆婆一直在吐 还说胡话',
    '孩子吃了外卖的炒饭 吐了七八次 现在嘴唇发白',
    '我们一家吃了没煮熟的四季豆 现在都在吐 我老公手脚发麻 头晕得厉害',
    '楼下阿姨说她吃了菌子以后看到墙上有小人在爬 一直在吐',
    // someone calling a person who barely answers
    '孩子发烧 我叫他都没什么反应',
    // a poison, bleach or mercury swallowed, often from a drink bottle
    '孩子把矿泉水瓶里的消毒水当饮料喝了两口 一直哭',
    '爷爷把可乐瓶装的除草剂当水喝了 现在一直吐',
    '小孙子咬破了一颗洗衣凝珠 满嘴都是泡沫',
    '宝宝把温度计咬碎了 好像吞了点水银',
    '楼下有个老人在花坛边吐白沫 旁边有个农药瓶',
    // a slimming pill or medicine with a racing heart and blurred sight
    '妹妹吃了网上买的减肥药 现在心跳特别快 看东西都模糊了',
    // a heart attack told by its signs, an allergic throat after a sting
    '我爸说胸口闷得像被石头压着 满头冷汗 左手也麻了',
    '老公被蜜蜂蛰了一下 现在嗓子发紧 喘气都困难',
    // an elder with dementia gone out and not back
    '我外公有阿尔茨海默症 下午出门散步到现在还没回来 穿灰色外套 大家帮忙留意',
    '奶奶脑子不太清楚 一早出去买菜 到天黑了还没回家',
    // a child not home long after school, its watch off
    '女儿十岁 放学两个小时了还没到家 电话手表也打不通 谁看到一个扎马尾的小姑娘',
    '孩子补习班下课到现在都没回来 老师说早走了 大家帮忙找找',
    // oblique suicide signs: a farewell with silence, money or dependants handed over, pets given away, "can't go on" on a roof
    '室友发朋友圈说下辈子再见 现在电话关机 房门也敲不开',
    '楼上大哥跟我说存折在抽屉里 以后他女儿就拜托我们照顾了 说完就回屋了 感觉不对劲',
    '我老公刚把所有的钱都转给我 发了句对不起 现在卫生间门反锁着 叫他不应',
    '她说她在小区哪栋楼的楼顶 撑不下去了 我不知道是哪栋',
    // violence: a child crying to a parent to stop for a long time; a victim hiding and asking for the police
    '楼上小孩被打得一直哭着喊爸爸别打了 哭了快一个小时了',
    '我男朋友喝多了在打我 我把自己锁在卧室 帮我报警 5栋302',
    // someone caught in a lift's door while it moves
    '电梯门夹住了一个老人的腿 电梯还在往下走',
    // children on a roof's rail, shut out in the cold, at an unguarded window
    '几个小学生在爬楼顶的护栏 天台门开着',
    '孩子被关在阳台外面了 光着脚 外面在下雪',
    '小孩站在飘窗上 窗户开着 没装防护网',
    // an ambulance that cannot get past a blocked fire lane
    '消防通道被一辆面包车堵死了 救护车开不进来',
    // a bare wire down where children play
    '路灯杆的电线断了掉在草地上 几个孩子在旁边玩',
    // a gas canister that went off and hurt someone
    '店门口的丁烷气罐炸了一个 店主的手被炸伤了',
    // someone collapsed inside a plant room
    '配电房里有个电工倒在里面了 快叫120',
    // a report of here and now beside a sales pitch is still read
    '团购的西瓜到了 一个15元 要的接龙 另外3栋楼道煤气味好重',
    '团购西瓜 15元一个 要的接龙 3栋楼道现在煤气味好重 快来人',
    '有没有人看到一个老爷爷 有点阿尔兹海默 早上出门到现在没回来',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    // a fire lane taken by stalls; the ground sinking at a car park's ramp
    '北门消防车道被卖菜的占了 还支了个大棚子 车根本过不去',
    '小区门口路面凹下去一大块 边上还在往下掉土 车照样在开',
    // sleeping pills bought again and again, a pet given away
    '邻居阿姨这几天跑了好几家药店买安眠药 今天把她养的狗送给我 说以后用不上了',
    // money and family arranged as if for after one's death, unlike them
    '我爸这几天总跟我交代存款放哪 哪套房给谁 还问我他不在了以后能不能照顾好我妈 他以前从来不这样',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)?.severity).toMatch(/^(HIGH|CRITICAL)$/);
  });

  it.each([
    // an intensifier, a prohibition in a hypothetical, a lesson learnt
    '这家烧烤香到爆炸 强烈推荐',
    '这个剧好看到爆炸',
    '真要停暖 我也绝不让爸妈在屋里烧炭 直接接过来住',
    '上周煤气中毒的那家人已经出院了 大家引以为戒',
    // sales pitches: what insurance covers, what a product is for
    '新出的老人意外险 一年九十九 摔倒骨折都能赔 需要的私聊',
    '灭火毯团购 一条四十五 着火了一盖就灭 要的接龙',
    // a slogan after a camera put up
    '高空抛物 害人害己 小区已装了监控',
    // a question about a tracker
    '社区有没有防走失的定位手环 老人用的',
    // a stink taken for gas, then found to be something else
    '下水道那味儿跟煤气似的 我还以为漏气了 凑近一闻是死老鼠',
    '垃圾桶臭得跟燃气一样 我以为漏气了 走近一看是烂菜叶',
    '上个月那户烧炭的老两口送去抢救了 今天都醒了 大家引以为戒',
    // guards for the new rules
    '84消毒液和洁厕灵千万不能混用 大家注意',
    '昨天聚餐吃多了 有点拉肚子',
    '团购的榴莲吃了 太好吃了',
    '我妈有点老糊涂 老找不到眼镜',
    '爷爷老年痴呆 今天出去散步 已经自己回来了',
    '孩子放学去同学家写作业了 晚点回来',
    '被蚊子叮了一个包 好痒',
    '我把不用的猫粮送给邻居了 以后用不着了',
    '电梯门夹了我一下 没事',
    '吃了减肥药 一周瘦了三斤',
    '胸口有点闷 可能是没睡好',
    '存折放在抽屉里了 你记得去交电费',
    '他把垃圾倒在门口了',
    '宝宝把温度计摔碎了 水银珠子我用胶带粘起来了',
    '电话手表没电关机了 孩子在楼下玩',
    '84消毒液兑好了 喝了口水再拖地',
    '以后孩子你们帮着照看一下 对不起麻烦大家了 我出差一周',
    '离婚后她把婚纱送给我了 说以后用不着了',
    '小儿子打我 我躲开了 哈哈',
    '孩子放学还没回家 补习班几点下课来着',
    '昨晚吃了小龙虾 今天拉肚子 有点迷迷糊糊的 没睡好',
    '我家狗把洗衣凝珠咬破了 满地泡泡',
    '团购退烧药 一盒25元 孩子高烧抽搐的时候备着 要的私聊',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });

  it.each([
    // children playing there as a habit: urgent, not an emergency
    ['小区门口电线断了掉在地上 孩子们经常在那玩', 'urgent'],
    // a broken lift and the frail, the management told (not a planned stop's notice)
    ['电梯坏了 楼上老人下不来 通知物业了吗', 'urgent'],
  ])('still read: %s', (text, level) => {
    expect(detectUrgency(text).urgency).toBe(level);
  });
});

describe('the alert names what happened to whom (a missing elder is no sudden illness, carbon monoxide no gas leak)', () => {
  it.each([
    ['我爸有点老年痴呆 早上出去买菜到现在还没回来 电话也不接 大家帮忙看看', '老人走失'],
    ['奶奶脑子不太清楚 下午出去遛弯 到现在都没回来', '老人走失'],
    ['孩子放学到现在还没回家 电话手表也关机了 大家帮忙找找', '儿童险情'],
    ['我爸突然倒在地上 口吐白沫 叫不醒', '突发急症'],
    ['家里老人烧炭取暖 门窗都关着 刚才进去叫都叫不醒', '疑似一氧化碳中毒'],
    ['屋里生了煤炉子 一家人早上起来都头疼想吐', '疑似一氧化碳中毒'],
    ['隔壁好像煤气中毒了 120已经来了', '疑似一氧化碳中毒'],
    ['厨房燃气灶那边一股煤气味 越来越浓', '疑似燃气泄漏'],
    // a gas water heater (直排, no flue) and people dizzy or fainting with no smell or hiss: poisoning by its fumes
    ['家里用的直排式燃气热水器，洗完澡两个人都头晕想吐', '疑似一氧化碳中毒'],
    ['直排热水器洗澡洗了半小时，出来头晕恶心站不稳', '疑似一氧化碳中毒'],
    ['卫生间装的是直排热水器，老婆洗澡时晕倒了', '疑似一氧化碳中毒'],
    ['燃气热水器洗澡时间长了，人头晕乏力', '疑似一氧化碳中毒'],
    ['壁挂炉开了一晚上 早上起来全家都头晕', '疑似一氧化碳中毒'],
    // the same heater with a smell or a hiss: gas is escaping
    ['燃气热水器那里一股煤气味，人都熏晕了', '疑似燃气泄漏'],
    ['热水器接头嘶嘶漏气 闻着头晕', '疑似燃气泄漏'],
  ])('%s → %s', (text, label) => {
    const f = hazardFinding(msg(text), G20);
    expect(f?.severity).toBe('CRITICAL');
    expect(f?.summary).toContain(label);
  });
});

describe("part AF's round: classes of wording the rules missed", () => {
  it.each([
    // a fire told by voice input's homophones (着活 for 着火, 冒眼 for 冒烟) or in Cantonese (烧咗, 成…都系烟)
    '3号楼着活啦 窗户一直冒眼 快叫消防',
    '楼下仓库那边冒眼了 好大一股 快打一一九',
    '隔篱屋个暖炉烧咗 成条走廊都系烟 快啲报警',
    // fireworks stored indoors set off and still going off, the way out shut
    '走廊里那几箱烟花被点着了 一直在炸 我们出不去',
    '车库里堆的鞭炮不知道谁扔了烟头 现在噼里啪啦还在响 门口全是烟',
    '走廊的鞭炮被烟头点着了 噼噼啪啪一直炸 还在炸 楼梯口出不去',
    // a coal or charcoal fire last night and the family ill now
    '昨晚屋里烧了炭盆 今早全家头晕恶心 老人怎么喊都不醒',
    '前天晚上生了煤炉子 现在孩子叫不醒 我们都头疼',
    '全家都头晕想吐 老人喊不醒 昨天晚上烧了炭盆',
    '一家人都头疼恶心 老人睡着了叫不醒 昨晚烧了煤炉',
    // someone long in a gas-heated shower, not answering
    '楼上阿姨开燃气热水器洗澡 快两个小时了还没出来 敲门不应',
    // someone fallen into an open well
    '一个老人掉进没盖盖子的井里了 腿卡住出不来 快来帮忙',
    '一个小孩踩到没盖的井里了 腿卡着 快来人',
    // flood water at a switch cabinet and still rising
    '车库积水已经淹到配电箱下沿了 还在往上涨',
    // someone who cannot get out of snow, flood or a stopped lift, or a burst of slashes
    '大雪把楼门封死了 三楼那个坐轮椅的大爷下不来 家里炉子快灭了',
    '地下室水管爆了 水都到腰了 里面的阿姨出不来',
    '电梯 / 卡住了 / 3号楼 / 救命啊',
    // violence with fireworks or a hand at the throat, told word by word
    '有个喝醉的拿着鞭炮往人身上扔 还追着人打',
    '楼道里 一个男的 掐着 老太太 脖子 快来',
    // someone crying on a roof saying they will jump; a farewell quoted, the phone unanswered
    '天台上有个小伙子一直哭 手里拿着酒瓶 说要跳下去',
    '「对不起 以后不麻烦大家了 谢谢你们」 这是502王姐刚在群里发的 打她电话没人接',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    // a pressure cooker hissing with its valve blocked
    '炉子上的高压锅一直嘶嘶叫 排气阀堵住了 感觉要炸',
    '高压锅搁在煤炉上烧了很久 一直嘶嘶响 阀堵了 怕要炸',
    // electrics overheating: a box hot to the touch or discoloured, a plug blackened and fuming, a breaker tripping with a burnt smell
    '楼道电表箱摸着发烫 外壳都烤变色了',
    '插电暖气的那个插座 插头那里发黑 还冒眼',
    '电箱 旁边 插座 黑了 冒眼',
    '家里空开老跳闸 一推上去就有烧胶皮的味道 墙里的线发烫',
    // a thing still live after someone was shocked (人没事 is the person, not the thing)
    '晒衣架碰到取暖器的线 我妈摸了一下被电了 人没事 可是架子还带着电',
    // a bare wire told word by word
    '楼 门口 有 电线 没有 皮 很 低 小孩 可以 摸到',
    // a charging cable slung on a pole across a passage
    '有人拿竹竿挑着电线给电瓶车充电 横在过道上 天黑看不清',
    '有人用衣叉挑着电线充电 横过走道 晚上看不见 差点绊倒',
    // e-bikes charged in a hall overnight, unwatched; a battery hot in a corridor, told word by word
    '每天晚上大堂里都停满电动车在充电 七八辆挤在一块 一整夜都没人看着',
    '一楼 走廊 电瓶车 在 充电 电池 很 烫 有 味道',
    '单元大堂晚上变成充电站 好几辆电瓶车挤在一起充 一夜没人管',
    '一楼 过道 电瓶车 插着 电 电池 很 热 有 热 的 味道',
    // a battery swollen and hissing, or its case forced open by heat
    '充电宝在充着电 鼓起来了 还有滋滋声',
    '充电座上那个电动牙刷 鼓包了 滋滋响',
    '扫地机器人放在暖气片边上 电池盖都被撑开了',
    // snow sliding off eaves onto people, a frozen quilt hanging half down
    '房檐上的雪一大块一大块往下滑 楼门口有人在铲雪',
    '阳台外晾的被子冻硬了 被风刮下来一半 挂在外面晃 随时会掉',
    '冻住的床单被风吹下来一半 挂在窗外晃 随时要掉',
    // the ground cracking and sinking
    '地库出口的斜坡 路面裂开好几道缝 好像在往下沉',
    // a well cover lifted by frost, a broken one hidden by snow (Cantonese)
    '暖气井的井盖冻得翘起来了 一直冒白气 晚上路过容易踩空',
    '雨水井的盖子冻得翘起来一半 走过去容易踩空',
    '沙井盖烂咗 喺小区门口 落完雪睇唔到',
    // water pooled under a water heater or washer by a power lead
    '洗衣机底下一滩水 插线板就泡在旁边',
    '热水器下面一滩水 连着插头 还冒热气',
    // an elder who cannot walk locked in alone; a courier in a stuck lift with no signal
    '我妈一个人在家 门从里面反锁了 钥匙断在锁眼里 她腿脚不好 家里暖气也停了',
    '电梯卡在两层楼中间 里面的快递小哥没信号 门打不开 这是他让我发的',
    '电梯停在两层中间 我是快递员 里面没信号 门打不开 这是朋友帮我发的',
    // an elder living alone not seen today, the phone unanswered
    '独居的刘奶奶每天一早都下楼遛弯 今天一直没见人 电话也打不通',
    // children: bangers thrown at people and into meter boxes, thin ice, a low roof rail, a charger unwatched
    '一群孩子在走廊扔摔炮 往路人脚下扔 还往电箱缝里塞',
    '几个小孩在小区池塘冰面上溜冰 冰很薄 中间都化了',
    '小孩在冰湖上滑冰 冰很薄 中间有水了',
    '天台门没锁 几个孩子在楼顶打雪仗 护栏才到膝盖',
    '小孩 一个人 在 充电 的 电动车 旁边 玩 没有 大人 看',
    // a quarrel come to shoving with a weapon taken up
    '楼下两拨人吵起来了 已经动手推人了 有人拿起了铁棍',
    '楼下卖年货的和保安吵起来了 已经推搡了 有人抄起扫把了',
    // charcoal and tape bought, windows sealed, after losing a job
    '隔壁小伙最近失业了 今天买了好几包木炭和胶带 窗户缝都用报纸糊上了',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });

  it.each([
    // hearsay in Cantonese, unconfirmed
    '佢话东莞有个厂房因为充电宝着咗火 唔知系咪真',
    // white steam from a boiler house, checked and normal
    '锅炉房冒的白汽 问过物业了 说是正常排气 不用担心',
    // a lift working again, the one shut in it out
    '停电的电梯又能用了 刚才关在里面的大叔出来了 还挺镇定',
    // a planned outage notice
    '停水停电通知 周三8点至18点检修 电梯停运 行动不便的老人请提前安排',
    // a snowy view and children's plans
    '下雪了 窗外白茫茫的 孩子们明天肯定要去打雪仗',
    // a fire in a game, told after
    '女儿在玩我的世界 喊着她的城堡着火了 游戏里的 逗死我了',
    // guards for the new classes
    '高压锅在上汽 嘶嘶响 一会儿就能吃饭了',
    '昨晚烧了炭盆取暖 开着窗 今早起来大家都挺好',
    '孩子们在楼下放摔炮 好吵',
    '电动车在自家车库充电 有人看着',
    // a sign told before a past time is still the past outside carbon monoxide (a near miss last week, a rail asked for)
    '小区池塘边没有护栏 上周有个孩子差点掉进去 物业能不能装个栏杆',
    // hearsay in Cantonese, its truth unknown
    '佢哋话广州有间屋因为电暖炉着咗火 唔知真定假',
    // look-alikes of the new classes: a broom after a quarrel, a skipping rope on a roof, snow off a tree, a socket yellowed
    // with age, a neighbour moving out, a phone on a cable, fireworks let off at a door
    '两口子吵了几句 老公拿起扫把扫地去了',
    '孩子在楼顶平台说要跳绳 我陪着呢',
    '树上的积雪一块一块往下掉 好美',
    '插座面板都发黄了 用了十几年了 想换个新的',
    '我下周搬家了 以后不麻烦大家了 谢谢邻居们照顾',
    '床头挂着数据线给手机充电 挺方便',
    '过年在门口放了几挂鞭炮 孩子们出不去玩 在窗边看',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

describe("part AG's round: classes of wording the rules missed", () => {
  it.each([
    // a kitchen hood on fire, the fire climbing its flue
    '楼下饭店的排烟罩烧起来了！！火沿着烟道往楼上窜 楼上的赶紧下楼',
    '烧烤店抽油烟机起火了 火顺着管道往上烧 三楼四楼快跑',
    // a correction that turns into a new fire
    '更正一下 刚才那个烟是有人烧落叶 不是着火 可现在落叶堆把旁边的灌木引着了 真烧起来了',
    '纠正 刚说的烟是烧纸钱 不是失火 但是现在那堆纸把边上的草点着了 真着起来了',
    // "not crying wolf this time": the last one was a barbecue, this one a roof on fire
    '这回真不是开玩笑 上回是烤肉 这回5号楼楼顶在冒火 有视频',
    // another blast, the fire bigger than before
    '又爆了一声！！还是那家店 火比刚才大了 别往那边去',
    '又炸了一下 还是刚才那个铺子 火更大了 都别过去',
    // a worker shocked by a wire cut in the wall, thrown back
    '电工开槽的时候切到墙里的电线了 人被弹飞了 还清醒 赶紧拉闸',
    '师傅拿切割机切到暗线 整个人被电弹开了 快断电',
    // a bare or broken live wire where people walk, in rain or water
    '风把路边的电缆吹断了 耷拉在人行道上 别让人靠近',
    '工地的电线从阳台拖到楼下 外皮都磨破了 泡在积水里',
    '店门口灯箱的电线垂下来了 线头光着 正下雨 门口好多人排队',
    // a battery that went bang and smokes, nobody hurt but the smoke in the stairs
    '我的电瓶车电池刚在门口砰一声冒白烟 人没事 可烟都进楼道了 楼上的把门关好',
    // glass fallen from high right in front of someone
    '刚才一块玻璃从楼上直接砸在我跟前 碎一地 吓死了 12楼那家窗框没了',
    // a shed on a roof collapsing with people below
    '楼顶搭的铁皮棚子正在塌 一面墙已经斜了 下面平台有人在晒被子',
    // the road caved in, a car's wheel in the hole
    '小区路中间陷了个大洞 有两米深 一辆车的轮子已经掉进去了',
    // a well cover gone, someone nearly fell in
    '井盖没了！！5号楼门口 黑洞洞的 晚上没路灯 刚才有人差点掉下去',
    // a child prising a lift door open, the shaft empty below
    '小孩在电梯口扒电梯门玩 门扒开了一条缝 下面是空的',
    // a stranger pulling a child into a car
    '南门有个不认识的男人硬拽一个小男孩上车 孩子一直哭',
    // a drunk with a bottle threatening to kill at a door; someone chasing schoolchildren with a stick
    '有个醉汉在楼道里踹门 手里拿着酒瓶喊要杀人 就在我家门外 我不敢开门',
    '学校门口有个人拿着棍子追小学生 已经有孩子摔倒了',
    // someone sitting outside a high window crying; a friend saying they will jump; a locked door and a charcoal smell
    '有个女孩坐在9楼窗户外面 一直在哭 别围观了 快叫人',
    '认真的 我朋友刚在群里说要从阳台跳下去 她住5号楼16楼 求助',
    '求助 舍友把门反锁不出来 说了些奇怪的话 门缝里有炭味',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    // a broken lamp's wire hanging bare over people's heads; a tool's lead frayed on a wet floor
    '楼道那个坏灯 电线直接垂下来 没缠胶布 就吊在大家头顶上',
    '不知道谁家装修 电锯的线直接拖在楼道里 外皮都破了还在用 地上还有水',
    // earth falling from the edge of a works pit, people walking along it
    '南门那个工地的坑边一直在往下掉土 行人还贴着坑边走',
    // a well cover flipped up by a car, fast water below, on the way to school
    '污水井盖被车轧翻了 竖在那里 下面水流很急 就在上学路上',
    // a guard's log: people stuck in a lift, calmed, the lift firm called
    '收到 2号岗 3栋2单元电梯困人 三名 一名老人 已安抚 请维保尽快到场',
    // a child on a scooter rushing down a garage ramp into cars coming up
    '小孩踩着滑板从地库坡道往下冲 下面有车正往上开 大人呢',
    // a way out blocked by the parcel lockers themselves
    '安全通道被快递柜挡了一半 晚上也没灯',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });

  it.each([
    // gas poisoning in childhood, a keen nose now
    '小时候我家煤气中毒过 所以现在我鼻子特别灵 哈哈',
    // a parcel crushed, a person "collapsed" after a driving test
    '快递盒被压扁了 整个塌下去了 里面的蛋糕成饼了 哭死',
    '练车回来 倒车入库挂了 整个人都塌了',
    // hail on a car parked safe
    '冰雹砸在车顶上噼里啪啦 幸好我停在车库了',
    // parcels piled at a door, a request for lockers
    '快递堆在单元门口 天天绊一下 能不能放快递柜里',
    // a pet that nearly flooded the kitchen
    '我家狗今天学会开水龙头了 差点把卫生间淹了 笑死',
    // a child caught falling, in the news
    '看新闻 有个小孩从20楼掉下来 被邻居接住了 太厉害了',
    // look-alikes of the new classes
    '游戏里又炸了一次 火更大了 笑死我了',
    '我的钱包又炸了 这个月彻底没钱了',
    '这个瓜着火了 全网都在吃',
    '路中间那个坑昨天已经填平了 车可以过了',
    // someone's own school is elsewhere
    '我弟学校门口有个井盖丢了 有个学生掉下去了 还好拉上来了',
    '我对象的学校门口有个井盖丢了',
    // guards for the new classes: a barbecue shop's smoke, a last time recalled before this time, a stick and a stray dog,
    // a child held at a lift's door, a nose keen to smoke, a pan nearly burnt dry, a threat said in jest
    '楼下烧烤店的烟好大 熏得我不敢开窗',
    '上次楼下着火吓死了 这次物业终于配了灭火器',
    '保安拿着扫把在追一只流浪狗',
    '孩子在电梯里扒着门缝往外看 我抱着呢',
    '我对烟味特别敏感 谁在楼道抽烟了',
    '差点把锅烧干了 还好我及时回来',
    '店里的收银员说要杀了那个熊孩子 开玩笑的',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

describe("part AH's round: classes of wording the rules missed", () => {
  it.each([
    // smoke rising (起烟) in a stair or a corridor, a door locked below
    '楼梯间起烟了 底下的门还被锁着 大家快想办法',
    '走廊那头起烟了，赶紧下楼',
    // a row (那排) of stalls on fire, not a drain pumped dry (排干)
    '那排水果摊烧起来了，火很大，别过去',
    '后面那排干货铺子着火了',
    // shocked by an appliance (被洗衣机电了), someone down
    '保姆刚才被洗衣机电了，倒在阳台上，快叫120',
    '老人被冰箱电了 躺在厨房地上',
    // a man up a tower crane saying he will jump
    '工地上有个工人爬上塔吊了 说不给钱就跳下去',
    '有人爬到塔吊顶上 喊着要跳',
    // children prising a septic tank's or a well's lid
    '几个小孩在化粪池边上撬井盖玩 快去拦一下',
    '两个孩子蹲在化粪池盖子上撬着玩',
    // things thrown down on a crowd
    '楼上有人一直往下扔啤酒瓶，下面全是人',
    // a wire fallen into knee-deep flood water where people wade
    '小区路上的水淹到膝盖了 路灯的线掉水里了',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    // the only way out heaped, filled or locked
    '宿舍楼就一个出口 门口又被人堆满了旧床垫',
    '仓库后门被老板锁死了 现在只有一个出口 还停满了三轮车',
    '一楼唯一的出口塞满了电动车 还插着电在充',
    // a lane blocked, an ambulance held up
    '巷子口被乱停的车堵死了 救护车进不来',
    // bike batteries charged together in a rented room
    '群租房里二十来个电动车电池在一起充 人还住在里面',
    // a fire pump that gives no water
    '消防水泵上次试了打不出水 到现在也没人修',
    '小区的消防栓打不出水 泵房门一直锁着',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });

  it.each([
    // boxes in a hall and whose they are, asked to be taken away
    '楼道里放的纸箱是谁家的，麻烦拿走',
    '走廊里堆的那几个花盆谁的 搬走好吗',
    // a flood in another city, ours fine
    '外省下大暴雨 地下车库都淹了 我们这边还好',
    // look-alikes of the new classes
    '菜市场那排干货摊今天打折',
    '那个池塘已经排干了',
    '楼下厨房起烟了 在熏腊肉',
    '塔吊司机说今天风太大 不上去了',
    '化粪池的盖子已经盖好了 没事了',
    '小区只有一个出口 每天早上排好长的队',
    '这个洗衣机电费好贵',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

describe("part AH's round: a gang at a door, hollow ground that sinks underfoot, a flood in another city", () => {
  it.each([
    // a landlord's or a gang's men smashing a door, someone crying inside
    '房东叫了一帮人来踹门 要把我们赶走 屋里孩子吓得直哭',
    '一伙人拿着锤子在砸301的门 里面老人在喊救命',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    // paving hollow beneath and sinking when stepped on
    '幼儿园门口那几块地砖底下是空的 一踩就往下陷',
    '楼前人行道的砖下面空了 人踩上去在往下沉',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });

  it.each([
    // a flood in a neighbouring city or county, ours fine
    '隔壁市暴雨 好多地下室都淹了 咱们这边没事',
    '隔壁县发大水了 街上都淹了',
    // a door knocked by a crowd of friends; a door lock changed; paving merely loose
    '一帮同学来敲门 给我过生日 哈哈',
    '房东带了个师傅来换门锁',
    '门口地砖有点松 踩上去咯噔响',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

describe("part AI's round: smart-home pushes pasted, gas told by smell and hiss, a shock told by touch", () => {
  it.each([
    // a gas detector's app push pasted, the writer away, asking someone to knock
    '【智能家居】可燃气体报警器：检测到燃气浓度超标 状态：报警中\n我人在外地 家里就我妈 4栋801 谁帮忙去敲个门',
    '家里天然气探测器推送说浓度过高 一直在报警 我在公司回不去 2栋502',
    // a camera's push of smoke, the room seen grey on its playback
    '【摄像头】检测到画面异常：烟雾\n我在外地出差 看监控卧室雾蒙蒙一片 家里就我奶奶 12栋1501',
    // a watch's push of a fall with no answer since
    '【手环】监测到疑似摔倒，已经3分钟未响应\n我妈一个人住 谁能帮我上去看看 6栋302',
    // gas told only by its smell, likened to rotten garlic or eggs, people dizzy
    '走到四楼就一股臭蒜的味道 熏得人头发晕 不知道是哪家',
    '楼道里有股坏鸡蛋一样的怪味 越闻越头晕',
    // a hiss at a door and a sharp smell at its gap
    '302门口一直有嘶嘶的声音 凑近门缝闻很冲 喊了没人答',
    // a main dug open outdoors, gas hissing out
    '挖掘机把路边的管子挖断了 一直在往外嗤嗤冒气 那味道冲得很',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    // a metal fitting that shocks whoever touches it, told by the touch
    '小区秋千的铁链子带电 孩子一抓就哭',
    '单元门口的密码按键有电 摸一下电一下',
    '阳台的晾衣杆摸上去会电人 阴雨天特别明显',
    '下雨天摸那个铁门禁 胳膊一下子全麻了',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });

  it.each([
    // a detector's push of something else, a sensor's test, a camera seeing a person
    '【智能家居】燃气报警器：设备电量低 请及时更换电池',
    '摄像头检测到有人移动 原来是快递员',
    '【手环】今日步数已达标 继续保持',
    '检测到燃气浓度超标 设备自检中 请勿惊慌',
    // a smell of food likened to eggs or garlic
    '这榴莲闻着像臭鸡蛋 谁爱吃谁吃',
    '螺蛳粉那个味道冲得很 整层楼都闻到了',
    // a water main dug open, water not gas
    '挖掘机把水管挖破了 一直往外呲水',
    // a battery with power, a button without, an arm numb from sleeping
    '电动车有电了 可以骑了',
    '这个遥控器按键没电了 得换电池',
    '睡觉压着了 胳膊一下子全麻了',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

describe("part AI's round: smoke told by what it does, someone on the floor not answering, a door's signs piling up", () => {
  it.each([
    // smoke that fills a corridor, told by what it does to the eyes and throat
    '刚上到五楼 走廊里全是辣眼睛的烟 什么都看不见',
    // someone on the floor a long while who does not answer a call, seen on a camera
    '看家里监控 我外公躺在客厅地上好久没起来 叫他也没反应 3栋401',
    // signs piled at a door for days, no answer, the phone off
    '楼下张阿姨门口的快递堆了三四天没人拿 敲门没人应 手机也打不通',
    // a son on a video call telling of a rotten-egg smell at home, the writer away
    '我女儿刚跟我视频说家里一股怪味 像臭鸡蛋 我在上班 5栋602谁帮看下',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    '烧烤摊那边全是呛人的烟 熏得衣服都是味',
    '奶奶坐在门口地上择菜 一下午没起来',
    '门口的快递堆了好几天没拿 原来是他们一家去旅游了',
    '刚刷到一个视频说有个小区天然气爆炸了',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

describe("part AI's round: a blast told by its bang and harm, ground giving way, things thrown or hanging outside, a child by an open tank or in the road", () => {
  it.each([
    // a bang, then what it did: doors blown out, people down, a ceiling shedding, a fireball, a wall blackened
    '刚才饭店后面砰了一下 窗框都崩出来了 有个厨师躺地上不动',
    '楼下不知道什么东西炸了 天花板一直往下掉渣 有人在喊救命',
    '夜市那个摊子的气瓶炸了一下 一团火球冲起来 老板脸都黑了',
    '轰轰响了三声 比放炮闷多了 配电房那面墙熏黑了一大块',
    // the ground opened in a hole that grows or has no bottom, a crack with one side sunk and someone thrown
    '车库入口前面塌出一个坑 越陷越大 刚有辆车轮子差点卡进去',
    '花园里一晚上陷出个大洞 深不见底 边上就是儿童区',
    '主干道开了一道大裂口 一边高一边低 骑车的大爷在那翻了',
    // a cover gone from a drain and someone stepped in
    '刚才一个大爷一脚踩进去了 楼后面那个雨水井的盖子没了',
    // a knife or a brick thrown out of a window
    '有人从楼上窗户丢出来一块砖头 砸在草地上',
    // someone saying they will jump, a window opened; shoes left on a bank, crying
    '楼梯间有个女的边打电话边哭 说马上就从这跳下去 窗户已经推开了',
    '湖边一个大叔把鞋脱了放在岸上 一直哭 对着水发呆',
    // a farewell thanking one for years of care, belongings left at the door, no answer
    '邻居小妹把她的东西都放我门口了 说不用还了 还谢谢我一直照顾她 敲门没人应',
    // a post that reads like a last letter, its writer ours
    '看到12栋那个姑娘发了段话 跟遗书似的 最后说对不起爸妈 谁认识她家里人',
    // a child begging a parent to stop hitting; someone surrounded and kicked; a head held and slammed
    '隔壁小女孩一直哭着喊妈妈别打了 快一个小时了',
    '停车场那边一群人围着一个人踹 我不敢靠近',
    '那个男的揪住女人头发往墙上撞',
    '「问：外面吵啥」\n回复：不是拌嘴 那人抓着他媳妇的头往桌角上磕 谁快报警',
    // a child shut in a car in the sun, a child run into traffic, boys leaning into an open water tank
    '地面停车位那辆车里锁着个小宝宝在哭 玻璃上全是雾气 太阳正晒着',
    '那辆黑色奥迪里关着个小孩 一直在拍车窗 外面三十多度',
    '一个小朋友骑着平衡车冲到外面大马路上了 车来车往的',
    '天台的水箱盖子敞着 有几个小孩趴在边上往里看',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    // a pot hung outside a rail in the wind; a wall's tiles fallen where people pass, no one under them that moment
    '9楼窗台外面搁着几盆花 风一吹就晃 都挪到边上了',
    '外墙的砖掉了一大块 就砸在门口 还好当时没人',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });

  it.each([
    '孩子把气球炸了 哭了半天',
    '爆米花机嘭的一声 小孩都吓哭了',
    '路面有个小坑 下雨老积水',
    '马路中间有条裂缝 物业说下周补',
    '花盆都从窗台外面搬进屋了 防台风',
    '孩子们在玩打仗游戏 喊着别打了别打了 笑成一团',
    '几个小孩围着一个球踢',
    '这首歌的歌词写得像遗书一样 太丧了',
    '鞋子湿了 脱了放在岸上晒一晒',
    '笑死 作业太多 我要从这跳下去了',
    '孩子在车里睡着了 空调开着 我就在旁边',
    '小孩在小区里骑平衡车',
    '水箱盖子开着 物业在清洗',
    '孩子骑车冲到马路对面去买冰淇淋了 大人跟着的',
    '楼上砰的一声 不知道什么东西掉了 有人在喊孩子吃饭',
    '主路裂了一条缝 一边高一边低 物业说明天修',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

describe("part AI's round: leads run from afar or soaking, bare wire ends, a swollen battery hissing, fire equipment misused, shut in a bathroom or by a flood", () => {
  it.each([
    // a live power strip soaking in rain water, still charging
    '车棚边上那个插线板泡在积水里 还插着两辆车在充 灯还亮着',
    // a power bank swollen, hot and hissing
    '孩子的充电宝放书桌上自己肿起来了 摸着很烫 还滋滋响',
    // someone shut in a bathroom behind a broken lock, old, the writer away
    '我妈把自己反锁在洗手间了 门锁坏了拉不开 她快九十了 我人在外地',
    '【智能门锁提醒】浴室门已关闭3小时\n我外婆把自己关在浴室里了 门锁卡死推不开 我人在外地',
    // a door warped by flood water, someone inside who cannot push it open, the water rising
    '底楼那家的门被水泡得变形了 老爷子在里面推不开 水还在往上涨',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    // a lamp's cover broken, its wires pulled out, children near; bare wire ends hanging
    '草坪灯的盖子被踢碎了 里面的电线都被扯出来了 小孩老在旁边玩',
    '车库顶上一截灯管掉下来吊着 那两根线头是裸的',
    // a lead slung from a window down to a charger, or run from a guard's booth over a tree
    '有人从二楼窗户甩下来一根线 一直拖到车棚 接着充电器在充',
    '有人在花坛里给电瓶充电 线是从门卫室拉出来的 挂在树枝上',
    // a battery's case split and bubbling after a night's charge
    '滑板车充了一整夜 电池壳裂开了 一直往外冒泡',
    // a stairway shut off by a neighbour's gate
    '二楼那户用铁栅栏把楼梯口拦死了 上下楼都走不通',
    // a sprinkler used to hang washing; an extinguisher rusted through, its handle gone
    '车库的喷淋头上挂着别人晾的衣服',
    '楼道那个灭火器锈得不成样子 压把也掉了',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });

  it.each([
    '网线从楼上拉下来 师傅在装宽带',
    '插线板放在桌上充手机',
    '孩子把自己关在房间里写作业 不让人打扰',
    '钥匙锁在屋里了 门打不开 谁有开锁电话',
    '楼梯扶手刚刷了漆 先别碰',
    '灭火器刚换了新的 压把都好好的',
    '【安全提醒】独居老人洗澡时浴室门别反锁 以防摔倒后打不开',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

describe("part AI's round: look-alikes — slang, titles, ads, videos, forwarded records from elsewhere, first-aid tips, a reply that says no", () => {
  it.each([
    // "被电爆" at cards is losing badly
    '昨晚斗地主被电爆了 输惨了',
    '跟他们搓麻将被电爆了 一晚上白干',
    // a danger named in a title
    '老师布置的作文叫《难忘的一次火灾》 孩子愁死了',
    '周末带娃去看《烈焰救援》 据说特效不错',
    // an insurance ad
    '家庭财产险 火灾漏水被盗都能赔 一年才88 要买的私我',
    // an experiment watched on a video site
    '刚在小红书刷到一个电池短路起火的实验 吓人',
    // a forwarded record from a relative, told not to be here
    '[聊天记录]\n堂哥：我们楼昨晚有人跳楼了 警察还在\n——他住南郊 不是咱们这',
    // a mother's old estate in a county town
    '我妈说她们老小区有辆电动车在楼道里冒烟 在县城那边',
    // first-aid steps told as an "if"
    '要是碰到有人晕倒 先摸摸还有没有呼吸 然后打120',
    // a question answered no, its harmless cause told
    '「问：东边是不是着火了？」\n回复：没有 是食堂在烧锅炉 烟一会儿就没了',
    // a notice of free smoke alarms and call buttons
    '社区通知：独居老人可以免费领取烟感和一键呼叫器 欢迎登记',
    '物业通知：给高龄老人免费发烟感和呼叫器 有需要的登记',
    // a fallen wire rejoined by an electrician
    '昨天掉下来的那根电线师傅已经接好了 可以正常通行了',
    '垂下来的那根电线电工已经接回去了 能正常走了',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });

  it.each([
    // guards of the guards: a title beside a fire here; a question with no answer; someone shocked at a card table
    '刚在看《消防员》 结果楼下真着火了',
    '东边是不是着火了？好大的烟',
    '打麻将的时候插座漏电 王叔被电了一下倒地了',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
  });
});

describe("part AJ's round: look-alikes — a scene in a show, a figure of speech, a leak denied, a to-do list, a question who to call, a low phone, a practice burn", () => {
  it.each([
    '《沉默的真相》里那场追杀戏拍得太吓人 捅人那段我没敢看',
    '看孩子写作业我要脑溢血了 这题我也不会',
    '不是燃气泄漏 燃气公司的人查过了 是下水道的味',
    '【隐患通报】上周巡查：5栋飞线充电、8栋楼道堆放杂物，限本周内整改',
    '想问下遇到电梯困人该打什么电话',
    '请问飞线充电的话去哪里举报',
    '谁有充电宝借一下 我在5栋门口 手机快没电了',
    '保安们在空地上练习用灭火器 点了一盆柴 有点烟 不用慌',
    // a leak denied, the gas company named after it
    '没有燃气泄漏 燃气公司的人测过了 是隔壁装修的油漆味',
    // findings listed with a deadline to put them right
    '【整改通知】5栋飞线充电、7栋楼道堆放纸箱，请于本周五前整改',
    '本次巡查发现：2栋飞线充电，限三日内完成整改',
    // a danger named as a kind, asked politely who handles it
    '请问楼道堆物应该找谁投诉',
    '请问高空抛物举报找哪个部门',
    '咨询一下 电动车进电梯应该打哪个电话',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });

  it.each([
    // guards of the guards: a question asked by one who tells the danger here and now
    '请问3栋电梯困人了打哪个电话 里面有人在喊',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
  });
});

describe("part AJ's round: playgrounds, prams and cars by children, a dog on a child", () => {
  it.each([
    // a car backing or starting with a child behind or under it
    '那辆黑车在倒库 车屁股后面蹲着个小朋友 司机看不见',
    '皮球滚进车底 小孩钻进去捡 那辆车的司机正在启动',
    // a pram rolling away down a slope by itself
    '宝宝车没拉手刹 自己顺着坡溜下去了 快去追',
    // a barrier arm coming down on a child's head
    '小区门口的道闸杆突然落下来 打在一个小学生脑袋上',
    // a dog with a child pinned down, biting
    '一条没拴的狼狗把小男孩按在地上 还在咬',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each([
    // play equipment broken or loose while children are still on it
    '跷跷板的轴断了一半 一动就咯吱响 几个小朋友还坐在上面',
    '攀爬架的横杆松了 一抓就转 还有孩子在往上爬',
    '转盘底下的焊点裂开了 整个在晃 小孩们还在上面转',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });

  it.each([
    '滑梯的螺丝松了一颗 物业已经围起来暂停使用了',
    '孩子们在滑梯上玩了一下午 都不肯回家',
    '倒车的时候记得看看车后面有没有小朋友',
    '宝宝车的刹车不太灵 哪里能修',
    '道闸杆又坏了 一直抬着不落 外面的车随便进',
    '邻居家的狗跟小孩在草地上打滚 玩得可开心了',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

describe("part AJ's round: works around the estate — trenches and pits left open, hoardings and cranes leaning or down, a well opened and left", () => {
  it.each([
    // a hoarding come down on someone; a crane about to fall toward a block, its crew down
    '工地的铁皮围挡整片拍下来了 底下压着个人',
    '塔吊的吊臂摇得厉害 眼看要倒 工人全撤下来了 正冲着12栋',
    // someone fallen into a well, told without 进/到
    '一个小朋友掉污水井里了 快来人',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
  });

  it.each([
    // a trench or a pit dug and left with no cover, fence or light; or full of water with children at its edge
    '工地挖的沟没有盖板也没拦 天黑根本看不见 就在幼儿园门口',
    '挖机刨的大坑里全是雨水 几个孩子蹲在坑边玩泥巴',
    // a steel plate over a trench lifted at a corner
    '路上盖的铁板翘起来一角 下面是很深的沟 电瓶车压上去差点翻',
    // a hoarding leaning over a pavement; a big tree tilted with its roots up, resting on wires
    '施工挡板被风刮得往路这边斜 斜得厉害 学生都从底下走',
    '暴雨过后路边那棵老槐树斜了 树根都拱出来了 搭在电线上',
    // ground sunk by a sandpit, soil still running down
    '雨后草坪那块陷下去了 泥一直往里掉 边上就是小孩玩的沙坑',
    // a well dug open and left under a board
    '工人把雨水井挖开就收工了 上面只搭了块纸板',
    // a fire lane fenced in by works to one person's width; cars lined on it all day
    '工地把消防车道围了一大半 就剩一个人能过',
    '一溜送亲的车停在消防车道上 从中午停到现在',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });

  it.each([
    '挖好的沟已经盖上钢板了 四周也拉了警戒线',
    '小孩在沙坑里挖了个大坑 玩得满身是土',
    '施工围挡上的广告画歪了 不太好看',
    '门口那棵树歪脖子好多年了 拍照挺好看',
    '消防车道今天画了新的黄线 以后别停车了',
    '雨水井的盖子换成新的了 走着很稳',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

describe("part AJ's round: fire equipment played with or wrapped, festive and site leads bare, glass and pots coming down, fireworks stock going off", () => {
  it.each([
    // fireworks stock on a cart or a stall going off, on and on, people running
    '拉烟花的面包车着了 一直在炸 大家都在跑',
    '路口的烟花摊子炸了 噼里啪啦停不下来 人往四处跑',
    // a pot blown down and smashed just as someone passed below
    '楼上的花盆被风吹下来摔得稀碎 底下刚好有个大爷走过',
    // water running out of a lit ceiling lamp
    '楼上爆管了 水顺着吸顶灯往下流 灯还开着',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
  });

  it.each([
    // extinguishers let off in play, none left that works
    '几个小孩把楼道的灭火器拿去玩 喷得到处是白粉 现在一个能用的都没了',
    // a sprinkler wrapped in tape by decorators
    '装修工人拿胶带把车库的喷淋头缠住了',
    // a fire hose taken to wash a car and dropped, the cabinet left open
    '有人拿消火栓的水带冲洗电动车 冲完就扔地上了',
    // a cable left on the pavement, its joint wrapped in a plastic bag, rain
    '工人下班了 电缆就扔在路边 接头用塑料袋包了一下 还在下雨',
    // a festive lead wound round a railing, its insulation stripped
    '挂彩灯的线缠在栏杆上 胶皮剥开了一截',
    // a window pane broken high up, shards stuck in its frame, the wind up
    '17楼的窗玻璃碎了 碎片还卡在窗框上 风这么大随时掉',
  ])('at least urgent: %s', (text) => {
    expect(detectUrgency(text).urgency).not.toBe('normal');
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
  });

  it.each([
    '过年楼下卖烟花的摊子生意好火 排了好长的队',
    '花盆摔碎了 我重新买了一个',
    '物业在检查消火栓的水带 看看有没有老化',
    '彩灯的线已经收起来了 放在门卫室',
    '窗玻璃碎了 师傅说明天来换 先用纸板挡上了',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

describe("part AJ's round: a stranger trying doors, a barrier arm on a child, water out of a lit lamp, a smell typed as 没气味道", () => {
  it.each([
    // water running out of a lamp whose light is on
    '楼上爆管了 水沿着灯座一直往下淌 灯还开着',
    // a stranger going door to door trying the handles
    '有个不认识的男的挨家挨户拧门把手 现在到5楼了 我不敢开门',
    // a barrier arm on a child, the child told at length
    '电梯口的道闸杆子落下来 正好砸到一个背着书包的小学生头上',
    // 煤气 voice-typed as 没气, its smell told strong ("没气味道很冲")
    '我闻到好像没气味道很冲 就在三楼那个管子那里',
  ])('emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
  });

  it.each([
    // the estate's own staff going door to door
    '物业保安挨家挨户敲门 检查门窗有没有锁好',
  ])('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});

describe('precision round: a sign told with what makes it harmless', () => {
  const notHazard = (text: string) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  };
  const stillEmergency = (text: string) => expect(detectUrgency(text).urgency).toBe('emergency');
  const stillHazard = (text: string) => expect(detectUrgency(text).urgency).not.toBe('normal');

  // (a) the cause explained as harmless right after the sign
  it.each([
    '楼道里一股臭鸡蛋味 是谁家垃圾放门口好几天了',
    '厨房全是烟 是我爸在熏香肠',
    '一进单元门就闻到臭鸡蛋似的味道 是下水道反味',
    '绿化带那边地上破了个口子 往外冒气 是暖气管漏的',
    '对面阳台浓烟滚滚 是他家在熏腊肉',
  ])('a harmless cause told right after the sign: %s', notHazard);
  it.each([
    '马路挖破了 往外冒气 是燃气管',
    '一股臭鸡蛋味 不是垃圾 越来越浓了',
    '屋里都是烟 是在熏腊肉 可是火窜到窗帘上了',
    '楼道一股臭鸡蛋味 是垃圾没倒 但是煤气表那里也呲呲响',
    // (rubbish smoking or burning is a fire, not an explanation)
    '楼下冒烟 是垃圾在烧',
    '对面冒黑烟 是垃圾站',
    '楼下浓烟 是垃圾堆冒火了',
    // (a danger told after the cause, or by it)
    '楼下冒烟 是炒菜的油烟 好像着了',
    '浓烟滚滚 是熏肉的炉子把雨棚点了',
  ])('a danger told with or after the cause stays: %s', stillEmergency);

  // (b) already made safe
  it.each([
    '插排泡在水里 已经拔掉了',
    '阳台的拖线板被雨淋湿了 电源已经拔了',
    '充电器泡水了 插头拔下来了',
  ])('made safe already: %s', notHazard);
  it.each([
    '插排泡水里了 拔了插头 可是我儿子刚才摸了一下被电倒了 没反应',
    '插排泡在水里 还插着电',
    '插座泡水了 拔了插头 可是地上的水还麻手',
  ])('still a danger: %s', stillEmergency);

  // (c) play or a joke said outright
  it.each([
    '他掐着我脖子 开玩笑的 别紧张',
    '两个半大小子揪着对方头发往下拽 闹着玩呢 笑得不行',
    '哥哥把弟弟摁在沙发上捶 俩人玩闹呢',
  ])('play said outright: %s', notHazard);
  it.each([
    '说是闹着玩 可是他一直在哭喊救命',
    '他掐着她脖子 这不是开玩笑 脸都紫了',
    '揪着他的头发往下拽 说是玩闹 头都磕破了',
    '打起来了 开玩笑的吧 已经动刀了',
    '两人在打架 说开玩笑呢 手里拿着砖头',
  ])('play denied or cries for help: %s', stillEmergency);

  // (d) the thing in danger is an object, not a person
  it.each([
    '车里锁着孩子的书包 钥匙落里面了',
    '车里关着小孩的玩具熊 能不能帮忙开一下',
    '车里锁着个孩子的滑板车',
  ])('a thing that is someone\'s, not the someone: %s', notHazard);
  it.each([
    '车里锁着孩子 不是玩具 是真孩子',
    '车里锁着孩子 孩子在哭',
  ])('a child still: %s', stillEmergency);

  // (e) work going on as normal
  it.each([
    '塔吊正在吊水泥 吊钩晃来晃去',
    '工地吊车在吊模板 一直在晃',
    '消防栓箱用报纸包起来了 工人在喷漆 喷完就撕',
    '烟感拿塑料袋套住了 师傅在刷天花板 刷完就拆',
  ])('ordinary work: %s', notHazard);
  it.each([
    '塔吊一直在晃 感觉要倒 工人都下来了 正对着3栋',
    '塔吊在吊钢筋 从小区头顶上过 晃来晃去 下面都是人',
  ])('work gone wrong, or people under it: %s', stillEmergency);
  it.each([
    '喷淋头被包起来了 装修完也没拆 都一个月了',
    '烟感被塑料袋套住了 说刷完就拆 结果一直没拆',
    '消防栓被包起来了 讲好刷完就拆 已经半个月了',
  ])('a cover left on: %s', stillHazard);

  // (f) a person away on purpose
  it.each([
    '楼上老太太几天没出门 敲门没人应 她儿子说老人去海南过冬了',
    '对门牛奶好几天没拿 敲门没人应 听说去儿子家住了',
    '隔壁独居的大爷好几天没见 敲门不应 物业说他回老家了',
  ])('away on purpose: %s', notHazard);
  it.each([
    '隔壁报纸攒了五天没拿 敲门不应 说是回老家了 可是屋里灯一直亮着',
    // (the writer's own trip, over, is no one away)
    '我出差回来 发现隔壁老人好几天没出门了 敲门没人应',
    '我刚旅游回来 对门大爷好几天没见 敲门不应 电话打不通',
  ])('away told but doubted, or the writer back: %s', stillEmergency);
});

// A neighbour's trip home doubted after it is no elsewhere: the signs told after 可是 are here (回老家 alone marked the
// whole message as somewhere else, while AWAY_ON_PURPOSE already gave way to the doubt)
describe('a neighbour said to have gone home, doubted after', () => {
  it.each(['隔壁说是回老家了 可是好几天没见人了 门缝里一股臭味', '楼下阿婆家里人讲她回老家了，但是好几天没见人了，门缝里一股臭味'])('still an emergency: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
  });
  it.each(['我回老家了 可是老家那边着火了', '邻居回老家了，门口快递堆了一周'])('elsewhere or away, as before: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
  });
});
