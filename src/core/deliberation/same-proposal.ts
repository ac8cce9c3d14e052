// When two 议事 titles are the same question: for staff opening a topic, the same words (spaces, width and punctuation
// aside); for a resident's 提议, the same or nearly the same wording (the appeals' likeness, not their thing-and-fault
// reading: a proposal reports no fault).
import { alikeInWording } from '../triage/similarity.ts';

/**
 * Titles at or above this similarity (the appeals' measure) are the same proposal: "21号楼单元门加装门禁系统" is
 * "…安装门禁系统" (0.58), "…安装监控" is not (0.50).
 */
export const SAME_PROPOSAL_THRESHOLD = 0.55;

/** Two titles that differ only in spaces, width and punctuation (“是否建充电棚？” and “是否建充电棚”) are the same question. */
export const sameTitle = (a: string, b: string) => {
  const n = (x: string) => x.normalize('NFKC').replace(/[\s\p{P}]+/gu, '');
  return n(a) === n(b);
};

/** A proposal's title that is (nearly) another's. */
export const sameProposal = (title: string, other: string) =>
  title.trim() === other.trim() || alikeInWording({ text: title }, { text: other }, SAME_PROPOSAL_THRESHOLD);
