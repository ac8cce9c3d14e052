// The tally as a pure function of stored votes, the reading of replies, and the 议事 command words.
import { describe, expect, it } from 'vitest';
import { tally, type TallyTopic, type TallyVote } from '../../../../src/core/deliberation/tally.ts';
import { parseReply } from '../../../../src/core/deliberation/vote-parser.ts';
import { impossibleDue, parseDue, parseTopicCommand } from '../../../../src/core/deliberation/topic-commands.ts';
import type { Electorate } from '../../../../src/core/deliberation/topic.types.ts';

const OPTIONS = ['同意', '反对', '弃权'];
const topic = (over: Partial<TallyTopic> = {}): TallyTopic => ({ options: OPTIONS, rule: 'MAJORITY', quorumPct: null, counting: 'PERSON', closesAt: new Date('2026-12-09T10:00:00Z'), ...over });
const electorate = (over: Partial<Electorate> = {}): Electorate => ({ scopeGroupIds: new Set([1, 2, 3]), staffNotResident: new Set([90]), size: 10, ...over });
let seq = 0;
const vote = (voterId: number, choice: number, at: string, over: Partial<TallyVote> = {}): TallyVote => ({ voterId, householdKey: null, groupId: 1, choice, messageId: ++seq, at: new Date(at), ...over });

describe('tally', () => {
  it('counts the latest vote of each voter: a changed vote replaces the earlier one', () => {
    const r = tally(topic(), [vote(1, 1, '2026-12-07T01:00:00Z'), vote(2, 2, '2026-12-07T02:00:00Z'), vote(1, 2, '2026-12-07T03:00:00Z'), vote(3, 2, '2026-12-07T04:00:00Z')], electorate());
    expect(r.counts).toEqual([0, 3, 0]);
    expect(r.counted).toBe(3);
    expect(r.turnout).toBeCloseTo(0.3);
    expect(r.leading).toBe(1);
    expect(r.passed).toBe(false); // 反对 leads: the motion fails
  });

  it('orders by the time written, not by arrival: an older vote stored later does not replace a newer one', () => {
    const newer = vote(1, 2, '2026-12-07T05:00:00Z');
    const older = vote(1, 1, '2026-12-07T01:00:00Z');
    expect(tally(topic(), [newer, older], electorate()).counts).toEqual([0, 1, 0]);
  });

  it('does not count votes from outside the scope, from staff who do not live there, or after close', () => {
    const r = tally(topic(), [
      vote(1, 1, '2026-12-07T01:00:00Z'),
      vote(5, 2, '2026-12-07T01:00:00Z', { groupId: 77 }),
      vote(6, 2, '2026-12-07T01:00:00Z', { groupId: null }),
      vote(90, 2, '2026-12-07T01:00:00Z'),
      vote(2, 2, '2026-12-09T10:00:00.001Z'),
      vote(1, 2, '2026-12-09T11:00:00Z'),
      vote(3, 1, '2026-12-09T10:00:00Z'), // at the closing moment: still in time
    ], electorate());
    expect(r.counts).toEqual([2, 0, 0]);
    expect(r.ignored).toEqual({ late: 2, outside: 2, staff: 1, elsewhere: 0, noHousehold: 0, badChoice: 0 });
    expect(r.passed).toBe(true);
  });

  it('counts one vote per household under 一户一票, and none from someone without a household', () => {
    const t = topic({ counting: 'HOUSEHOLD' });
    const r = tally(t, [
      vote(1, 1, '2026-12-07T01:00:00Z', { householdKey: '3-201' }),
      vote(2, 2, '2026-12-07T02:00:00Z', { householdKey: '3-201' }),
      vote(3, 2, '2026-12-07T02:00:00Z', { householdKey: '3-202' }),
      vote(4, 1, '2026-12-07T02:00:00Z'),
    ], electorate({ size: 4 }));
    expect(r.counts).toEqual([0, 2, 0]);
    expect(r.counted).toBe(2);
    expect(r.ignored.noHousehold).toBe(1);
    expect(r.turnout).toBe(0.5);
  });

  it('does not count people registered as residents outside the scope, under either rule; unregistered people count under 一人一票', () => {
    const votes = [vote(1, 1, '2026-12-07T01:00:00Z'), vote(2, 2, '2026-12-07T02:00:00Z', { householdKey: '3-202' }), vote(4, 1, '2026-12-07T02:00:00Z')];
    const person = tally(topic(), votes, electorate({ residentsElsewhere: new Set([4]) }));
    expect(person.counts).toEqual([1, 1, 0]);
    expect(person.ignored).toMatchObject({ elsewhere: 1, noHousehold: 0 });
    const household = tally(topic({ counting: 'HOUSEHOLD' }), votes, electorate({ residentsElsewhere: new Set([4]) }));
    expect(household.counts).toEqual([0, 1, 0]);
    expect(household.ignored).toMatchObject({ elsewhere: 1, noHousehold: 1 });
  });

  it('abstentions count for turnout but not for the majority; a tie passes nothing', () => {
    const abst = tally(topic(), [vote(1, 1, '2026-12-07T01:00:00Z'), vote(2, 3, '2026-12-07T01:00:00Z'), vote(3, 3, '2026-12-07T01:00:00Z')], electorate());
    expect(abst.passed).toBe(true);
    expect(abst.counted).toBe(3);
    const tie = tally(topic(), [vote(1, 1, '2026-12-07T01:00:00Z'), vote(2, 2, '2026-12-07T01:00:00Z')], electorate());
    expect(tie.leading).toBeNull();
    expect(tie.passed).toBe(false);
  });

  it('needs more than half with several options, and the quorum under QUORUM', () => {
    const t = topic({ options: ['东门', '西门', '南门'] });
    const split = tally(t, [vote(1, 1, '2026-12-07T01:00:00Z'), vote(2, 1, '2026-12-07T01:00:00Z'), vote(3, 2, '2026-12-07T01:00:00Z'), vote(4, 3, '2026-12-07T01:00:00Z')], electorate());
    expect(split.leading).toBe(0);
    expect(split.passed).toBe(false);
    const q = topic({ rule: 'QUORUM', quorumPct: 50 });
    const few = tally(q, [vote(1, 1, '2026-12-07T01:00:00Z'), vote(2, 1, '2026-12-07T01:00:00Z')], electorate());
    expect(few.quorumMet).toBe(false);
    expect(few.passed).toBe(false);
    const enough = tally(q, [1, 2, 3, 4, 5].map((p) => vote(p, 1, '2026-12-07T01:00:00Z')), electorate());
    expect(enough.quorumMet).toBe(true);
    expect(enough.passed).toBe(true);
  });
});

