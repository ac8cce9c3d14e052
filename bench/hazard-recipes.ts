// Candidate training recipes for the hazard model, and training-time augmentation (issue #12): noisy copies of the labelled lines, so that the model
// meets at training time the wording a new author brings (voice-input slips, no punctuation, dialect particles, the
// danger buried in a long chatty message). Every line gets the same copies whatever else is trained with it (the
// randomness is seeded by the line's own text), and look-alikes are copied exactly as dangers are, so the noise itself
// says nothing about the label. Compared by bench/hazard-lopo.ts (docs/BENCHMARKS.md, issue #12 session 9): none of
// the augmentations helped (the cross-validated threshold rose and took the recall back), so none is shipped; the
// recipes stay here to be re-run. 'ngram13' is the model before session 9 (character 1–3-grams).
import { Prng } from '../src/core/triage/prng.ts';
import type { LabelledText } from '../src/core/triage/text-classifier.ts';
import { HAZARD_TRAIN, hazardExamples, type HazardLine, type HazardRecipe } from '../src/core/hazard/hazard-model.training.ts';

/** Common voice-input (pinyin) confusions: the written word → what a speech or pinyin IME may put instead. */
export const VOICE_SLIPS: readonly (readonly [string, string])[] = [
  ['燃气', '然气'], ['煤气', '媒气'], ['着火', '着伙'], ['起火', '起伙'], ['漏电', '露电'], ['漏气', '露气'],
  ['电梯', '电提'], ['救命', '就命'], ['消防', '消房'], ['通道', '通到'], ['楼道', '楼到'], ['晕倒', '晕到'],
  ['倒了', '到了'], ['窗户', '窗护'], ['孩子', '孩纸'], ['充电', '冲电'], ['电瓶', '电平'], ['井盖', '井改'],
  ['呼吸', '呼息'], ['浓烟', '农烟'], ['味道', '为道'], ['快来', '块来'], ['坍塌', '摊塌'], ['电线', '电现'],
  ['阳台', '阳抬'], ['老人', '老仁'], ['爆炸', '暴炸'], ['冒烟', '帽烟'], ['报警', '报井'], ['打120', '打幺二零'],
];
/** Particles and openers of spoken and dialect messages. */
const TAILS = ['啊', '哦', '嘛', '咯', '噻', '哈', '呀', '喔', '啦', '咧', '嘞', '哇', '了啦', '哦哟'];
const HEADS = ['哎呀', '我的天', '天呐', '那个', '喂', '大家注意', '麻烦问下', '紧急', '各位邻居', '卧槽'];
/** Unrelated group chatter a danger line may be buried in (written for this file; no real messages). */
const CHATTER = [
  '今天物业说下周停水，大家提前储水', '周末团购的水果到了记得去拿', '谁家的快递放错门口了', '早上送孩子上学又堵车',
  '晚上广场舞改到七点半', '中午吃啥还没想好', '有没有人拼车去机场', '明天要下雨记得收衣服', '楼下超市今天打折',
  '物业费这个月要交了', '小区门口新开了一家面馆', '谁有多余的快递箱', '群里接龙买大米的看一下', '我家猫又跑出去了',
  '停车场的灯修好了没', '业主大会的时间定了吗', '最近蚊子好多', '帮忙转发一下', '刚下班回来', '这天气真热',
];
const PUNCT = /[\s,.!?;:，。！？；：、…~～"'“”‘’()（）【】\[\]]+/gu;

function textSeed(text: string, seed: number): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const pick = <T>(rng: Prng, a: readonly T[]): T => a[rng.int(a.length)]!;

/** Voice slips (each that applies, with probability 1/2, at least one if any applies), punctuation and spaces dropped
 * (1/2), a particle or opener added (1/2). */
export function noisy(text: string, rng: Prng): string {
  let t = text;
  const applicable = VOICE_SLIPS.filter(([w]) => t.includes(w));
  const must = applicable.length > 0 ? rng.int(applicable.length) : -1;
  applicable.forEach(([w, s], i) => {
    if (i === must || rng.next() < 0.5) t = t.split(w).join(s);
  });
  if (rng.next() < 0.5) t = t.replace(PUNCT, '');
  const r = rng.next();
  if (r < 0.25) t = `${t}${pick(rng, TAILS)}`;
  else if (r < 0.5) t = `${pick(rng, HEADS)} ${t}`;
  return t;
}

/** The line between one or two pieces of unrelated chatter. */
export function embedded(text: string, rng: Prng): string {
  const before = pick(rng, CHATTER);
  const after = pick(rng, CHATTER);
  const r = rng.int(3);
  return r === 0 ? `${before}。${text}` : r === 1 ? `${text}。${after}` : `${before}，${text}。${after}`;
}

export function augmentLines(lines: readonly HazardLine[], seed: number, ways: { noise: boolean; embed: boolean }): LabelledText[] {
  const out: LabelledText[] = [];
  const base = hazardExamples(lines);
  lines.forEach((l, i) => {
    const rng = new Prng(textSeed(l.text, seed));
    const label = base[i]!.label;
    if (ways.noise) {
      const t = noisy(l.text, rng);
      if (t !== l.text) out.push({ text: t, label });
    }
    if (ways.embed) out.push({ text: embedded(rng.next() < 0.5 ? l.text : noisy(l.text, rng), rng), label });
  });
  return out;
}

const NGRAM13 = { ...HAZARD_TRAIN, ngrams: { ...HAZARD_TRAIN.ngrams, minN: 1, maxN: 3 } };

/** Recipes by name for `npx tsx bench/hazard-lopo.ts --recipe NAME` ('shipped' is HAZARD_RECIPE: character 1–4-grams). */
export const HAZARD_RECIPES: Record<string, HazardRecipe> = {
  ngram13: { train: NGRAM13 },
  ngram15: { train: { ...HAZARD_TRAIN, ngrams: { ...HAZARD_TRAIN.ngrams, minN: 1, maxN: 5 } } },
  ngram24: { train: { ...HAZARD_TRAIN, ngrams: { ...HAZARD_TRAIN.ngrams, minN: 2, maxN: 4 } } },
  balanced: { train: { ...HAZARD_TRAIN, classWeight: 'balanced' } },
  noise: { train: HAZARD_TRAIN, augment: (l, s) => augmentLines(l, s, { noise: true, embed: false }) },
  ngram13balanced: { train: { ...NGRAM13, classWeight: 'balanced' } },
  ngram13noise: { train: NGRAM13, augment: (l, s) => augmentLines(l, s, { noise: true, embed: false }) },
  ngram13embed: { train: NGRAM13, augment: (l, s) => augmentLines(l, s, { noise: false, embed: true }) },
  ngram13both: { train: NGRAM13, augment: (l, s) => augmentLines(l, s, { noise: true, embed: true }) },
};
