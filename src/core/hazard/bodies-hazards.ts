// Part AO and AP's round, people: emergencies told by their signs, not their names, as a first-aider would read them
// (a baby's lips gone blue and no breath; a swelling throat with a rash; the worst headache with vomiting and
// confusion; a fit with a fever; bleeding in late pregnancy; a head struck and the mind wandering; a fall from a ladder
// and no movement; a scald blistering a whole limb; a handful of pills; one side weak with speech slowed), and lives at
// risk told by what is seen (a door kicked with a threat to kill, a crowd beating a man who is down, a throat gripped
// and a hiding place, a threat to open the gas and die together, a farewell and the smell of charcoal, pills saved up,
// shoes taken off by a river, someone outside a window ledge, a child half out of a window or alone in a lift). Part of
// PEOPLE_HAZARDS: each set of readings is folded into the rule of its kind there (withBodies), kinds staying unique;
// each reading brings its own guards (a joke, a pet, a TV drama, a usual dose, a small burn).
import type { Term } from '../triage/urgency.ts';
import type { HazardPair, HazardRule, HazardTermGroup } from './hazard-rules.ts';
import { CHILD, PERSON } from './people-terms.ts';

/** Talk that is not a body in danger now: a joke, a show, advice, an advert, a lesson, a pet. */
const NOT_NOW: readonly Term[] = ['哈哈', '笑死', '电视', '剧里', '电视剧', '电影', '小说', '演的', '广告', '讲座', '培训', '科普', '演练', '急救课', '医生说', '医生建议', '专家', '药店', '说明书', '猫', '宠物'];

const BREATH_FAILING: readonly Term[] = ['喘不过气', '喘不上气', '呼吸困难', '上不来气', '透不过气', '开始喘', /喘(?:得|不)(?:很|好|厉害|上|过)/, /(?:出气|喘气|呼吸)(?:都|也)?(?:很|好|有点)?(?:困难|费劲)/];

/** No answer from inside. */
const NO_ANSWER = /没(?:有)?(?:反应|回应|人应)/;

const CALL_FOR_HELP: readonly Term[] = ['快来人', '来人啊', '救命', '救救', '120', '救护车', '帮帮', '🙏', '求求', '谁能来', '快来'];

/** Drugs taken beyond the dose, or by a child not meant to. */
const OVERDOSE: Term = /吃(?:了|下|掉|完)?[^，。！？,.!?\s]{0,6}(?:一把|一大把|好几[片颗粒]|一整?瓶|半瓶|大半瓶|[十二三四五六七八九]{1,2}[片颗粒]|几十[片颗粒])|(?:又|多)吃了一把|误(?:吃|服)|吃了[^，。！？,.!?\s]{0,4}(?:奶奶|爷爷|大人|外婆|姥姥|老人|爸爸|妈妈)的[^，。！？,.!?\s]{0,4}药/;

/** This round's readings of one kind, folded into the rule of that kind. */
type Readings = { kind: string; pairs: readonly HazardPair[]; termGroups?: readonly HazardTermGroup[] };

