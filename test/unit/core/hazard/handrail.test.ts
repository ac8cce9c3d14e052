// Sandbox sweep, session 17: "8号楼那个楼梯扶手松了，老人上下楼很危险" was an emergency (已通知网格员立即处置，如有危险请先拨打
// 119/110): the collapse rule read 老人 as people under something about to fall. A loose handrail or step is a fall
// waiting to happen to whoever uses it: urgent (accepted within hours), an emergency once someone has fallen or is hurt.
import { describe, expect, it } from 'vitest';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';

const level = (text: string) => detectUrgency(text).urgency;

describe('a loose handrail or step: urgent for its users, an emergency when someone fell', () => {
  it.each([
    '另外8号楼那个楼梯扶手松了，老人上下楼很危险',
    '楼梯扶手晃得厉害，老人孩子扶着都不敢用力',
    '单元门口的台阶松了一块，老人走路容易绊倒',
    '楼道扶手断了一截，小孩上下楼很危险',
    '3单元楼梯的踏步松动了，晚上老人下楼容易踩空',
    '扶手松了好久了，老人家上楼都得扶墙',
  ])('%s → urgent', (text) => {
    expect(level(text)).toBe('urgent');
  });

  it.each([
    '楼梯扶手断了，一个老人摔下去了，头在流血',
    '扶手松了，刚才有个老人从楼梯上摔下来了，起不来',
    '台阶塌了一块，小孩摔进去了腿卡住了',
    // not a handrail: a balcony's railing high up with a child beside it stays an emergency
    '阳台栏杆松了，小孩就在旁边玩',
    '外墙瓷砖掉下来差点砸到小孩',
  ])('%s → emergency', (text) => {
    expect(level(text)).toBe('emergency');
  });
});
