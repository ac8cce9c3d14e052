// Two lines a user's sweep turned into tickets: a quarrel between residents ("你再吵我就报警了，神经病，滚", a 设施维修
// ticket) and a 5,000-character line of one phrase pasted over and over. Through the shipped local triage on a real store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { harness, LI, ZHANG, type Harness } from '../support/harness.ts';

const ROOM = 'room-20';

describe('a quarrel line and a flood in a building group', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(await createTriage({}, createMemoryLogger().logger));
  });
  afterAll(() => h.dispose());

  it('lets neighbours quarrel without a ticket, and takes a noise complaint as one', async () => {
    h.newIn(ROOM);
    expect((await h.say(ROOM, LI, '你再吵我就报警了，神经病，滚')).kind).toBe('chatter');
    expect(h.newIn(ROOM)).toEqual([]);
    const noise = await h.say(ROOM, ZHANG, '楼上天天半夜吵，能不能管管');
    expect(noise.kind).toBe('ticket');
    expect(h.newIn(ROOM).join('\n')).toContain('噪音扰民');
  });

  it('opens one ticket for a phrase pasted 1,250 times, its summary the phrase said once', async () => {
    const out = await h.say(ROOM, LI, '电梯坏了'.repeat(1250));
    expect(out.kind).toBe('ticket');
    const t = (await h.store.tickets.findByNumber((out as { ticketNo: number }).ticketNo))!;
    expect(t).toMatchObject({ summary: '电梯坏了', category: 'facility_repair' });
    const [receipt] = h.newIn(ROOM);
    expect(receipt!.length).toBeLessThan(200);
  });
});
