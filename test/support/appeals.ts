// Appeals for the insights tests and benchmark: realistic Chinese appeals from templates, seeded (same seed, same
// appeals), with many places, categories, reporters and noise.
import type { Appeal } from '../../src/core/insights/insights.types.ts';
import { mulberry32 } from '../../src/core/util/mulberry32.ts';

/** A small seeded generator (mulberry32). */
export const seeded = mulberry32;

const ESTATE_HEADS = ['阳光', '翠湖', '金桂', '锦绣', '紫荆', '丽景', '碧水', '书香', '枫林', '润泽', '华庭', '恒大', '万科', '保利', '龙湖', '金色', '绿城', '星河', '海棠', '御景'];
const ESTATE_TAILS = ['花园', '新城', '家园', '苑', '华府', '名城', '山庄', '雅苑'];
const STREETS = ['人民路', '解放路', '建设大道', '滨江路', '中山路', '东风路', '胜利街', '和平路'];

/** Problem templates: the same problem in other words ({p} is the place). */
export const TOPICS: { category: string; lines: string[] }[] = [
  { category: '噪音', lines: ['{p}旁边的搅拌站晚上噪音太大，吵得睡不着', '{p}附近搅拌站日夜施工，噪音扰民严重', '投诉{p}边上新建的搅拌站，轰鸣声影响休息', '{p}搅拌站运渣车半夜进出，噪音和粉尘太大'] },
  { category: '油烟', lines: ['{p}底商烧烤店油烟直排，家里窗户都不敢开', '{p}楼下饭店油烟扰民，气味呛人', '{p}一楼餐馆排烟管道对着住户，油烟太重'] },
  { category: '停车', lines: ['{p}开发商捆绑销售车位，不买车位不给停车', '{p}车位只售不租，还要捆绑车库一起买', '{p}物业强制业主购买车位，捆绑销售'] },
  { category: '供水', lines: ['{p}三天两头停水，也不提前通知', '{p}自来水水压太低，高层用不上水', '{p}停水好几天了，供水什么时候恢复'] },
  { category: '电梯', lines: ['{p}电梯经常故障，老人被困在里面', '{p}电梯年久失修，天天坏', '{p}的电梯又停了，物业不修'] },
  { category: '垃圾', lines: ['{p}垃圾站好几天没人清运，臭气熏天', '{p}门口垃圾堆积如山没人管', '{p}生活垃圾清运不及时，苍蝇蚊子多'] },
  { category: '消防', lines: ['{p}消防通道被私家车堵死了', '{p}楼道里电动车充电飞线，火灾隐患大', '{p}消防栓没水，灭火器过期'] },
  { category: '路灯', lines: ['{p}路灯坏了一个月没人修，晚上一片漆黑', '{p}附近路灯不亮，走夜路不安全'] },
];

const NOISE = ['请问社保卡在哪里补办', '孩子入学报名需要哪些材料', '公积金贷款额度怎么算', '户口迁移需要什么手续', '医保异地报销怎么办理', '有没有人知道驾照换证去哪里', '老年卡什么时候可以领', '人才新政的购房补贴怎么申请'];

export function estates(n: number, rand: () => number): string[] {
  const out = new Set<string>();
  while (out.size < n) out.add(`${ESTATE_HEADS[Math.floor(rand() * ESTATE_HEADS.length)]}${ESTATE_TAILS[Math.floor(rand() * ESTATE_TAILS.length)]}${out.size >= 160 ? `${Math.floor(rand() * 9) + 1}期` : ''}`);
  return [...out];
}

/** `n` appeals between `from` and `to`: problems at places (most appeals), and unrelated noise. */
export function generateAppeals(n: number, from: Date, to: Date, seed = 1, places = 400): Appeal[] {
  const rand = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const names = [...estates(Math.min(places, 160), rand), ...STREETS];
  while (names.length < places) names.push(`${pick(ESTATE_HEADS)}${pick(STREETS)}${names.length}号院`);
  const span = to.getTime() - from.getTime();
  const out: Appeal[] = [];
  for (let i = 0; i < n; i++) {
    const noise = rand() < 0.15;
    const topic = pick(TOPICS);
    const place = pick(names);
    const text = noise ? `${pick(NOISE)}？谢谢` : `${pick(topic.lines).replaceAll('{p}', place)}${rand() < 0.3 ? '，希望有关部门尽快处理' : ''}${rand() < 0.2 ? `。已经反映${Math.floor(rand() * 5) + 2}次了` : ''}`;
    out.push({
      id: `g${i}`,
      text,
      time: new Date(from.getTime() + Math.floor(rand() * span)),
      user: `u${Math.floor(rand() * n * 0.6)}`,
      likes: rand() < 0.2 ? Math.floor(rand() * 20) : 0,
      dislikes: rand() < 0.05 ? 1 : 0,
      category: noise ? undefined : topic.category,
    });
  }
  return out;
}
