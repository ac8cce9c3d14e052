// The hazard second opinion: the shipped model (data/models/hazard.model, trained on parts A–O) raises a danger the
// rules miss, and neither it nor a model that sees no danger at all can lower what the rules found.
import { beforeAll, describe, expect, it } from 'vitest';
import { readHazardModel, DEFAULT_HAZARD_MODEL_PATH } from '../../../../src/adapters/triage/hazard-model-file.ts';
import { hazardOpinion, MODEL_KIND, modelMayRead, raiseWithModel, type HazardModel, type HazardScorer } from '../../../../src/core/hazard/hazard-model.ts';
import { hazardDismissed } from '../../../../src/core/hazard/detect-hazard.ts';
import { chooseThreshold, chooseThresholdWith, type HeldOutScore } from '../../../../src/core/hazard/hazard-model.training.ts';
import { LocalTriage, type LabelScorer } from '../../../../src/core/triage/local-triage.ts';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';

/** Voice-input slips the rules do not know (然器 for 燃气, 镜盖 for 井盖); not lines of any bench part. */
const MISSED_GAS = '2栋楼到里一股很重的然器味 熏得头晕';
const MISSED_MANHOLE = '2号楼一楼那个镜盖不见了 黑乎乎一个洞';
const NO_DANGER: HazardScorer = { predict: () => ({ scores: { none: 1, urgent: 0, emergency: 0 } }) };
const ALWAYS_URGENT: HazardScorer = { predict: () => ({ scores: { none: 0, urgent: 1, emergency: 0 } }) };
/** A model that calls everything an emergency: what the vetoes and the rules' dismissals must keep quiet. */
const ALARMIST: HazardModel = { scorer: { predict: () => ({ scores: { none: 0, urgent: 0, emergency: 1 } }) }, threshold: 0.5 };
const REPAIR: LabelScorer = { predict: () => ({ label: 'facility_repair', confidence: 0.9, scores: { chatter: 0.1, facility_repair: 0.9 } }) };

let shipped: HazardModel;
beforeAll(async () => {
  shipped = await readHazardModel(DEFAULT_HAZARD_MODEL_PATH);
});

