// Hazard rules of a life at risk by one's own hand (轻生): said, shown on a roof or a window, pills or charcoal. Part of
// HARM_HAZARDS (harm-hazards.ts), first.
import type { HazardRule } from './hazard-rules.ts';

export const SUICIDE_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'suicide',
    level: 'emergency',
    // a person in danger of their life is the police's and the community's, never a repair (the model filed 有人要跳楼，在6号楼顶上 as 设施维修)
    category: 'public_security',
    labelZh: '轻生风险',
    // (跳搂: 跳楼 typed in a hurry)
    terms: [/(?<!我要?)跳[楼搂](?!价|甩卖|大甩卖)/,
      // crying out that they will not live ("嘴里喊着不活了"; not said in passing: "有人说不活了，太累了")
      /(?:喊|嚷|哭|闹)(?:着)?(?:说)?(?:我)?不(?:想)?活了/, /(?:喊|嚷|闹|哭|吵)(?:着)?(?:说)?(?:要|想)跳(?:楼|下去)(?![^，。！？,.!?]{0,4}(?:游泳|玩|水))/, /翻(?:过|出|到)(?:了)?(?:栏杆|护栏|围栏|阳台外|窗外|窗户外|楼顶边|天台边)/, '轻生', '自杀', '想不开', '寻短见', '割腕', '不想活', '活不下去', '活着没意思', '寻死',
      // out through a window (a child's climbing is child_danger), crying to be let go ("在喊别拦我"), or a threat to take
      // others along ("说要开煤气跟大家一起死")
      /(?<!孩子|小孩|朋友)爬(?:到|出)(?:了)?窗(?:户|子)?外/, /(?:喊|叫|嚷|哭)(?:着)?(?:说)?(?:别拦我|不要拦我|别管我|让我死)/, /(?:要|想)(?:开煤气|开燃气|烧炭)[^，。！？,.!?]{0,6}(?:一起死|同归于尽)/, '一了百了', '烧炭', /说(?:要|想)去死/, /喝(?:了)?农药/, '吞药',
      // a poison or a whole bottle of pills swallowed ("吞了大半瓶安眠药", "喝了敌敌畏")
      /(?:吃|吞|喝|服)(?:了|下)?(?:一|整|大半|半|好几|好多|很多)?(?:整)?(?:瓶|盒|板|把|片)?(?:的)?(?:安眠药|农药|敌敌畏|百草枯|老鼠药|鼠药|除草剂)/, /(?:吃|吞|服)(?:了|下)?(?:一|整|大半|半)(?:整)?(?:瓶|盒|板|把)[^，。！？,.!?\s]{0,2}药/,
      // a wish to jump from a height of one's home ("真想从阳台跳下去"), as 想跳楼 is read
      /(?<!不|别|没)想从(?:自家|家里|我家)?(?:的)?(?:阳台|窗户?|窗口|窗台|楼顶|天台|楼上|\d+\s*楼|[一二三四五六七八九十]+楼)(?:上)?跳下去/],
    // (笑 of a joke, not of "不是开玩笑的"; 取暖 of charcoal burnt for warmth)
    notWith: ['烤', '火锅', /笑(?<!不是(?:开)?玩笑)/, '累', '热', '困', '饿', '哈哈', '取暖',
      // a thing forbidden ("我肯定不让我爸妈在屋里烧炭")
      /不(?:让|许|准|叫|要|敢|能)[^，。！？,.!?]{0,8}(?:烧炭|开煤气|开燃气)/],
    termGroups: [
      // someone gone into a river or a lake ("有人跳河了！！"), not a swim
      {
        terms: [/(?<![我要想])跳(?:河|江|湖|海|水库|池塘)(?:了|啦|自杀|轻生)/],
        notWith: ['烤', '累', '热', '哈哈'],
        notInMessage: ['游泳', '冬泳', '野泳', '跳水', '玩水', '戏水', '比赛', '龙舟', '救生员', '哈哈'],
      },
    ],
    pairs: [
      // said they would jump, someone holding them or calling for help now ("说要从窗户跳下去 我现在拉着他 快上来个人")
      // (a reason between: "说老板欠薪要跳下去"; or already over the edge: "人已经翻到吊篮外面了")
      {
        objects: [/说(?:[^，。！？,.!?\s]{0,8}(?:就|要|想)|(?:要|想))(?:从[^，。！？,.!?\s]{1,6})?跳(?:楼|下去)/],
        // (or help asked for them: "同学在群里说要从阳台跳下去 … 求助")
        symptoms: [/拉(?:着|住)(?:他|她)/, /拽(?:着|住)/, /(?:在|一直)劝/, '劝不住', '快上来', '快来', '报警', '110', '拦着', '拦住', '求助', '救救', '快叫人',
          /(?:翻|爬|跨|站)(?:到|出|在|过)(?:了)?[^，。！？,.!?\s]{0,4}外(?:面|边|头|侧)?/],
        span: 40,
        notInMessage: ['游泳', '跳水', '蹦极', '滑梯', '蹦床', '哈哈'],
      },
      // a vow to die tonight, then a door locked and no answer ("刚发朋友圈说今晚就去死 她门反锁了 敲不开"), not the Dead Sea
      {
        objects: [/说[^，。！？,.!?\s]{0,4}(?:就|要|想)去死(?!海)/],
        symptoms: ['反锁', '敲不开', '不开门', '没人开门', '没人应', '叫不应', '打不通', '不接', '联系不上', '关机', '没动静', '没回'],
        span: 40,
        notInMessage: ['哈哈', '笑死', '开玩笑', '游戏'],
      },
      // pills saved up to be taken all at once, and the one who heard it uneasy ("说她把药都囤好了，等儿子回来就吃掉，我听着不
      // 对劲"), not medicine stocked for the holiday ("我妈把降压药都囤好了 等过年回老家吃")
      {
        objects: [/(?:药|安眠药|药片)(?:都|全|全部)?(?:囤|攒|存|备|留)(?:好|够|齐|下)(?:了)?/, /(?:囤|攒|存)(?:了)?(?:一|整|好几|好多|很多|大半)(?:瓶|盒|板|把)[^，。！？,.!?\s]{0,2}(?:安眠药|药)/],
        // (all at once, not a dose: "一次吃一片")
        symptoms: [/(?:全|都|一口气|一起|一下子)(?:都)?(?:吃|吞|服)(?:掉|下去|光|完|了)?/, /(?:吃|吞)(?:掉|光)/],
        within: ['不对劲', '不对', '不太对', '吓人', '害怕', '劝', '想不开', '吓死'],
        span: 60,
      },
      // a last look at the sun or the world posted, then no answer and a locked door ("发朋友圈说最后一次见太阳，现在电话不接，
      // 屋里门锁着")
      {
        objects: [/最后一次(?:见|看|晒)(?:到|见)?(?:一次)?(?:太阳|日出|日落|阳光|这个世界|世界|大家|你们|天空)/, /最后(?:一条|一次发)朋友圈/],
        symptoms: ['不接', '打不通', '联系不上', '关机', '不回', '没回', '门锁着', '锁着', '反锁', '没人开门', '不开门', '敲门'],
        span: 60,
      },
      // a rope taken into a room or a garage and the door shut behind ("他拿着绳子把自己关在车库里"), not a load to tie
      {
        objects: [/(?:拿|带|拎|提|揣)(?:着|了)?(?:一根|根|一捆|捆)?(?:绳子|绳|麻绳|绳索)/],
        symptoms: [/把自己(?:反)?(?:关|锁)(?:在|进)/, '反锁'],
        span: 30,
        notInMessage: ['跳绳', '晾', '捆行李', '打包', '拔河', '搬', '健身', '狗', '猫'],
      },
      // saying they will jump into a river and heading there ("醉汉一直说他要跳河，往河边走了，我拉不住")
      {
        objects: [/(?:说|喊|嚷|叫|闹)(?:着)?[^，。！？,.!?\s]{0,3}(?:要|想)跳(?:河|江|湖|海|水库|池塘)/],
        symptoms: [/(?:往|朝|向)[^，。！？,.!?\s]{0,6}(?:河|江|湖|海|水库|池塘)/, '拉不住', '劝不住', '拦不住', '报警', '快来', '110'],
        span: 40,
        notInMessage: ['游泳', '冬泳', '野泳', '跳水', '玩水', '比赛', '哈哈', '凉快'],
      },
      // a rope tied to a rail or a beam, the person held back or help called ("往扶手上绑绳子 我把他拉住了 快来人"), not a
      // line for washing or for a load
      {
        objects: [/(?:扶手|栏杆|护栏|横梁|房梁|窗框|门框|吊扇|暖气管|水管|晾衣杆)上?[^，。！？,.!?\s]{0,2}(?:绑|系|拴|挂|套)(?:了|着)?(?:根|一根|个)?(?:绳|绳子|绳套|布条|围巾|腰带|皮带|电线)/],
        symptoms: [/(?:拉|拽|拦|抱)(?:住|着)/, /把(?:他|她)(?:拉|拽|拦|抱)(?:住|下来|回来)/, '打结', '打了个结', '绳套', '脖子', '快来人', '快来', '报警', '110', '劝'],
        span: 40,
        notInMessage: [/晾(?!衣杆|衣架|衣绳)/, '晒', '被子', '衣服', '拉货', '搬', '施工', '工人', '装修', '打包', '拔河', '健身', '狗', '猫'],
      },
      // someone standing outside a bridge's or a roof's railing, not answering ("站在桥栏杆外面 我喊他他不理")
      {
        // (the 在 dropped when typed fast: "站楼顶栏杆外面")
        objects: [/(?:站|坐|蹲|爬)(?:在|到)?(?:了)?[^，。！？,.!?\s]{0,4}(?:栏杆|护栏|围栏|扶栏)(?:的)?外(?:面|头|边|侧)?/],
        symptoms: ['不理', '不回', '喊他', '喊她', '劝', '110', '往下看', '哭', /要跳(?![舞绳槽操远高])/, '报警', '拉不'],
        span: 30,
        notInMessage: ['施工', '干活', '工人', '刷漆', '维修', '检修', '安装', '装空调', '装外机', '师傅', '钓鱼', '拍照'],
      },
      // someone on a roof or a bridge saying they cannot go on, held by a neighbour ("在楼顶 说考砸了没脸回家 我在旁边稳着他")
      {
        objects: ['楼顶', '天台', '顶楼', '屋顶', '桥上'],
        symptoms: ['没脸', '不想活', '活不下去', '活着没意思', '考砸', /稳(?:着|住)(?:他|她)/],
        span: 30,
      },
      // a farewell posted beside pills ("发朋友圈说再见了还发了安眠药的照片")
      { objects: ['安眠药', '农药', '敌敌畏', '刀片', '遗书'], symptoms: ['再见', '永别', '告别', '别了', '对不起大家', '下辈子'], span: 24 },
      {
        objects: ['天台', '楼顶', '窗台', '栏杆外', '屋顶', '阳台外', '护栏外', '外沿', '窗沿', '楼沿'],
        symptoms: [/要跳(?![舞绳槽操远高])/, '往下跳', '坐着一个', '站着一个', '往下看', '坐在边', '站在边', '站着', '坐着', '边上', '边缘', '伸到外面', '坐在',
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
      // standing on an air-conditioner unit outside a window, crying or looking down ("站在空调外机上 一直在哭"), not a
      // fitter at work there
      { objects: [/(?:站|坐|蹲)(?:在|到)(?:了)?[^，。！？,.!?\s]{0,3}外机(?:上|架)/], symptoms: ['在哭', '哭着', '一直哭', '大哭', '往下看', '劝'], span: 20 },
      // … or sitting outside a high window, crying ("有个小伙子坐在11楼窗户外面 一直在哭")
      { objects: [/(?:站|坐|蹲)(?:在|到)(?:了)?[^，。！？,.!?\s]{0,5}(?:窗户?|窗子|窗台)(?:的)?外(?:面|边|头|侧)/], symptoms: ['在哭', '哭着', '一直哭', '大哭', '往下看', '劝', '快叫人'], span: 24,
        notInMessage: ['花坛', '草坪', '院子', '乘凉', '晒太阳', '擦窗', '师傅', '工人', '安全绳'] },
      // outside a window, about to jump (not "窗外坐着人乘凉")
      // (or held by family pulling from inside: "站在窗台外面，她家里人在里面拉她")
      { objects: ['窗外', '窗户外', '窗台外'], symptoms: ['往下跳', /[想要]跳(?![舞绳槽操远高])/, '跳下', '劝不下来', '劝不住', '劝不动', /拉(?:着|住)?(?:她|他)(?!的)/, '拽着', '拉不回'], span: 20 },
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
      { objects: ['烧炭', '炭味', '炭火', '炭烟'], symptoms: ['反锁', /锁(?:着|了)?门(?:不出来)?/, '敲门不开', '不开门', '没人开门', '叫不应', '打不通'], span: 40, notInMessage: ['烧烤', '烤', '火锅', '买', '卖', '打包', '快递'] },
      // out over a rail or a ledge and deaf to calls ("翻到阳台栏杆外面去了 站在外沿上 喊也不理"), not a worker on a rope
      {
        objects: [/(?:阳台|窗户?|楼顶|天台)的?(?:栏杆|护栏|围栏)外/, '外沿', '窗沿', '楼沿'],
        symptoms: ['站在', '翻到', '翻出', '翻过', '爬到', '不理', '劝'],
        span: 20,
        notInMessage: ['工人', '师傅', '安全绳', '擦玻璃', '安装', '维修', '施工', '花盆', '晾'],
      },
      // at the edge of a roof, crying or looking down ("顶楼边上站着 一边哭一边往下看")
      {
        objects: [/(?:顶楼|楼顶|天台|屋顶)(?:的)?(?:边上|边缘|边沿|外沿|边)/],
        symptoms: ['哭', '往下看', '往下望', '不肯下来', '劝'],
        span: 24,
        notInMessage: ['工人', '师傅', '安全绳', '擦玻璃', '安装', '维修', '施工', '晾', '拍照'],
      },
    ],
  },
];