describe('replies to a topic', () => {
  it('reads numbers, option names and their common synonyms', () => {
    expect(parseReply('1', OPTIONS)).toEqual({ kind: 'vote', choice: 1 });
    expect(parseReply(' ２。', OPTIONS)).toEqual({ kind: 'vote', choice: 2 });
    expect(parseReply('@邻里助手 弃权', OPTIONS)).toEqual({ kind: 'vote', choice: 3 });
    expect(parseReply('不同意', OPTIONS)).toEqual({ kind: 'vote', choice: 2 });
    expect(parseReply('赞成！', OPTIONS)).toEqual({ kind: 'vote', choice: 1 });
    expect(parseReply('西门', ['东门', '西门'])).toEqual({ kind: 'vote', choice: 2 });
  });
  it('tells an option that does not exist from a comment', () => {
    expect(parseReply('7', ['东门', '西门'])).toEqual({ kind: 'no-such-option', choice: 7 });
    expect(parseReply('1号楼的车棚太远了', OPTIONS)).toEqual({ kind: 'comment' });
    expect(parseReply('同意楼上的说法', OPTIONS)).toEqual({ kind: 'comment' });
    expect(parseReply('5，离窗户太近', OPTIONS)).toEqual({ kind: 'comment' });
  });
  it('reads a vote followed by its reason: counted, the reason kept as discussion', () => {
    expect(parseReply('反对，太占地方', OPTIONS)).toEqual({ kind: 'vote', choice: 2, reason: true });
    expect(parseReply('我同意，但是费用谁出？', OPTIONS)).toEqual({ kind: 'vote', choice: 1, reason: true });
    expect(parseReply('3。不住这栋', OPTIONS)).toEqual({ kind: 'vote', choice: 3, reason: true });
    expect(parseReply('不同意 充电棚离窗户太近', OPTIONS)).toEqual({ kind: 'vote', choice: 2, reason: true });
    expect(parseReply('西门！离菜场近', ['东门', '西门'])).toEqual({ kind: 'vote', choice: 2, reason: true });
  });
});

