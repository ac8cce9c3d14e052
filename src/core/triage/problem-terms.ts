// The tables problem.ts reads a report with: what a phrase names (a thing, a fault class, a kind of non-report, or a
// place to be skipped), in the order they are tried — a longer phrase first, so that it is consumed before a shorter one
// inside it can be read ("水费" is a fee, not water; "电梯按钮" is a button, not the lift).

export type Rule = readonly [RegExp, readonly string[], readonly string[], (readonly string[])?];
const T = (re: RegExp, things: readonly string[], faults: readonly string[] = [], kinds: readonly string[] = []): Rule => [re, things, faults, kinds];
const F = (re: RegExp, ...faults: string[]): Rule => [re, [], faults];
const PLACE = (re: RegExp): Rule => [re, [], []];
/** A fault class that names where a noise or a mess comes from ("源:琴", "源:尿"): two sources are two complaints. */
export const SOURCE = '源:';
/** Ways of being broken, each with 坏: it does not work, or it came apart. */
export const STOPPED = '坏:停';
export const DAMAGED = '坏:损';

/** Darkness names no thing of its own: a light, when nothing else is named. */
export const DARK = '暗';

/** Fault classes: 坏 is "does not work" in any way (停, 卡, 不动, 不亮, 打不开, 困人); the others are faults of their own. */
export const RULES: readonly Rule[] = [
  // messages that report no fault
  T(/(?:水|电|燃气|煤气|天然气|暖气|取暖|供暖|物业|停车|垃圾|卫生)?(?<![浪花白消])费(?![劲力事时心神])|缴费|交费|收费|账单|充值|余额/gu, [], [], ['费用']),
  T(/(?<!没(?:有)?(?:收到|看到|接到|见)|没)(?:通知|公告)|温馨提示|将于|计划停|预计|提前(?:做好)?储水|演练|演习|(?:怎么|如何)自救|自救(?:方法|知识)|学习一下|科普|安全知识|注意事项/gu, [], [], ['通知']),
  // when the repair comes: a follow-up asking after a report, no report of its own
  T(/(?:什么时候|啥时候|几点|何时|多久)(?:能|才|会|来|过来|到)?[^，。！？,.!?\s]{0,6}?修|修[^，。！？,.!?\s]{0,4}?(?:师傅|的人)[^，。！？,.!?\s]{0,3}?(?:什么时候|啥时候|几点|何时)(?:来|到)?|修(?:好)?(?:要|得)(?:多久|几天)/gu, [], [], ['进度']),
  // a question of how to get something done (a card replaced, access opened), not a fault
  T(/多少钱|补办|(?:去|到|在)哪(?:里|儿)?(?:办|补|配|领|买|登记|开通|授权)|怎么(?:办理|补|开通)|(?:重新)?(?:开通|授权)/gu, [], [], ['咨询']),
  // what it costs the owners, when an inspection is, a supply to collect, a key one lost: questions, not faults
  // ("外墙翻新用维修基金吗", "电梯年检是几月", "灭鼠药还有吗，想领一包", "钥匙弄丢了，有备用的吗")
  T(/维修基金|维修资金|业主签字|要签字|年检[^，。！？,.!?\s]{0,4}?(?:几月|哪个月|哪天|几号|什么时候|啥时候)|(?:想|再|能|可以)(?:再)?领|药还有(?:吗|没有)|(?:老鼠|灭鼠|蟑螂|杀虫|灭蚊|鼠)药|粘鼠板|捕鼠笼|(?:多|再|新|另)办|办(?:一|几|两)?张|(?:钥匙|门禁卡|门卡|电梯卡)[^，。！？,.!?\s]{0,8}?(?:丢|找不到)|备用(?:钥匙|的)/gu, [], [], ['咨询']),
  // "我家电是好的": a neighbour who is not affected reports nothing
  T(/(?:我家|我们家|我这边?|我们这边?)(?:的)?[^，。！？,.!?\s]{0,3}?(?:是好的|好好的|(?<!不)正常|没问题|没事)/gu, [], [], ['未受影响']),
  F(/(?:已经?|都|终于)?(?:修好了|好了|恢复了|恢复正常|来水了|来电了|来气了|通了|解决了|处理好了|换好了)|终于[^，。！？,.!?\s]{0,4}?(?:没了|停了|安静了|不[\p{Script=Han}]了)|消停了|安静下来了/gu, '已好'),
  T(/(?:明天|明日|后天|下周[一二三四五六日天]?)[^，。！？,.!?]{0,12}?(?:停|检修|维修|施工|清洗|消杀)/gu, [], [], ['通知']),
  // a floor tile is no outer wall's ("地板砖有裂纹"); the roof of a shed is a thing of its own ("车棚的彩钢瓦被风掀了")
  T(/地板砖|地砖/gu, ['地砖']),
  T(/顶棚|棚顶|彩钢瓦|雨棚|遮雨棚/gu, ['棚顶']),
  T(/外墙|瓷砖|墙砖/gu, ['外墙']),
  // a wall's skin inside (楼道墙皮) is no outer wall's tile
  T(/墙皮|掉皮|起皮|脱皮|腻子|墙灰|白灰/gu, ['墙']),
  // kinds of rubbish: 湿垃圾 is no wet
  T(/(?:湿|干|厨余|有害|可回收)垃圾(?:桶|箱)?/gu, ['垃圾']),
  // what a smell draws is no thing of its own: "招苍蝇" says it stinks
  F(/招(?:苍蝇|蚊子|蚊虫|虫子?|老鼠|蟑螂)/gu, '臭'),
  // the roof: rain coming in from above is not a neighbour's pipe
  T(/漏雨/gu, ['屋面'], ['漏']),
  T(/楼顶|顶楼|屋顶|天台/gu, ['屋面']),
  // things thrown from above: 楼上 here is no place but where they fall from
  T(/高空抛物|(?:从)?楼上(?:往下|往楼下)?(?:扔|丢|抛)|往(?:楼)?下(?:扔|丢|抛)/gu, ['高空抛物'], ['乱扔']),
  // a thing that comes down on a car or a passer-by is a danger of its own ("杆落下来把车顶砸了个坑": the dent is no
  // pothole); read before the places, so that 砸墙 is still renovation
  F(/砸(?!墙)(?:了|出|中|到|伤|坏|在)?(?:一?个)?(?:坑|印子?)?/gu, '砸'),
  T(/(?:砸|凿|拆|打)墙/gu, ['装修']),
  // a modem and its lamps are the network, not a light or a cat ("光猫亮红灯", "LOS灯一直闪")
  T(/光猫|猫灯|路由器|(?:LOS|los|PON|pon)灯?/gu, ['网络']),
  T(/网(?:络)?(?:又|也|都)?断了|网(?:都|也)?没有/gu, ['网络'], ['坏']),
  // places, which are compared as places, not things (stripped so that 车棚 is no 车, 垃圾房 no 垃圾)
  // a wall hollow behind its plaster, a defect of new flats ("墙面空鼓", "敲上去是空的")
  F(/空鼓|敲(?:着|上去|起来)?(?:是|声音)?空(?:的|心|响)/gu, '空鼓'),
  PLACE(/电视背景墙|背景墙|车棚|车库|地库|停车场|停车位|车位|垃圾站|垃圾房|垃圾中转站|垃圾分类点|垃圾投放点|天花板|墙面?|车轮|轮胎|脚踝|膝盖|小腿|楼上|楼下|家里|屋里|小区|楼道|楼梯间?|走廊|过道|窗台/gu),
  // a car something drips or falls on is where it lands, no trouble of the car ("滴到车上")
  F(/(?:滴|落|掉|溅|漏)(?:到|在)(?:我的?|我家)?车(?:上|顶|身)/gu),
  // a water heater that will not light is the heater, not the gas supply
  T(/热水器(?:都|也|老|总)?(?:打不着火?|点不着火?)/gu, ['热水'], ['坏']),
  // gas
  T(/(?:燃气|煤气|天然气)(?:管道?|管子|阀门?)[^，。！？,.!?\s]{0,4}?(?:味道?|气味|泄漏|泄露|漏气?)/gu, ['燃气'], ['泄漏']),
  T(/(?:燃气|煤气|天然气)(?:管道?|管子|阀门?)/gu, ['燃气']),
  T(/臭鸡蛋味|(?:燃|煤|天然)气的?(?:味道?|气味)|漏气|(?:燃气|煤气|天然气)(?:泄漏|泄露)/gu, ['燃气'], ['泄漏']),
  T(/燃气表|气表/gu, ['燃气表']),
  T(/(?:燃气|天然气|煤气)?灶?(?:点不着火?|打不着火?)|没(?:有)?(?:燃|煤)?气了?|停气|断气/gu, ['燃气'], ['停供']),
  T(/燃气|天然气|煤气|液化气/gu, ['燃气']),
  // dirty water welling out of a manhole is the sewer backing up, not the cover
  T(/(?:(?:污水|雨水|下水道?|窨)?井盖?子?[^，。！？,.!?\s]{0,4}?冒(?:脏|污|黑|臭)?水|冒(?:脏|污|黑|臭)水)/gu, ['下水道'], ['堵']),
  // water: its supply, its pressure, its colour
  T(/水(?:压|流)[^，。！？,.!?\s]{0,4}?(?:小|低|弱|不足|不够|上不去|没劲)|水(?:根本|都|就|也)?上不(?:来|去)|(?:出)?水(?:量)?(?:太|很|特别|好|非常|有点|偏)?(?:小|弱|不足|没劲)/gu, ['水压'], ['压低']),
  T(/水压|水流/gu, ['水压']),
  T(/水里|水中/gu, ['水']),
  T(/没(?:有)?热水|不出热水|热水(?:不热|是凉的|是冷的)/gu, ['热水'], ['坏']),
  T(/热水器|热水/gu, ['热水']),
  T(/水表/gu, ['水表']),
  T(/一滴(?:水)?(?:都|也)?没(?:有)?|停水|没(?:有)?(?:自来)?水|断水|没来水|不来水|来不了水|不出水|出不来水/gu, ['水'], ['停供']),
  T(/黄水|锈水|浑水|脏水/gu, ['水'], ['浊']),
  T(/自来水(?!管)|水龙头|水箱|二次供水|水质/gu, ['水']),
  // rust on a thing is wear, not dirty water
  F(/生锈|锈(?:得|迹|蚀|断|坏|穿|了|掉)/gu, '坏', DAMAGED),
  F(/(?:发|变|泛)黄|黄黄的?|黄了|是黄的|黄乎乎的?|黄色|颜色不对|有颜色|发红|浑浊|发浑|浑|有沉淀|沉淀|杂质|铁锈味?|锈/gu, '浊'),
  // power
  T(/停电|没(?:有)?电了?|断电|不通电|不来电|跳闸|(?:整栋|整个|全)楼都?黑了|整栋都?黑了/gu, ['电'], ['停供']),
  // pipes, sewers, leaks, standing water
  T(/暖气片|暖气管|暖气|供暖|地暖|散热片/gu, ['暖气']),
  T(/(?:下水|排水)(?:特别|很|太|好|非常)?慢|下不去水|水下不去|不走水/gu, ['下水道'], ['堵']),
  // a ditch outside is no drain of a flat
  T(/排水沟|水沟|边沟|阴沟|明沟/gu, ['排水沟']),
  T(/下水道|下水管|马桶|地漏|化粪池|排水管?|污水管|水槽|洗手池|洗菜池|洗脸池|面盆/gu, ['下水道']),
  // a sprinkler is the garden's pipe ("喷头一直喷"); a restaurant's exhaust duct is its smoke, no pipe
  T(/排烟管(?:道|子)?|排烟口|油烟管(?:道|子)?|烟道|烟囱/gu, ['油烟']),
  T(/喷头|喷淋头?|洒水器/gu, ['水管']),
  T(/(?:自来)?水管|管道|管子/gu, ['水管']),
  T(/(?:(?:污水|雨水|下水道?|窨)?井盖子?|下水道盖)(?:没了|丢了|不见了)/gu, ['井盖'], ['失窃']),
  T(/(?:污水|雨水|下水道?|窨)?井盖子?|下水道盖|窨井|检查井/gu, ['井盖']),
  T(/(?:下水道|下水管|马桶|地漏|化粪池|排水管?|污水管?)[^，。！？,.!?\s]{0,6}?(?:返水|反水|倒灌|冒|溢|漫)|返水|反水|倒灌|污水(?:冒|溢|漫|横流)/gu, ['下水道'], ['堵']),
  F(/积了[^，。！？,.!?\s]{0,3}水|(?<!自来|热|出|进)进水(?![口阀管])|水坑|积水|被淹|淹了|淹水|淹|泡水|水(?:都|全)?漫|漫了|漫到|全是水|一地水|水很深/gu, '积水'),
  T(/漏电/gu, ['电'], ['漏电']),
  // a light's switch is a thing of its own, not the light
  T(/(?:路|声控|感应|楼道|走廊|电)?灯(?:的)?开关/gu, ['开关']),
  // the wiring, a meter box (its door and lock too) and a socket are three things ("电线老化" / "电表箱门锁坏了")
  T(/(?:电表|配电|电)箱(?:的)?(?:门锁|箱门|门|锁)?|电表/gu, ['电箱']),
  // a branch or a thing resting on a wire is a danger of its own ("树枝压到电线了")
  T(/(?:压|搭|碰|挨|挂|缠)(?:到|在|着|住)?(?:了)?电线/gu, ['电线'], ['压线']),
  T(/电线|电缆|线路|线皮/gu, ['电线']),
  T(/(?<!充电)(?:插座|插头|插孔|插口)/gu, ['插座']),
  // "开关门" is a door opening and closing, no switch
  T(/开关(?!门)/gu, ['开关']),
  F(/冷凝水|淌水|往下淌|淌|滋水|呲水|(?:往外|一直|到处)(?:喷|呲|滋)|漏水|渗水|滴水|往下滴|漏雨|渗漏|渗|漏|滴|爆了|爆裂|爆管|冒水|喷水|湿了|湿/gu, '漏'),
  F(/破裂|破损|破了|破/gu, '坏', '漏', DAMAGED),
  // heat; an air conditioner that does not cool is broken, not cold
  F(/不制冷|不制热|不出(?:冷|热)?风/gu, '坏', STOPPED),
  F(/不热|冰凉|冰冷|冷冰冰|凉的|不够热|不暖和?|没(?:有|啥)?(?:一点)?温度|温度(?:都|也)?没有|还?没烧|温度(?:太|很)?低|温度上不来|跟没开一样|不太热|温乎乎?|半温不热|温吞|不烧|冻|冷/gu, '不热'),
  F(/太热|过热|烫|温度(?:太|很)?高|热得/gu, '太热'),
  // vehicles and parking, before a lift's 停在
  T(/电动车|电瓶车|电单车/gu, ['电动车']),
  // a bicycle or a child's scooter is no car
  T(/自行车(?!棚)|单车(?!棚)|山地车/gu, ['自行车']),
  T(/滑板车|平衡车|儿童车|童车|婴儿车|推车/gu, ['童车']),
  // cars that cannot get through tell what the trouble does, no trouble of a car nor a fault of its own ("淹了，车都开不过去")
  F(/车子?(?:都|也|还是|还|根本)?(?:开不|进不|出不|过不)(?:过去|进去|出去|进来|出来|来|去)?|车(?:都|也|还是|根本)?没法(?:停|走|开|过)/gu),
  // a car's own parts are the car, not the lights or doors of the building
  T(/车灯|车窗|车门|车玻璃|后视镜|车漆|车身/gu, ['车']),
  F(/炸街|轰油门/gu, '吵', '超速'),
  T(/摩托车?|机车/gu, ['摩托']),
  F(/飙(?:车)?|逆行|(?:骑|开)(?:得|的)?(?:太|很|特别|好|飞)?快|骑得飞快|超速|横冲直撞/gu, '超速'),
  T(/外卖小哥|送外卖的?|外卖员?|骑手/gu, ['骑手']),
  // an abandoned car is a complaint of its own, however it is parked ("停了辆僵尸车")
  T(/僵尸车|废弃车辆?/gu, ['僵尸车'], ['堵']),
  T(/停了?(?:一|几|两)?辆[^，。！？,.!?\s]{0,6}?车/gu, ['车'], ['堵']),
  T(/凸面镜|广角镜|反光镜|转角镜|镜子/gu, ['反光镜']),
  T(/停(?:了|着|满了?)?(?:私家|外来|社会|别人的?)车辆?|乱停车?|(?:汽|私家|小|机动)?车辆?(?:乱停|停得|停在|停到|停满)/gu, ['车'], ['堵']),
  // lifts and their parts
  // the card that takes one up in the lift: access, not the lift ("门卡刷不了电梯")
  T(/(?:门禁卡|门卡|电梯卡|卡)?刷不(?:了|开|上)电梯|电梯(?:卡)?刷不(?:了|上)(?:卡)?/gu, ['电梯门禁'], ['坏', STOPPED]),
  T(/电梯(?:里的?)?(?:按钮|按键)|按钮|按键/gu, ['电梯按钮']),
  // a lift's fan is no lift ("电梯里的风扇坏了")
  T(/(?<![排换气])风扇|电扇/gu, ['风扇']),
  T(/电梯(?:里|内)?的?(?:灯|照明)/gu, ['灯']),
  T(/电梯|直梯|扶梯|梯子|梯门|梯厢|轿厢|(?<![楼扶])梯(?:里|内)|[那这哪]部梯|(?:\d|[一二三四五六七八九左右])号?(?:那)?部?梯(?![子田])/gu, ['电梯']),
  F(/(?:把人)?关(?:在)?(?:里面|里头)/gu, '坏', STOPPED),
  // a door that catches someone is another danger than a lift that stopped
  F(/夹(?:了|到|住|伤)?(?:人|手|脚|小孩|孩子|老人)|被夹|夹(?:到|伤)了|把(?:我|人|孩子|小孩)?的?(?:手|脚|胳膊|腿)?夹(?:了|到|住|伤)/gu, '夹人'),
  T(/小广告|牛皮癣|贴(?:满)?(?:了)?广告|广告贴/gu, ['小广告']),
  T(/广告屏?/gu, ['广告']),
  // a named part of a thing is a thing of its own: a screen, a locker's door ("快递柜屏幕碎了" / "柜门打不开")
  T(/屏幕|显示屏|触摸屏/gu, ['屏幕']),
  T(/柜门|格口/gu, ['柜门']),
  // doors, barriers, lockers
  F(/锁不(?:上|住|了)/gu, '关不上'),
  T(/闭门器|缓冲器?|关门器|地弹簧/gu, ['闭门器']),
  // guards at the gate
  T(/没(?:有)?人(?:值守|值班|看门|站岗)|无人值守|没(?:有)?保安/gu, ['保安'], ['脱岗']),
  T(/保安|门卫|值班人员|岗亭/gu, ['保安']),
  F(/睡觉|睡着|打瞌睡|打盹|不在岗|脱岗|空着|随便进出?/gu, '脱岗'),
  T(/信报箱|信箱|报箱|邮箱/gu, ['信箱']),
  F(/撬|掰(?:开|坏|了)?/gu, '失窃'),
  T(/(?:门禁)?(?:门铃|可视对讲|对讲机?)/gu, ['门铃']),
  // a bell or a speaker that gives no sound is broken, not loud
  F(/不响|没(?:有)?声音?了?|没动静/gu, '坏'),
  // "单元门口" is where, "伸缩门卡住了" a gate stuck, not a door card
  T(/推拉门|移门|滑门|阳台门/gu, ['阳台门']),
  // the iron gate of a yard ("大铁门"); the gate's doorway ("大门口") is where
  T(/(?:大?铁大?门|院门)(?!口)/gu, ['大门']),
  T(/门禁|门卡(?![住在死])|刷卡|刷脸|单元门锁|门锁|单元门(?![口前外])|单元(?:的)?大门|楼栋门/gu, ['门禁']),
  T(/监控|摄像头|探头/gu, ['监控']),
  F(/没(?:有)?(?:画面|图像|影像|图)/gu, '坏'),
  // a phone that is not answered is the thing; a phone number left to call back is not
  T(/电话(?=[^，。！？,.!?\s]{0,4}?(?:打不通|没人接|无人接听|占线))/gu, ['电话']),
  F(/电话|联系方式/gu),
  F(/打不通|没人接|无人接听|占线/gu, '打不通'),
  T(/(?:道闸|栏杆)?(?:不抬(?:杆)?|不起杆)/gu, ['道闸'], ['坏', STOPPED]),
  T(/道闸|栏杆|挡车杆|抬杆|闸杆|起落杆/gu, ['道闸']),
  T(/快递柜|丰巢|快递箱|智能柜/gu, ['快递柜']),
  T(/快递|包裹/gu, ['快递']),
  F(/关不上|合不上|合不拢|关不拢|关不严/gu, '关不上'),
  F(/盖不上|盖不严|盖不住/gu, '关不上', '坏'),
  // lights
  F(/一直亮|常亮|长明|白天(?:也|还|都)?(?:亮|开)|不灭|关不掉|关不了/gu, '常亮'),
  T(/灯罩/gu, ['灯罩']),
  T(/路灯(?:杆)?/gu, ['路灯']),
  T(/没(?:有)?灯了?/gu, ['灯'], ['坏']),
  // turning a light on is no light ("一开灯满地跑"); "黑灯瞎火" is the dark, read below
  F(/一(?:开|关)灯/gu),
  T(/(?:声控|生控|感应)?(?<!黑)灯(?:泡|管)?(?!瞎火)|照明/gu, ['灯']),
  F(/灭(?:蚊|鼠|蟑|虫|蝇)|消杀|杀虫/gu),
  F(/不亮|灭了?|熄了?/gu, '坏', STOPPED),
  F(/一闪一闪的?|闪烁|忽明忽暗|闪/gu, '闪'),
  F(/亮了|能用了|好用了|正常了/gu, '已好'),
  // a place gone dark: a light out, unless the report names what is out (路灯)
  T(/一片漆黑|黑漆漆的?|黑乎乎的?|黑灯瞎火|黑咕隆咚|很黑|太黑|全黑了?|看不见路?|看不清/gu, [DARK], ['坏']),
  // things in the way, vehicles, parking
  T(/消防通道|消防车道|安全出口|生命通道/gu, ['消防通道']),
  T(/消防栓|消火栓|消防箱/gu, ['消防栓']),
  T(/灭火器/gu, ['灭火器']),
  T(/充电桩|充电柜|充电口|充电插座/gu, ['充电桩']),
  // a charge that does not go in ("充不上电", "电瓶一格都没涨")
  T(/充不(?:上|进|了)电?|(?:电瓶|电池)?(?:一格)?(?:电)?(?:都|也)?没涨/gu, ['充电桩'], ['坏', STOPPED]),
  F(/充电|飞线/gu, '充电'),
  F(/偷|被盗|拿错|拿走|丢了|不见了/gu, '失窃'),
  T(/(?:汽|私家|小|机动)?车(?:辆)?/gu, ['车']),
  T(/垃圾[^，。！？,.!?\s]{0,4}?(?:堆成山|堆积如山|成堆|堆积|堆满)/gu, ['垃圾'], ['满']),
  F(/不通|不下水|下水(?:很|太)?慢|下不去水|排不出去?/gu, '堵'),
  T(/(?:全|都)是(?:杂物|纸箱子?|箱子|废品|旧家具)/gu, ['杂物'], ['堵']),
  T(/杂物|纸箱子?|箱子|纸壳|废品|旧家具/gu, ['杂物']),
  F(/乱停|停满|乱七八糟|占道|挡路|堵|挡|占|堆满?|塞满|塞死|塞住|过不去/gu, '堵'),
  // waste
  T(/烟头/gu, ['烟头']),
  F(/乱扔|乱丢|乱倒|往下扔|高空抛物|抛物|扔/gu, '乱扔'),
  T(/垃圾分类(?!点)/gu, ['垃圾分类']),
  T(/垃圾桶|垃圾箱|垃圾/gu, ['垃圾']),
  // pests running about are the pests, not rubbish strewn ("满地跑")
  F(/满地(?:跑|爬)|到处(?:跑|爬)/gu),
  F(/满地(?:都是)?(?!水)|扔了?一地|一地(?!水)|遍地|翻(?:得|了)/gu, '乱扔'),
  F(/满了?|冒尖|溢出来?|溢|没人(?:清|收|倒|拉|运|管)|没(?:有)?清|不清理?|没收(?!到)|不收|清运不及时/gu, '满'),
  // animals and pests
  // a dog's droppings name the dog ("狗便便" is "狗屎", however the lawn is called)
  T(/狗(?:屎|粪|便便?)|狗拉的?屎/gu, ['狗'], ['粪便']),
  F(/粪便|拉屎|便便|屎/gu, '粪便'),
  // someone feeding strays is a complaint of its own, not the strays
  F(/投喂|喂(?:养|食)?(?=[^，。！？,.!?\s]{0,3}?(?:流浪|野|猫|狗|鸽))/gu, '投喂'),
  // stray cats and stray dogs are two complaints
  T(/流浪狗|野狗/gu, ['流浪狗']),
  T(/流浪猫|野猫/gu, ['流浪猫']),
  T(/鸽子窝/gu, ['鸽子'], ['窝']),
  F(/(?:做|筑|搭)(?:了)?(?:个)?窝|筑巢|鸟窝/gu, '窝'),
  T(/鸽子|鸽/gu, ['鸽子']),
  F(/不牵绳|不拴绳|没牵绳|不栓绳|没拴|没栓/gu, '不牵绳'),
  T(/狗|犬/gu, ['狗']),
  // a dead rat is its smell ("楼道有死老鼠" / "楼道臭烘烘的")
  T(/死(?:老鼠|耗子)/gu, ['老鼠'], ['臭', `${SOURCE}死鼠`]),
  T(/老鼠|耗子/gu, ['老鼠']),
  T(/猫/gu, ['猫']),
  T(/蚊子|苍蝇/gu, ['蚊蝇']),
  F(/虫子?/gu, '虫'),
  T(/蟑螂|小强/gu, ['蟑螂']),
  T(/马蜂窝?|蜂窝|蜂巢|黄蜂|胡蜂/gu, ['马蜂']),
  // noise and its sources
  T(/广场舞|跳舞/gu, ['广场舞']),
  T(/鞭炮|炮仗|爆竹|烟花|放炮/gu, ['鞭炮']),
  T(/洗衣机|甩干/gu, ['洗衣机']),
  T(/装修|电钻|砸墙/gu, ['装修']),
  T(/施工|工地/gu, ['施工']),
  F(/(?:咣|哐)当(?:一声|响)?|是活的/gu, '坏', DAMAGED),
  // the source of a noise, where it is told: singing, mahjong, an instrument and things dragged or stamped on the floor
  // are four complaints, even from one flat ("1202拖凳子" / "1202弹钢琴")
  F(/唱K|唱k|卡拉OK|卡拉ok|K歌|k歌|KTV|ktv|唱歌|嚎/gu, '吵', `${SOURCE}唱`),
  F(/打麻将|麻将|搓麻|洗牌/gu, '吵', `${SOURCE}麻将`),
  F(/弹(?:钢)?琴|琴声|钢琴|练琴|拉琴|小提琴|二胡|古筝|吉他|架子鼓|打鼓/gu, '吵', `${SOURCE}琴`),
  F(/拖(?:椅子|凳子|桌子|家具|东西)|咯吱咯吱|跺脚|蹦迪?/gu, '吵', `${SOURCE}拖`),
  F(/叮叮当当|咚咚|吼|叫春|轰鸣|敲/gu, '吵'),
  T(/空调外机|外机|空调/gu, ['空调']),
  F(/(?:按|鸣)喇叭|鸣笛/gu, '吵'),
  F(/音响|喇叭|音乐|音箱/gu),
  // a noise that goes on: not a thing stopped
  F(/(?:还|都)?没停|不停|停不下来/gu),
  F(/(?:能不能|可不可以|可以|麻烦)?(?:开|调|放)?小(?:一)?点声?|声音?(?:能不能|可不可以)?小(?:一)?点|(?:太|很|特别|好|非常)大声|声音?(?:太|很|特别|好|非常|巨)?大|吵|噪音|噪声|扰民|嗡嗡|轰轰|响|叫|吠|汪汪|汪了|汪一/gu, '吵'),
  // smells, smoke, dirt
  // vomit is dirt that smells
  F(/呕吐物?|吐了/gu, '脏', '臭', `${SOURCE}吐`),
  F(/尿骚味?|尿味|尿臊|(?:随地)?(?:大)?小便|撒尿|尿/gu, '臭', `${SOURCE}尿`),
  // cooking smoke's smell is the smoke ("油烟味"), and smoke drifting in is its smell ("油烟飘进窗户")
  F(/(?<!油)烟味|焦糊?味|糊味/gu, '焦味'),
  F(/(?<=(?:烟|味)[^，。！？,.!?\s]{0,3}?)飘(?:进|到|过来|进来|我家)/gu, '臭'),
  T(/油?烟(?:味)?(?:太|很|特别|好|非常)大/gu, ['油烟'], ['臭']),
  // a fire told as what might happen is the danger of the clutter, no fire ("万一着火了怎么跑")
  F(/(?:万一|要是|如果|一旦|真)[^，。！？,.!?\s]{0,3}?(?:着火|起火|失火)了?|(?:着火|起火|失火)了?(?:咋|怎么|往哪)(?:办|跑|逃)/gu),
  F(/烧黑|烧焦|烧化|熔化|着火|起火|冒烟|火灾|失火|点着|烧着|引燃/gu, '火'),
  F(/烧纸|烧东西|烧垃圾|烧树叶|烧秸秆|焚烧/gu, '焚烧'),
  T(/油烟|烧烤|烟雾|烟|呛/gu, ['油烟']),
  F(/臭|异味|味道?(?:太|很|特别|好|非常)?大|骚味|腥味|味儿|熏|味/gu, '臭'),
  F(/脏|污渍|不干净|卫生差|没(?:有)?人?(?:打扫|清扫|拖|扫)|不打扫|泥脚印|脚印|全是泥|(?:全|都)是灰|一层灰|灰尘/gu, '脏'),
  F(/发霉|霉/gu, '霉'),
  // pests that run riot are loud, not rude ("耗子闹得太凶")
  F(/闹(?:得|的)?(?:太|很|特别|好)?凶|闹腾/gu, '吵'),
  F(/说话(?:很|太|特别|非常)?(?:冲|难听|凶)|爱答不理|不理人|甩脸色?|态度(?:很|太|特别|非常)?(?:差|不好|恶劣)|骂人|凶/gu, '态度'),
  // cable television is its own service, not the internet
  T(/有线电视|电视|有线/gu, ['电视']),
  T(/没网|断网/gu, ['网络'], ['坏']),
  // a phone's signal is the carrier's, no broadband
  T(/手机[^，。！？,.!?\s]{0,4}?(?:(?:没(?:有)?|无)信号|信号(?:都|也)?没(?:有)?|信号(?:不好|很差|差))/gu, ['手机信号'], ['坏']),
  T(/手机信号/gu, ['手机信号']),
  T(/没(?:有)?信号|无信号|信号(?:不好|很差|差)/gu, [], ['坏']),
  T(/网络|宽带|信号/gu, ['网络']),
  T(/草坪|草地|绿地|绿化带?|草丛|杂草|草/gu, ['绿化']),
  F(/没人修剪|没修剪|该修剪|疯长|太高/gu, '修剪'),
  F(/种(?:了|上)?(?:菜|葱|蒜)|开荒|毁绿/gu, '毁绿'),
  // greenery, ground, equipment
  T(/树枝子?|树杈|枝枝杈杈|枝杈|杈子|树木|大树|树/gu, ['树']),
  T(/围栏|栅栏|护栏|围墙|篱笆/gu, ['围栏']),
  T(/长椅|长凳|座椅/gu, ['座椅']),
  // a window is the thing when something is wrong with it; else where a smell or a noise comes in
  T(/窗户?玻璃|玻璃窗|窗(?:户|子)(?=[^，。！？,.!?\s]{0,3}?(?:碎|破|坏|掉|裂|关不上|打不开|松|剩))/gu, ['窗']),
  // a door's glass is no door closer ("单元门玻璃碎了" / "单元门闭门器坏了")
  T(/玻璃/gu, ['玻璃']),
  // the glass gone, "只剩个框"
  F(/(?:只|就)?剩(?:下)?(?:一?个)?(?:窗)?框(?:子)?/gu, '坏', DAMAGED),
  T(/钉子|螺丝钉?/gu, ['钉子']),
  T(/健身器材|健身区/gu, ['健身器材']),
  T(/坑坑洼洼|坑洼(?:不平)?|坑/gu, ['路面'], ['坏', DAMAGED]),
  T(/路面|地面|马路/gu, ['路面']),
  T(/扶手/gu, ['扶手']),
  // a space someone else took ("车位被别人停了")
  F(/被(?:别人|人|外来车辆?)?(?:停|占)(?:了|用|着)?|霸占/gu, '堵'),
  // any other way of not working: last, so that the words above take theirs first
  // fallen or leaning: a danger of its own ("路灯杆倒了" is no lamp out)
  F(/倒了|倒在|刮倒|歪倒|倾斜|歪/gu, '倒'),
  // asking for a repair says it is broken ("什么时候来修")
  F(/报修|维修|(?<!装)修(?![剪建好整])/gu, '坏'),
  // two ways of being broken: it does not work (停, 卡, 打不开) or it came apart (断, 碎, 掉, 裂); "坏了" is either
  F(/失灵|不转|不走字|死机|黑屏|识别(?:失败|不了|不出)|失败|输不进去?|失效|不灵|罢工|趴窝|停摆|停运|停止运行|不运行|不能用|用不了|不好使|不工作|没反应|不动|不走|卡|困|关人|关在|停|打不开|开不了|开不开|刷不开|刷不了|进不去|出不去|进不来|抬不起来?|升不起来?|取不了件?|取不出|取不到/gu, '坏', STOPPED),
  F(/脱落|掉下来|碎|折了|折断|冒头|露出来|少了(?:一|几)?(?:块|根|条|个)?|断|缺|松|晃|掉|塌|翘|裂|坑|掀/gu, '坏', DAMAGED),
  // burnt out: broken, and a burning smell ("插座烧坏了" / "插座冒烟了")
  F(/烧了|烧坏|烧掉/gu, '坏', '焦味', STOPPED),
  F(/坏|故障|毛病|出问题|有问题|不正常|异常|抖|不出|倒了|倒在|刮倒|歪/gu, '坏'),
];
