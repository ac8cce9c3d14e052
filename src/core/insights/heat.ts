// The heat of a problem in the period. People count, not posts:
//
//   heat = R + 0.25 · (U − R) + 0.5 · ln(1 + S)
//
//   R  distinct reporters (an appeal without a reporter counts as one of its own);
//   U  counted appeals: a reporter's appeal counts unless the same reporter already has a counted appeal in this
//      problem less than 30 days earlier that is near-identical (cosine ≥ 0.5); so U ≥ R, and U − R is what the
//      same people said again about the problem after a month or in other words;
//   S  support: Σ max(0, likes − 0.5 · dislikes) over all the period's appeals (a ticket's joined duplicates are its
//      likes), duplicates included: a repeated post's likes are support too.
//
// Five residents outweigh one resident's five posts (5 vs 1), and one post with a hundred likes (1 + 0.5·ln 101 ≈ 3.3)
// weighs less than five residents; support has diminishing returns.
import type { Appeal } from './insights.types.ts';
import { docCosine, type Doc } from './features.ts';

export const REPEAT_WINDOW_DAYS = 30;
export const NEAR_IDENTICAL = 0.5;
export const REPEAT_WEIGHT = 0.25;
export const SUPPORT_WEIGHT = 0.5;
export const DISLIKE_WEIGHT = 0.5;

export interface Heat {
  heat: number;
  reporters: number;
  /** Appeals counted after a reporter's near-identical repeats within 30 days were dropped. */
  counted: number;
  support: number;
}

/** The heat of the appeals `idx` (indexes into `appeals`/`docs`, all in the period). */
export function heatOf(idx: readonly number[], appeals: readonly Appeal[], docs: readonly Doc[]): Heat {
  const byReporter = new Map<string, number[]>();
  let support = 0;
  for (const i of idx) {
    const a = appeals[i]!;
    const who = a.user ? `u:${a.user}` : `a:${i}`;
    (byReporter.get(who) ?? byReporter.set(who, []).get(who)!).push(i);
    support += Math.max(0, (a.likes ?? 0) - DISLIKE_WEIGHT * (a.dislikes ?? 0));
  }
  let counted = 0;
  const windowMs = REPEAT_WINDOW_DAYS * 86_400_000;
  for (const list of byReporter.values()) {
    list.sort((x, y) => appeals[x]!.time.getTime() - appeals[y]!.time.getTime());
    const kept: number[] = [];
    for (const i of list) {
      const t = appeals[i]!.time.getTime();
      const repeat = kept.some((k) => t - appeals[k]!.time.getTime() < windowMs && docCosine(docs[i]!, docs[k]!) >= NEAR_IDENTICAL);
      if (!repeat) kept.push(i);
    }
    counted += kept.length;
  }
  const reporters = byReporter.size;
  const heat = reporters + REPEAT_WEIGHT * (counted - reporters) + SUPPORT_WEIGHT * Math.log1p(support);
  return { heat: Math.round(heat * 100) / 100, reporters, counted, support };
}
