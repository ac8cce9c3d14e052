// Hazard rules of a life at risk from someone (轻生, 小孩危险, 持刀打人): self-harm, a child unwatched near a drop or
// water, violence. Part of PEOPLE_HAZARDS.
import type { Term } from '../triage/urgency.ts';
import type { HazardRule } from './hazard-rules.ts';
import { CHILD } from './people-terms.ts';

/** A child by itself, seen by whoever reports it: 自己 (not what it can do alone: 自己会游泳), no parent to be found. */
const ON_ITS_OWN: readonly Term[] = [/(?<=(?:孩|娃|女孩|男孩|朋友|宝宝|岁|孩子|小孩|囡|仔)[^，。！？,.!?\s]{0,2})自己(?!会|能|可以|家|的|玩得?很好)/, /找不到(?:家长|大人|爸妈|父母|家里人)/, /(?:家长|大人)[^，。！？,.!?\s]{0,3}(?:不在|没在|不见了|没跟着)/];

export const HARM_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'suicide',
    level: 'emergency',
    // a person in danger of their life is the police's and the community's, never a repair (the model filed 有人要跳楼，在6号楼顶上 as 设施维修)
    category: 'public_security',
    labelZh: '轻生风险',
    terms: [/(?<!我要?)跳楼(?!价|甩卖|大甩卖)/,
      // crying out that they will not live ("嘴里喊着不活了"; not said in passing: "有人说不活了，太累了")
      /(?:喊|嚷|哭|闹)(?:着)?(?:说)?(?:我)?不(?:想)?活了/, /(?:喊|嚷|闹|哭|吵)(?:着)?(?:说)?(?:要|想)跳(?:楼|下去)(?![^，。！？,.!?]{0,4}(?:游泳|玩|水))/, /翻(?:过|出|到)(?:了)?(?:栏杆|护栏|围栏|阳台外|窗外|窗户外|楼顶边|天台边)/, '轻生', '自杀', '想不开', '寻短见', '割腕', '不想活', '活不下去', '活着没意思', '寻死',
      // out through a window (a child's climbing is child_danger), crying to be let go ("在喊别拦我"), or a threat to take
      // others along ("说要开煤气跟大家一起死")
      /(?<!孩子|小孩|朋友)爬(?:到|出)(?:了)?窗(?:户|子)?外/, /(?:喊|叫|嚷|哭)(?:着)?(?:说)?(?:别拦我|不要拦我|别管我|让我死)/, /(?:要|想)(?:开煤气|开燃气|烧炭)[^，。！？,.!?]{0,6}(?:一起死|同归于尽)/, '一了百了', '烧炭', /说(?:要|想)去死/, /喝(?:了)?农药/, '吞药',
      // a poison or a whole bottle of pills swallowed ("吞了大半瓶安眠药", "喝了敌敌畏")
      /(?:吃|吞|喝|服)(?:了|下)?(?:一|整|大半|半|好几|好多|很多)?(?:整)?(?:瓶|盒|板|把|片)?(?:的)?(?:安眠药|农药|敌敌畏|百草枯|老鼠药|鼠药|除草剂)/, /(?:吃|吞|服)(?:了|下)?(?:一|整|大半|半)(?:整)?(?:瓶|盒|板|把)[^，。！？,.!?\s]{0,2}药/],
    // (笑 of a joke, not of "不是开玩笑的"; 取暖 of charcoal burnt for warmth)
    notWith: ['烤', '火锅', /笑(?<!不是(?:开)?玩笑)/, '累', '热', '困', '饿', '哈哈', '取暖',
      // a thing forbidden ("我肯定不让我爸妈在屋里烧炭")
      /不(?:让|许|准|叫|要|敢|能)[^，。！？,.!?]{0,8}(?:烧炭|开煤气|开燃气)/],
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
        objects: [/(?:站|坐|蹲|爬)(?:在|到)(?:了)?[^，。！？,.!?\s]{0,4}(?:栏杆|护栏|围栏|扶栏)(?:的)?外(?:面|头|边|侧)?/],
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
  {
    kind: 'child_danger',
    level: 'emergency',
    // a child in danger is the police's and the community's (the model filed a child locked in a car as 停车交通)
    category: 'public_security',
    labelZh: '儿童险情',
    pairs: [
      {
        objects: CHILD,
        symptoms: [
          // in the road, playing with fire, standing on a sill
          '马路中间', '路中间', '玩火', '玩打火机', '点火玩', '点纸', '玩插座', '玩煤气', /(?:站|企|坐|蹲|爬)(?:了|着)?(?:在|到|上)?窗台/,
          // (outside the window and down on the ground, a flowerbed or a yard, is no ledge: "孩子在窗户外面的花坛玩")
          '爬到窗', '窗台外', /窗(?:户|子)?外(?![面头边]?的?(?:花坛|草坪|草地|院子|空地|地上|路上|路边|楼下|操场|广场|花园|树下|沙池|滑梯|停车场|白茫茫|一片|雪|风景|景色|天))/, '探出', '窗台上', '爬上窗', '阳台外', '爬到阳台', '爬上阳台', '栏杆上', '护栏上', '挂在', '悬在', '掉进', '掉下去', '落水', '掉到水', '冰面', '冰上', '锁在车里', '困在车里', '爬出', '爬上护栏', '爬到栏杆',
          '车里锁着', '锁车里', '关在车里', '关车里', '车里关着', '留在车里', '落在车里', /(?:车|suv|轿车|面包车)[^，。！？,.!?\s]{0,3}里(?:面)?(?:锁|关|困)着/,
          // fallen in head first
          '栽进', '头朝下',
          // (粤 爬咗出窗台: 了 before the way out)
          /爬(?:了)?(?:到|上|出)了?[^，。！？,.!?\s]{0,3}(?:窗|外机|空调|阳台|栏杆|护栏|楼顶|天台|屋顶|防盗窗|防盗网)/, '外机上',
          // up on a balcony's flower stand ("一个人在阳台 爬到花架上了")
          /阳台[^。！？!?]{0,8}(?:爬|站|坐)(?:到|上|在)(?:了)?花架/,
          // sat on the window guard, legs dangling outside ("防盗窗上坐着个小孩腿在外面晃")
          '防盗窗上', '防盗网上', /腿(?:伸|挂)?在(?:窗)?外面/,
          // standing or sitting on a parapet or a rail's edge ("站在女儿墙上")
          /(?:站|坐|爬|蹲|走|趴)(?:在|到|上)(?:了)?[^，。！？,.!?\s]{0,3}(?:护墙|女儿墙)/,
          // shut in a car, outside a balcony's rail or a window ("suv里面锁着个小孩", "阳台护栏外面", "窗子外头")
          /(?:车|suv)(?:里|里面|里头|内)(?:锁|关|留)着/, /(?:车|suv)(?:里|里面|里头|内)(?:被)?(?:锁|关|困)了(?:个|一个|两个|俩)/, /(?:阳台|窗户?|窗子)的?(?:护栏|栏杆)外/, /窗(?:子|户)外[头面边](?!的?(?:花坛|草坪|草地|院子|空地|地上|路上|路边|楼下|操场|广场|花园|树下|沙池|滑梯|停车场))/],
      },
      // a child who climbed out past a window or a rail, the stair or floor it is on named between ("娃儿 一个人爬到消防楼梯的
      // 窗子外头去了"): the climb and the outside of it both told, so the child may stand further off
      {
        objects: CHILD,
        symptoms: [/(?:爬|翻|钻)(?:到|上|出|过)(?:了)?[^，。！？,.!?\s]{0,8}(?:窗|阳台|栏杆|护栏)(?:子|户|台)?的?(?:外[头面边]?)/],
        span: 24,
      },
      // fallen from a high floor ("有个小孩从18楼掉下来")
      { objects: CHILD, symptoms: [/从[^，。！？,.!?\s]{0,6}(?:\d+|[一二三四五六七八九十]+)\s*(?:楼|层)[^，。！？,.!?\s]{0,3}(?:掉|摔|坠|跌)(?:了)?下(?:来|去)/], span: 24 },
      // prising a lift's doors open, or rushing down a ramp into cars coming up ("熊孩子扒电梯门玩", "滑板车从地库坡道往下冲")
      { objects: CHILD, symptoms: [/扒(?:开|着)?(?:电梯|梯|厅)?门/], within: [/电梯(?:口|门)/], span: 20, notInMessage: [/(?:抱|拉|牵|看)着(?:呢|他|她)?/] },
      { objects: CHILD, symptoms: [/(?:坡道|斜坡|车道)[^，。！？,.!?\s]{0,4}(?:往下)?(?:冲|滑|溜)/], within: [/车(?:正|在)?(?:往上|开|过来|进出|上来)/], span: 24 },
      // stuck down a pit, a well or a tank ("小弟弟钻进地下室那个积水坑里出不来了")
      { objects: CHILD, symptoms: [/(?:坑|井|沟|缸|池|洞|管|水)里(?:面|头)?(?:出不来|上不来|爬不出)/], span: 24 },
      // alone by water or a drop, no grown-up with them ("一个小孩在河边 没大人")
      {
        objects: CHILD,
        // (or heading for the road alone: "自己从侧门出去了 往大马路走")
        // (or at an open shaft: "小孩自己在电梯井那个检修门旁边玩")
        // (a pool's edge by any name: 喷泉池边)
        symptoms: [/(?:湖|河|池塘|鱼塘|水池|水塘|江|海|泳池|水库|井|水|(?<!电)池)(?:堤|岸|沿)?边/, '河堤', '江堤', '堤坝', '岸边', '马路上', '楼顶', '天台', '顶楼', '屋顶', '车道', '路口', '马路边', /往(?:大)?马路/, '电梯井', /(?:井|坑|洞)口/],
        within: ['一个人', '没大人', '没有大人', '大人不在', '找不到大人', /大人[^，。！？,.!?\s]{0,3}(?:不知道|不晓得)?(?:去哪|跑哪|哪去)/, '没人管', '没人看', '快掉', '要掉', '没护栏', '没有护栏', /(?:没|不见|没有)(?:看到|看见|见到)(?:有)?(?:大人|家长)/, ...ON_ITS_OWN],
        span: 20,
      },
      // … by the water said with 那边, or playing in it ("水池那边有个小孩一个人在玩水 周围没大人")
      {
        objects: CHILD,
        symptoms: [/(?:湖|河|池塘|鱼塘|水池|鱼池|水塘|江|海|泳池|水库)(?:那|这)(?:边|里)/, '玩水'],
        within: ['一个人', '没大人', '没有大人', '大人不在', '没人管', '没人看', /(?:没|不见|没有)(?:看到|看见|见到)(?:有)?(?:大人|家长)/, ...ON_ITS_OWN],
        span: 20,
      },
      // wading in deep floodwater or in a flooded garage ("车库积水到膝盖 几个小孩在里面蹚水玩"), not a puddle
      {
        objects: CHILD,
        symptoms: ['蹚水', '趟水', '淌水', '玩水'],
        within: [/(?:到|过|没过|淹到)(?:了)?(?:膝盖|腰|大腿|胸)/, '水很深', '水挺深', '水好深', /(?:车库|地库|地下室|地下通道)[^，。！？,.!?\s]{0,4}(?:积水|进水|淹)/],
        span: 20,
      },
      // playing in flood water by a manhole or a drain that bubbles or swirls ("小孩在暴雨积水里玩 旁边就是个冒水的井盖")
      {
        objects: CHILD,
        symptoms: [/(?:积水|水坑|洪水|水)(?:里|中)(?:面)?[^，。！？,.!?\s]{0,2}(?:玩|跑|踩|蹚|趟)/, '蹚水', '趟水', '踩水', '玩水'],
        within: ['井盖', '下水道', '窨井', '排水口', '雨水口', '漩涡', '旋涡', '冒水', '往外冒', '冲开'],
        span: 30,
      },
      // climbing scaffolding, a tower crane or a pole ("楼下小孩在爬脚手架 已经爬到三层那么高了")
      { objects: CHILD, symptoms: [/(?:爬|攀)(?:上|到)?(?:了)?[^，。！？,.!?\s]{0,4}(?:脚手架|塔吊|电线杆|高压塔|铁塔|信号塔|吊篮)/], span: 20 },
      // on an open bay window with no screen or no grown-up ("趴在飘窗上 窗子开着 纱窗都没有")
      {
        objects: CHILD,
        symptoms: [/(?:站|企|坐|蹲|爬|趴)(?:了|着)?(?:在|到|上)?飘窗/],
        within: [/窗(?:子|户)?(?:大|全)?开着/, '开着窗', /纱窗(?:都|也)?没/, '没纱窗', '没有纱窗', /没(?:有)?(?:装)?(?:防护)?护?栏/, /没(?:有)?(?:装)?(?:防护网|防盗网|防盗窗)/, /(?:家长|大人)[^，。！？,.!?\s]{0,3}在楼下/, '没大人', '没有大人', '大人不在', /大人[^，。！？,.!?\s]{0,3}(?:不知道|不晓得)?(?:去哪|跑哪|哪去|啥地方)/],
        span: 20,
      },
      // a small child alone in a lift, no parent about ("电梯里只有一个两岁的娃娃 … 家长在哪")
      {
        objects: CHILD,
        symptoms: ['电梯'],
        within: [/(?:家长|大人)(?:在哪|呢|去哪|哪去)/, '没大人', '没有大人', '大人不在', '没人管', '找不到家长'],
        span: 20,
      },
      // a child locked in at home crying, the grown-ups out of reach ("小孩被反锁在家里 在窗户那哭 大人电话打不通")
      {
        objects: [/(?:反锁|锁|关)在(?:家|屋|房间|房)里/],
        symptoms: ['哭', '喊', '打不通', '联系不上', '不在家'],
        within: CHILD,
        span: 30,
      },
      // a child sought by a parent, gone from a named spot ("有个妈妈在找孩子 … 在快递柜那边不见了 大家帮忙看看")
      {
        objects: [/找(?:孩子|小孩|女儿|儿子|孙子|孙女|宝宝|娃|小朋友|外孙女?)/],
        symptoms: ['不见了', '走丢', '走散', '找不到', '跑丢'],
        within: ['帮忙', '帮我', '留意', '看到', '看见', '找找', '大家'],
        span: 60,
      },
      // a child gone missing, with a plea to look ("孙女一转眼不见了 … 各位帮我找找")
      {
        objects: [/(?:孙女|孙子|孩子|小孩|女儿|儿子|闺女|宝宝|娃|小朋友)(?:一转眼|转眼|一眨眼|眨眼|突然|一下子)?(?:就)?(?:不见了|走丢了|找不到了|跑丢了)/],
        symptoms: ['帮我找', '帮忙找', '找找', '一起找', '帮着找', '有没有人看到', '有没有人看见', '谁看到', '谁看见'],
        span: 60,
      },
      // a child gone missing and seen by water ("孩子不见了 … 有人说在河边看到一个小孩")
      {
        objects: [/(?:孙女|孙子|孩子|小孩|女儿|儿子|闺女|宝宝|娃|小朋友)(?:一转眼|转眼|突然|一下子)?(?:就)?(?:不见了|走丢了|找不到了|跑丢了)/],
        symptoms: [/(?:湖|河|池塘|鱼塘|水池|水塘|江|海|泳池|水库)(?:边|那边|旁边)/, '水边'],
        span: 60,
      },
      // a small child climbing at a balcony's rail or a window, on a chair or a stool ("站在椅子上扒栏杆")
      {
        objects: CHILD,
        symptoms: [/扒(?:着)?[^，。！？,.!?\s]{0,2}(?:栏杆|护栏|窗台|窗沿)/, /(?:站|爬|踩)(?:在)?(?:椅子|凳子|桌子|箱子|板凳)上/,
          // climbing up it ("护栏那里往上爬")
          /(?:栏杆|护栏|窗台|窗沿|防盗窗|防盗网)(?:那里|那儿|那边|这边|边上|上)?[^，。！？,.!?\s]{0,2}往上爬/],
        within: ['阳台', '窗', /\d+\s*(?:楼|层)/, '楼顶', '天台'],
        // (a grown-up holding it: "我在旁边扶着")
        notInSentence: ['扶着', '抱着', '护着', '拉着', /(?:我|大人|家长|妈妈|爸爸)(?:就)?在旁边/],
        span: 20,
      },
      // a child shut in a discarded box or freezer, heard from outside ("废弃的冰柜里传出小孩的敲打声 盖子打不开")
      {
        objects: [/(?:冰柜|冰箱|衣柜|柜子|箱子|洗衣机|后备箱|行李箱|储物箱|集装箱)(?:里|内)/],
        symptoms: [/(?:敲|拍|撞)(?:打)?的?声/, '哭声', '喊声', '呼救', '在哭', '哭喊', '喊救命', '出不来'],
        within: CHILD,
        span: 20,
      },
      // a small child alone in the middle of a road with traffic ("两三岁的娃自己跑出小区了 在大马路中间 车来车往")
      { objects: CHILD, symptoms: ['马路中间', '路中间', '车道上', '马路上', '大马路'], within: ['车来车往', '车多', '自己', '一个人', '没大人', '追'], span: 24 },
      // fireworks aimed at people, a child hurt by one ("在玩二踢脚 对着人放 有个小孩手被炸了")
      {
        objects: CHILD,
        symptoms: [/(?:手|脸|眼睛?|头|耳朵)[^，。！？,.!?\s]{0,2}(?:被|叫|给)?(?:炸|崩)(?:了|伤|破|着|到|出血)/, /对着人(?:放|扔|点|射|丢)/],
        within: ['鞭炮', '炮仗', '爆竹', '烟花', '二踢脚', '窜天猴', '礼花', '摔炮', '擦炮', '炮'],
        span: 30,
      },
      // up on top of something high with a hard drop or no grown-up ("小男孩现在爬到健身器材顶上了 下面是水泥地 家长不在")
      {
        objects: CHILD,
        symptoms: [/爬(?:到|上)(?:了)?[^，。！？,.!?\s]{0,6}(?:顶上|顶部|最高处|最上面|最上头)/],
        within: ['家长不在', '大人不在', '没大人', '没有大人', '没人管', '水泥地', '下不来', '好高', '很高', '摇摇晃晃'],
        span: 24,
      },
      // a button battery, a magnet or a sharp thing swallowed ("孩子把一颗纽扣电池吞下去了", "宝宝吞了个磁铁")
      {
        objects: CHILD,
        symptoms: [/(?:吞|咽)(?:了|下|进)?(?:去|下去)?(?:一|个|一个|一颗|颗|一枚|枚|几颗|两颗)?(?:纽扣电池|电池|磁铁|磁珠|吸铁石|硬币|钉子|刀片|别针|图钉|针)/,
          /把(?:一|个|一个|一颗|颗|一枚|枚|几颗|两颗)?(?:纽扣电池|电池|磁铁|磁珠|吸铁石|硬币|钉子|刀片|别针|图钉)(?:给)?(?:吞|咽)(?:下去|进去|了)/],
        span: 20,
      },
      // half a small body already out over a drop ("婴儿趴在床边 半个身子已经探出来了")
      { objects: CHILD, symptoms: [/半个身子[^，。！？,.!?]{0,4}(?:探|伸|挂|悬)出/], span: 30 },
    ],
    // the child's ball or shoe fell in, not the child ("孩子的皮球掉进沟里了")
    notWith: [/(?:孩子|小孩|儿子|女儿|宝宝|娃|孙子|孙女|小朋友)的[^，。！？,.!?\s]{1,4}(?:掉|落)/,
      // a question of how thick the ice must be ("冰面多厚能上去滑冰")
      /冰(?:面|层)?[^，。！？,.!?\s]{0,3}(?:多厚|多结实|厚不厚|结不结实|冻结实了吗|能不能上)/],
  },
  {
    kind: 'violence',
    level: 'emergency',
    labelZh: '持械伤人',
    category: 'public_security',
    terms: ['持刀', /(?:拿|持|举|挥|提|抄|拎|握)(?:着|起|住)?(?:一|把|一把|根|一根)?(?:菜刀|刀|砍刀|水果刀|铁棍|棍子|斧头|钢管|铁管)/, /(?:喊|嚷|叫|吼|扬言)(?:着)?(?:说)?要(?:杀|砍|捅|弄死)(?![鸡鸭鱼猪牛羊价毒虫])/, '砍人', '捅人',
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
      { objects: ['打起来', /(?:俩|两个|几个|两人|两口子|夫妻|[他她]们)[^，。！？,.!?\s]{0,3}(?:干|掐)起来/, '打架', '打人', '动手', '斗殴', '追着打', '围殴', '群殴', /围着[^，。！？,.!?]{0,8}打/], symptoms: ['刀', '棍', '砖头', '流血', '血', '凶器', '棒', '酒瓶', '钢管', '铁管', '头破', '板砖', '扳手', '锤'], span: 24 },
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