describe('the hazard model stage', () => {
  it('ships with the threshold its cross-validation chose, inside (0, 1)', () => {
    expect(shipped.threshold).toBeGreaterThan(0);
    expect(shipped.threshold).toBeLessThan(1);
  });

  it('raises a gas smell in voice-input slips that the rules leave normal to an emergency', () => {
    expect(detectUrgency(MISSED_GAS).urgency).toBe('normal');
    const o = hazardOpinion(MISSED_GAS, shipped.scorer);
    expect(o.danger).toBeGreaterThanOrEqual(shipped.threshold);
    expect(raiseWithModel(MISSED_GAS, detectUrgency(MISSED_GAS), shipped)).toMatchObject({ urgency: 'emergency', kind: MODEL_KIND });
  });

  it('raises a missing manhole cover (镜盖) the rules miss to urgent, and LocalTriage gives that urgency', () => {
    expect(detectUrgency(MISSED_MANHOLE).urgency).toBe('normal');
    expect(new LocalTriage(REPAIR).classifySync(MISSED_MANHOLE).urgency).toBe('normal');
    expect(new LocalTriage(REPAIR, { hazardModel: shipped }).classifySync(MISSED_MANHOLE).urgency).toBe('urgent');
  });

  it('does not overrule the rules where they read a hazard and dismissed it (negated), nor read a bare place', () => {
    const negated = '楼道里没有煤气味了';
    expect(detectUrgency(negated).urgency).toBe('normal');
    // a model blind to the negation (the one trained on A–L scored it a gas emergency) is not asked
    expect(modelMayRead(negated)).toBe(false);
    expect(raiseWithModel(negated, detectUrgency(negated), ALARMIST).urgency).toBe('normal');
    expect(raiseWithModel(negated, detectUrgency(negated), shipped).urgency).toBe('normal');
    expect(modelMayRead('3号楼')).toBe(false);
  });

  it('does not make a stuck lift with no one said to be inside an emergency, but does with someone inside', () => {
    for (const text of ['电梯卡在5楼', '3号楼的电梯坏了 卡在5楼', '2单元电梯又停在顶楼不动了']) {
      expect(modelMayRead(text), text).toBe(false);
      expect(new LocalTriage(REPAIR, { hazardModel: shipped }).classifySync(text).urgency, text).not.toBe('emergency');
    }
    // a model that reads the bare fault as a rescue (the one trained on A–L did) is kept quiet by the veto
    expect(new LocalTriage(REPAIR, { hazardModel: ALARMIST }).classifySync('电梯卡在5楼').urgency).toBe('normal');
    expect(new LocalTriage(REPAIR, { hazardModel: shipped }).classifySync('电梯卡在5楼了 里面有人').urgency).toBe('emergency');
  });

  it('is not asked about a smell traced to the drains when no gas or fire is named', () => {
    for (const text of ['卫生间地漏一股臭味 好几天了', '厨房下水道反味 熏得慌']) {
      expect(modelMayRead(text), text).toBe(false);
      expect(new LocalTriage(REPAIR, { hazardModel: shipped }).classifySync(text).urgency, text).toBe('normal');
    }
    // a fire word keeps the model's say
    expect(modelMayRead('垃圾房那边一股焦糊味')).toBe(true);
  });

  it('is not asked about the speaker\'s own numb limb when nothing that shocks is named', () => {
    for (const text of ['打了一下午麻将 我的腿都麻了', '跪着擦地板擦得我的手指发麻']) {
      expect(modelMayRead(text), text).toBe(false);
      expect(new LocalTriage(REPAIR, { hazardModel: ALARMIST }).classifySync(text).urgency, text).toBe('normal');
    }
    // something that could shock, or another sign in the body, keeps the model's say
    expect(modelMayRead('碰了一下阳台的晾衣杆 我的手都麻了')).toBe(true);
    expect(modelMayRead('我的手突然发麻 胸口也疼')).toBe(true);
  });

  it('is not asked where something is when no sign of trouble stands beside the question', () => {
    for (const text of ['燃气总阀一般装在哪里 厨房柜子里吗', '小区的消防栓都在什么位置']) {
      expect(modelMayRead(text), text).toBe(false);
      expect(new LocalTriage(REPAIR, { hazardModel: ALARMIST }).classifySync(text).urgency, text).toBe('normal');
    }
    // a smell or smoke beside it keeps the model's say
    expect(modelMayRead('煤气味好大 总阀在哪里')).toBe(true);
    expect(modelMayRead('配电箱冒烟了 电闸在哪儿')).toBe(true);
  });

  it('is not asked about a pet\'s noise when nothing is said of its keeper or of a danger', () => {
    for (const text of ['对门的猫关在家里叫了一晚上', '隔壁的狗从早上一直叫到现在 吵死了']) {
      expect(modelMayRead(text), text).toBe(false);
      expect(new LocalTriage(REPAIR, { hazardModel: ALARMIST }).classifySync(text).urgency, text).toBe('normal');
    }
    // its keeper not seen for days keeps the model's say
    expect(modelMayRead('隔壁的狗叫了三天了 独居的大爷好几天没出门')).toBe(true);
  });

  it('stays silent on ordinary chat and ordinary appeals', () => {
    for (const text of ['3号楼电梯坏了，麻烦物业来修一下', '21号楼门禁坏了', '楼道灯不亮了请物业处理', '好的收到谢谢大家']) {
      expect(new LocalTriage(REPAIR, { hazardModel: shipped }).classifySync(text).urgency, text).toBe('normal');
    }
    const text = '今天天气不错 大家出去走走';
    expect(hazardOpinion(text, shipped.scorer).danger).toBeLessThan(shipped.threshold);
    expect(new LocalTriage(REPAIR, { hazardModel: shipped }).classifySync(text).urgency).toBe('normal');
  });

  it('cannot lower what the rules found: a model that sees no danger leaves an emergency and an urgent as they are', () => {
    const silent: HazardModel = { scorer: NO_DANGER, threshold: 0.01 };
    const gas = '3单元燃气灶那边好像一直有股怪味道';
    const wire = '楼道里有人飞线给电动车充电，电线都拖到一楼了';
    expect(detectUrgency(gas).urgency).toBe('emergency');
    expect(detectUrgency(wire).urgency).toBe('urgent');
    expect(raiseWithModel(gas, detectUrgency(gas), silent)).toEqual(detectUrgency(gas));
    expect(raiseWithModel(wire, detectUrgency(wire), silent)).toEqual(detectUrgency(wire));
    expect(new LocalTriage(REPAIR, { hazardModel: silent }).classifySync(gas).urgency).toBe('emergency');
    // a model that says urgent cannot bring an emergency down to urgent either
    expect(raiseWithModel(gas, detectUrgency(gas), { scorer: ALWAYS_URGENT, threshold: 0.5 }).urgency).toBe('emergency');
  });

  it('speaks only at or above its threshold', () => {
    const half: HazardScorer = { predict: () => ({ scores: { none: 0.5, urgent: 0.3, emergency: 0.2 } }) };
    const text = '今天天气不错 大家出去走走';
    const normal = detectUrgency(text);
    expect(raiseWithModel(text, normal, { scorer: half, threshold: 0.5 }).urgency).toBe('urgent');
    expect(raiseWithModel(text, normal, { scorer: half, threshold: 0.51 }).urgency).toBe('normal');
  });
});

