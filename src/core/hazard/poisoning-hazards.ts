// Hazard rules of household poisoning (part AE's round): a cleaner's fumes breathed, a poison swallowed, food or a
// medicine that made people gravely ill. Each reads the poison beside a sign in the body, so advice ("84和洁厕灵不能混用"),
// a thermometer broken and cleaned up, a slimming pill that worked or a meal that was only too rich stay talk.
// Part of PEOPLE_HAZARDS (people-hazards.ts): a supply switched off does not end it.
import type { Term } from '../triage/urgency.ts';
import type { HazardRule } from './hazard-rules.ts';

/** A bleach (84, 次氯酸) or an acid or other harsh household chemical. */
const BLEACH = /(?<!\d)84(?!\d)|八四|消毒(?:液|水|剂)|漂白(?:水|剂|液|粉)|次氯酸/;
const ACID_CLEANER = /洁厕(?:灵|剂|液|宝)|厕所清洁剂|除垢剂|草酸|盐酸|管道疏通剂|通渠粉/;
/** What a poisoned body shows: choking, a cough that will not stop, eyes that sting shut, dizziness. */
const FUME_SIGNS: readonly Term[] = [/咳/, '喘不上气', '喘不过气', '透不过气', '上不来气', '呼吸困难', /睁不开(?:眼)?/, '头晕', '想吐', '胸口疼', '胸口痛', '胸闷', '起不来', '站不稳', '晕'];

/** Household poisons a child or an elder may drink or bite into. */
const POISON = /(?<!\d)84(?!\d)|消毒(?:液|水|剂)|漂白(?:水|剂|液)|洁厕(?:灵|剂|液)|农药|敌敌畏|百草枯|乐果|除草剂|杀虫剂|老鼠药|鼠药|洗衣凝珠|凝珠|洗衣液|洗洁精|水银|干燥剂|防冻液|玻璃水|汽油|煤油|清洁剂|管道疏通剂/;
/** Drunk or eaten by mistake, taken for water or a drink, bitten open ("当水喝了", "咬破了", "往嘴里放"); not water or a
 * meal taken beside it ("84兑水 喝了水再拖地"). */
const SWALLOWED = /当(?:成)?(?:水|饮料|糖|零食|可乐|雪碧|果汁|茶)(?:给)?(?:喝|吃|咬|吞)|误(?:喝|服|食|吃|吞)|(?:喝|吞|咽|吃)(?:了|下|进)(?:去|下去)?(?:一|两|几|好几|半)?(?:大)?(?:口|点|些|颗)?(?![^，。！？,.!?\s]{0,2}(?:水|饭|茶|奶|酒|饮料|汤|粥|菜))|咬(?:破|碎|开|烂)(?:了)?|往嘴里(?:放|塞|送)|放(?:进)?嘴里/;
/** Said of the poison, not swallowed: advice, storage, a clean-up. */
const ONLY_ADVICE: readonly Term[] = [/不(?:能|要|可以|宜)[^，。！？,.!?\s]{0,3}(?:混|一起|同时|喝|吃|放)/, '千万别', '注意', '放好', '收好', '够不着', '够不到', '提醒', '科普', '怎么处理', '怎么清理', '粘起来', '扫干净', '清理干净', '没吞', '没喝', '没吃', '吐出来了', '没事了'];

/** A meal eaten (a banquet, a take-away, wild mushrooms, beans not cooked through). */
const MEAL: readonly Term[] = [/吃(?:了|完|过|的)/, '菌子', '蘑菇', '豆角', '四季豆', '百家宴', '聚餐', '外卖', '团购', '盒饭', '食堂', '剩菜', '隔夜', '河豚', '发芽'];
/** Vomiting or purging, more than once or by more than one. */
const PURGING: readonly Term[] = [/(?:一直|都|不停|不停地|还)?(?:在)?吐(?!槽|字|露|舌)/, '上吐下泻', '拉肚子', /拉(?:得|到)/, '腹泻', '肚子绞', '肚子疼', '肚子痛'];
/** The grave signs: unable to stand, dazed or raving, seeing things, numb, pale, barely answering, retching many times. */
const GRAVE: readonly Term[] = ['站不起来', '站都站不起来', '站不稳', '起不来', /(?<!有点|有些|有一点)迷迷糊糊/, '说胡话', '胡言乱语', '神志不清', '意识不清', /看(?:到|见)(?:了)?[^，。！？,.!?\s]{0,6}小人/, '幻觉', '手脚发麻', '手脚麻', /头晕(?:得)?(?:厉害|很厉害|站不|不行)/, /嘴唇(?:都)?(?:发白|发紫|发干)/, /没(?:什么|啥|有|一点)?反应/, /吐了(?:[三四五六七八九十]|好几|十几|\d+)[^，。！？,.!?\s]{0,2}(?:次|回|遍)/, '抽搐', '吐血', '便血', '脱水', /看(?:东西)?(?:都)?(?:模糊|不清|重影)/];

export const POISONING_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'poisoning',
    level: 'emergency',
    // someone poisoned is a case for 120, not whatever the words around it resemble
    category: 'other',
    labelZh: '中毒',
    pairs: [
      // a bleach mixed with an acid cleaner, people coughing and choking in the fumes ("84和洁厕灵倒一起 … 我们都在咳")
      {
        objects: [new RegExp(`(?:${BLEACH.source})[^。！？!?]{0,8}(?:${ACID_CLEANER.source})|(?:${ACID_CLEANER.source})[^。！？!?]{0,8}(?:${BLEACH.source})`)],
        symptoms: FUME_SIGNS,
        span: 60,
        notInMessage: ONLY_ADVICE,
      },
      // a household poison swallowed ("把饮料瓶装的84当水喝了一大口", "咬破了一颗洗衣凝珠", "把水银珠子往嘴里放")
      {
        objects: [POISON],
        symptoms: [SWALLOWED],
        span: 16,
        notInMessage: ONLY_ADVICE,
      },
      // a thermometer bitten to pieces ("把水银体温计咬碎了 嘴里有碎玻璃")
      { objects: ['体温计', '温度计'], symptoms: [/咬(?:破|碎|断|开)/, /(?:吞|咽)(?:了|下)/], span: 12, notInMessage: ONLY_ADVICE },
      // food that made people gravely ill: vomiting or purging, and a grave sign ("吃了没炒熟的豆角 都吐 … 手脚发麻")
      { objects: GRAVE, symptoms: PURGING, within: MEAL, span: 40, notInMessage: ['好吃', '香', '吃多了', '吃撑', '没睡好'] },
      // a pill or a medicine that set the heart racing and the sight blurred ("吃了减肥药 心跳快得吓人 看东西模糊")
      {
        objects: [/(?:吃|服|吞)(?:了|下)[^，。！？,.!?\s]{0,8}药/],
        symptoms: [/心跳[^，。！？,.!?\s]{0,2}(?:快|加速|乱)/, /心慌/],
        within: [/看(?:东西)?(?:都)?(?:模糊|不清|重影)/, /手[^，。！？,.!?\s]{0,3}抖/, '抽', '晕', '喘不上', '想吐', '呕吐'],
        span: 30,
      },
    ],
    // (a pet's, not a person's: "我家狗把洗衣凝珠咬破了")
    notWith: ['哈哈', '游戏', '电视剧', '视频里', '如果', '万一', '假如', '要是', '狗', '猫', '宠物'],
  },
];
