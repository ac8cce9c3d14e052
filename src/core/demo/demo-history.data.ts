// The words of the demo history: appeals residents of the demo grid (data/demo-grid.yaml) might write, by problem.
// Three recurring problems a 每月一题 analysis should find, and everyday appeals scattered over the grid around them.

export interface DemoProblem {
  /** The node the appeals come from (a code of the demo grid) and the place they name. */
  node: string;
  place: string;
  category: string;
  texts: readonly string[];
}

/** Rising: a lift in 20号楼 that breaks again and again, a burst last month. */
export const RISING: DemoProblem = {
  node: 'DY-G01-B20',
  place: '20号楼电梯',
  category: 'facility_repair',
  texts: [
    '20号楼电梯又停运了，老人上不了楼',
    '东园小区20号楼电梯这周第三次停运，一直没修好',
    '20号楼电梯停运两天了，物业说在等配件',
    '20号楼电梯又坏了停运，困了人十几分钟，太危险了',
    '20号楼电梯又停运了，运行的时候还有异响',
    '20号楼电梯反复停运，请尽快彻底维修，联系电话13905941234',
    '20号楼电梯又坏了停运，我家住18楼，买菜只能爬楼',
    '20号楼电梯停运，孩子上学都得走楼梯',
    '20号楼电梯又停运了，按钮失灵停在8楼不动',
  ],
};

/** Seasonal: mosquitoes at the green belt of 12号楼, the same month a year ago and now. */
export const SEASONAL: DemoProblem = {
  node: 'XY-G02',
  place: '12号楼绿化带',
  category: 'sanitation',
  texts: [
    '西园新村12号楼楼下绿化带蚊子特别多，请安排消杀',
    '12号楼绿化带积水，蚊虫滋生，晚上不敢开窗',
    '12号楼旁边的绿化带蚊子成群，小孩被叮了好多包',
    '12号楼绿化带蚊子太多，请物业喷药灭蚊',
    '12号楼楼下蚊虫太多，绿化带里的积水没人清理',
  ],
};

/** Persistent: electric bikes blocking the stairwell and fire lane of 5号楼, every month, some still open. */
export const PERSISTENT: DemoProblem = {
  node: 'DY-G02-B05',
  place: '5号楼楼道',
  category: 'fire_safety',
  texts: [
    '5号楼楼道里停满电动车，还有人在楼道充电，消防通道被堵',
    '东园小区5号楼门口电动车乱停，消防车进不来',
    '5号楼一楼楼道有人拉飞线给电动车充电，很危险',
    '5号楼单元门口电动车堆满了，轮椅推不过去',
  ],
};

/** Everyday appeals, each at a random building of the grid: the background a real month has. */
export const EVERYDAY: readonly { category: string; text: string }[] = [
  { category: 'noise', text: '楼上装修电钻声从早响到晚，中午也不停' },
  { category: 'noise', text: '晚上广场舞音响声音太大，九点多还没停' },
  { category: 'noise', text: '楼下烧烤店夜里一两点还很吵' },
  { category: 'sanitation', text: '垃圾桶满了两天没人清运，味道很大' },
  { category: 'sanitation', text: '楼道里有人堆放旧家具杂物' },
  { category: 'facility_repair', text: '路灯坏了不亮，晚上走路看不见' },
  { category: 'facility_repair', text: '单元门禁坏了，门一直关不上' },
  { category: 'facility_repair', text: '楼顶漏水，家里墙面都发霉了' },
  { category: 'property_service', text: '物业费照收，草坪却没人修剪' },
  { category: 'parking_traffic', text: '小区门口有车乱停，挡住了出入口' },
  { category: 'greening', text: '楼前的树枝挡住窗户，申请修剪' },
  { category: 'utilities', text: '家里水压太小，高层用水困难' },
  { category: 'neighbour_dispute', text: '邻居家的狗半夜一直叫，影响休息' },
  { category: 'policy_inquiry', text: '想咨询一下老年人高龄补贴怎么申请' },
];

/** The buildings (nodes and the place residents name) the everyday appeals come from. */
export const BUILDINGS: readonly { node: string; place: string }[] = [
  { node: 'DY-G01-B20', place: '20号楼' },
  { node: 'DY-G01-B21', place: '21号楼' },
  { node: 'DY-G02-B05', place: '5号楼' },
  { node: 'DY-G02', place: '8号楼' },
  { node: 'XY-G01-B03', place: '3号楼' },
  { node: 'XY-G01', place: '6号楼' },
  { node: 'XY-G02', place: '12号楼' },
  { node: 'XY-G02', place: '15号楼' },
];

const SURNAMES = ['陈', '林', '黄', '郑', '吴', '王', '李', '张', '刘', '蔡'];
const GIVEN = ['秀英', '建华', '丽娟', '志明', '美玲', '国强', '玉兰', '海燕', '文杰', '春生', '淑珍', '家豪'];

/** The demo residents who reported the history (accounts of their own: they are not in the grid file). */
export const DEMO_RESIDENTS: readonly { externalId: string; name: string }[] = Array.from({ length: 36 }, (_, i) => ({
  externalId: `wxid_demo_history_${String(i + 1).padStart(2, '0')}`,
  name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`,
}));
