// Telegram sweep, session 17: a resident's appeal corrected or added to after its receipt with a danger ("电梯坏了" then
// "里面还困着一个老人，快来") added the words to the ticket but left it a normal one (accept within a working day): only
// the patrol's alert said it was an emergency. The words that tell a greater danger now raise the ticket's urgency,
// with that urgency's deadlines from now, and the resident hears it. Never lowered. Through the shipped local triage.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { harness, LI, type Harness } from '../support/harness.ts';

const ROOM = 'room-20';

describe('a follow-up telling a greater danger', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(await createTriage({ triageModel: undefined, llm: undefined }, createMemoryLogger().logger));
  });
  afterAll(() => h.dispose());
  beforeEach(() => void h.newIn(ROOM));

  it('quoting the receipt: the ticket becomes an emergency, with its deadlines from now', async () => {
    const t = (await h.say(ROOM, LI, '20号楼2单元的电梯又坏了，停在3楼不动')) as { kind: string; ticketNo: number };
    expect(t.kind).toBe('ticket');
    const receipt = h.newIn(ROOM)[0]!;
    expect((await h.tickets.get(t.ticketNo)).urgency).toBe('NORMAL');
    const out = await h.say(ROOM, LI, '里面还困着一个老人，快来人啊', { quoted: { text: receipt, fromBot: true } });
    expect(out).toMatchObject({ kind: 'supplemented', ticketNo: t.ticketNo });
    const after = await h.tickets.get(t.ticketNo);
    expect(after.urgency).toBe('EMERGENCY');
    const last = (await h.tickets.timeline(after.id)).at(-1)!;
    // an emergency is accepted within minutes of the words that told it, not a working day after the report
    expect(after.acceptDueAt!.getTime() - last.at.getTime()).toBeLessThanOrEqual(3600_000);
    expect(after.acceptDueAt!.getTime()).toBeGreaterThan(last.at.getTime());
    expect(h.newIn(ROOM)).toEqual([`@李先生 已将工单 #${t.ticketNo} 升为紧急，已通知网格员立即处置。如有危险请先拨打 119（火警）、120（急救）或 110（报警）。`]);
    expect(last).toMatchObject({ type: 'supplemented', note: '里面还困着一个老人，快来人啊', data: { urgency: { from: 'NORMAL', to: 'EMERGENCY' } } });
  });

  it('a follow-up telling less is added, the urgency kept', async () => {
    const t = (await h.say(ROOM, LI, '21号楼楼道里有很浓的煤气味，快来看看')) as { kind: string; ticketNo: number };
    const receipt = h.newIn(ROOM)[0]!;
    expect((await h.tickets.get(t.ticketNo)).urgency).toBe('EMERGENCY');
    await h.say(ROOM, LI, '就在3单元门口那边', { quoted: { text: receipt, fromBot: true } });
    expect((await h.tickets.get(t.ticketNo)).urgency).toBe('EMERGENCY');
  });

  it('telling the same problem again, unquoted, with a danger in it: raised too', async () => {
    const t = (await h.say(ROOM, LI, '21号楼1单元电梯坏了，停在5楼')) as { kind: string; ticketNo: number };
    expect((await h.tickets.get(t.ticketNo)).urgency).toBe('NORMAL');
    h.newIn(ROOM);
    const out = await h.say(ROOM, LI, '21号楼1单元电梯坏了，停在5楼，有人被困');
    expect(out).toMatchObject({ kind: 'supplemented', ticketNo: t.ticketNo });
    expect((await h.tickets.get(t.ticketNo)).urgency).toBe('EMERGENCY');
    expect(h.newIn(ROOM)).toEqual([`@李先生 已将工单 #${t.ticketNo} 升为紧急，已通知网格员立即处置。如有危险请先拨打 119（火警）、120（急救）或 110（报警）。`]);
  });
});
