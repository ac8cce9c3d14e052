// The words added for the SLA of 实事 items and for 转议题: a due date in working days, and the ticket's command.
import { describe, expect, it } from 'vitest';
import { parseDue, parseTopicCommand } from '../../../../src/core/deliberation/topic-commands.ts';
import { topicTexts } from '../../../../src/core/deliberation/topic-texts.ts';

const now = new Date('2026-12-07T01:00:00Z');

describe('parseDue in working days', () => {
  it('asks the calendar for "N个工作日", with or without 个 and 内', () => {
    const asked: number[] = [];
    const workdays = (n: number) => (asked.push(n), new Date(Date.UTC(2026, 11, 7 + n)));
    expect(parseDue('5个工作日', now, workdays)).toEqual(new Date(Date.UTC(2026, 11, 12)));
    expect(parseDue('3工作日', now, workdays)).not.toBeNull();
    expect(parseDue('10个工作日内', now, workdays)).not.toBeNull();
    expect(asked).toEqual([5, 3, 10]);
    expect(parseDue('0个工作日', now, workdays)).toBeNull();
    expect(parseDue('5个工作日', now)).toBeNull(); // no calendar: unreadable rather than guessed
  });

  it('reads the item command with working days as its due', () => {
    expect(parseTopicCommand('实事 #3 修车棚 / 林秀珍 / 5个工作日')).toEqual({ kind: 'task', topicNo: 3, text: '修车棚', owner: '林秀珍', due: '5个工作日' });
  });
});

describe('转议题', () => {
  it('reads the ticket number, 社区, a title and options', () => {
    expect(parseTopicCommand('转议题 #123')).toEqual({ kind: 'fromTicket', ticketNo: 123, options: [], community: false });
    expect(parseTopicCommand('@邻里助手 转议题 #123 社区')).toEqual({ kind: 'fromTicket', ticketNo: 123, options: [], community: true });
    expect(parseTopicCommand('转议题 #123 是否建充电棚 / 建 / 不建')).toEqual({ kind: 'fromTicket', ticketNo: 123, title: '是否建充电棚', options: ['建', '不建'], community: false });
    expect(parseTopicCommand('转议题 工单#9 社区 加装电梯')).toEqual({ kind: 'fromTicket', ticketNo: 9, title: '加装电梯', options: [], community: true });
    expect(parseTopicCommand('转议题 #123 社区活动室开放时间')).toEqual({ kind: 'fromTicket', ticketNo: 123, title: '社区活动室开放时间', options: [], community: false });
  });

  it('refuses what it cannot read with the usage', () => {
    for (const bad of ['转议题', '转议题 123x', '转议题 #1 标题 / 只有一个']) expect(parseTopicCommand(bad)).toMatchObject({ kind: 'bad', usage: expect.stringContaining('转议题') });
  });
});

describe('a topic with one option, or more than nine', () => {
  it('is told what is wrong with the options, as the console says it, not only 格式不对', () => {
    for (const [text, count] of [['议题 是否装门禁 / 同意', '1'], ['转议题 #12 是否装门禁 / 同意', '1'], [`议题 选哪个 / ${'ABCDEFGHIJ'.split('').join(' / ')}`, '10']] as const) {
      const cmd = parseTopicCommand(text);
      expect(cmd).toMatchObject({ kind: 'bad', problem: { kind: 'count', option: count } });
      if (cmd?.kind === 'bad') expect(topicTexts.optionsProblem(cmd.problem!)).toBe(`请至少写两个选项（最多九个），用“/”隔开；不写选项则默认 同意/反对/弃权。`);
    }
  });
});
