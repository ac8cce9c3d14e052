// 三单式 on the demo grid (data/demo-grid.yaml, which has 东园's volunteers' group and three volunteers without points):
// more volunteers and 西园's volunteers' groups added on top of it, and a month of
// service written through the store's service repository as the chat loop writes it — requests confirmed and credited,
// a credit reversed, a credit on the month's first second and one on the month before's last, and open requests.
//
// The month M, ranked over 东园社区: 王芳 30 (3 services), 李明 20 (2), 张丽 20 (2); over 西园社区: 陈刚 15 (1).
// The month before: 王芳 50, 张丽 5 (at its last second). 西园社区第二网格's volunteers' group has no points.
import { addMonths, monthPeriod } from '../../src/core/insights/insights-period.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import type { ServiceStatus } from '../../src/core/service/service.types.ts';

const volunteer = (key: string, name: string, node: string) => ({ key, name, identities: [{ platform: 'WECHAT' as const, externalId: `wxid_${key}` }], roles: [{ role: 'VOLUNTEER' as const, nodeCode: node }] });

export const VOLUNTEER_GROUPS = { dy: 'dy-zhiyuan@chatroom', xy: 'xy-volunteers@chatroom', xyG02: 'xy-g02-volunteers@chatroom' } as const;
export const SERVICE_PHONE = '13912345678';

/** Applied after the demo grid (the import merges). */
export const DEMO_VOLUNTEERS: GridSpec = {
  nodes: [],
  groups: [
    { platform: 'WECHAT', externalId: VOLUNTEER_GROUPS.xy, title: '西园社区志愿者群', nodeCode: '350304001002', tags: ['志愿者群'] },
    { platform: 'WECHAT', externalId: VOLUNTEER_GROUPS.xyG02, title: '西园第二网格志愿者群', nodeCode: 'XY-G02', tags: ['志愿者群'] },
  ],
  people: [
    volunteer('vol-wangfang', '王芳', 'DY-G01'),
    volunteer('vol-liming', '李明', 'DY-G02'),
    volunteer('vol-zhangli', '张丽', 'DY-G01-B20'),
    volunteer('vol-chengang', '陈刚', 'XY-G01'),
    volunteer('vol-zhouqiang', '周强', 'XY-G02'),
  ],
};

export interface ServiceSeed {
  people: Record<'wangfang' | 'liming' | 'zhangli' | 'chengang' | 'zhouqiang' | 'resident', number>;
  /** Open requests by their status, for the lists. */
  open: { requested: number; taken: number; done: number; xyTaken: number };
}

/** Writes month `month`'s service (and a little of the month before) through store.service. */
export async function seedService(store: Store, month: string): Promise<ServiceSeed> {
  await store.grid.importSpec(DEMO_VOLUNTEERS);
  const id = async (key: string) => (await store.staffAuth.personByKey(key))!.id;
  const people = {
    wangfang: await id('vol-wangfang'),
    liming: await id('vol-liming'),
    zhangli: await id('vol-zhangli'),
    chengang: await id('vol-chengang'),
    zhouqiang: await id('vol-zhouqiang'),
    resident: await id('r-zhangguohua'),
  };
  const node = async (code: string) => (await store.grid.findByCode(code))!.id;
  const room20 = (await store.groups.findByExternal('WECHAT', 'dy-20hao@chatroom'))!.id;
  const { from } = monthPeriod(month);
  const day = (d: number) => new Date(from.getTime() + (d - 1) * 86_400_000 + 4 * 3_600_000); // noon China time
  const request = async (code: string, summary: string, status: ServiceStatus, volunteerId: number | null, text = summary) => {
    const r = (await store.service.create({ gridNodeId: await node(code), groupId: room20, requesterId: people.resident, text, summary, kind: '帮办代办', sourceMessageId: null }))!;
    if (status !== 'REQUESTED') await store.service.transition(r.id, ['REQUESTED'], status, { volunteerId, dispatchedAt: new Date(), takenAt: volunteerId ? new Date() : null });
    return r.id;
  };
  const served = async (volunteerId: number, points: number, at: Date, code = 'DY-G01-B20') => {
    const r = await request(code, '陪同就医', 'CONFIRMED', volunteerId);
    await store.service.credit({ personId: volunteerId, points, cause: '服务完成', requestId: r, sourceKey: `service:${r}:confirmed`, at });
    return r;
  };
  for (const d of [2, 5, 9]) await served(people.wangfang, 10, day(d));
  const twice = await served(people.wangfang, 10, day(10));
  await store.service.credit({ personId: people.wangfang, points: -10, cause: '更正：重复登记', requestId: twice, sourceKey: `service:${twice}:reversed`, at: day(11) });
  await served(people.liming, 10, from); // the month's first second
  await served(people.liming, 10, day(12), 'DY-G02-B05');
  await served(people.zhangli, 10, day(3));
  await served(people.zhangli, 10, day(4));
  await served(people.chengang, 15, day(6), 'XY-G01-B03');
  const before = monthPeriod(addMonths(month, -1));
  await served(people.wangfang, 50, new Date(before.from.getTime() + 5 * 86_400_000));
  await served(people.zhangli, 5, new Date(from.getTime() - 1000)); // the month before's last second
  const open = {
    requested: await request('DY-G01-B20', '代办老年证', 'REQUESTED', null, `帮我代办老年证，电话${SERVICE_PHONE}`),
    taken: await request('DY-G01-B20', '送餐到家', 'TAKEN', people.wangfang),
    done: await request('DY-G02-B05', '修理水龙头', 'DONE', people.liming),
    xyTaken: await request('XY-G01-B03', '陪诊', 'TAKEN', people.chengang),
  };
  await request('DY-G01-B20', '已取消的求助', 'CANCELLED', null);
  return { people, open };
}