describe('议事 commands', () => {
  it('reads 议题 with its window, scope, counting and options', () => {
    expect(parseTopicCommand('议题 是否建充电棚')).toEqual({ kind: 'open', title: '是否建充电棚', options: [] });
    expect(parseTopicCommand('@邻里助手 议题 5天 网格 一户一票 参与率40% 大门位置 / 东门 / 西门')).toEqual({
      kind: 'open', title: '大门位置', options: ['东门', '西门'], windowHours: 120, level: 'GRID', counting: 'HOUSEHOLD', quorumPct: 40,
    });
    expect(parseTopicCommand('议题 标题 / 只有一个')).toEqual({ kind: 'bad', usage: '议题 标题 / 选项1 / 选项2', problem: { kind: 'count', option: '1' } });
    expect(parseTopicCommand('议题 99天 标题')?.kind).toBe('bad');
    // options that cannot be told apart by reply: two the same, or a number (a reply "2" is the second option)
    expect(parseTopicCommand('议题 大门位置 / 东门 / 东门')).toEqual({ kind: 'bad', usage: '议题 标题 / 选项1 / 选项2', problem: { kind: 'duplicate', option: '东门' } });
    expect(parseTopicCommand('议题 方案 / 1 / 2 / 3')).toEqual({ kind: 'bad', usage: '议题 标题 / 选项1 / 选项2', problem: { kind: 'numeric', option: '1' } });
    expect(parseTopicCommand('议题 方案 / A / ２号')).toMatchObject({ kind: 'bad', problem: { kind: 'numeric', option: '２号' } });
    expect(parseTopicCommand('转议题 #5 方案 / 甲 / 甲')).toMatchObject({ kind: 'bad', problem: { kind: 'duplicate', option: '甲' } });
    expect(parseTopicCommand('议题 停车位 / 3号楼前 / 5号楼前')).toMatchObject({ kind: 'open', options: ['3号楼前', '5号楼前'] });
    expect(parseTopicCommand('议题')?.kind).toBe('bad');
  });
  it('reads the other words, and leaves sentences that merely contain them', () => {
    expect(parseTopicCommand('提议 小区增设快递柜')).toEqual({ kind: 'propose', title: '小区增设快递柜' });
    expect(parseTopicCommand('附议')).toEqual({ kind: 'second', topicNo: undefined });
    expect(parseTopicCommand('附议 #12')).toEqual({ kind: 'second', topicNo: 12 });
    expect(parseTopicCommand('受理提议 议题#12')).toEqual({ kind: 'accept', topicNo: 12 });
    expect(parseTopicCommand('拟办 #3 由物业在东门建车棚')).toEqual({ kind: 'decide', topicNo: 3, text: '由物业在东门建车棚' });
    expect(parseTopicCommand('实事 #3 建车棚 / 物业公司 / 12月20日')).toEqual({ kind: 'task', topicNo: 3, text: '建车棚', owner: '物业公司', due: '12月20日' });
    expect(parseTopicCommand('实事 #3 建车棚')?.kind).toBe('bad');
    expect(parseTopicCommand('完成 实事#8')).toEqual({ kind: 'finish', taskNo: 8 });
    expect(parseTopicCommand('我觉得这个议题不错')).toBeNull();
    expect(parseTopicCommand('附议的人好多')).toBeNull();
  });
  it('reads due dates at 18:00 China time', () => {
    const now = new Date('2026-12-06T04:00:00Z');
    expect(parseDue('12月20日', now)?.toISOString()).toBe('2026-12-20T10:00:00.000Z');
    expect(parseDue('1-5', now)?.toISOString()).toBe('2027-01-05T10:00:00.000Z');
    expect(parseDue('7天', now)?.toISOString()).toBe('2026-12-13T10:00:00.000Z');
    expect(parseDue('下周', now)).toBeNull();
  });
  it('refuses a day no calendar has (2月30日 is not 3月2日), naming it', () => {
    const now = new Date('2026-12-06T04:00:00Z');
    for (const s of ['2月30日', '2027-02-29', '4-31', '2027年6月31日']) expect(parseDue(s, now), s).toBeNull();
    expect(impossibleDue('2月30日', now)).toBe('2月30日');
    expect(impossibleDue('4-31', now)).toBe('4月31日');
    expect(impossibleDue('2月28日', now)).toBeNull();
    expect(impossibleDue('下周', now)).toBeNull();
    expect(parseDue('2028-02-29', now)?.toISOString()).toBe('2028-02-29T10:00:00.000Z');
  });
});
