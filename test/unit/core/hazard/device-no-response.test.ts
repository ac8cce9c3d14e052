// Telegram sweep, session 17: "2单元的电梯按钮失灵了，按了没反应，老人上不了楼" was a 突发急症 emergency (其他, with a patrol
// alert): 没反应 said of a button pressed was read as a person unresponsive beside 老人. A thing that does not respond
// when pressed, swiped or turned is a repair; a person who does not respond stays an emergency.
import { describe, expect, it } from 'vitest';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';

const read = (text: string) => detectUrgency(text);

describe('没反应 of a thing pressed is no person unresponsive', () => {
  it.each([
    '2单元的电梯按钮失灵了，按了没反应，老人上不了楼',
    '门禁刷卡没反应，老人进不了门',
    '电梯按键按半天都没反应，老人孩子只能爬楼',
    '单元门的开关摁了也没反应，老人在外面等了好久',
    '水龙头拧了没反应，家里老人没水用',
  ])('%s → not medical', (text) => {
    expect(read(text).kind).not.toBe('medical');
    expect(read(text).urgency).not.toBe('emergency');
  });

  it.each([
    '楼下有个老人倒在地上，叫他没反应',
    '老人晕倒了，拍了拍没反应',
    '大爷坐在长椅上一动不动，喊他没反应',
  ])('%s → medical emergency', (text) => {
    expect(read(text)).toMatchObject({ urgency: 'emergency', kind: 'medical' });
  });
});
