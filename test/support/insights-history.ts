// A few months of tickets on the demo grid for the 每月一题 tests: in the month analysed, the lift of 东园小区5号楼
// (DY-G02-B05) is reported 6 times by 5 residents (one of them twice, with a phone number) — the problem any
// reasonable engine ranks first — beside smaller ones: renovation noise at 20号楼 (DY-G01), parking at 西园新村3号楼
// (XY-G01), rubbish at 21号楼 (DY-G01). The lift was also reported once in each of the two months before.
import { addMonths } from '../../src/core/insights/insights-period.ts';
import type { Store } from '../../src/core/ports/store.port.ts';

export const LIFT_PHONE = '13812345678';

/** [day, grid node code, category, place, text, reporter index]; day of `month` (0), of the month before (-1) … */
type Row = [monthOffset: number, day: number, node: string, category: string, place: string, text: string, reporter: number];

const ROWS: Row[] = [
  [-2, 12, 'DY-G02-B05', 'facility_repair', '东园小区5号楼', '5号楼电梯坏了，老人上下楼不方便', 6],
  [-1, 15, 'DY-G02-B05', 'facility_repair', '东园小区5号楼', '5号楼电梯又停了，请物业修一下', 7],
  [0, 3, 'DY-G02-B05', 'facility_repair', '东园小区5号楼', '5号楼电梯又坏了，老人上不去，麻烦尽快修一下', 0],
  [0, 6, 'DY-G02-B05', 'facility_repair', '东园小区5号楼', '5号楼电梯停运三天了，住高层的老人下不来', 1],
  [0, 9, 'DY-G02-B05', 'facility_repair', '东园小区5号楼', '东园小区5号楼电梯故障困人，太危险了', 2],
  [0, 14, 'DY-G02-B05', 'facility_repair', '东园小区5号楼', '5号楼电梯经常坏，希望彻底维修更换', 3],
  [0, 18, 'DY-G02-B05', 'facility_repair', '东园小区5号楼', '5号楼电梯还是没修好，每天爬楼，电梯什么时候修', 4],
  [0, 27, 'DY-G02-B05', 'facility_repair', '东园小区5号楼', `5号楼电梯又坏了，有事打我电话${LIFT_PHONE}`, 0],
  [0, 8, 'DY-G01-B20', 'noise', '东园小区20号楼', '20号楼晚上装修噪音太吵，十点以后还在敲', 5],
  [0, 20, 'DY-G01-B20', 'noise', '东园小区20号楼', '20号楼有人半夜装修，吵得睡不着', 2],
  [0, 11, 'XY-G01-B03', 'parking_traffic', '西园新村3号楼', '西园新村3号楼门口乱停车，堵住消防通道', 8],
  [0, 21, 'XY-G01-B03', 'parking_traffic', '西园新村3号楼', '3号楼门口又有车堵住消防通道', 9],
  [0, 24, 'XY-G01-B03', 'parking_traffic', '西园新村3号楼', '西园新村3号楼消防通道被私家车占了', 8],
  [0, 16, 'DY-G01-B21', 'sanitation', '东园小区21号楼', '21号楼垃圾桶满了没人清理，很臭', 6],
];

/** Writes the history with `month` (YYYY-MM) as the month analysed; returns how many tickets each month got. */
export async function seedInsightsHistory(store: Store, month: string): Promise<{ tickets: number }> {
  const reporters = await Promise.all(Array.from({ length: 10 }, (_, i) => store.people.ensureByIdentity('WECHAT', `wxid_insights_r${i}`, `居民${i + 1}`)));
  const nodes = new Map<string, number>();
  for (const code of new Set(ROWS.map((r) => r[2]))) nodes.set(code, (await store.grid.findByCode(code))!.id);
  const items = ROWS.map(([offset, day, node, category, place, text, reporter]) => {
    const at = new Date(`${addMonths(month, offset)}-${String(day).padStart(2, '0')}T10:00:00+08:00`);
    return {
      ticket: { category, summary: text, place: { text: place }, urgency: 'NORMAL' as const, groupId: null, gridNodeId: nodes.get(node)!, reporterId: reporters[reporter]!.id, createdAt: at },
      event: { type: 'reported' as const, actorId: null, messageId: null, fromStatus: null, toStatus: 'REPORTED' as const, note: null, data: null, at },
    };
  });
  await store.tickets.createMany(items);
  return { tickets: items.length };
}
