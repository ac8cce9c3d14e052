// LocalTriage on a small model trained here: appeal decision, category, rules for place/urgency, masking.
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalTriage } from '../../../../src/core/triage/local-triage.ts';
import type { TextClassifier } from '../../../../src/core/triage/text-classifier.ts';
import { trainTextClassifier } from '../../../../src/core/triage/text-classifier.training.ts';

const DATA = [
  ...['电梯坏了', '电梯又停了', '楼道灯不亮', '井盖坏了', '水管漏水了', '门禁坏了', '电梯卡住了', '路灯坏了'].map((text) => ({ text, label: 'facility_repair' })),
  ...['垃圾没人清', '垃圾桶满了', '楼道好臭', '狗屎没人管', '垃圾堆在门口', '老鼠很多'].map((text) => ({ text, label: 'sanitation' })),
  ...['早上好', '收到', '谢谢大家', '好的', '今天天气不错', '晚安', '哈哈哈', '明天见', '辛苦了', '收到谢谢'].map((text) => ({ text, label: 'chatter' })),
];

describe('LocalTriage', () => {
  let model: TextClassifier;
  beforeAll(() => {
    model = trainTextClassifier(DATA, { seed: 7 });
  });

  it('finds an appeal, its category and place', async () => {
    const r = await new LocalTriage(model).classify('3栋2单元电梯又坏了，卡在5楼不动');
    expect(r).toMatchObject({ isAppeal: true, category: 'facility_repair', source: 'local', place: { building: '3', unit: '2' } });
    expect(r.confidence).toBeGreaterThan(0.5);
  });

  it('leaves chatter alone', async () => {
    const r = await new LocalTriage(model).classify('早上好');
    expect(r.isAppeal).toBe(false);
  });

  it('treats a life-safety signal as an emergency appeal even when the model hesitates', async () => {
    const r = await new LocalTriage(model).classify('哈哈 楼下着火了 快跑');
    expect(r.urgency).toBe('emergency');
    expect(r.isAppeal).toBe(true);
  });

  it('masks phone numbers in the summary', async () => {
    const r = await new LocalTriage(model).classify('电梯坏了，联系我13812345678');
    expect(r.summary).not.toContain('13812345678');
    expect(r.summary).toContain('138****5678');
    expect(r.summary.length).toBeLessThanOrEqual(40);
  });

  it('respects a stricter appeal threshold', async () => {
    const text = '垃圾';
    const loose = await new LocalTriage(model, { appealThreshold: 0.01 }).classify(text);
    const strict = await new LocalTriage(model, { appealThreshold: 0.999 }).classify(text);
    expect(loose.isAppeal).toBe(true);
    expect(strict.isAppeal).toBe(false);
  });
});

describe('LocalTriage: news of a danger elsewhere', () => {
  // a model that files every message as a fire report, as the shipped one does with "听说…着火了"
  const fireReport = { predict: () => ({ label: 'fire_safety', confidence: 0.95, scores: { fire_safety: 0.95, chatter: 0.05 } }) };
  const triage = new LocalTriage(fireReport);

  it('is talk, not an appeal, when every danger it tells of is elsewhere and nothing is asked', () => {
    for (const text of ['听说隔壁街道昨晚有户人家着火了', '我老家那边前天有人煤气中毒了 唉', '看新闻说杭州有个小区燃气爆炸了 好吓人', '昨晚梦到咱们楼着火了 吓醒了']) {
      expect(triage.classifySync(text).isAppeal, text).toBe(false);
    }
  });

  it('stays an appeal when it asks for something, when a danger is here, or when the danger is here but past', () => {
    for (const text of [
      '看新闻说电动车进电梯起火，建议物业在楼下装个充电桩', // news cited to ask for a fix
      '听说隔壁小区着火了，我们楼道里也堆满了纸箱，能不能清一下', // asks
      '3栋楼道里电线冒火花了', // a danger here (an emergency)
      '上次楼道着火烧黑的墙到现在还没刷', // here, past: still an appeal
      '电梯坏了好几天了', // no danger at all: the model decides
    ]) {
      expect(triage.classifySync(text).isAppeal, text).toBe(true);
    }
  });
});

