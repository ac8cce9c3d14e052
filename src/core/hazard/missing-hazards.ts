// Hazard rules of people gone missing who cannot look after themselves (part AE's round): an elder with dementia gone out
// and not back (a kind of its own, 老人走失: the alert must not read as a sudden illness), a child not home long after
// school with no answer (folded into child_danger in hazard-rules.ts). Each reads the going out and the not coming back, so a forgetful parent who lost their
// glasses, a tracker asked about or a child at a friend's stay talk.
import type { Term } from '../triage/urgency.ts';
import type { HazardAddition, HazardRule } from './hazard-rules.ts';

/** Not back (Mandarin; 闽 没倒来, 沪 寻勿着 "cannot be found"). */
const NOT_BACK = /(?:没|没有|还没|还没有|都没|也没)(?:回|到|倒)(?:家|来)|(?:寻|找)(?:勿|不)(?:着|到)(?:了|人)?|人(?:就)?不见了|联系不上|找不(?:着|到)人/;
/** Back or found after all. */
const FOUND: readonly Term[] = [/(?<![没不])(?:找到了|找着了|找回来了|已找到|已经找到)/, /(?:自己|已经|平安)回(?:家|来)了/, '虚惊', '接回来了', /(?:在|去)同学家/, '原来在'];

/** An elder who cannot find the way home, gone out and not back: a rule of its own kind. */
export const MISSING_ELDER_HAZARDS: readonly HazardRule[] = [
  {
    kind: 'missing_elder',
    level: 'emergency',
    category: 'other',
    labelZh: '老人走失',
    pairs: [
      // an elder with dementia or confused gone out and not back ("老年痴呆 … 出去遛弯 到现在还没回来", "老糊涂了 溜达出去就没回来",
      // "头壳有时候不清楚 … 出去买菜到现在还没倒来")
      {
        // (the going out first: the not coming back may be told in the next sentence)
        objects: [/出(?:去|门)|溜达|遛弯|散步|买菜|走出|跑出|一早|早上|下午|上午/],
        symptoms: [NOT_BACK],
        inMessage: ['痴呆', '阿尔茨海默', '阿尔兹海默', '失智', '老糊涂', /(?:脑子|脑袋|脑壳|头脑|头壳|记性)[^，。！？,.!?\s]{0,4}(?:糊涂|不(?:太|大|怎么)?(?:清楚|清醒|好使|灵光|好))/, /认不(?:得|到|清)路/],
        span: 40,
        notInMessage: FOUND,
      },
    ],
  },
];

/** A child not back: folded into child_danger. */
export const MISSING_HAZARDS: readonly HazardAddition[] = [
  {
    kind: 'child_danger',
    level: 'emergency',
    pairs: [
      // a child not home long after school or a class, with a plea to look or no answer on its watch ("放学到现在没回来 …
      // 电话手表关机 大家帮忙看看")
      {
        objects: [NOT_BACK],
        symptoms: ['放学', '下课', '补习班', '兴趣班', '辅导班', '学校'],
        within: ['帮忙', '帮我找', '找找', '谁看到', '谁看见', '有人看到', '有没有人看到', '关机', '联系不上', '打不通', '不接', '害怕', '急死'],
        span: 40,
        notInMessage: FOUND,
      },
    ],
  },
];
