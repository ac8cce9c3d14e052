// A volunteer's bare "接单" in the volunteers' group, not quoting the post (sweep 5b): it was read as a ticket's claim
// with no number ("格式有误，请这样写：认领 #工单号"). With one request there waiting for a taker it takes it; with
// several, one line asks which.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, LIN, ZHANG, type Harness } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { LIU, SERVICE_GRID, SUN, VOLUNTEER_ROOM } from '../support/service-fixture.ts';

const ROOM = 'room-20';

describe('三单式: a bare 接单 in the volunteers\' group', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(scriptedTriage([]), { now: new Date('2026-12-07T01:00:00Z') });
    await h.store.grid.importSpec(SERVICE_GRID);
  });
  afterAll(() => h.dispose());

  const pooled = async (text: string) => {
    const no = ((await h.say(ROOM, ZHANG, text)) as { requestNo: number }).requestNo;
    expect(await h.say(ROOM, LIN, `派单 求助#${no} 志愿者群`)).toMatchObject({ kind: 'service', action: 'dispatch' });
    return no;
  };

  it('takes the one request posted there; with two, asks which', async () => {
    const a = await pooled('求助 帮我代办老年证，老人腿脚不便');
    h.newIn(VOLUNTEER_ROOM);
    expect(await h.say(VOLUNTEER_ROOM, LIU, '接单')).toEqual({ kind: 'service', requestNo: a, action: 'take' });
    expect((await h.store.service.findById(a))!.status).toBe('TAKEN');
    expect(h.newIn(VOLUNTEER_ROOM).join('\n')).not.toContain('格式有误');
    const b = await pooled('求助 想请人陪我妈去医院复查');
    const c = await pooled('求助 家里水龙头坏了，老人换不了，想请人帮忙修一下水龙头');
    h.newIn(VOLUNTEER_ROOM);
    expect(await h.say(VOLUNTEER_ROOM, SUN, '接单！')).toMatchObject({ kind: 'refused' });
    expect(h.newIn(VOLUNTEER_ROOM)).toEqual([`@孙志愿 目前有求助#${b}、求助#${c}待接单，请引用要接的求助消息回复“接单”，或发送“接单 求助#${c}”。`]);
    expect((await h.store.service.findById(b))!.status).toBe('DISPATCHED');
  });
});