const BODIES_READINGS: readonly Readings[] = [
  {
    kind: 'medical',
    pairs: [
      // a baby or anyone not breathing, lips gone blue ("宝宝不喘气了 嘴唇发青")
      { objects: PERSON, symptoms: [/(?:不|没)(?:喘气|出气|呼吸)了/, /没(?:在)?喘气/, /嘴唇(?:都|已经|有点)?(?:发)?[青紫乌]/], span: 16, notWith: NOT_NOW },
      // an allergy told by its signs: a rash or swelling and the breath failing ("吃了虾 起疙瘩 嗓子肿了 喘不过气")
      {
        objects: [/(?:嗓子|喉咙|喉头|嘴唇|舌头)(?:眼)?(?:都|也|已经)?(?:发)?肿/, '起疙瘩', '起红疙瘩', '起疹', '起风团', '全身痒', '浑身痒', '过敏'],
        symptoms: BREATH_FAILING,
        span: 30,
        notWith: NOT_NOW,
        notInMessage: ['鼻炎', '老毛病', '花粉季', '广告', '一盒', '见效', '药店', '好了', '没事了', '上次']
      },
      // the worst headache with vomiting or the mind going ("头痛得像要炸开 然后吐了 现在迷迷糊糊的")
      {
        objects: [/头(?:痛|疼)得?(?:像|好像|快|要)*(?:要)?(?:炸|裂)/, '剧烈头痛', '头痛欲裂'],
        symptoms: [/吐(?!槽)/, '迷糊', '叫不应', '不认人', '说不清', '晕过去', '昏', '抽'],
        span: 30,
        notWith: [...NOT_NOW, '加班', '作业', '考试', '老板', '甲方', '吵'],
      },
      // a fit with a fever, the eyes rolled and the jaw clenched ("宝宝高烧抽筋了 眼睛翻白")
      { objects: ['高烧', '发烧', '烧到', '惊厥'], symptoms: ['抽筋', '抽搐', '抽起来', '翻白眼', '眼睛翻白', '牙咬', '咬得死紧', '叫不应'], span: 20, notWith: NOT_NOW },
      // bleeding in pregnancy ("我怀孕八个月 下面出血了 好多")
      {
        objects: ['怀孕', '孕妇', '怀着', '孕晚期', /孕\d+周/, /怀了?[一二三四五六七八九\d]个?多?月/],
        symptoms: ['出血', '流血', '大出血', '破水', /肚子(?:疼|痛)得/],
        span: 24,
        notWith: [...NOT_NOW, '注意', '要警惕', '正常吗', '会不会', '有没有可能'],
      },
      // a head struck and the mind wandering ("从床上掉下来 头撞柜子角 一直说胡话 认不出我了")
      {
        objects: [/(?:头|脑袋|后脑勺?|额头)(?:撞|磕|摔|碰|砸)(?:到|在|了|着)?/, /(?:后脑|头)着地/, /(?:摔|掉|跌|栽)(?:了)?下来/],
        symptoms: ['说胡话', '胡言乱语', '认不出', '不认人', '不认得人', '迷糊', '叫不应', '不醒', '不动了', '一动不动', /一直吐|吐了/, '没意识', '不清醒'],
        span: 36,
        inMessage: PERSON,
        notWith: [...NOT_NOW, '手机', '屏幕', '花盆', '杯子'],
      },
      // a scald over a whole limb, blistered and skin coming off ("被开水烫了 整条腿起泡 皮都掉了")
      {
        objects: [/烫(?:伤|了|到|着)/, '烧伤', '烫得'],
        symptoms: [/(?:整条|整只|整个|一大片|大面积)[^，。！？,.!?\s]{0,3}(?:起泡|红|烫)/, /皮(?:都|也)?(?:掉|脱|掉下来)了?/, '掉皮', '脱皮', '大水泡', '起了好多泡', '起泡'],
        span: 24,
        notWith: [...NOT_NOW, '小泡', '一下', '没事', '不严重', '烫发', '烫头'],
        notInMessage: ['小泡', '没事了', '不严重', '好了'],
      },
      // a face bleeding hard after a bite or a blow ("狗把小孩咬了 脸上好多血"), not a pet's own wound
      {
        objects: PERSON,
        symptoms: [/(?:头上|脸上|身上|满头|满脸|一身|一头|一脸|腿上|手上)(?:都|全)?(?:是|流了|有)?(?:好多|很多|一大片|全是)血/],
        span: 24,
        notWith: ['狗脸', '狗身上', '猫身上', '猫脸', '杀鸡', '杀鱼', '番茄', '颜料', '化妆', ...NOT_NOW.filter((t) => t !== '猫' && t !== '宠物')],
      },
      // pills beyond the dose and drowsy or limp ("又吃了一把 … 人很软", "孩子吃了奶奶的降压药 现在很困")
      {
        objects: [OVERDOSE],
        symptoms: ['很困', '好困', '犯困', '人很软', '软绵绵', '叫不醒', '迷糊', '吐', '量不出', '站不稳', '不清醒', '昏', '睡过去', '嗜睡', '没精神', '记不清'],
        span: 40,
        inMessage: ['药', '片', '颗', '粒'],
        notWith: [...NOT_NOW.filter((t) => t !== '说明书'), '糖', '维生素', '钙片', '益生菌', '口香糖'],
        notInMessage: ['医生让', '医嘱', '按说明', '正常剂量', '一天三次'],
      },
      // one side weak and speech slowed: a stroke ("右边手脚有点使不上劲 说话也慢了")
      {
        objects: [/(?:左|右|一)边(?:的)?(?:手脚|手|脚|身子|身体|胳膊|腿|脸)/, '半边身子', '半边脸', '半身'],
        symptoms: ['使不上劲', '没劲', '没力气', '不听使唤', '抬不起来', '发麻', '麻了', '无力'],
        within: ['说话', '讲话', '口齿', '嘴歪', '嘴巴歪', '看不清', '头晕'],
        span: 20,
        notWith: NOT_NOW,
        notInMessage: ['睡觉压', '压麻', '扭到', '打球', '健身', '跑步', '拉伤', '说话没事', '说话正常', '说话倒是正常', '好多了', '没事了', '老毛病', '每天都', '一直这样', '好些年']
      },
      // low blood sugar in a diabetic: shaking, a cold sweat, the mind going ("有糖尿病 一直发抖 出冷汗 人糊涂了")
      {
        objects: ['糖尿病', '胰岛素', '降糖药', '低血糖', '血糖低', '血糖很低', '血糖太低'],
        symptoms: ['发抖', '手抖', '冷汗', '糊涂', '迷糊', '反应很慢', '反应慢', '叫不应', '说胡话', '不认人', '抽', '昏', '晕倒'],
        within: ['冷汗', '糊涂', '迷糊', '反应很慢', '反应慢', '叫不应', '说胡话', '不认人', '抽', '昏', '晕倒', '倒地'],
        span: 40,
        notWith: NOT_NOW,
        notInMessage: ['好了', '好多了', '没事了', '缓过来', '预防', '注意', '要记得', '随身带'],
      },
      // heat stroke told by its signs: hot to touch, no sweat, raving ("太阳底下干活 人发烫 不出汗 说胡话")
      {
        objects: ['太阳底下', '大太阳', '高温', '暴晒', '大热天', '烈日', '晒了一天'],
        symptoms: ['说胡话', '不出汗', '神志不清', '叫不应', '迷糊', '抽搐', '人发烫', '浑身滚烫', '身上滚烫'],
        within: ['说胡话', '不出汗', '叫不应', '神志不清', '迷糊', '抽', '倒', '晕'],
        span: 40,
        notWith: NOT_NOW,
        notInMessage: ['热得我', '我都', '晒得我', '好了', '没事了'],
      },
      // chest pressed as by a stone with a drenching sweat ("胸口像压着石头 满头大汗")
      { objects: ['胸口', '心口'], symptoms: [/压着|压了|像压|石头/], within: ['大汗', '冷汗', '出汗', '冒汗', '汗直流'], span: 16, notWith: NOT_NOW, notInMessage: ['跑步', '跑完', '运动完', '健身', '好多了', '没事了'] },
      // a limb bent out of shape after a fall ("从楼梯滚下来 腿弯成奇怪的角度 动不了")
      {
        objects: [/(?:腿|胳膊|手臂|手腕|脚踝|脚)[^，。！？,.!?\s]{0,3}(?:弯成|扭成|歪成|拧成|折成)/],
        symptoms: ['动不了', '起不来', '疼得', '摔', '滚下', '跌', '120', '救护车', '别动'],
        span: 30,
        notWith: [...NOT_NOW, '瑜伽', '舞蹈', '劈叉', '玩偶', '娃娃'],
      },
      // one's own breath failing and a cry for help ("救命 我喘不上气")
      {
        objects: ['救命', '救救我', '快来人', '谁来救'],
        symptoms: ['喘不上气', '喘不过气', '呼吸困难', '透不过气', '上不来气', '没法呼吸', '不能呼吸'],
        span: 12,
        notWith: NOT_NOW,
        notInMessage: ['哈哈', '压力', '作业', '加班', '闷热', '热死', '房贷', '工作', '天气', '衣服', '太紧', '笑死', '考试', '老板']
      },
      // someone near death and a call for help ("爷爷不行了 快来人")
      {
        objects: PERSON,
        symptoms: [/(?<![我笑累困饿热快撑])不行了/],
        within: CALL_FOR_HELP,
        span: 12,
        notWith: [...NOT_NOW, '手机', '电脑', '车', '网', '腿脚不行', '眼睛不行', '身体不行'],
      },
    ],
    // a cry of 救我 heard from a home ("楼上一直在喊 \"救我\" 砸地板")
    termGroups: [
      {
        terms: [/(?:喊|叫|呼)[^，。！？,.!?]{0,3}(?:救我|救命)[^，。！？,.!?]{0,6}(?:砸|敲|拍)(?:地板|墙|门)/, /(?:砸|敲|拍)(?:地板|墙|门)[^，。！？,.!?]{0,6}(?:喊|叫)[^，。！？,.!?]{0,3}(?:救我|救命)/],
        notWith: [...NOT_NOW, '游戏', '装修', '小孩玩'],
      },
    ],
  },
  {
    kind: 'trapped',
    pairs: [
      // locked in from outside where no call gets through ("门被人从外面锁了 里面没信号")
      {
        objects: [/被人?(?:从外面|从外头|在外面)?(?:锁|反锁)(?:了|上|住)/, /从外面(?:被)?(?:锁|反锁)/],
        symptoms: ['没信号', '出不来', '出不去', '打不通', '喊不应', '没人开', '通一次', '联系不上'],
        span: 30,
        notWith: [...NOT_NOW, '手机被锁', '账号', '屏幕', '安全出口', '消防通道', '通道', '出口'],
        inMessage: PERSON,
      },
      // locked in from inside and not answering ("老人把自己反锁在屋里，喊她不应"), not a teenager sulking over a game
      {
        objects: [/(?:把自己)?(?:反锁|锁)在(?:了)?(?:屋|房|家|卫生间|厕所|浴室|里)/],
        symptoms: [/(?:喊|叫|敲门|敲)[他她]?(?:都|也|半天)?不(?:应|开)/, '没动静', NO_ANSWER, '不开门', '不吭声', '炉子', '炭'],
        span: 30,
        notWith: NOT_NOW,
        notInMessage: ['游戏', '生气', '赌气', '闹脾气', '学习', '写作业', '哈哈']
      },
    ],
  },
  {
    kind: 'suicide',
    pairs: [
      // shut in with a farewell or the smell of charcoal ("把自己锁在房间里 发了遗书一样的朋友圈 闻到炭的味道")
      {
        objects: ['遗书', '遗言', '告别', '绝笔', /(?:烧|点|闻到)[^，。！？,.!?\s]{0,3}炭/],
        symptoms: [/锁在|反锁/, /炭(?:的)?(?:味|火|盆)/, '打不通', '不接', '不开门', '联系不上', '胶带'],
        span: 40,
        notWith: ['烧烤', '火锅', '小说', '电影', '剧里', '电视'],
        notInMessage: ['烧烤', '火锅', '小说', '电影', '电视剧', '炭烤'],
      },
      // a personal "cannot go on" with a farewell ("我真的撑不下去了 对不起大家")
      {
        objects: [/我(?:真的|实在|是)?(?:撑|熬|活)不下去了/],
        symptoms: ['对不起', '永别', '再见了', '下辈子', '别找我', '拜拜了', '来世', '妈'],
        span: 20,
        notInMessage: ['店', '生意', '公司', '关门', '转让', '营业', '倒闭', '项目', '减肥', '考试', '加班', '哈哈', '剧', '歌词'],
      },
      // pills saved up for tonight ("药都攒够了 今晚就吃"), a bottle of poison and "not a burden any more"
      {
        objects: [/药(?:都|已经)?攒(?:够|好|齐|了)/, /攒(?:了|够了|好了)?[^，。！？,.!?\s]{0,4}(?:安眠药|药)/, '农药', '敌敌畏', '百草枯', '老鼠药'],
        symptoms: ['今晚', '就吃', '劝不住', '不想活', '不活了', '不想拖累', '拖累', '活够', '一了百了', '稳住', '要喝', '想死'],
        span: 40,
        notWith: ['打农药', '喷农药', '买农药', '地里', '庄稼', '果树', '虫'],
      },
      // shoes taken off by a river or a rail ("河边栏杆那站着 鞋脱了 书包放地上")
      {
        objects: ['河边', '江边', '湖边', '桥上', '桥边', '楼顶', '天台', '栏杆', '护栏', '窗台'],
        symptoms: [/鞋(?:子)?(?:都)?(?:脱了|脱掉|放在|摆在|摆好)/],
        span: 30,
        notWith: ['钓鱼', '洗脚', '玩水', '游泳', '戏水', '泡脚', '摸鱼', '捞', '晒', '拖鞋'],
      },
      // asking how it feels to jump or to cut ("问我跳楼疼不疼")
      {
        objects: [/(?:跳楼|割腕|上吊|跳河|吃安眠药)[^，。！？,.!?\s]{0,2}(?:疼不疼|痛不痛|难不难受|会不会疼|疼吗|痛吗|死得了)/],
        symptoms: [...CHILD, '她', '他', '我'],
        span: 20,
        notWith: ['新闻', '小说', '剧', '电影'],
      },
      // someone standing outside a window or on the roof's edge ("18楼有个人站在窗台外面")
      {
        objects: [/(?:站|坐|蹲|爬)(?:在|到)(?:了)?(?:窗台|窗户|阳台|栏杆|护栏|楼顶|天台)(?:的)?(?:外面|外边|外头|边上|边缘|沿上|沿)/],
        symptoms: PERSON,
        span: 16,
        notWith: ['擦窗', '擦玻璃', '装空调', '安装', '维修', '工人', '师傅', '蜘蛛人', '清洗', '保洁', '外机', '施工', '猫', '鸽子', '鸟'],
        // (a child out there is the child rule's)
        notInMessage: CHILD,
      },
    ],
  },
  {
    kind: 'violence',
    pairs: [
      // a door kicked or blocked with a threat to kill ("在踹我的门，说不搬就弄死我")
      {
        objects: [/(?:不[^，。！？,.!?\s]{1,3}就)?(?:弄死|打死|砍死|捅死|杀了|宰了)(?:我|你|他|她|你们)/],
        symptoms: [/(?:踹|砸|撬|堵|撞)(?:我|我们)?(?:家|的)?(?:的)?门/, '冲进来', '拿着刀', '拿刀'],
        span: 30,
        notWith: [...NOT_NOW, '游戏', '作业', '考试', '开玩笑'],
      },
      // a crowd beating someone who is down ("好几个人围着踢 他已经倒了")
      {
        objects: ['围着打', '围着踢', '围殴', '群殴', /几个人(?:在)?(?:围着)?(?:打|踢|揍)(?!球|毽|牌|麻将|游戏)/, /(?:在|正在)打(?:一个|个)(?!球|电话|游戏|牌|麻将)/],
        symptoms: ['倒了', '倒地', '倒在', '流血', '不动', '起不来', '报警', '快来'],
        span: 30,
        notWith: [...NOT_NOW, '踢球', '毽', '游戏', '打牌', '比赛'],
      },
      // a throat gripped and a hiding place or a plea to call the police ("掐我脖子 我躲在卫生间 帮我报警")
      {
        objects: [/掐(?:住)?(?:我|她|他)?(?:的)?脖子/],
        symptoms: ['躲在', '报警', '救命', '跑出来', '锁在', '喘不过气', '喘不上气'],
        span: 30,
        notWith: NOT_NOW,
        notInMessage: ['闹着玩', '哈哈', '防身', '教练', '被子里笑', '怎么挣脱']
      },
      // a threat to open the gas and die together ("男的说要把煤气打开一起死")
      {
        objects: ['煤气', '燃气', '天然气', '刀', '汽油', '农药'],
        symptoms: ['一起死', '同归于尽', '一块死', '都别活', '全家都死', '谁也别活'],
        span: 20,
        notWith: NOT_NOW,
        notInMessage: ['电视剧', '电影', '小说', '新闻'],
      },
    ],
  },
  {
    kind: 'child_danger',
    pairs: [
      // a child half out of a window or climbing out over a low rail ("半个身子在外面", "踩着凳子往外爬")
      {
        objects: CHILD,
        symptoms: ['半个身子', '身子探出', '探出去', '往外爬', '爬出', '爬上窗', '爬到窗', '翻出'],
        within: ['窗', '阳台', '栏杆', '护栏'],
        span: 30,
        notWith: ['防护网', '防盗网', '护栏很高', '电视', '剧里', '游戏', '猫'],
        notInMessage: ['抱着', '拉着', '扶着', '看着呢', '在后面', '护着', '搂着']
      },
      // a small child alone in a lift, crying ("孩子一个人在电梯里上上下下 一直哭")
      {
        objects: CHILD,
        symptoms: [/一个人在电梯/, /自己在电梯/, /电梯里[^，。！？,.!?\s]{0,4}(?:上上下下|哭)/],
        within: ['哭', '找奶奶', '找妈妈', '找爸爸', '没大人', '上上下下', '找家长', '岁'],
        span: 20,
        notWith: ['电视', '剧里'],
      },
    ],
  },
];

/** A rule with this round's readings of its kind folded in (its pairs and term groups after its own). */
export function withBodies(rule: HazardRule): HazardRule {
  const more = BODIES_READINGS.find((r) => r.kind === rule.kind);
  if (!more) return rule;
  const folded: HazardRule = { ...rule, pairs: [...(rule.pairs ?? []), ...more.pairs] };
  return more.termGroups ? { ...folded, termGroups: [...(rule.termGroups ?? []), ...more.termGroups] } : folded;
}