describe('LocalTriage: a hazard doubt', () => {
  const chatter = { predict: () => ({ label: 'chatter', confidence: 0.97, scores: { chatter: 0.97, facility_repair: 0.03 } }) };
  /** A hazard model whose danger score is set per test. */
  const hazard = (danger: number, threshold = 0.5) => ({ threshold, scorer: { predict: () => ({ scores: { none: 1 - danger, urgent: danger / 2, emergency: danger / 2 } }) } });

  it('is marked when the hazard model sees some danger below its threshold, and only then', () => {
    const text = '电梯间这半个钟头一直有点怪味 越来越浓';
    expect(new LocalTriage(chatter, { hazardModel: hazard(0.2) }).classifySync(text).hazardDoubt).toBe(true);
    expect(new LocalTriage(chatter, { hazardModel: hazard(0.04) }).classifySync(text).hazardDoubt).toBeUndefined();
    expect(new LocalTriage(chatter).classifySync(text).hazardDoubt).toBeUndefined(); // no hazard model
    // an emergency already: nothing to doubt
    expect(new LocalTriage(chatter, { hazardModel: hazard(0.2) }).classifySync('3栋楼道里电线冒火花了 快来人').hazardDoubt).toBeUndefined();
    // a danger the rules dismissed by context (a drill) is not the model's to read
    expect(new LocalTriage(chatter, { hazardModel: hazard(0.2) }).classifySync('下周二消防演练 会有烟雾 请大家不要惊慌').hazardDoubt).toBeUndefined();
  });
});

describe('LocalTriage: a weather remark', () => {
  // a model that files every message as a repair, as the shipped one did with "外面下大雨了！！！快收衣服"
  const repair = { predict: () => ({ label: 'facility_repair', confidence: 0.62, scores: { facility_repair: 0.62, chatter: 0.38 } }) };
  const triage = new LocalTriage(repair);

  it('is talk when it reminds or exclaims and nothing is broken or asked', () => {
    for (const text of ['外面下大雨了！！！快收衣服', '明天降温 大家多穿点', '台风要来了 阳台的花盆收一下 窗户关好', '打雷了！！吓我一跳', '热死了 屋里跟蒸笼一样']) {
      expect(triage.classifySync(text).isAppeal, text).toBe(false);
    }
  });

  it('stays an appeal when the weather breaks something, gets in, or something is asked for', () => {
    for (const text of [
      '下大雨了！！楼道窗户关不上 雨都进来了',
      '台风把3栋门口的树吹倒了 压着电动车',
      '降温了 暖气还没来 好冷',
      '下雪了路很滑 请物业撒点盐',
      '暴雨 地下车库进水了！！',
      '刮大风 树枝刮到我家窗户了 吓死了',
    ]) {
      expect(triage.classifySync(text).isAppeal, text).toBe(true);
    }
  });
});

describe('LocalTriage: a hazard decides the category', () => {
  const HAZARD_DATA = [
    ...DATA,
    ...['停水了', '停电了', '暖气不热', '水压太低'].map((text) => ({ text, label: 'utilities' })),
    ...['消防通道被堵', '灭火器过期了', '楼道堆杂物'].map((text) => ({ text, label: 'fire_safety' })),
  ];
  let model: TextClassifier;
  beforeAll(() => {
    model = trainTextClassifier(HAZARD_DATA, { seed: 7 });
  });

  it('files a gas smell under 水电气暖 and 飞线充电 under 消防安全, whatever words surround them', async () => {
    const gas = await new LocalTriage(model).classify('楼道好臭，燃气灶那边好像一直有股怪味道');
    expect(gas).toMatchObject({ urgency: 'emergency', category: 'utilities' });
    const wire = await new LocalTriage(model).classify('楼道里有人飞线给电动车充电，电线都拖到一楼了');
    expect(wire).toMatchObject({ urgency: 'urgent', category: 'fire_safety' });
  });

  it('keeps the model’s category when the hazard’s code is not one of the model’s labels (a city’s own labels)', async () => {
    const r = await new LocalTriage(model).classify('3号楼井盖快塌下去了，电梯也坏了');
    expect(r.urgency).not.toBe('normal');
    expect(r.category).toBe('facility_repair');
    const own = trainTextClassifier([...DATA.filter((d) => d.label !== 'facility_repair'), ...['楼道灯不亮', '井盖坏了'].map((text) => ({ text, label: '城市管理' }))], { seed: 7 });
    const city = await new LocalTriage(own).classify('楼道里有人飞线给电动车充电，电线都拖到一楼了，太危险了');
    expect(Object.keys(own.predict('x').scores)).not.toContain('fire_safety');
    expect(city.category).not.toBe('fire_safety');
  });
});
