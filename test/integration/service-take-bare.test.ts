// A building head (楼栋长, staff) who is a volunteer too writes a bare "接单 #N" after being dispatched 求助#N: it takes
// the request when ticket #N is not theirs to claim, and when the request was dispatched to them; a quote of the
// ticket's receipt keeps it the ticket's word. "接单 求助#N" always names the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import { harness, LI, LIN, ZHANG, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { SERVICE_GRID } from '../support/service-fixture.ts';

const ROOM = 'room-20';
const G2 = 'room-g2';
const QIAN = { id: 'wx-qian', name: '钱楼栋长' };
const GRID: GridSpec = {
  ...SERVICE_GRID,
  people: [...SERVICE_GRID.people, { key: 'qian', name: QIAN.name, identities: [{ platform: 'WECHAT', externalId: QIAN.id }], roles: [{ role: 'UNIT_HEAD', nodeCode: 'U1' }, { role: 'VOLUNTEER', nodeCode: 'C1' }] }],
};

describe('a bare 接单 #N from a building head who is a volunteer too', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(scriptedTriage([['电梯', { category: 'facility_repair', summary: '电梯故障' }], ['路灯', { category: 'facility_repair', summary: '路灯不亮' }]]), { now: new Date('2026-12-07T01:00:00Z') });
    await h.store.grid.importSpec(GRID);
  });
  afterAll(() => h.dispose());

  const ticketNo = (reply: string) => Number(/#(\d+)/.exec(reply)![1]);
  const request = async (text: string) => {
    const out = await h.say(ROOM, ZHANG, text);
    expect(out).toMatchObject({ kind: 'service', action: 'request' });
    const no = (out as { requestNo: number }).requestNo;
    expect(await h.say(ROOM, LIN, `派单 求助#${no} @${QIAN.name}`)).toMatchObject({ kind: 'service', action: 'dispatch' });
    return no;
  };

  it('ticket #N on a grid not theirs, 求助#N dispatched to them: takes the request', async () => {
    await h.say(G2, LI, '二网格3号楼电梯坏了');
    const t = ticketNo(h.newIn(G2)[0]!);
    const no = await request('求助 家里老人腿脚不便，帮我代办老年证');
    expect(no).toBe(t);
    h.newIn(ROOM);
    // before: read as claiming ticket #N and refused (抱歉，此操作需由负责该网格的工作人员办理。)
    expect(await h.say(ROOM, QIAN, `接单 #${no}`)).toEqual({ kind: 'service', requestNo: no, action: 'take' });
    expect((await h.store.service.findById(no))!.status).toBe('TAKEN');
    expect(h.newIn(ROOM).join('\n')).not.toContain('抱歉');
    expect((await h.tickets.get(t)).status).toBe('REPORTED');
  });

  it('both possible: the request dispatched to them wins, unless the message quotes the ticket’s receipt; 接单 求助#N takes the request', async () => {
    await h.say(ROOM, ZHANG, '20号楼门口路灯不亮了');
    const receipt = h.chat.inGroup(ROOM).at(-1)!;
    const t = ticketNo(receipt.text);
    const no = await request('求助 帮我代办残疾证，老人走不动');
    expect(no).toBe(t);
    // quoting the ticket's receipt: the ticket's word, and this building head may claim it
    expect(await h.say(ROOM, QIAN, `接单 #${t}`, { quotedExternalId: receipt.externalId })).toMatchObject({ kind: 'command', command: 'claim', ticketNo: t });
    expect((await h.tickets.get(t)).status).toBe('ACCEPTED');
    expect((await h.store.service.findById(no))!.status).toBe('DISPATCHED');
    expect(await h.say(ROOM, QIAN, `接单 求助#${no}`)).toEqual({ kind: 'service', requestNo: no, action: 'take' });
    expect((await h.store.service.findById(no))!.status).toBe('TAKEN');
  });

  it('both possible without a quote: the request dispatched to them', async () => {
    await h.say(ROOM, ZHANG, '20号楼2单元电梯又停了');
    const t = ticketNo(h.newIn(ROOM).at(-1)!);
    const no = await request('求助 帮我代办医保卡，家里没人');
    expect(no).toBe(t);
    expect(await h.say(ROOM, QIAN, `接单 #${no}`)).toEqual({ kind: 'service', requestNo: no, action: 'take' });
    expect((await h.tickets.get(t)).status).toBe('REPORTED');
  });
});
