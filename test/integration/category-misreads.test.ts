// Classes of misreads a user sweep found in the shipped local triage (createTriage, no LLM), each as paraphrases that
// must read right and near-misses that must keep their reading: a lift that has stopped is a lift repair (电梯停运了 was
// 水电气暖, and the short forms were chatter); water coming through the ceiling from the flat above is a repair first, a
// dispute only when the neighbours are at odds over it; lights out in a garage or stairwell are a repair, not fire
// safety; an insult to the property company with a real complaint in it is an appeal, not talk.
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { createTriage } from '../../src/adapters/triage/create-triage.ts';
import type { Triage } from '../../src/core/ports/triage.port.ts';

const CTX = { groupId: 1, gridNodeId: 1 };

describe('the shipped local triage on the sweep’s classes of misreads', () => {
  let triage: Triage;
  beforeAll(async () => {
    triage = await createTriage({}, createMemoryLogger().logger);
  });

  /** Each text read as an appeal of one of the categories given; the wrong ones listed together. */
  async function misreads(cases: readonly (readonly [string, readonly string[]])[]): Promise<string[]> {
    const wrong: string[] = [];
    for (const [text, categories] of cases) {
      const r = await triage.classify(text, CTX);
      if (!r.isAppeal || !categories.includes(r.category)) wrong.push(`${text} → ${r.isAppeal ? r.category : 'chatter'}`);
    }
    return wrong;
  }

  /** Each text read as it is given: a category code, or 'chatter' for no appeal. */
  async function changed(cases: readonly (readonly [string, string])[]): Promise<string[]> {
    const wrong: string[] = [];
    for (const [text, reading] of cases) {
      const r = await triage.classify(text, CTX);
      const got = r.isAppeal ? r.category : 'chatter';
      if (got !== reading) wrong.push(`${text} → ${got} (was ${reading})`);
    }
    return wrong;
  }

  const repair = ['facility_repair'] as const;

  it('files a lift that has stopped running as a lift repair appeal', async () => {
    const lines = [
      '电梯停运了',
      '电梯停运了！',
      '电梯停运',
      '电梯停运了，怎么回事',
      '3号楼电梯停运好几天了',
      '我们单元的电梯停了，一直没人来',
      '电梯不运行了，按了没反应',
      '电梯从昨晚就停止运行了',
      '2单元电梯停用两天了什么情况',
      '电梯趴窝了，到现在还没动静',
      '我们楼电梯今天一早就停了，上班全走楼梯',
      '电梯罢工了[捂脸]',
      '电梯停了，谁来看看',
      '电梯停着不走，门也打不开',
    ];
    expect(await misreads(lines.map((t) => [t, repair] as const))).toEqual([]);
  });

  it('keeps what is not a stopped lift to fix: notices, thanks, e-bikes, dirt', async () => {
    expect(
      await changed([
        ['各位业主：明天上午电梯维保，1号楼电梯停运2小时，给您带来不便敬请谅解', 'chatter'],
        ['电梯修好了，谢谢物业', 'chatter'],
        ['昨天电梯停了一会，今天就好了，物业速度可以', 'chatter'],
        ['电动车推进电梯里了，太危险了', 'fire_safety'],
        ['电梯里好臭，有人在里面抽烟', 'sanitation'],
        ['电梯里有人尿尿，脏死了', 'sanitation'],
        ['停电了，整栋楼电梯都不动了，什么时候来电', 'utilities'],
      ]),
    ).toEqual([]);
  });

  it('files water coming through the ceiling from the flat above as a repair', async () => {
    const lines: [string, readonly string[]][] = [
      '楼上漏水，天花板一直在滴水',
      '天花板往下滴水，应该是楼上漏的',
      '我家卫生间顶上一直在渗水，楼上渗下来的',
      '楼上渗水下来，厨房吊顶都湿透了',
      '卧室天花板漏水，滴了一晚上，拿盆接着',
      '家里天花板湿了一大片还在往下滴，是楼上漏的',
      '楼上水漏到我家了，卫生间顶上哗哗往下流',
      '天花板在渗水，墙皮都鼓起来了，估计是楼上',
      '楼上漏水漏到我家阳台顶上了，一直滴',
      '楼上往下漏水，客厅顶上在滴',
    ].map((t) => [t, repair]);
    // water in a light fitting is a hazard the rules file where they file it (积水漫入电气设施: utilities), never a dispute
    lines.push(['楼上漏下来的水把我家吊灯都泡了，还在滴', ['facility_repair', 'utilities']]);
    expect(await misreads(lines)).toEqual([]);
  });

  it('keeps a leak the neighbours are at odds over a dispute, and water supply and quality utilities', async () => {
    expect(
      await changed([
        ['楼上邻居拒绝开门让我们检查漏水点，已经持续半年了', 'neighbour_dispute'],
        ['我家被楼上漏水泡坏了两万块的东西，想请社区调解一下赔偿', 'neighbour_dispute'],
        ['我们家跟楼上因为漏水的事吵了好几次了，想请社区来调解一下', 'neighbour_dispute'],
        ['楼上漏水物业说找楼上，楼上说找物业，我到底该找谁，希望社区出面协调', 'neighbour_dispute'],
        ['楼上的邻居把他们家的晾衣架伸出来，衣服滴水滴到我家阳台', 'neighbour_dispute'],
        ['楼上空调滴水，滴到我家窗台上吵得睡不着', 'neighbour_dispute'],
        ['今天又停水了，什么时候来水', 'utilities'],
        ['自来水发黄，烧开了有沉淀', 'utilities'],
      ]),
    ).toEqual([]);
  });

  it('files lights out in a garage, stairwell or road as a repair, not fire safety', async () => {
    const lines = [
      '地下车库的灯全灭了',
      '地下车库的灯全灭了，黑灯瞎火',
      '地库灯全灭了',
      '地下车库没灯了',
      '负一层车库一片漆黑，灯全坏了',
      '地下车库灯不亮',
      '楼道灯全灭了，晚上上楼看不见',
      '小区路灯一排都不亮了',
      '地下停车场B2区的灯全熄了',
      '单元门口的灯灭了，晚上回家摸黑',
      '车库灯一闪一闪的，好多都不亮',
      '小区东门那段路灯全黑了，晚上不敢走',
    ];
    expect(await misreads(lines.map((t) => [t, repair] as const))).toEqual([]);
  });

  it('keeps sparks, smoke, exit signs and power cuts where they are filed', async () => {
    expect(
      await changed([
        ['楼道的灯在冒火花，有股焦味', 'fire_safety'],
        ['车库配电箱冒烟了，快来人', 'fire_safety'],
        ['安全出口的指示灯不亮了，应急灯也坏了', 'fire_safety'],
        ['整栋楼都停电了，什么时候来电', 'utilities'],
        ['车库里有车堵住了出口', 'parking_traffic'],
        ['电动车停在楼道里充电', 'fire_safety'],
      ]),
    ).toEqual([]);
  });

  it('reads an insult to the property company with a real complaint in it as an appeal', async () => {
    const lines: [string, string[]][] = [
      ['你们物业都是神经病吗，电梯坏了一个星期了', ['facility_repair', 'property_service']],
      ['物业是死人吗，垃圾三天没人收了', ['sanitation', 'property_service']],
      ['你们是不是有病，楼道灯坏了半个月没人修', ['facility_repair', 'property_service']],
      ['物业都是吃干饭的吗，停水两天了也没个说法', ['utilities', 'property_service']],
      ['什么破物业，脑子有问题吧，地库漏水一个月了', ['facility_repair', 'property_service']],
      ['物业是聋了还是瞎了，楼下KTV天天吵到半夜', ['noise', 'property_service']],
      ['物业是摆设吗，楼上天天装修吵死人', ['noise', 'property_service']],
      ['你们这帮饭桶，路灯坏了报了三次了', ['facility_repair', 'property_service']],
      ['物业都是神经病，车库门坏了一个礼拜', ['facility_repair', 'property_service']],
      ['要脸吗物业，暖气一点都不热', ['utilities', 'property_service']],
      ['你们物业是猪吗，单元门禁坏了十天了', ['facility_repair', 'property_service']],
      ['一群废物，小区门口的垃圾堆成山了', ['sanitation', 'property_service']],
    ];
    expect(await misreads(lines)).toEqual([]);
  });

  it('reads it as an appeal without a word for the property company too (the quarrel rule took it for a neighbour’s quarrel)', async () => {
    const lines: [string, string[]][] = [
      ['你是不是有病，电梯坏了一个星期了也不修', ['facility_repair', 'property_service']],
      ['你们都是神经病吗，垃圾三天没人收了', ['sanitation', 'property_service']],
      ['你算什么东西，电梯坏了一礼拜了', ['facility_repair', 'property_service']],
      ['有病吧你们，停水一天了都没人吭声', ['utilities', 'property_service']],
      ['你们脑子有病吧，路灯坏了半个月', ['facility_repair', 'property_service']],
      ['闭嘴吧你，暖气一个冬天都不热', ['utilities', 'property_service']],
    ];
    expect(await misreads(lines)).toEqual([]);
  });

  it('keeps an insult with no problem in it talk', async () => {
    expect(
      await changed([
        ['你再吵我就报警了，神经病，滚', 'chatter'],
        ['神经病', 'chatter'],
        ['你才有病，滚', 'chatter'],
        ['你们都是神经病吧哈哈哈哈', 'chatter'],
        ['你家狗天天叫，你们全家都是神经病', 'chatter'],
        ['闭嘴吧你，不要脸', 'chatter'],
        ['你家漏水关我什么事，神经病', 'chatter'],
        ['你再敢把垃圾放我家门口试试', 'chatter'],
        ['你有病吧，停个车都停不好', 'chatter'],
      ]),
    ).toEqual([]);
  });
});