describe('hazardDismissed: the rules read a hazard and their context set it aside', () => {
  it('is true for a negated, drilled, hypothetical, finished or distant hazard', () => {
    // … and a burnt smell beside food burnt in the kitchen (a term group's notInMessage)
    for (const text of ['没有煤气味了', '明天上午消防演练，模拟3栋着火', '如果闻到煤气味怎么办', '刚才3栋着火了，火已经扑灭了，大家放心', '新闻说外地一个小区着火了', '面包烤糊了 一屋子焦味']) {
      expect(detectUrgency(text).urgency, text).toBe('normal');
      expect(hazardDismissed(text), text).toBe(true);
    }
  });

  it('is false for a live hazard and for a message the rules have no reading of', () => {
    expect(hazardDismissed('3单元燃气灶那边好像一直有股怪味道')).toBe(false);
    expect(hazardDismissed('楼道里一股焦味 不知道哪家的')).toBe(false);
    expect(hazardDismissed(MISSED_GAS)).toBe(false);
    expect(hazardDismissed('今天天气不错 大家出去走走')).toBe(false);
  });
});

describe('chooseThreshold', () => {
  const line = (label: 'danger' | 'lookalike', level?: 'urgent' | 'emergency') => ({ text: '', label, kind: 'k', ...(level ? { level } : {}) });
  const scores: HeldOutScore[] = [
    { line: line('lookalike'), danger: 0.2, level: 'urgent' },
    { line: line('danger', 'emergency'), danger: 0.3, level: 'urgent' }, // raised one level short: not found
    { line: line('danger', 'urgent'), danger: 0.4, level: 'urgent' },
    { line: line('danger', 'emergency'), danger: 0.9, level: 'emergency' },
  ];
  it('picks the lowest score at which the held-out precision reaches the floor, counting a danger at its level', () => {
    // as the bench counts: a danger raised short of its level is a miss, not a false alarm. At 0.2 the look-alike is
    // flagged too (precision 2/3); from 0.3 on only dangers are; above 0.4 one is lost
    expect(chooseThreshold({ lines: scores, ordinary: [] }, 0.95, 0)).toEqual({ threshold: 0.3, precision: 1, recall: 2 / 3, ordinaryRate: 0 });
    expect(chooseThreshold({ lines: scores, ordinary: [] }, 0.6, 0)).toEqual({ threshold: 0.2, precision: 2 / 3, recall: 2 / 3, ordinaryRate: 0 });
  });

  it('also keeps the share of ordinary messages it would raise under the ceiling', () => {
    // an ordinary message scored 0.35 held out: at 0.3 the model would raise 1 of 4 ordinary messages
    const cv = { lines: scores, ordinary: [0.01, 0.02, 0.35, 0.05] };
    expect(chooseThreshold(cv, 0.95, 0.25)).toMatchObject({ threshold: 0.3, ordinaryRate: 0.25 });
    expect(chooseThreshold(cv, 0.95, 0.1)).toMatchObject({ threshold: 0.4, ordinaryRate: 0, recall: 2 / 3 });
  });

  it('can measure the ceiling on more ordinary messages, or on chatter alone with the corpus judged by precision', () => {
    // negatives 0 and 2 are corpus lines, 1 and 3 chatter; four calibration-only chatter messages besides
    const cv = { lines: scores, ordinary: [0.01, 0.02, 0.35, 0.05], ordinaryIndex: [0, 1, 2, 3], extra: [0, 0, 0, 0] };
    const isChatter = [false, true, false, true];
    expect(chooseThresholdWith(cv, { mode: 'sampled' }, 0.95, 0.2)).toMatchObject({ threshold: 0.4 });
    // 1 of 8 ordinary messages raised at 0.3: under a 0.2 ceiling once the calibration messages count
    expect(chooseThresholdWith(cv, { mode: 'all-chatter' }, 0.95, 0.2)).toMatchObject({ threshold: 0.3, ordinaryRate: 1 / 8 });
    // chatter alone: nothing raised; the corpus line at 0.35 is a false alarm at 0.3 (precision 2/3), not at 0.4
    expect(chooseThresholdWith(cv, { mode: 'chatter-only', isChatter }, 0.95, 0)).toMatchObject({ threshold: 0.4, precision: 1, recall: 2 / 3 });
    expect(chooseThresholdWith(cv, { mode: 'chatter-only', isChatter }, 0.6, 0)).toMatchObject({ threshold: 0.3, precision: 1, recall: 2 / 3 });
  });

  it('can keep the sampled rate but read its chatter part on every chatter line', () => {
    // negative 1 (chatter, 0.35) raised at 0.3; with four calibration-only chatter lines at 0 its weight is 2/6
    const cv = { lines: scores, ordinary: [0.01, 0.35, 0.02, 0.05], ordinaryIndex: [0, 1, 2, 3], extra: [0, 0, 0, 0] };
    const isChatter = [false, true, false, true];
    expect(chooseThresholdWith(cv, { mode: 'sampled' }, 0.95, 0.1)).toMatchObject({ threshold: 0.4 });
    expect(chooseThresholdWith(cv, { mode: 'all-chatter-weighted', isChatter }, 0.95, 0.1)).toMatchObject({ threshold: 0.3, ordinaryRate: 1 / 12 });
  });
});
