// Hazard rules of people in danger (被困, 触电, 晕倒, 轻生, 小孩危险, 持刀打人): someone is hurt or about to be.
// Part of HAZARD_RULES (hazard-rules.ts), in this order.
import type { Term } from '../triage/urgency.ts';
import type { HazardRule } from './hazard-rules.ts';

/** Someone a faint, a fall or a drowning happens to (not "我晕倒", the exclamation). */
const PERSON: readonly Term[] = [
  '有人', '老人', '老太太', '老大爷', '大爷', '大妈', '阿姨', '叔叔', '小孩', '孩子', '小朋友', '婴儿', '宝宝', '邻居', '小哥', '师傅',
  '男的', '女的', '男子', '女子', '老头', '老太', '一个人', '个人', '他', '她', '爸', '妈', '奶奶', '爷爷', '外婆', '姥姥', '老公', '老婆',
  '学生', '保安', '保洁', '病人', '孕妇', '大姐', '大哥', '工人',
  '阿伯', '阿婆', '阿公', '伯伯', '婆婆', '老伯', '小伙', '姑娘', '男人', '女人', '住户', '业主', '快递员', '外卖员', '条友', '师奶',
  // 湘 老倌子 (an old man); 大叔, 大婶; 粤 后生(仔) (a young man)
  '老倌', '大叔', '大婶', '阿叔', '大伯', '后生',
  // 北 老爷子, 老人家
  '老爷子', '老人家',
];

/** A child, in Mandarin and dialect (小嘎豆 东北, 细路 粤 → 小孩 in hazardText). */
// (湘/鄂 伢, 伢儿)
const CHILD: readonly Term[] = ['伢', '小弟弟', '小妹妹', '小妮', '小丫头', '小男孩', '小女孩', '小孩', '孩子', '男孩', '女孩', '小朋友', '婴儿', '宝宝', /(?<![布玩洋]娃?)娃(?!娃机)/, '女儿', '儿子', '闺女', '孙子', '孙女', '嘎豆', '小屁孩', '小学生', '初中生', '中学生', '学生'];

/** A lift that has stopped or will not open. */
const LIFT_STUCK: readonly Term[] = ['卡', '困', '停', '不动', '打不开', '开不了', '出不来', '救命', '拍门', '坏', '故障', '掉', '坠', '警铃', '关着', '被关', '喊', '闷', '下不来', '上不去', '冲顶', '蹲底', '扒不开', '灯也灭', '灯灭了'];

