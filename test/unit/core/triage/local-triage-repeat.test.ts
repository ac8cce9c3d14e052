// A short line said again ("收到", "好的", "谢谢大家": most of a group's traffic) is read once: the triage of a text
// depends on nothing else, so the next time it gets the same answer, as a copy of its own.
import { describe, expect, it } from 'vitest';
import { LocalTriage, type LabelScorer } from '../../../../src/core/triage/local-triage.ts';

const counting = () => {
  let calls = 0;
  const scorer: LabelScorer = {
    predict: (text) => {
      calls++;
      const appeal = text.includes('坏');
      return { label: appeal ? 'facility_repair' : 'chatter', confidence: 0.9, scores: appeal ? { chatter: 0.1, facility_repair: 0.9 } : { chatter: 0.9, facility_repair: 0.1 } };
    },
  };
  return { scorer, calls: () => calls };
};

describe('LocalTriage on a line said again', () => {
  it('reads it once and answers the same, each caller with its own copy', () => {
    const { scorer, calls } = counting();
    const triage = new LocalTriage(scorer);
    const first = triage.classifySync('3栋电梯坏了');
    first.place.building = '9';
    first.category = 'changed by its reader';
    const second = triage.classifySync('3栋电梯坏了');
    expect(calls()).toBe(1);
    expect(second).toEqual(new LocalTriage(counting().scorer).classifySync('3栋电梯坏了'));
    expect(second.place).toMatchObject({ building: '3' });
    expect(triage.classifySync('收到')).toMatchObject({ isAppeal: false });
    expect(triage.classifySync('收到')).toMatchObject({ isAppeal: false });
    expect(calls()).toBe(2);
  });

  it('reads a long text every time (long texts seldom repeat: they are not kept)', () => {
    const { scorer, calls } = counting();
    const triage = new LocalTriage(scorer);
    const long = `3栋电梯坏了，${'卡在五楼不动了，'.repeat(12)}`;
    triage.classifySync(long);
    triage.classifySync(long);
    expect(calls()).toBe(2);
  });
});
