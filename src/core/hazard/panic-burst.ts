// A panic burst: a message of a few bare words typed in a hurry ("煤气 煤气 6楼 快", "火！", "救命 电梯", "老人 倒了 不说话
// 8楼"). It has no clause for the pair rules to read, so it is read here by its shape: only short fragments, one of them a
// danger's bare word, and beside it a cry for help, an exclamation, the word said again, or a sign that goes with it.
import { mentionsAny } from '../triage/term-matcher.ts';
import type { Term } from '../triage/urgency.ts';
import { DRILL_MARKERS, RESOLVED_MARKERS } from './hazard-context.ts';
import type { HazardLevel } from './hazard-rules.ts';
import { PERSON } from './people-terms.ts';

/** Fragments are split at spaces, line breaks, punctuation and slashes ("电梯 / 卡住 / 救命"); @mentions and emoji are dropped. */
const FRAGMENT_BREAK = /[\s，。！？,.!?；;:：~～、…/／|｜]+/;
const MENTION = /@[^\s@]+/g;
const EMOJI = /\p{Extended_Pictographic}|\uFE0F/gu;
/** A burst: at most 6 fragments of at most 6 characters each. */
const MOST_FRAGMENTS = 6;
const LONGEST_FRAGMENT = 6;

/** A cry for help as a fragment of its own ("快", "快来人", "救命"). */
// (救明: 救命 typed in a hurry)
const CRY = /^(?:快|快快|快点|快来|快来人|来人|来人啊|救命|救命啊|救明|救救|快救人|快跑|跑|报警|快报警|打119|打120|119|120|急|急急急)$/;
const EXCLAIMED = /[！!]/;
/** Insisting it is real ("不是开玩笑", "真的"). */
const INSISTED = /^(?:不是开玩笑|没开玩笑|真的|是真的|真的假不了)$/;
/** A place as a fragment ("6楼", "2单元楼下", "在车库", "配电室那边"). */
const PLACE = /\d|[栋楼层室梯库道房]|单元|厨房|家|小区|门口|那边|这边|[^\s]+[里下]$/;
/** Not a report: a question, a purchase or a delivery, a drill, a danger over ("煤气 快没了 快送一罐"). */
const NOT_A_BURST: readonly Term[] = [/[?？吗呢]/, '没气', '用完', '没了', '送', '换', '买', '钱', '费', '充值', ...DRILL_MARKERS, ...RESOLVED_MARKERS];

interface BurstReading {
  kind: string;
  /** The danger's bare word as a whole fragment (a gas: "煤气"; a fire: "火"). */
  word: RegExp;
  /** Besides it, one of these fragments makes it a report (beyond a cry, an exclamation or the word said twice). */
  with?: RegExp;
  /** When set, a cry, an exclamation or the word said twice is not enough: one of `with` is needed (a lift and 救命,
   * not a lift and 快). */
  withOnly?: boolean;
  /** Fragments that may stand beside the word without making it a report on their own (the lift's state). */
  context?: RegExp;
  /** The word names someone fallen: a person must be named in it or just before it ("老张倒了"). */
  fallen?: boolean;
  /** The word is a report, or a cry, on its own ("叫救护车", "救火啊"): no cry or sign needed beside it. */
  alone?: boolean;
}

