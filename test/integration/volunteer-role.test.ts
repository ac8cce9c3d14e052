// A volunteer (志愿者) is a resident who helps: the VOLUNTEER role gives no staff power. They may not rate a
// neighbour's ticket for them, sign in to the console, or get a console password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scryptHasher } from '../../src/adapters/auth/scrypt.hasher.ts';
import { SignInService } from '../../src/core/auth/sign-in.service.ts';
import { isStaff } from '../../src/core/people/roles.ts';
import { harness, LIN, ZHANG, type Harness } from '../support/harness.ts';
import { SMALL_GRID } from '../support/small-grid.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';

const ROOM = 'room-20';
const VOL = { id: 'wx-vol', name: '志愿者小周' };

describe('the VOLUNTEER role', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(scriptedTriage([['井盖', { category: 'facility_repair', summary: '井盖破损' }]]));
    await h.store.grid.importSpec({
      ...SMALL_GRID,
      people: [...SMALL_GRID.people, { key: 'vol', name: VOL.name, identities: [{ platform: 'WECHAT', externalId: VOL.id }], roles: [{ role: 'VOLUNTEER', nodeCode: 'G1' }] }],
    });
  });
  afterAll(() => h.dispose());

  it('is not staff', () => {
    expect(isStaff(['VOLUNTEER'])).toBe(false);
    expect(isStaff(['VOLUNTEER', 'UNIT_HEAD'])).toBe(true);
  });

  it('cannot rate a neighbour’s ticket on their behalf; the reporter can', async () => {
    await h.say(ROOM, ZHANG, '楼下井盖破了');
    const no = Number(/#(\d+)/.exec(h.newIn(ROOM).at(-1)!)![1]);
    await h.say(ROOM, LIN, `办结 #${no} 井盖已更换`);
    const closing = h.chat.inGroup(ROOM).at(-1)!.externalId;
    h.newIn(ROOM);
    await h.say(ROOM, VOL, '满意', { quotedExternalId: closing });
    expect((await h.tickets.get(no)).status).toBe('RESOLVED');
    expect(h.newIn(ROOM).join("\n")).toMatch(/只能由反映人评价/);
    await h.say(ROOM, ZHANG, '满意', { quotedExternalId: closing });
    expect((await h.tickets.get(no)).status).toBe('CLOSED');
  });

  it('gets no console sign-in code', async () => {
    const sent: string[] = [];
    const signIn = new SignInService({
      auth: h.store.staffAuth, people: h.store.people, hasher: scryptHasher(), platforms: ['WECHAT'], clock: { now: () => new Date() },
      sendDirect: async (_p, to) => void sent.push(to),
    });
    expect(await signIn.requestCode({ key: 'vol' })).toMatchObject({ sent: false, reason: 'not-staff' });
    expect(await signIn.requestCode({ key: 'lin' })).toMatchObject({ sent: true });
    expect(sent).toEqual([LIN.id]);
  });
});
