// The triage the bot builds with no LLM (createTriage: the shipped appeal model, the hazard rules and the shipped hazard
// model) on messages a user's sandbox run showed misread.
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import type { Triage } from '../../src/core/ports/triage.port.ts';

/** The local triage reads no group: any ids do. */
const CTX = { groupId: 1, gridNodeId: 1 };

describe('the shipped local triage', () => {
  let triage: Triage;
  beforeAll(async () => {
    triage = await createTriage({}, createMemoryLogger().logger);
  });

  it('reads an appeal the same with a phone number given in it (the digits made it chatter)', async () => {
    for (const [withNumber, without] of [
      ['厨房水管漏水了，麻烦师傅来看看，我电话13812345678', '厨房水管漏水了，麻烦师傅来看看'],
      ['5号楼门口路灯不亮好几天了，有事联系我 139 1234 5678', '5号楼门口路灯不亮好几天了'],
    ]) {
      const [a, b] = [await triage.classify(withNumber!, CTX), await triage.classify(without!, CTX)];
      expect(a.isAppeal, withNumber).toBe(b.isAppeal);
      expect(a.category, withNumber).toBe(b.category);
      expect(a.summary).not.toMatch(/1234/);
    }
  });

  it('takes a safety tip passed on to the group as advice, not an appeal (it opened a ticket); a live alarm stays one', async () => {
    for (const text of ['【燃气安全小常识】天然气本身无色无味，燃气公司加入了臭味剂，一旦闻到臭鸡蛋味请立即关阀开窗', '冬季用气安全提示：发现燃气泄漏不要慌，第一时间关阀门开窗']) {
      expect(await triage.classify(text, CTX), text).toMatchObject({ isAppeal: false, urgency: 'normal' });
    }
    expect(await triage.classify('【紧急】3号楼楼道一股煤气味', CTX)).toMatchObject({ isAppeal: true, urgency: 'emergency' });
  });

  it('takes a quarrel line said to a neighbour as talk, not an appeal (it became a 设施维修 ticket); a complaint about the noise stays one', async () => {
    for (const text of ['你再吵我就报警了，神经病，滚', '神经病', '你才有病，滚', '你有本事下来说', '你再骂一句试试', '闭嘴吧你，不要脸', '你家狗天天叫，你们全家都是神经病']) {
      expect(await triage.classify(text, CTX), text).toMatchObject({ isAppeal: false, urgency: 'normal' });
    }
    for (const text of ['楼上天天半夜吵，能不能管管', '隔壁天天装修吵死了，再吵我就报警了', '谁家狗天天叫，神经病一样，物业管管', '楼下有人打架，快报警', '楼上神经病一样天天半夜在楼道里喊，物业管管', '哪个不要脸的把垃圾扔在楼道里', '滚筒洗衣机半夜还在转，吵死了']) {
      expect((await triage.classify(text, CTX)).isAppeal, text).toBe(true);
    }
    // addressed to the bot it is a ticket all the same: filed as a dispute between neighbours, not a repair
    expect((await triage.classify('你再吵我就报警了，神经病，滚', CTX)).category).toBe('neighbour_dispute');
  });

  it('reads a line of one phrase repeated 5,000 characters long as the phrase said once', async () => {
    const flood = await triage.classify('电梯坏了'.repeat(1250), CTX);
    expect(flood).toMatchObject({ isAppeal: true, category: 'facility_repair', summary: '电梯坏了' });
    expect((await triage.classify('哈哈哈'.repeat(1700), CTX)).isAppeal).toBe(false);
  });

  it('does not make an English or pinyin complaint a fire emergency (the hazard model reads Chinese only)', async () => {
    for (const text of ['The elevator in building 20 is broken again, please fix it', 'Water leaking in my kitchen, please help', 'dianti you huai le, shui lai xiu yi xia']) {
      expect((await triage.classify(text, CTX)).urgency, text).toBe('normal');
    }
    // English alarms are read by the rules' words
    expect((await triage.classify('gas leak in building 3, smell everywhere', CTX)).urgency).toBe('emergency');
  });

  it('files a person in danger where people are helped, not under the words around it (轻生 was 设施维修, 晕倒 环境卫生)', async () => {
    for (const [text, category] of [
      ['有人要跳楼，在6号楼顶上', 'public_security'],
      ['12楼是不是有人晕倒了？', 'other'],
      ['楼道里有个老人晕倒了，叫不醒', 'other'],
      ['孩子掉进小区水池里了', 'public_security'],
    ] as const) {
      expect(await triage.classify(text, CTX), text).toMatchObject({ isAppeal: true, urgency: 'emergency', category });
    }
  });
});