const READINGS: readonly BurstReading[] = [
  // "煤气 煤气 6楼 快", "燃气！！"
  { kind: 'gas_leak', word: /^(?:煤气|燃气|天然气|液化气|煤气罐|液化气罐|漏气|煤气味|燃气味)$/ },
  // "火！", "火 火 3栋"
  { kind: 'fire', word: /^(?:火|大火|着火|起火|失火|火灾)$/ },
  // "救火啊": the cry for help with the fire is its own cry (a game's or a show's is a longer fragment: "游戏里一直喊救火啊")
  { kind: 'fire', word: /^(?:快)?救火(?:啊|呀|啦|哇|了)?$/, alone: true },
  // "炸了 真炸了 … 有烟", "又一声 又炸了": a blast with smoke, a second bang, or said again
  { kind: 'explosion', word: /^(?:又|真|真的)?(?:炸了|爆炸了|爆了)$/, with: /^(?:有烟|冒烟|好多烟|着火了|起火了|又一声|一声巨响|巨响)$/, withOnly: true },
  // "救命 电梯": someone shut in a lift crying for help
  // (the lift stopped told beside the cry: "电梯 / 停电了 / 卡住 / 我在2单元 / 救命")
  // (or the lift's state in the same fragment: "救命 电梯卡住了 在14楼"; not 坏了, said of a lift out of order)
  { kind: 'trapped', word: /^电梯(?:里)?(?:卡住了?|卡了|停了|不动了)?$/, with: /^(?:救命|救命啊|救明|救救|出不去|出不来|困住了|被困|困人)$/, withOnly: true, context: /^(?:停电了|停了|卡住了?|卡了|不动了|打不开|门打不开|灯灭了|黑了|我在.{1,5})$/ },
  // "爆了 暖气管 开水喷": a heating pipe burst, scalding water spraying (told by the spray or the burst, not the pipe alone)
  { kind: 'pipe_burst', word: /^(?:暖气管|暖气片|暖气|热水管|供暖管)(?:子)?(?:爆了|裂了)?$|^(?:爆了|裂了)$/, with: /^(?:(?:开|热|烫)水(?:在|一直)?(?:喷|冒|涌|往外喷|到处喷|喷出来|喷了)|烫人|烫伤了?)$/, withOnly: true },
  // "老人 倒了 不说话 8楼", "快来人 老张倒了 在车库": someone down, with a cry or a sign of it
  // (or fainted: "快来人 我爸晕了", "奶奶昏过去了！！"; "我晕了" names no one else)
  { kind: 'medical', word: /^(?:.{0,4})(?:倒(?:了|下了|地了)|[晕昏](?:倒|过去)?了)$/, with: /^(?:不说话|不动|没反应|叫不醒|不醒|不出声|没气|口吐白沫)了?$/, fallen: true },
  // "叫救护车！！", "快打120": an ambulance called for is a report on its own
  { kind: 'medical', word: /^(?:快|快点|赶紧|赶快)?(?:叫|打|喊)(?:个|辆)?(?:救护车|120)(?:啊|呀)?$/, alone: true },
  // "打起来了！！", "又打起来了 快报警": a fight broke out, cried (not "王者里打起来了", "比赛打起来了": a fragment of its own)
  { kind: 'violence', word: /^(?:又|真)?(?:打起来了|打起来啦|打架了|打人了|动手了|干起来了)$/ },
];

/** A person as a fragment ("老人"), or someone by surname ("老张", "王姐"). */
const named = (w: string): boolean => mentionsAny(w, PERSON) || /^[老小][^\s]$|^[^\s]{1,2}(?:姐|哥|叔|姨|伯|婶|嫂|爷|奶)$/.test(w);
/** Whoever a fragment names as fallen: a person ("老人倒了"), someone by surname ("老张倒了", "王姐"), or the fragment before. */
const FALLEN_PERSON = (fragment: string, before: string | undefined): boolean => {
  const who = fragment.replace(/(?:倒(?:了|下了|地了)|[晕昏](?:倒|过去)?了)$/, '');
  return who.length > 0 ? named(who) : before !== undefined && named(before);
};

/** The kind and level a panic burst tells, and its words, or null. Every reading here is an emergency. */
export function panicBurst(text: string): { level: HazardLevel; kind: string; signal: string } | null {
  if (text.length > 48 || mentionsAny(text, NOT_A_BURST)) return null;
  const fragments = text.replace(MENTION, ' ').replace(EMOJI, ' ').split(FRAGMENT_BREAK).filter((f) => f.length > 0);
  if (fragments.length === 0 || fragments.length > MOST_FRAGMENTS || fragments.some((f) => f.length > LONGEST_FRAGMENT)) return null;
  const cried = EXCLAIMED.test(text) || fragments.some((f) => CRY.test(f));
  for (const reading of READINGS) {
    const at = fragments.findIndex((f) => reading.word.test(f));
    if (at < 0) continue;
    if (reading.fallen && !FALLEN_PERSON(fragments[at] ?? '', fragments[at - 1])) continue;
    const saidTwice = fragments.filter((f) => reading.word.test(f)).length > 1;
    // every other fragment a cry, a place, a person, insistence or a sign: "火！！ 这首歌" is praise, "股票 炸了 真炸了" a crash
    const others = fragments.filter((f) => !reading.word.test(f));
    if (!others.every((f) => CRY.test(f) || INSISTED.test(f) || PLACE.test(f) || named(f) || reading.with?.test(f) || reading.context?.test(f))) continue;
    const sign = reading.with !== undefined && fragments.some((f) => reading.with!.test(f));
    if (sign || reading.alone || (saidTwice && !reading.withOnly) || (cried && !reading.withOnly)) {
      return { level: 'emergency', kind: reading.kind, signal: fragments.join(' ') };
    }
  }
  return null;
}
