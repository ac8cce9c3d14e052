// Hazard rules of harm from someone else (持刀打人, 尾随跟踪): weapons, fights, threats, a person followed home. Part of
// HARM_HAZARDS (harm-hazards.ts), last.
import type { HazardRule } from './hazard-rules.ts';
import { CHILD } from './people-terms.ts';

export const VIOLENCE_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'violence',
    level: 'emergency',
    labelZh: '持械伤人',
    category: 'public_security',
    terms: ['持刀', /(?:拿|持|举|挥|提|抄|拎|握)(?:着|起|住)?(?:一|把|一把|根|一根)?(?:菜刀|刀|砍刀|水果刀|铁棍|棍子|斧头|钢管|铁管)/, /(?:喊|嚷|叫|吼|扬言)(?:着)?(?:说)?要(?:杀|砍|捅|弄死)(?![鸡鸭鱼猪牛羊价毒虫])/, '砍人', '捅人',
      // a knife in someone's hand ("那个男的手里有刀"), not a cook's
      /(?:他|她|男的|女的|那人|那个人|有人|醉汉|疯子|那家伙)手(?:里|上)(?:还)?(?:拿着|有|握着|攥着|提着|拎着)(?:一)?(?:把)?(?:刀|菜刀|砍刀|水果刀|斧头|匕首)/,
      // someone stabbed ("有人被捅了"; not a tree cut down: "杉树被人砍了")
      /(?:人|他|她|老人|孩子|小孩|保安|男的|女的|邻居|小哥|师傅|大爷|阿姨)被(?:人)?(?:捅|砍|刺)(?:了|伤|中)/, '杀人了', '杀人啦', '头破血流', '打得流血', '持械', '家暴', /(?<!一键)呼救(?![器铃钮按系装])/, '喊救命', /打(?:老婆|老公|女人|老人)/, /(?:在|又|往死里)打(?:孩子|小孩|媳妇)/, /(?:在|还|又|正在|动手)打人/, '打伤人', '砸车', '砸人', '追着砍',

      // (or brought down on a head: "拿砖头往脑袋上拍")
      /(?:拿|持|举|抄|用)(?:着|起)?[^，。！？,.!?]{0,3}(?:砖头|酒瓶|石头|锤子|铁锹|板凳)[^，。！？,.!?]{0,6}(?:砸|打|砍|追|抡|(?:头|脑袋|脑壳)上(?:拍|敲))/,
      // kicking or beating someone, on the ground too ("一直在踹地上的老人"); a victim crying out to stop ("哭着喊别打了")
      // (the verb first and what stands before it looked back at: a pattern that starts with a plain character is scanned fast)
      /[踹踢揍](?<=(?:在|又|还在|一直|往死里|使劲|狠狠地?)[踹踢揍])(?:(?:地上|倒在地上|倒地|躺着|楼道里|门口|路边)的)?(?:老人|孩子|小孩|媳妇|老婆|女人|女的|老太太|老头|大爷|人)/,
      /打(?<=(?:哭|喊|叫|求)着?(?:喊|叫)?(?:说|他|她)?(?:别|不要)再?打)(?:了|我)/,
      /(?:强行|硬)(?:把|将)?[^，。！？,.!?\s]{0,6}(?:塞|拽|拖|推)(?:进|上)(?:了)?车/],
    pairs: [
      // someone dragged or pushed into a car, crying out or by a stranger ("拽着一个姑娘往车里塞 姑娘在叫"), not a parent
      // lifting a child in
      {
        objects: [/(?:拽|拖|拉|扯|推|抱|扛|架|把)(?:着|住)?(?:一个|个|那个)?(?:小孩|孩子|姑娘|小姑娘|女孩|女的|女生|女人|妇女|老人|人|男孩|学生)[^，。！？,.!?\s]{0,2}往[^，。！？,.!?\s]{0,3}车(?:里|上)(?:塞|拖|拽|推|拉)/],
        symptoms: ['在叫', '在哭', '哭喊', '尖叫', '大叫', '挣扎', '救命', '陌生', '不认识'],
        span: 30,
      },
      // a robbery with someone knocked down or a knife ("在车库里抢包 把一个阿姨推倒了"), not one told after the robber has
      // gone ("被抢了包"), nor 抢红包, nor a figure ("借…之名抢劫")
      {
        objects: ['抢劫', /抢(?:了|走)?(?:个|一个)?(?:包|钱包|挎包|项链|金链子|金项链|耳环)/],
        symptoms: ['推倒', '拽倒', '拖倒', '打倒', '撞倒', '摔倒', '倒在地', '刀', '追着', '正在', '快来', '救命', '受伤', '流血'],
        span: 24,
      },
      // a child crying out while beaten ("小孩哭喊 还有大人打骂的声音")
      { objects: ['打骂', '挨打', '揍', '抽打', /(?:大人|家长|男的|女的|爸|妈)[^，。！？,.!?\s]{0,3}打/], symptoms: ['哭喊', '惨叫', '哭叫', '求饶', '尖叫', '哭嚎', '哭着喊',
        // crying its heart out, blows heard ("小孩哭得撕心裂肺大人在打", "有打击声")
        '撕心裂肺', '打击声', '拍打声'], span: 24 },
      // (干起来, 掐起来 of two people fighting, not work begun: "师傅们干起来很快")
      // (打价, 打架 typed in a hurry; not 打价格战, a price tag)
      { objects: ['打起来', /(?:俩|两个|几个|两人|两口子|夫妻|[他她]们)[^，。！？,.!?\s]{0,3}(?:干|掐)起来/, '打架', /打价(?![格签钱位码])/, '打人', '动手', '斗殴', '追着打', '围殴', '群殴', /围着[^，。！？,.!?]{0,8}打/], symptoms: ['刀', '棍', '砖头', '流血', '血', '凶器', '棒', '酒瓶', '钢管', '铁管', '头破', '板砖', '扳手', '锤'], span: 24 },
      // a fight now with the police or the guards called for ("快报警 楼下在打群架", "车库有人打架 快叫保安"), not one told of
      // the past or at school
      {
        objects: ['打起来', '打架', '打群架', '群架', '斗殴', '群殴', '围殴', /(?:俩|两个|几个|两人|两拨|一群)[^，。！？,.!?\s]{0,3}(?:干|掐)起来/],
        symptoms: [/(?:快|赶紧|赶快|快点)(?:帮忙)?(?:报警|打110|叫保安|叫警察|喊保安)/, '快来人', '救命'],
        span: 24,
        notInMessage: ['学校', '老师', '游戏', '王者', '比赛', '球', '电视', '剧', '哈哈', '以前', '上次', '昨天', '去年'],
      },
      // a weapon in hand, chasing people or threatening to kill ("拿着酒瓶说要杀人", "拿棍子追小学生")
      { objects: [/(?:拿|持|举|抄|拎|提|抡)(?:着|起)?[^，。！？,.!?\s]{0,3}(?:刀|棍|棒|酒瓶|砖|锤|铁锹|钢管|铁管|斧)/], symptoms: [/(?:说|喊|嚷|叫|吼)(?:着)?(?:要)?(?:杀|砍|弄死|捅)/, /追(?:着)?(?:人|小学生|学生|孩子|小孩|路人|老人)/], span: 30 },
      // a plea to stop beside screams, thuds or a call to the police ("别打了 … 孩子在尖叫 … 撞墙声")
      { objects: ['别打了', '不要打了', '别打我', '不要打我'], symptoms: ['尖叫', '惨叫', '哭喊', '撞墙', '报警', '110', '救命'], span: 30 },
      // a quarrel next door with a woman or child crying and thuds ("又在吵 … 女的一直在哭 还有撞墙的声音")
      { objects: ['撞墙', '摔东西', '砸东西', '扇耳光', '打骂声'], symptoms: [/(?:女的|女人|老婆|媳妇|孩子|小孩)[^，。！？,.!?]{0,4}(?:哭|尖叫|求饶|喊救命)/], within: ['吵', '打', '骂'], span: 30 },
      // a stranger following or grabbing a child ("不认识的男人跟着小孩 还拽他")
      {
        objects: ['陌生男', '陌生女', '陌生人', '陌生的', '怪叔叔', '不认识的', '不认识他', '不认识她', '不认识这个人', '不认识这人', '不认识那个人', '不认识那人', '醉汉', '喝醉的', '酒鬼', '疯子'],
        // (or pulling a child into a car: "陌生男的一直在拉一个小女孩上车")
        symptoms: ['跟着', '尾随', '拉她', '拉他', '去拉', '拽', '抱走', '拖走', '带走', '拉着', '搂', /(?:拉|扯|拖|抱)[^，。！？,.!?\s]{0,6}(?:上车|进车|上了车)/],
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
    termGroups: [
      // a fight broken out at a flat or a place in the estate, again or now ("302又打起来了", "楼下又打起来了"), not a game, a
      // match, a show, animals or children at play ("王者里打起来了", "楼下两只狗打起来了")
      {
        terms: [/(?:\d{3,4}|\d+\s*(?:楼|栋|号楼|单元|层|号)|楼上|楼下|隔壁|对门|对面|楼道里?|门口|走廊|院子里|车库|停车场|广场|楼梯间?)(?:的|那家|那户|家|那边|这边|有人|那里)?(?:两口子|夫妻俩?|俩口子|两个人|几个人|一家人?|男的|女的)?(?:又|在|正在|已经|突然)?(?:打起来|打架|干起来|打人)(?:了|啦)/,
          /(?:\d{3,4}|\d+\s*(?:楼|栋|号楼|单元|层|号)|楼上|楼下|隔壁|对门|对面)(?:的|那家|那户|家)?(?:两口子|夫妻俩?|俩口子|两个人|一家人?|男的|女的)?又(?:在)?(?:打起来|打架|干起来|打人)/],
        notWith: ['游戏', '王者', '吃鸡', '比赛', '球', '电视', '剧', '视频', '直播', '狗', '猫', '鸡', '鹅', '小孩', '孩子', '价格', '没打', '不是'],
        // (a laugh or a card table anywhere in it: "又打起来了 哈哈 为了打牌")
        notInMessage: ['哈哈', '笑死', '打牌', '麻将', '斗地主', '掼蛋', '游戏', '王者', '吃鸡', '看球', '球赛'],
      },
    ],
    // (a game, or a friend who "stabbed one in the back": "打游戏被人捅了一刀", "被闺蜜背后捅刀")
    // (nor hail on a car: "冰雹砸车上哐哐响")
    notWith: ['切菜', '菜刀店', '磨刀', '游戏', '背后', '队友', '打屁股', '冰雹', '雹子'],
  },
  {
    // someone followed home, again and again ("老有个男的跟着她 从菜场一路跟到单元门口"): at least urgent, for the patrol
    // and the police to look at before it turns to harm
    kind: 'stalking',
    level: 'urgent',
    labelZh: '尾随跟踪',
    category: 'public_security',
    terms: [/被(?:人|陌生人|一个男的|个男的|男的|一个人|坏人)?(?:跟踪|尾随)/],
    pairs: [
      {
        objects: [/(?:男的|男人|男子|陌生人|陌生男|怪人|不认识的人|有个人|有人)[^，。！？,.!?\s]{0,6}(?:跟着|跟在|跟踪|尾随|跟到|跟进|跟上)/,
          /(?:看见|看到|见到|等)(?:女的|女生|小姑娘|女孩|姑娘|有人)[^，。！？,.!?\s]{0,4}(?:就)?(?:跟着|跟上|尾随|跟进)/],
        symptoms: ['单元门', '楼下', '家门口', '门口', '电梯', '上楼', '楼道', '楼梯', '回家', '进小区', '到家'],
        within: ['老', '总', '最近', '好几', '这几天', '天天', '每天', '一路', '害怕', '吓', '不敢', '盯着', '几次', '每晚', '每天晚上', '每次', /(?:这|一|整)(?:周|星期|个月)/, '连续'],
        span: 30,
      },
    ],
    // (a feeling of being followed is a worry for the patrol's rounds, not a report: "总感觉有人跟着")
    notWith: ['狗', '猫', '宠物', '快递', '外卖', '感觉', '觉得'],
  },
];
