// The tally of a topic: a pure function of its stored votes. The latest vote of each voter (or household) written by
// the time the window closes counts; votes from outside the scope's groups, from staff who do not live there, from people
// registered as living outside the scope, and (一户一票) from people without a registered household do not.
import type { Electorate, Tally, Topic, TopicVote } from './topic.types.ts';

export type TallyTopic = Pick<Topic, 'options' | 'rule' | 'quorumPct' | 'counting' | 'closesAt'>;
export type TallyVote = Pick<TopicVote, 'voterId' | 'householdKey' | 'groupId' | 'choice' | 'messageId' | 'at'>;

/** Options named 弃权 take no side: they count towards turnout, not towards the majority. */
const isAbstain = (option: string) => option === '弃权';

export function tally(topic: TallyTopic, votes: readonly TallyVote[], electorate: Electorate): Tally {
  const ignored = { late: 0, outside: 0, staff: 0, elsewhere: 0, noHousehold: 0, badChoice: 0 };
  const latest = new Map<string, TallyVote>();
  const ordered = [...votes].sort((a, b) => a.at.getTime() - b.at.getTime() || a.messageId - b.messageId);
  for (const v of ordered) {
    if (topic.closesAt && v.at.getTime() > topic.closesAt.getTime()) ignored.late++;
    else if (v.groupId === null || !electorate.scopeGroupIds.has(v.groupId)) ignored.outside++;
    else if (electorate.staffNotResident.has(v.voterId)) ignored.staff++;
    else if (electorate.residentsElsewhere?.has(v.voterId)) ignored.elsewhere++;
    else if (v.choice < 1 || v.choice > topic.options.length) ignored.badChoice++;
    else if (topic.counting === 'HOUSEHOLD' && !v.householdKey) ignored.noHousehold++;
    else latest.set(topic.counting === 'HOUSEHOLD' ? `h:${v.householdKey}` : `p:${v.voterId}`, v);
  }
  const counts = topic.options.map(() => 0);
  for (const v of latest.values()) counts[v.choice - 1]!++;
  const counted = latest.size;
  const turnout = electorate.size > 0 ? counted / electorate.size : null;
  const quorumMet = topic.rule !== 'QUORUM' || (turnout !== null && turnout * 100 >= (topic.quorumPct ?? 50));
  const sided = counts.filter((_, i) => !isAbstain(topic.options[i]!));
  const sidedTotal = sided.reduce((a, b) => a + b, 0);
  let leading: number | null = null;
  counts.forEach((c, i) => {
    if (isAbstain(topic.options[i]!) || c === 0) return;
    if (leading === null || c > counts[leading]!) leading = i;
  });
  if (leading !== null && counts.some((c, i) => i !== leading && !isAbstain(topic.options[i]!) && c === counts[leading!])) leading = null;
  // a yes/no motion (同意/反对) passes when 同意 has the majority; a choice between options, when one has it
  const yes = topic.options.indexOf('同意');
  const motion = yes >= 0 && topic.options.includes('反对');
  const passed = leading !== null && counts[leading]! * 2 > sidedTotal && quorumMet && (!motion || leading === yes);
  return { counts, counted, ignored, electorate: electorate.size, turnout, quorumMet, leading, passed };
}
