// Hazard rules of someone trapped (被困): in a lift, a locked room, a car, rising water, a fire. Part of PEOPLE_HAZARDS.
import type { Term } from '../triage/urgency.ts';
import type { HazardRule } from './hazard-rules.ts';

/** A lift, or one by its number (3号梯, 二号梯). */
const LIFT: readonly Term[] = ['电梯', '轿厢', '货梯', '客梯', /[\d一二三四五六七八九]号梯/];
/** A lift that has stopped or will not open. */
const LIFT_STUCK: readonly Term[] = ['卡', '困', '停', '不动', '打不开', '开不了', '出不来', '救命', '拍门', '坏', '故障', '掉', '坠', '警铃', '关着', '被关', '喊', '闷', '下不来', '上不去', '冲顶', '蹲底', '扒不开', '灯也灭', '灯灭了'];

export const TRAPPED_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'trapped',
    level: 'emergency',
    labelZh: '有人被困',
    // (the 在 dropped when typed fast: "卡电梯里了 快来人", "困电梯里了")
    terms: ['关在电梯', '卡在电梯', /(?:卡|困|关)(?:在)?(?:电梯|轿厢)里(?:面|头)?了/, '电梯困人',
      // someone shut in, the place told in another part of a split message ("有个人困里面了")
      /(?:有人|个人|人|我|我们|他|她|他们|老人|孩子|小孩)(?:还|都|被)?困(?:在)?里[面头边]/, '电梯关人', '梯关人', '梯困人', '困人了', '关人了',
      // someone still inside that did not get out ("车里面好像还有个人没出来", "楼里还有人没跑出来")
      /还有(?:个|一个|几个|两个|好几个)?人(?:在里面|在里头)?没(?:有)?(?:跑|逃|救|爬)?出来/,
      // someone locked in a room of their own ("我被锁在阳台了", "奶奶被反锁在卫生间"), not locked out (被锁在门外)
      // (or a child or the old who locked themselves in: "有小孩把自己反锁在阳台上了")
      /(?:孩子|小孩|娃|宝宝|老人|奶奶|爷爷|外婆|外公|老太太|老大爷)[^，。！？,.!?\s]{0,2}把自己(?:反)?锁在(?:了)?(?:阳台|天台|楼顶|屋顶|卫生间|厕所|洗手间|浴室|房间|储藏室|储藏间|地下室|车里)/,
      // someone caught by a machine or a door ("机械车位把人夹在里面了", "升降板把一个司机卡在里面了"), not the one caught between
      // two sides of a quarrel ("把人夹在中间")
      /把(?:一个|个)?(?:人|司机|车主|老人|孩子|小孩|工人|师傅|保安|快递员|外卖员)(?:给)?(?:夹|压|卡|困)(?:住|在)(?:了)?(?!中间)/,
      /(?:我|人|他|她|老人|孩子|小孩|老公|老婆|妈|爸|奶奶|爷爷|外婆|外公|儿子|女儿)被(?:反)?锁在(?:了)?(?:阳台|天台|楼顶|屋顶|卫生间|厕所|洗手间|浴室|房间|储藏室|储藏间|地下室|电梯|车里|楼道)/],
    pairs: [
      // a gondola or a work platform stuck in mid-air, swaying or striking the wall, workers on it ("吊篮卡在半空下不来了 上面
      // 两个工人"), not one booked to come up ("明天吊篮上来刷外墙")
      {
        objects: ['吊篮', '吊板', '升降平台', '作业平台', '擦窗机', '蜘蛛人'],
        symptoms: ['半空', '下不来', '上不去', '卡住', '卡死', '卡在', '不动了', '撞墙', '晃', '倾斜', '歪了', '一头高一头低', '绳子断', '钢丝绳断'],
        within: ['工人', '师傅', '上面', '有人', /[两三四几一]个人/],
        span: 24,
      },
      // someone still in a car as flood water rises ("有个车主还在车里 水到车窗了")
      { objects: [/(?:人|车主|司机|老人|孩子|小孩)[^，。！？,.!?\s]{0,2}(?:还|都)?在车(?:里|上)/], symptoms: ['水到', '淹到', '水漫', '进水', '水没过', '水已经'], span: 24 },
      { objects: ['电梯', '轿厢', '货梯', '客梯'], symptoms: ['出不来', '困', '关着', '被关', '卡着人', '关人', '拍门', '喊救命', '呼救'], span: 24 },
      // someone inside a lift that has stopped ("电梯卡住了 里面有人"), not just a lift with people in it
      { objects: LIFT, symptoms: [/里[面头]?(?:还|都)?有(?:人|个|位|一)/, '人在里面', '在里面', '里头', /里[面头]的人/,
        // how many are inside, counted ("里面3个人", "里面一个送外卖的")
        /里[面头](?:还|都|就|只)?(?:有)?(?:[一两三四五六七八九十几\d]+)(?:个|位|名)/,
        // who is inside, named ("里面就她和一个小孩", "里面的老人家开始说胸闷")
        /里[面头](?:就|只有|的)(?:她|他|我|人|老人|小孩|孩子|一个|个|阿姨|大爷|老太太)/,
        // who is inside, said of oneself and another ("里面我和我爸两个人", "里面有我和我妈")
        /里[面头](?:是|有|就|只有)?(?:我|她|他)(?:和|跟|带着)/], span: 30, within: LIFT_STUCK },
      // a lift stopped with someone shut in it told by the heat or the lost signal ("电梯停住了 门打不开 里面好闷")
      {
        objects: ['电梯', '轿厢', '货梯', '客梯'],
        symptoms: [/里[面头](?:好|很|有点|特别|越来越|太)?(?:热|闷)/],
        within: ['卡住', '卡在', '停住', '停了', '停在', '打不开', '开不了', '出不来', '困', '不动了'],
        span: 30,
      },
      // stuffy or hot inside a lift, a cry for help or a phone dying beside it ("help 电梯里好闷 手机快没电了"), not a lift
      // that wants its air on ("电梯里好闷 物业开下空调")
      {
        objects: [/(?:电梯|轿厢|货梯|客梯)里[面头]?(?:好|很|有点|特别|越来越|太)?(?:热|闷)/],
        // (or where one is told, the cry said before it: "help!! 电梯里面好闷 我在2号楼")
        symptoms: ['help', 'sos', '救命', '救救', /手机(?:快|就要|马上|要)?没电/, /(?:只|就)?剩(?:下)?(?:\d+%?|一点|一格)的?电/, '没信号', '出不去', '出不来', /我(?:现在|人)?在\d/],
        inMessage: ['help', 'sos', '救命', '救救', /手机(?:快|就要|马上|要)?没电/, /(?:只|就)?剩(?:下)?(?:\d+%?|一点|一格)的?电/, '没信号', '出不去', '出不来'],
        span: 30,
      },
      // someone said to be in a lift that has stopped or dropped ("她在电梯里 电梯停了灯也灭了")
      {
        objects: [/(?:我|她|他|人|们|[妈爸婆公叔姨娘])(?:还|都|现在)?(?:被)?(?:困|关|卡)?在(?:电梯|轿厢)里/],
        symptoms: ['停了', '停住', '卡住', '卡了', '不动', '打不开', '开不了', '出不来', '扒不开', '灯也灭', '灯灭', '救命', '掉了', '往下掉', '晃了', '闷', '卡在'],
        span: 30,
      },
      // shut in, told a clause or two later ("被关在楼梯间里了 门从外面打不开")
      // (or shut in a named room: "把自个儿锁厕所里了 门咋整都整不开")
      {
        objects: ['反锁', '锁在', '关在', '卡在', '卡住', '被关', '被锁', '关里', '锁里', /(?:锁|关)(?:在|进|到)?(?:了)?(?:厕所|卫生间|洗手间|浴室|房间|屋|阳台|储藏室|柜子|衣柜|车)里/],
        symptoms: ['出不来', '叫不应', '喊救命', '打不开', '在里面', '在里头', '在里边', '敲门', '拍门', '呼救', '喊人', /(?:整|弄|拉|推|撬|开)不开/,
          // the door locked from outside ("被关在储藏间了 门从外面锁上了")
          /从外[面头边](?:被)?(?:锁|反锁|插|闩|关)/,
          // calling for help from where one is shut ("被关在天台上 打电话求救")
          '求救',
          // no sound from inside ("老人把自己反锁在卫生间里了，里面没动静")
          // (from inside: a screen that froze, "电脑卡住了没反应", is none)
          /(?:里面|里头|里边)(?:一直|都|也)?没(?:有)?(?:动静|声音|声响|反应|人应)/],
        span: 24,
      },
      // someone still inside who cannot get out, the place told in another part ("老人还在里面 出不来"), not one busy in
      // a meeting who cannot come to the phone
      {
        objects: [/(?:有人|人|我|我们|他|她|他们|老人|孩子|小孩|奶奶|爷爷|我妈|我爸|老公|老婆)(?:还|都|一直)在里[面头边]/],
        symptoms: [/出不(?:来|去)(?!接|开会|吃饭)/, '救命', '喊救命', '呼救'],
        span: 12,
        notWith: ['开会', '上课', '考试', '排队', '电话', '游戏', '睡'],
      },
      // locked in somewhere and cannot get out ("被锁在储藏室出不去了"); an exit that 被锁了 and 出不去 is a blocked exit
      { objects: ['锁在', '关在'], symptoms: ['出不去'], span: 24 },
      // water rising round people who cannot get out ("水已经到腰了 那户有两个老人出不来", "车库进水了 有辆车里还有人")
      {
        objects: ['水已经到', '水已经漫', '水已经淹', '水已经进', '水都到', '水都漫', '水都淹', '水快到', '水快漫', '水到了', '水漫到', '水淹到', '水没过', '水进屋', '水漫进', '水到腰', '水到胸', '水到膝',
          '进水了', '淹了', '水淹', '被淹', '涨水', '漫上来', '淹上来', '涨上来',
          // the water rising fast ("地库水涨得很快", "水越涨越高")
          /水(?:位)?(?:涨|升|漫)得(?:很|好|太|特别|越来越)?快/, /水(?:在|还在|一直在)(?:往上)?涨/, '越涨越高'],
        // (people, not cars: "地库进水了 车都开不出来" is no one trapped)
        symptoms: [/(?:车|屋|房|家|楼)里(?:面|头)?(?:还|都)?有(?:个|一个|两个|几个)?人/, '还有人', '困在', '被困',
          // someone still in a car or a room that they cannot leave ("他人还在车里出不来")
          /(?:车|屋|房|家|楼|电梯)里(?:面|头)?[^，。！？,.!?\s]{0,2}(?:出不来|出不去|走不了)/,
          /(?:人|老人|孩子|小孩|老太太|老太|大爷|奶奶|爷爷|他|她|们|一家)[^，。！？,.!?]{0,3}(?:出不来|出不去|走不了|跑不出)/,
          // someone still down there as it rises ("有个车主还在里面挪车")
          /(?:人|车主|司机|老人|孩子|小孩|师傅|保安)[^，。！？,.!?\s]{0,2}(?:还|都)在(?:里面|里头|下面|底下|地库|车库|地下室)/],
        span: 36,
        notInMessage: ['手机', '电脑', '游戏', '鱼缸'],
      },
      // a door or lock that broke with someone inside ("门锁坏了 人出不来")
      {
        // (a door that came down and jammed: "卷帘门落下来卡死了 我们在里面出不去")
        // (or locked from outside: "储藏室门从外面被锁了 里面有人拍门")
        objects: [/门(?:锁|把手?)?(?:舌|芯)?(?:坏|卡死|卡住|打不开|开不了|拉不开|推不开)/, /锁(?:芯|舌)?(?:坏|卡死|冻住|冻死|冻上)/, /门[^，。！？,.!?\s]{0,2}从外[面头边](?:被人?|给人?|让人)?(?:锁|反锁|插|闩)/, /门(?:落|掉|砸|关)下来[^，。！？,.!?\s]{0,2}(?:卡死|卡住|打不开)/],
        symptoms: ['出不来', '出不去', '困在', '被困', '在里面', '在里头', '里面有人', '喊我', '呼救', '拍门', '敲门', '喊救命', /(?:锁|关|困)(?:在)?里[面头边]/],
        span: 24,
      },
      // a building's access lock broken with people shut in and smoke or the frail among them ("单元门禁坏了，门出不去，楼道里
      // 又有烟味，十几个人堵在一楼大堂"), not a gate one waits at
      {
        objects: [/门禁(?:系统)?(?:坏|故障|失灵|打不开|开不了|没反应)/],
        symptoms: ['出不去', '出不来'],
        within: ['烟', '火', '焦', /[十几好多]+个人/, '老人', '小孩', '孩子', '孕妇', '困'],
        span: 16,
      },
      // a door that shut or locked itself with someone inside ("储藏间门自动锁上了，我儿子在里面")
      {
        objects: [/门(?:自动|突然|不小心|被风)?(?:被风)?(?:锁上|锁住|锁死|关上|反锁|带上)了?/],
        symptoms: [/(?:人|我|他|她|儿子|女儿|孩子|小孩|老人|妈|爸|奶奶|爷爷|外婆|外公|老公|老婆|宝宝|娃|孙子|孙女)(?:还|一个人)?(?:被)?(?:关|锁|困)?在里[面头边]/],
        span: 24,
      },
      // a cry for help from inside a lift, the stop told apart from it ("电梯里。。救命 10栋 不动了"), not a lift's noise
      // one cries about ("电梯里的广告吵死了 救命")
      {
        objects: [/(?:电梯|轿厢|货梯|客梯)里(?:面|头)?(?![^，。！？,.!?\s]{0,3}的)/],
        symptoms: ['救命', '救救', 'help', 'sos'],
        within: ['不动', '停住', '停了', '卡住', '卡着', '卡在', '打不开', '开不了', '出不来', '出不去', '闷', '好热', '没信号', '灯灭'],
        span: 30,
      },
      // shut in behind a door or a shutter that came down or locked itself, oneself unable to get out ("车库卷帘门放下来了 … 人
      // 也出不去", "我在天台 门被风刮上锁住了"), not a car that cannot leave nor a gate one walks round
      {
        objects: [/(?:卷帘门|卷闸门|大门|铁门|门)[^，。！？,.!?\s]{0,4}(?:放|落|降|掉|关)下来了?/, /门[^，。！？,.!?\s]{0,3}被风[^，。！？,.!?\s]{0,3}(?:锁住|锁上|锁死|关上|关死|带上)/],
        symptoms: [/(?:人|我|我们|他|她)(?:人)?(?:也|都|还|现在)?(?:在里面)?(?:出不去|出不来|下不去|下不来)/, /(?:我|我们|人)(?:现在)?(?:还)?在(?:楼顶|天台|屋顶|顶楼|屋顶平台|地库|车库|地下室)/, /手机(?:快|就要|马上|要)?没电/],
        span: 40,
        notWith: ['走侧门', '走小门', '绕', '只能走', '得走'],
      },
      // someone pinned under something ("把送外卖的卡在下面 腿被压住了")
      {
        objects: [/被?(?:压|卡|夹)(?:住|在)/],
        symptoms: ['腿', '脚', /手(?![机续艺套术])/, '胳膊', '身子', '工人', '外卖', '快递员', '孩子', '小孩', '老人', '有人', '一个人'],
        span: 14,
      },
      // a head, hand or child stuck fast ("脑壳卡到栏杆里头了，拔不出来")
      {
        objects: ['卡在', '卡到', '卡进', '卡住', '夹在', '夹住'],
        symptoms: ['拔不出', '出不来', '拿不出', '弄不出', '取不出', '抽不出'],
        within: ['头', '脑袋', '脑壳', /手(?!机)/, '脚', '腿', '胳膊', '孩子', '小孩', '娃', '宝宝', '小朋友', '有人', '老人'],
        span: 16,
      },
      {
        objects: ['被困', '困在', '困住'],
        symptoms: ['电梯', '轿厢', '屋', '房间', '家里', '楼', '火', '里面', '里头', '车里', '水里', '阳台', '厕所', '卫生间', '出不来', '救命', '喊', '梯'],
        span: 12,
      },
      // a lift's door open on an empty shaft ("电梯门开着 但是电梯没在这层 里面是空的井道")
      {
        objects: [/(?:电梯|梯|厅)门(?:自己|突然)?(?:开着|打开了|开了|是开的|敞着)/],
        symptoms: ['井道', /(?:没|不)在这(?:一)?层/, /轿厢(?:没|不)在/, '空的', '迈进去', '踩空', '掉下去'],
        span: 30,
      },
      // a lift that moves with its doors open ("电梯老是开着门就往上走")
      { objects: LIFT, symptoms: [/(?:开着门|没关门|门(?:还|都)?(?:开着|没关(?:上|好)?))(?:就|还|也)?(?:往上|往下)?(?:走|跑|动|运行|升|降)/], span: 20 },
      // a lift stopped between floors with the old or the young inside ("电梯卡在七楼和八楼中间了 里面有老人有小孩")
      {
        objects: ['电梯', '轿厢', '货梯', '客梯'],
        symptoms: [/里[面头]?(?:还|都)?有(?:老人|小孩|孩子|老太太|大爷|孕妇|婴儿|宝宝|小朋友)/],
        within: LIFT_STUCK,
        span: 30,
      },
      // alone in a lift that dropped or stopped, the help phone dead ("电梯突然往下掉了一截然后停了 我现在一个人在里面")
      {
        objects: [/电梯[^，。！？,.!?]{0,6}(?:往下掉|掉了|停了|卡住|不动)/],
        symptoms: [/(?:一个人|我|他|她|人)(?:现在|还)?(?:在|困在|关在)里[面头]/],
        span: 30,
      },
    ],
    // a key locked in ("钥匙反锁在里面了") is a locksmith's job
    // (a level of a game one is "stuck in" is no room)
    notWith: ['猫', '狗', '鸟', '宠物', '困扰', '困难', '犯困', /[我好太]困|困死|困了就|困得/, '钥匙',
      // shut in to sulk ("把自己关在房间里生闷气"), or locked out, not in ("我被锁在门外了")
      '生闷气', '赌气', '闹脾气', '发脾气', /(?:锁|关)在(?:了)?(?:门外|外面|外头)/,
      // an access card, not a door that jammed ("门卡住了")
      /门卡(?![住死着在了])/, '游戏',
      // cars, not people, that cannot get out ("卷帘门卡住了，车出不去")
      /车(?:子|辆)?(?:都|也)*(?:开)?出不(?:去|来)/, /第[^，。！？,.!?\s]{1,3}关/,
      // a child's thing stuck, not the child ("孩子的玩具卡进栏杆缝里了 拿不出来")
      /(?:孩子|小孩|娃|宝宝|小朋友|儿子|女儿)的(?:玩具|球|皮球|鞋|手机|钥匙|笔|积木|小车|玩具车|发卡|手表|书包|帽子)/],
  },
];
