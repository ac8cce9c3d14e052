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
];

const LOOKALIKES = [
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
});
