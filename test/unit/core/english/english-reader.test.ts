// The English readers on their own (no model): which lines are English, appeal or talk, danger or look-alike, and the
// place in Chinese.
import { describe, expect, it } from 'vitest';
import { readEnglishAppeal } from '../../../../src/core/english/english-appeal.ts';
import { readEnglishHazard } from '../../../../src/core/english/english-hazard.ts';
import { englishPlace } from '../../../../src/core/english/english-place.ts';
import { isEnglish } from '../../../../src/core/english/english-text.ts';
import { detectHazard } from '../../../../src/core/hazard/detect-hazard.ts';
import { extractPlace } from '../../../../src/core/triage/place.ts';

describe('isEnglish', () => {
  it('takes English, not pinyin, Chinese or mixed lines', () => {
    expect(isEnglish('The elevator in building 3 has been broken since yesterday')).toBe(true);
    expect(isEnglish('thanks 王工, the lift works again')).toBe(true);
    expect(isEnglish('@邻里助手 someone is stuck in the lift')).toBe(true);
    for (const text of ['zhaohuo le 7 dong 1 danyuan kuai bao jing', 'dianti you huai le, shui lai xiu yi xia', '3号楼 elevator 又坏了', '电梯坏了', 'ok'])
      expect(isEnglish(text), text).toBe(false);
  });
});

describe('readEnglishAppeal', () => {
  it.each([
    ['The fire alarm in building 2 keeps going off for no reason', 'facility_repair'],
    ['Cigarette smoke in the stairwell every night from 402, please tell them to stop', 'neighbour_dispute'],
    ['Someone keeps dumping rubbish in the stairwell of block 4', 'sanitation'],
    ['thanks, but the door is still broken', 'facility_repair'],
    ['Why is there no hot water again??', 'utilities'],
  ])('an appeal: %s', (text, category) => {
    expect(readEnglishAppeal(text)).toMatchObject({ isAppeal: true, category });
  });

  it.each([
    'Who do I call if the lift breaks down?',
    'Water will be cut tomorrow from 9am to 5pm for maintenance',
    'The lift is not broken, you just have to press harder',
    'That movie where the elevator breaks down is great',
    'Please remember not to park in the fire lane',
  ])('talk: %s', (text) => {
    expect(readEnglishAppeal(text).isAppeal).toBe(false);
  });
});

describe('English hazards in context', () => {
  it.each([
    ['Kids are climbing on the window ledge on the 6th floor of building 2!', 'child_danger'],
    ['There is a strange smell of gas near the boiler room', 'gas_leak'],
    ['Help! My grandma fell and can not get up, 3-2-501', 'medical'],
  ])('a danger: %s', (text, kind) => {
    expect(detectHazard(text)).toMatchObject({ kind, level: 'emergency' });
  });

  it.each([
    'Nobody is stuck in the lift, it was just a test',
    'I almost had a heart attack when I saw the management fee',
    'We had a blast at the BBQ party yesterday',
    'Our team was on fire at the basketball court tonight',
    "I'm going to kill myself if the lift breaks again",
    'my colleague said a building in Chengdu had a gas explosion this morning',
    'Please do not throw things from the balcony',
    'The gas bill this month is crazy',
  ])('no danger: %s', (text) => {
    expect(detectHazard(text), text).toBeNull();
    expect(readEnglishHazard(text).match).toBeNull();
  });
});

describe('englishPlace', () => {
  it.each([
    ['No hot water in 2-1-1102 again', { building: '2', unit: '1', room: '1102', text: '2号楼1单元1102室' }],
    ['The street light outside bldg 5 unit 2 is not working', { building: '5', unit: '2', text: '5号楼2单元' }],
    ['Power outage in our unit again, flat 1502 tower 2', { building: '2', room: '1502', text: '2号楼1502室' }],
    ['I smell gas in the stairwell on the 5th floor', { text: '5楼楼道' }],
    ['Someone keeps parking in the fire lane by the north gate', { text: '北门' }],
  ])('%s', (text, place) => {
    expect(englishPlace(text, extractPlace(text))).toEqual(place);
  });
});