export const PEOPLE_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'trapped',
    level: 'emergency',
    labelZh: '有人被困',
    terms: ['关在电梯', '卡在电梯', '电梯困人', '电梯关人', '梯关人', '梯困人', '困人了', '关人了',
      // someone still inside that did not get out ("车里面好像还有个人没出来", "楼里还有人没跑出来")
      /还有(?:个|一个|几个|两个|好几个)?人(?:在里面|在里头)?没(?:有)?(?:跑|逃|救|爬)?出来/],
    pairs: [
      { objects: ['电梯', '轿厢', '货梯', '客梯'], symptoms: ['出不来', '困', '关着', '被关', '卡着人', '关人', '拍门', '喊救命', '呼救'], span: 24 },
      // someone inside a lift that has stopped ("电梯卡住了 里面有人"), not just a lift with people in it
      { objects: ['电梯', '轿厢', '货梯', '客梯'], symptoms: [/里[面头]?(?:还|都)?有(?:人|个|位|一)/, '人在里面', '在里面', '里头', /里[面头]的人/,
        // who is inside, named ("里面就她和一个小孩", "里面的老人家开始说胸闷")
        /里[面头](?:就|只有|的)(?:她|他|我|人|老人|小孩|孩子|一个|个|阿姨|大爷|老太太)/], span: 30, within: LIFT_STUCK },
      // a lift stopped with someone shut in it told by the heat or the lost signal ("电梯停住了 门打不开 里面好闷")
      {
        objects: ['电梯', '轿厢', '货梯', '客梯'],
        symptoms: [/里[面头](?:好|很|有点|特别|越来越|太)?(?:热|闷)/],
        within: ['卡住', '卡在', '停住', '停了', '停在', '打不开', '开不了', '出不来', '困', '不动了'],
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
          /从外[面头边](?:被)?(?:锁|反锁|插|闩|关)/],
        span: 24,
      },
      // locked in somewhere and cannot get out ("被锁在储藏室出不去了"); an exit that 被锁了 and 出不去 is a blocked exit
      { objects: ['锁在', '关在'], symptoms: ['出不去'], span: 24 },
      // water rising round people who cannot get out ("水已经到腰了 那户有两个老人出不来", "车库进水了 有辆车里还有人")
      {
        objects: ['水已经到', '水已经漫', '水已经淹', '水已经进', '水都到', '水都漫', '水都淹', '水快到', '水快漫', '水到了', '水漫到', '水淹到', '水没过', '水进屋', '水漫进', '水到腰', '水到胸', '水到膝',
          '进水了', '淹了', '水淹', '被淹', '涨水'],
        // (people, not cars: "地库进水了 车都开不出来" is no one trapped)
        symptoms: [/(?:车|屋|房|家|楼)里(?:面|头)?(?:还|都)?有(?:个|一个|两个|几个)?人/, '还有人', '困在', '被困',
          /(?:人|老人|孩子|小孩|老太太|老太|大爷|奶奶|爷爷|他|她|们|一家)[^，。！？,.!?]{0,3}(?:出不来|出不去|走不了|跑不出)/],
        span: 36,
        notInMessage: ['手机', '电脑', '游戏', '鱼缸'],
      },
      // a door or lock that broke with someone inside ("门锁坏了 人出不来")
      {
        // (a door that came down and jammed: "卷帘门落下来卡死了 我们在里面出不去")
        objects: [/门(?:锁|把手?)?(?:坏|卡死|卡住|打不开|开不了|拉不开|推不开)/, /锁(?:芯)?坏/, /门(?:落|掉|砸|关)下来[^，。！？,.!?\s]{0,2}(?:卡死|卡住|打不开)/],
        symptoms: ['出不来', '出不去', '困在', '被困', '在里面', '在里头', '里面有人', '喊我', '呼救', '拍门', '敲门', '喊救命'],
        span: 24,
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
      // an access card, not a door that jammed ("门卡住了")
      /门卡(?![住死着在了])/, '游戏',
      // cars, not people, that cannot get out ("卷帘门卡住了，车出不去")
      /车(?:子|辆)?(?:都|也)*(?:开)?出不(?:去|来)/, /第[^，。！？,.!?\s]{1,3}关/],
  },
  {
    kind: 'electric_shock',
    level: 'emergency',
    labelZh: '漏电/触电',
    category: 'utilities',
    // (a residual-current breaker, 漏电保护开关, is a device, not a leak)
    terms: [/漏电(?!保护|开关|断路)/, '触电', '电到人', '麻电', '电得手', '电了一下', '麻倒', '电麻了',
      /(?:门|栏杆|扶手|护栏|外壳|水管|器材|灯杆|路灯|铁皮|柜|箱|水龙头|热水器|洗衣机)[^，。！？,.!?不没未]{0,2}带电/,
      // a fitting that "电人" (shocks whoever touches it) or numbs the hand ("龙头电人", "摸开关被麻到")
      /电人(?<=(?:水龙头|龙头|门|把手|栏杆|扶手|护栏|外壳|水管|灯杆|路灯|铁皮|柜|箱|热水器|洗衣机|开关|插座|墙|淋浴|花洒)[^，。！？,.!?]{0,3}电人)/],
    pairs: [
      {
        objects: ['水龙头', '龙头', '把手', '栏杆', '扶手', '护栏', '水管', '灯杆', '路灯', '铁皮', '热水器', '洗衣机', '开关', '插座', '淋浴', '花洒', '铁门'],
        symptoms: ['麻到', '被麻', '麻了一下', '麻手', '手一麻', '电手'],
        span: 16,
      },
      // someone who touched a live thing and is shaking or cannot let go ("碰到条电线 现在成个人在抖 不好用手拉他")
      {
        objects: [/(?:碰|摸|掂|触|抓|踩|扯)(?:到|着|了)[^，。！？,.!?\s]{0,3}(?:电线|电缆|电箱|电门|插座|高压线|电源)/],
        symptoms: ['在抖', '抖个不停', '浑身抖', '一直抖', '倒地', '倒在地', '松不开', '放不开', '甩不开', '弹开', '叫不应', '没反应', /(?:别|不要|不好|唔好)用手(?:去)?(?:拉|碰|拽)/],
        span: 30,
      },
      // shocked by a fitting named before the verb ("被插座电到了")
      {
        objects: ['插座', '插头', '开关', '电线', '电源', '电器', '热水器', '洗衣机', '水龙头', '电箱', '配电箱', '插排', '充电器', '电门'],
        symptoms: ['电到', '电倒', '电着了', '电了一下', '打到手'],
        span: 8,
      },
      // water gone live where people or animals step in ("喷泉那边的水带电 一只狗踩进去就倒了")
      {
        objects: [/(?:水|积水|喷泉|水池|水塘|水坑)[^，。！？,.!?不没未]{0,3}(?:带电|有电|漏电)/],
        symptoms: ['倒', '麻', '电到', '抽', '小孩', '孩子', '有人', '踩'],
        span: 30,
      },
    ],
    notWith: ['静电', '冬天', '电费', /触电(?:般|一样|似的|的感觉)/, '哈哈'],
    // 被电 of a crush that "electrifies" (被电到了 好帅), anywhere in the message
    termGroups: [
      {
        terms: [/被电(?!话|视|脑|梯|动|瓶|费|商|台|影|信|网|力)/],
        notWith: ['静电', '冬天', '电费', '哈哈'],
        notInMessage: ['帅', '心动', '放电', '电眼', '男神', '女神', '小哥哥', '小姐姐', '颜值'],
      },
    ],
  },
  {
    kind: 'medical',
    level: 'emergency',
    labelZh: '突发急症',
    terms: ['昏迷', '不省人事', '叫不醒', '没有呼吸', '没呼吸', '抽搐', '口吐白沫', '心脏病发', '大出血', '溺水', '休克', '叫不应', '流血不止', '血流不止', '有人掉下去', '窒息', '噎住', /卡(?:住|在)?(?:了)?喉咙/, /(?:脸|嘴唇?)(?:都|已经)?(?:发)?紫/, /流了(?:好多|很多|一地|一大摊|不少)血/, /血流(?:了)?(?:一地|满地|满脸|一脸|一身|好多|不止)/, /血[^，。！？,.!?\s]{0,6}止不住|止不住[^，。！？,.!?\s]{0,2}血/,
      // named conditions, breathing, and an ambulance called or awaited
      '心脏骤停', '心跳骤停', '没有心跳', '没心跳', '心梗', '心肌梗', '脑梗', '脑出血', '脑溢血', '心脏病犯', '哮喘发作', '过敏性休克',
      /(?:打了|叫了|喊了)120|120(?:还|也)?没(?:到|来)|等120|120说/,
      // bleeding heavily ("头上都是血")
      /(?:头上|脸上|身上|满头|满脸|一身|一头|一脸)(?:都|全)?是血/, '成头血', '成身血',
      // someone who cannot be woken, eyes rolled up, breathing faint, waters broken; a call for CPR or a defibrillator
      /(?:喊|叫|拍|摇|推)(?:都|也|了半天)?(?:不醒|不应)/, /眼睛?(?:一直)?往上翻/, /呼吸(?:很|好|越来越|特别)?(?:微)?弱/, '羊水破', '破水了',
      /(?:有没有|有谁|谁|有)会(?:做)?(?:cpr|心肺复苏|人工呼吸)/, /(?:快|赶紧)(?:做|来|帮忙做)?(?:cpr|心肺复苏|人工呼吸)/, /(?:cpr|心肺复苏|人工呼吸|aed|除颤仪?)[^，。！？,.!?]{0,3}(?:快|拿来|送来|拿过来)/,
      // someone fallen into a well, a pit or a ditch, the person named right before the fall (not "孩子的球掉进沟里")
      // (the verb first and the person looked back at from it: a pattern that starts with a plain character is scanned fast)
      new RegExp(`[掉摔跌落](?<=(?:${PERSON.filter((p) => typeof p === 'string').join('|')})(?:不小心|一脚)?(?:踩空)?[掉摔跌落])(?:进|到|下)了?[^，。！？,.!?\\s]{0,5}(?:井|坑|沟)`)],
    pairs: [
      // "我晕倒" and "晕倒。。" are how people say "oh dear": a fall or a faint counts when it happens to someone
      {
        objects: PERSON,
        symptoms: [
          '晕倒', '昏倒', '晕过去', '昏过去', '倒地', '倒在地', '中风', '没知觉', '没反应', '一动不动', '喘不上气', '呼吸困难', '摔倒', '跌倒', '栽倒', '起不来',
          '趴着', '趴在地上', '躺在地上', '躺地上', '不理人', /叫[他她]?也不(?:理|应|动)/, '倒下', '捂着胸口', '胸口疼', '心口疼', '喘不过气',
          '流血', '出血', '不会说话', '说不出话', /嘴巴?(?:都)?歪/, '软下去', '瘫下去', '跌亲', '半边身子', '抽筋', '说话不清', '口齿不清', '半边脸', '一边脸', '脸麻', '手脚麻', '抽起来',
          // 川 昏起了, fallen headlong or to the floor, breath gone, a fit, too heavy to lift, fallen into a well or pit
          /[昏晕]起(?:了|咯|喽)/, '栽下去', '一头栽', /(?<!把[^，。！？,.!?\s]{0,5})(?:摔|跌)(?:在)?地上?/, '没气了', '扶不动', '扶不起来',
          // gone still after being unwell ("捂着胸口出了好多汗 现在不怎么动了"), not a baby that moves less these days
          /(?:现在|已经|突然|一下子|靠在那|躺在那|坐在那|趴在那)[^，。！？,.!?]{0,3}(?:不怎么|不太)动了?/,
          // a stroke told plainly ("嘴有点歪 手抬不起来 说话含含糊糊"), someone close to death ("病人快不行了")
          /嘴巴?(?:有点|有些|也|还)歪/, /(?:手|胳膊|一边手)(?:都|也)?抬不起来/, /(?:说话|讲话|说得|讲得|应声|答应|叫[他她]也是?)[^，。！？,.!?]{0,2}含(?:含糊糊|糊不清)/, /(?<![我笑累困饿热])快不行了/,
        ],
        span: 20,
      },
      // breathing failing after a sting, a bite or an allergy (not "压得我喘不上气", a figure of speech)
      { objects: ['蛰', '叮', '咬了', '过敏', '哮喘'], symptoms: ['喘不上气', '喘不过气', '呼吸困难', '上不来气', '透不过气'], span: 20 },
      { objects: ['摔倒', '跌倒', '摔了', '倒在', '栽倒', '跌亲', /(?:跌|摔)掉(?:了|勒|脱)/], symptoms: ['流血', '出血', /流了.{0,3}血/, '磕破', '头破', '叫不应', '不动', '起不来', '爬不起来', '站不起来', '没反应', '不醒', '没意识'], span: 16 },
      // someone living alone not seen for days who does not answer the door
      {
        objects: ['独居', '好几天没', '几天没', '一个人住'],
        symptoms: ['不应', '没人应', '没应', '不开门', '没人开', '不接', '没反应', '没动静', '哼', '联系不上',
          // the daily deliveries piling up at the door
          /(?:报纸|牛奶)[^，。！？,.!?]{0,4}(?:堆|放了|没拿|没人拿|没收)/],
        span: 30,
      },
      // a voice from a locked home that cannot get up ("敲门听到里面在喊 说起不来了 门反锁着进不去")
      // (or moaning heard from inside: "邻居说听到里面有人在哼, 门是反锁的"; not a song hummed)
      {
        objects: ['起不来', '爬不起来', '站不起来', /微弱的?(?:声音|喊声|呼救)/, /(?:里[面头边]|屋里|房里|门里)[^，。！？,.!?]{0,4}(?:哼(?![歌曲唱着小调])|呻吟)/],
        symptoms: ['反锁', '进不去', '没人开门', '不开门', '没见开门', '门锁着', '开不了门'],
        span: 36,
      },
      // a fit with its signs ("犯病了 一直在抖"), not 犯病 said of someone's odd ways
      {
        objects: PERSON,
        symptoms: ['犯病', '发病', '病发'],
        within: ['抖', '抽', '倒', '晕', '翻白眼', '往上翻', '口吐', '没反应', '叫不醒', '不动', '喘', '发紫', '救护车', '120'],
        span: 20,
      },
      // one's own chest pain with a call for help ("一个人在家 胸口闷得慌 谁能来一下")
      {
        objects: ['胸口', '胸闷', '心口', '心脏'],
        symptoms: ['闷', '疼', '痛', '压着', '喘不上', '喘不过', '透不过气'],
        within: ['谁能来', '来一下', '帮帮', '救', '快来', '门没锁', '门开着', '120', '来人', '一个人在家'],
        span: 12,
      },
      { objects: PERSON, symptoms: ['掉水里', '掉河里', '掉湖里', '掉进河', '掉进池塘', '掉进水', '落水', '掉到水', '扑腾', '不会游泳', '沉下去', '呛水', '溺'], span: 16 },
      // someone who does not answer when called, with a sign of illness ("喝完酒一直吐 叫他不应 呼噜声特别大")
      {
        objects: [/(?:喊|叫|拍|摇|推)(?:他|她)(?:都|也|半天)?(?:不醒|不应)/],
        // (not snoring alone: a sound sleeper is not woken either)
        symptoms: ['吐', '抽', '倒', '跌', '摔', '晕', '昏', '瞓低', '躺', '血', '救护车', '120', '脸色', '发紫', '喘'],
        span: 40,
      },
      // speech failing after a faint feeling or a sit-down ("坐地上了 说头晕眼前发黑 … 现在话也说不清楚了")
      {
        objects: PERSON,
        symptoms: [/话(?:都|也|已经)?(?:说|讲)不(?:清|出|利索)/],
        within: ['头晕', '晕', '倒', '坐地上', '坐在地上', '手脚', '发黑', '冰凉', '麻', '歪', '医院', '120', '救护车'],
        span: 50,
      },
      // bitten by a snake, the bite swelling ("被蛇咬了 … 脚肿起来了")
      // (not one bitten before, nor the saying 一朝被蛇咬 十年怕井绳)
      { objects: [/(?:被|让)[^，。！？,.!?\s]{0,2}蛇[^，。！？,.!?\s]{0,2}咬(?!过)/], symptoms: ['肿', '医院', '发黑', '发紫', '麻', '晕', '血', '疼', '痛'], span: 30, notInMessage: ['井绳', '十年怕'] },
    ],
    notWith: ['笑晕', '笑得', '气晕', '晕车', '起不来床', '早上起不来', '哈哈', '猫', '狗', '宠物', '燃气', '煤气', '轮胎', '车胎', '气球', '打气', '充气', /鱼(?![刺骨])/, '手机', '睡', /我(?:都|要|快)?晕倒/, /我(?:都|要|快|真的?)*窒息/, '后遗症', '病史', '得过'],
  },
  {
    kind: 'suicide',
    level: 'emergency',
    labelZh: '轻生风险',
    terms: [/(?<!我要?)跳楼(?!价|甩卖|大甩卖)/, /(?:喊|嚷|闹|哭|吵)(?:着)?(?:说)?(?:要|想)跳(?:楼|下去)(?![^，。！？,.!?]{0,4}(?:游泳|玩|水))/, /翻(?:过|出|到)(?:了)?(?:栏杆|护栏|围栏|阳台外|窗外|窗户外|楼顶边|天台边)/, '轻生', '自杀', '想不开', '寻短见', '割腕', '不想活', '活不下去', '活着没意思', '寻死', '一了百了', '烧炭', /说(?:要|想)去死/, /喝(?:了)?农药/, '吞药',
      // a poison or a whole bottle of pills swallowed ("吞了大半瓶安眠药", "喝了敌敌畏")
      /(?:吃|吞|喝|服)(?:了|下)?(?:一|整|大半|半|好几|好多|很多)?(?:整)?(?:瓶|盒|板|把|片)?(?:的)?(?:安眠药|农药|敌敌畏|百草枯|老鼠药|鼠药|除草剂)/, /(?:吃|吞|服)(?:了|下)?(?:一|整|大半|半)(?:整)?(?:瓶|盒|板|把)[^，。！？,.!?\s]{0,2}药/],
    // (笑 of a joke, not of "不是开玩笑的"; 取暖 of charcoal burnt for warmth)
    notWith: ['烤', '火锅', /笑(?<!不是(?:开)?玩笑)/, '累', '热', '困', '饿', '哈哈', '取暖'],
    pairs: [
      {
        objects: ['天台', '楼顶', '窗台', '栏杆外', '屋顶', '阳台外', '护栏外', '外沿', '窗沿', '楼沿'],
        symptoms: ['要跳', '往下跳', '坐着一个', '站着一个', '往下看', '坐在边', '站在边', '站着', '坐着', '边上', '边缘', '伸到外面', '坐在',
          /[想要]跳(?![舞绳槽操远高])/, '跳落', '跳下', '劝不下来', '劝不住', '劝不动',
          // standing on the air-conditioner bracket outside
          '空调架', '外机架'],
        span: 20,
      },
      // walking on into deep water, deaf to calls ("一直往河里走 喊他不回头 水都到胸口了")
      {
        objects: [...['水', '河', '湖', '江', '海', '塘'].flatMap((w) => [`往${w}里走`, `往${w}里去`, `往${w}里面走`, `往${w}中间走`]), '往深水', '往水深处', '往河中心'],
        symptoms: ['不回头', '喊', '叫他', '叫她', '拉不住', '劝', /水(?:都|已经)?(?:到|没过|淹到|过)(?:了)?(?:胸|脖子|腰|肩|下巴)/],
        span: 30,
      },
      // outside a window, about to jump (not "窗外坐着人乘凉")
      { objects: ['窗外', '窗户外', '窗台外'], symptoms: ['要跳', '往下跳', /[想要]跳(?![舞绳槽操远高])/, '跳下', '劝不下来', '劝不住', '劝不动'], span: 20 },
      // a farewell, then no answer ("发了条告别的话 电话关机")
      { objects: [/告别(?!单身|演|赛|仪式|式|会)/, '道别', '永别', '遗书', '遗言'], symptoms: ['打不通', '联系不上', '不接', '找不到', '关机', '不开门', '没人开门',
        // a photo of pills beside it ("发了遗书一样的东西 还配了张药瓶的照片")
        '药瓶', '安眠药', /(?:一|整|大半)瓶药/], span: 30 },
      // a suicide note sent, and someone asked to go to the door ("发了遗书一样的东西 … 他住8栋602 谁能去敲下门"): a note
      // "like" a suicide letter is the alarm, not a simile that undoes it
      { objects: ['遗书', '遗言'], symptoms: [/敲[^，。！？,.!?\s]{0,2}门/, /(?:谁|有人|快)(?:能|可以)?去(?:他|她)?(?:家|门口)?(?:看看|看一下|敲)/, /去(?:他|她)家/], span: 60 },
      // a farewell in plain words, then a locked door and no answer ("说以后不用再找他了 … 门锁着电话也不接")
      { objects: [/(?:以后|再也)?不(?:用|要)再?找(?:我|他|她)了/, /(?:以后|再也)(?:不会|不能)再?(?:麻烦|打扰)(?:大家|你们)/], symptoms: ['打不通', '联系不上', '不接', '关机', '不开门', '没人开门', '门锁着', '敲门', '敲敲门'], span: 60 },
      // someone on a roof after such words, not answering ("发了像遗书的话 现在人在楼顶 电话打不通")
      {
        objects: [/(?:人|她|他)(?:现在|还|已经)?在(?:楼顶|天台|顶楼|屋顶)/],
        symptoms: ['打不通', '联系不上', '不接', '关机', '找不到'],
        within: [/告别(?!单身|演|赛|仪式|式|会)/, '遗书', '遗言', '不想活', '想不开', '轻生', '跳', '永别'],
        span: 30,
      },
      // dependants entrusted to neighbours beside a means of dying ("帮我照顾好我妈 煤气已经开了")
      {
        objects: [/(?:照顾|照看|拜托)(?:好)?(?:一下)?(?:我|他|她)?的?(?:女儿|儿子|孩子|闺女|老婆|老公|妈|爸|父母|老人|家人|猫|狗)/, '后事'],
        symptoms: ['煤气', '燃气', '安眠药', '农药', '烧炭', '不想活', '活不下去', '遗书', '下辈子', '来世', '永别'],
        span: 40,
      },
      // petrol carried up to a roof or into a locked room ("拎着一桶汽油上了天台 门从里面反锁了")
      { objects: [/(?:一桶|一壶|一瓶|桶|拎着|提着|抱着)[^，。！？,.!?\s]{0,2}汽油/, '浇汽油', '泼汽油', '浇了汽油'], symptoms: ['天台', '楼顶', '屋顶', '反锁', '告别', '遗书', '点火', '打火机'], span: 30 },
      // charcoal burnt in a sealed room ("屋里有炭味 门缝都用胶带封了")
      { objects: ['炭火', '炭味', '木炭', '炭盆', '烧炭', '炭烟'], symptoms: ['胶带', '封住', '封死', '封了', '封起来', '封上', '堵住', '塞住'], span: 30, notInMessage: ['烧烤', '烤', '火锅', '买', '卖', '打包', '快递', '袋子'] },
      // a farewell to the group in plain words, then silence ("发了一句“对不起大家，我走了” 然后就不回消息了")
      {
        objects: [/(?:对不起|抱歉|谢谢|再见了?|永别了?)(?:大家|各位|你们|所有人)[^。！？!?]{0,4}(?<!先)我走了/],
        symptoms: ['不回', '没回', '打不通', '联系不上', '不接', '关机', '不开门', '没人开门', '敲门', '没动静'],
        span: 60,
      },
      // charcoal smelt from a room locked from inside ("反锁在房里 … 门缝里有烧炭的味道 敲门不开")
      { objects: ['烧炭', '炭味', '炭火', '炭烟'], symptoms: ['反锁', '敲门不开', '不开门', '没人开门', '叫不应', '打不通'], span: 40, notInMessage: ['烧烤', '烤', '火锅', '买', '卖', '打包', '快递'] },
      // out over a rail or a ledge and deaf to calls ("翻到阳台栏杆外面去了 站在外沿上 喊也不理"), not a worker on a rope
      {
        objects: [/(?:阳台|窗户?|楼顶|天台)的?(?:栏杆|护栏|围栏)外/, '外沿', '窗沿', '楼沿'],
        symptoms: ['站在', '翻到', '翻出', '翻过', '爬到', '不理', '劝'],
        span: 20,
        notInMessage: ['工人', '师傅', '安全绳', '擦玻璃', '安装', '维修', '施工', '花盆', '晾'],
      },
    ],
  },
  {
    kind: 'child_danger',
    level: 'emergency',
    labelZh: '儿童险情',
    pairs: [
      {
        objects: CHILD,
        symptoms: [
          // in the road, playing with fire, standing on a sill
          '马路中间', '路中间', '玩火', '玩打火机', '点火玩', '点纸', '玩插座', '玩煤气', /(?:站|企|坐|蹲|爬)(?:了|着)?(?:在|到|上)?窗台/,
          // (outside the window and down on the ground, a flowerbed or a yard, is no ledge: "孩子在窗户外面的花坛玩")
          '爬到窗', '窗台外', /窗(?:户|子)?外(?![面头边]?的?(?:花坛|草坪|草地|院子|空地|地上|路上|路边|楼下|操场|广场|花园|树下|沙池|滑梯|停车场))/, '探出', '窗台上', '爬上窗', '阳台外', '爬到阳台', '爬上阳台', '栏杆上', '护栏上', '挂在', '悬在', '掉进', '掉下去', '落水', '掉到水', '冰面', '冰上', '锁在车里', '困在车里', '爬出', '爬上护栏', '爬到栏杆',
          '车里锁着', '锁车里', '关在车里', '关车里', '车里关着', '留在车里', '落在车里', /(?:车|suv|轿车|面包车)[^，。！？,.!?\s]{0,3}里(?:面)?(?:锁|关|困)着/,
          // fallen in head first
          '栽进', '头朝下',
          /爬(?:到|上|出)了?[^，。！？,.!?\s]{0,3}(?:窗|外机|空调|阳台|栏杆|护栏|楼顶|天台|屋顶)/, '外机上',
          // standing or sitting on a parapet or a rail's edge ("站在女儿墙上")
          /(?:站|坐|爬|蹲|走|趴)(?:在|到|上)(?:了)?[^，。！？,.!?\s]{0,3}(?:护墙|女儿墙)/,
          // shut in a car, outside a balcony's rail or a window ("suv里面锁着个小孩", "阳台护栏外面", "窗子外头")
          /(?:车|suv)(?:里|里面|里头|内)(?:锁|关|留)着/, /(?:阳台|窗户?|窗子)的?(?:护栏|栏杆)外/, /窗(?:子|户)外[头面边](?!的?(?:花坛|草坪|草地|院子|空地|地上|路上|路边|楼下|操场|广场|花园|树下|沙池|滑梯|停车场))/],
      },
      // a child who climbed out past a window or a rail, the stair or floor it is on named between ("娃儿 一个人爬到消防楼梯的
      // 窗子外头去了"): the climb and the outside of it both told, so the child may stand further off
      {
        objects: CHILD,
        symptoms: [/(?:爬|翻|钻)(?:到|上|出|过)(?:了)?[^，。！？,.!?\s]{0,8}(?:窗|阳台|栏杆|护栏)(?:子|户|台)?的?(?:外[头面边]?)/],
        span: 24,
      },
      // stuck down a pit, a well or a tank ("小弟弟钻进地下室那个积水坑里出不来了")
      { objects: CHILD, symptoms: [/(?:坑|井|沟|缸|池|洞|管|水)里(?:面|头)?(?:出不来|上不来|爬不出)/], span: 24 },
      // alone by water or a drop, no grown-up with them ("一个小孩在河边 没大人")
      {
        objects: CHILD,
        symptoms: [/(?:湖|河|池塘|鱼塘|水池|水塘|江|海|泳池|水库|井|水)边/, '马路上', '楼顶', '天台', '顶楼', '屋顶', '车道', '路口', '马路边'],
        within: ['一个人', '没大人', '没有大人', '大人不在', '找不到大人', /大人[^，。！？,.!?\s]{0,3}(?:不知道|不晓得)?(?:去哪|跑哪|哪去)/, '没人管', '没人看', '快掉', '要掉', '没护栏', '没有护栏', /(?:没|不见|没有)(?:看到|看见|见到)(?:有)?(?:大人|家长)/],
        span: 20,
      },
      // a child gone missing, with a plea to look ("孙女一转眼不见了 … 各位帮我找找")
      {
        objects: [/(?:孙女|孙子|孩子|小孩|女儿|儿子|闺女|宝宝|娃|小朋友)(?:一转眼|转眼|一眨眼|眨眼|突然|一下子)?(?:就)?(?:不见了|走丢了|找不到了|跑丢了)/],
        symptoms: ['帮我找', '帮忙找', '找找', '一起找', '帮着找', '有没有人看到', '有没有人看见', '谁看到', '谁看见'],
        span: 60,
      },
      // a child shut in a discarded box or freezer, heard from outside ("废弃的冰柜里传出小孩的敲打声 盖子打不开")
      {
        objects: [/(?:冰柜|冰箱|衣柜|柜子|箱子|洗衣机|后备箱|行李箱|储物箱|集装箱)(?:里|内)/],
        symptoms: [/(?:敲|拍|撞)(?:打)?的?声/, '哭声', '喊声', '呼救', '在哭', '哭喊', '喊救命', '出不来'],
        within: CHILD,
        span: 20,
      },
      // half a small body already out over a drop ("婴儿趴在床边 半个身子已经探出来了")
      { objects: CHILD, symptoms: [/半个身子[^，。！？,.!?]{0,4}(?:探|伸|挂|悬)出/], span: 30 },
    ],
    // the child's ball or shoe fell in, not the child ("孩子的皮球掉进沟里了")
    notWith: [/(?:孩子|小孩|儿子|女儿|宝宝|娃|孙子|孙女|小朋友)的[^，。！？,.!?\s]{1,4}(?:掉|落)/],
  },
  {
    kind: 'violence',
    level: 'emergency',
    labelZh: '持械伤人',
    category: 'public_security',
    terms: ['持刀', /(?:拿|持|举|挥|提|抄|拎|握)(?:着|起|住)?(?:一|把|一把|根|一根)?(?:菜刀|刀|砍刀|水果刀|铁棍|棍子|斧头|钢管|铁管)/, /(?:喊|嚷|叫|吼|扬言)(?:着)?(?:说)?要(?:杀|砍|捅|弄死)(?![鸡鸭鱼猪牛羊价毒虫])/, '砍人', '捅人', '杀人了', '杀人啦', '头破血流', '打得流血', '持械', '家暴', /(?<!一键)呼救(?![器铃钮按系装])/, '喊救命', /打(?:老婆|老公|女人|老人)/, /(?:在|又|往死里)打(?:孩子|小孩|媳妇)/, /(?:在|还|又|正在|动手)打人/, '打伤人', '砸车', '砸人', '追着砍',
      /(?:拿|持|举|抄|用)(?:着|起)?[^，。！？,.!?]{0,3}(?:砖头|酒瓶|石头|锤子|铁锹|板凳)[^，。！？,.!?]{0,6}(?:砸|打|砍|追)/,
      // kicking or beating someone, on the ground too ("一直在踹地上的老人"); a victim crying out to stop ("哭着喊别打了")
      // (the verb first and what stands before it looked back at: a pattern that starts with a plain character is scanned fast)
      /[踹踢揍](?<=(?:在|又|还在|一直|往死里|使劲|狠狠地?)[踹踢揍])(?:(?:地上|倒在地上|倒地|躺着|楼道里|门口|路边)的)?(?:老人|孩子|小孩|媳妇|老婆|女人|女的|老太太|老头|大爷|人)/,
      /打(?<=(?:哭|喊|叫|求)着?(?:喊|叫)?(?:说|他|她)?(?:别|不要)再?打)(?:了|我)/],
    pairs: [
      // a child crying out while beaten ("小孩哭喊 还有大人打骂的声音")
      { objects: ['打骂', '挨打', '揍', '抽打', /(?:大人|家长|男的|女的|爸|妈)[^，。！？,.!?\s]{0,3}打/], symptoms: ['哭喊', '惨叫', '哭叫', '求饶', '尖叫', '哭嚎', '哭着喊'], span: 24 },
      { objects: ['打起来', '打架', '打人', '动手', '斗殴', '追着打', '围殴', '群殴', /围着[^，。！？,.!?]{0,8}打/], symptoms: ['刀', '棍', '砖头', '流血', '血', '凶器', '棒', '酒瓶', '钢管', '铁管', '头破', '板砖', '扳手', '锤'], span: 24 },
      // a plea to stop beside screams, thuds or a call to the police ("别打了 … 孩子在尖叫 … 撞墙声")
      { objects: ['别打了', '不要打了', '别打我', '不要打我'], symptoms: ['尖叫', '惨叫', '哭喊', '撞墙', '报警', '110', '救命'], span: 30 },
      // a quarrel next door with a woman or child crying and thuds ("又在吵 … 女的一直在哭 还有撞墙的声音")
      { objects: ['撞墙', '摔东西', '砸东西', '扇耳光', '打骂声'], symptoms: [/(?:女的|女人|老婆|媳妇|孩子|小孩)[^，。！？,.!?]{0,4}(?:哭|尖叫|求饶|喊救命)/], within: ['吵', '打', '骂'], span: 30 },
      // a stranger following or grabbing a child ("不认识的男人跟着小孩 还拽他")
      {
        objects: ['陌生男', '陌生女', '陌生人', '陌生的', '怪叔叔', '不认识的', '不认识他', '不认识她', '不认识这个人', '不认识这人', '不认识那个人', '不认识那人', '醉汉', '喝醉的', '酒鬼', '疯子'],
        symptoms: ['跟着', '尾随', '拉她', '拉他', '去拉', '拽', '抱走', '拖走', '带走', '拉着', '搂'],
        within: [...CHILD, '女孩', '男孩', '学生', '小姑娘', '女生'],
        span: 24,
      },
      // someone dragged into a vehicle crying out ("往面包车上拽 她一直喊救命")
      {
        objects: ['往车上', '往车里', '往面包车', '上面包车', '进面包车', ...['拖', '拽', '拉', '塞', '推', '抱', '扯'].flatMap((v) => [`${v}上车`, `${v}进车`])],
        symptoms: ['不认识', '救命', '尖叫', '呼救', '放开我', '放开她', '放开他'],
        span: 30,
      },
      // a stranger forcing the door of a home with someone inside ("有个男的一直在撬锁 … 里面有人还在踹门 我已经报警了")
      {
        objects: [/(?:撬|踹|砸|踢)[^，。！？,.!?\s]{0,3}(?:锁|门)/],
        symptoms: ['报警', '110', '救命', '帮帮', '出来看', '吓死'],
        within: ['在家', '里面有人', '屋里有人', '家里有人', '一个人'],
        span: 40,
        // (a locksmith called to open one's own door)
        notInMessage: ['开锁师傅', '开锁公司', '撬锁师傅', '锁匠', '钥匙'],
      },
    ],
    notWith: ['切菜', '菜刀店', '磨刀'],
  },
];
