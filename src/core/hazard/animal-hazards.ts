// Hazard rules of animals (part AD's round): a loose dog biting people or chasing children, a hornets' nest where
// children pass. Not a dog that only barked, played or chewed a slipper, nor a bite long ago. Part of PEOPLE_HAZARDS.
import type { HazardRule } from './hazard-rules.ts';

/** Someone a dog goes for. */
const BITTEN = '(?:人|小孩|孩子|小朋友|老人|老太太|老太|大爷|阿姨|外卖员|快递员|外卖小哥|快递小哥|路人|学生|保安|保洁|女的|男的|邻居|孕妇|宝宝|娃)';
/** A wasps' or hornets' nest (not 蜂窝煤, coal briquettes). */
const NEST = '(?:马蜂窝|胡蜂窝|黄蜂窝|野蜂窝|(?<!煤)蜂窝(?!煤|网络|状|纸)|蜂巢)';
/** A bite that happened (咬了, 咬伤了), not the general "狗咬人要赔吗". */
const BITE_VERB = /咬(?:了|伤了?|住了?|到了?)/.source;

export const ANIMAL_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'animal_attack',
    level: 'emergency',
    labelZh: '动物伤人',
    category: 'public_security',
    pairs: [
      {
        objects: [/(?<!热)狗(?!粮|屎|叫|绳)/, '犬', '藏獒', '比特'],
        symptoms: [new RegExp(`${BITE_VERB}(?:了)?(?:一个|个|两个|几个|好几个)?${BITTEN}`), new RegExp(`把[^，。！？,.!?\\s]{0,4}${BITTEN}[^，。！？,.!?\\s]{0,2}咬(?:了|伤)`),
          /见人就(?:扑|咬)/, /咬伤(?:了)?[^，。！？,.!?\s]{0,4}(?:人|个)/, /扑倒(?:了)?[^，。！？,.!?\s]{0,3}(?:人|老人|小孩|孩子)/],
        // going on now, not a standing complaint of a dog that bit before ("已经咬了两个人了 社区能不能找人抓", "见人就咬")
        within: [/还在(?:追|咬|扑|跑)/, '正在', '现在', /刚(?:才|刚)?[^，。！？,.!?\s]{0,2}(?:咬|扑)/, '快来', '救命', '报警', '110', '120', /在[^，。！？,.!?\s]{0,6}(?:追着|见人就)/, /拿[^，。！？,.!?\s]{0,2}(?:包|棍|棒|伞)[^，。！？,.!?\s]{0,2}(?:挡|赶|打)/, '流血', '满腿是血'],
        span: 30,
        notInMessage: ['咬着玩', '打闹', '玩具', '狗咬狗'],
      },
      // chasing or surrounding someone and biting: going on as it is told ("一条大狗冲进小区 追着小孩咬")
      { objects: [/(?<!热)狗(?!粮|屎|叫|绳)/, '犬', '藏獒'], symptoms: [/(?:追|围)着[^，。！？,.!?\s]{0,6}咬/], span: 30, notInMessage: ['咬着玩', '打闹', '玩具', '狗咬狗', '尾巴'] },
    ],
  },
  {
    // a hornets' nest where people pass, children most: at least urgent; someone stung, an emergency
    kind: 'stinging_insects',
    level: 'urgent',
    labelZh: '马蜂窝',
    category: 'public_security',
    terms: [/(?:马蜂|胡蜂|黄蜂|野蜂)[^，。！？,.!?\s]{0,4}(?:追着|追)[^，。！？,.!?\s]{0,2}(?:蛰|蜇|叮)/,
      // the place told first, in the nest's own clause ("幼儿园门口那棵树上有个马蜂窝"; not a place named in a later clause:
      // "外地幼儿园门口马蜂窝蛰了孩子 咱们幼儿园要不要查"; nor one on one's own balcony, to be taken down: a repair)
      new RegExp(`(?:幼儿园|学校|小学|单元门|儿童|游乐|乐园|操场|滑梯|小区门口)[^，。！？,.!?\\s]{0,10}${NEST}`)],
    pairs: [
      {
        objects: [new RegExp(NEST)],
        symptoms: ['飞来飞去', /脸盆(?:那么)?大/, '好大', '很大', /(?:孩子|小孩|小朋友)[^，。！？,.!?\s]{0,4}(?:天天|每天|经常)?在(?:下面|树下|旁边|附近)/, '蛰', '蜇'],
        span: 30,
        notInMessage: ['蜂蜜', '养蜂', '蜂农'],
      },
    ],
    emergencyWith: [/被(?:马蜂|胡蜂|黄蜂|蜂)?(?:蛰|蜇|叮)(?:了|伤|到)/, /(?:蛰|蜇)(?:了|得)[^，。！？,.!?\s]{0,4}(?:肿|晕|喘|好几)/],
  },
];
