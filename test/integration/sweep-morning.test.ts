// A busy morning in the building groups, through the shipped local triage: what residents and workers typed in the
// sandbox and the bot misread (sweep 5b).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import { harness, LI, ZHANG, type Harness } from '../support/harness.ts';

const ROOM = 'room-20';

describe('a busy morning through the shipped triage', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(await createTriage({ triageModel: undefined, llm: undefined }, createMemoryLogger().logger));
  });
  afterAll(() => h.dispose());
  beforeEach(() => void h.newIn(ROOM));

  it('a line of only punctuation or bare @ signs opens no ticket (？？？ and ！！！ were tickets with a blank summary)', async () => {
    for (const text of ['？？？', '???', '！！！', '@ @ @', '？']) {
      expect(await h.say(ROOM, LI, text), text).toEqual({ kind: 'chatter' });
    }
    expect(h.newIn(ROOM)).toEqual([]);
    expect(await h.store.tickets.list({})).toEqual([]);
    // a real appeal still is one
    expect((await h.say(ROOM, ZHANG, '20号楼东侧的路灯坏了好几天了')).kind).toBe('ticket');
  });
});
