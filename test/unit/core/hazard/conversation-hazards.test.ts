// Part AK's round: dangers told inside a conversation — a reply, an update ("比刚才大了"), a second neighbour
// confirming — and the look-alikes that share their words. Paraphrases of the round's classes, never bench lines.
import { describe, expect, it } from 'vitest';
import { hazardFinding } from '../../../../src/core/patrol/hazard.rule.ts';
import { detectUrgency } from '../../../../src/core/triage/urgency.ts';
import { G20, msg } from '../patrol/fixtures.ts';

/** [text, kind]: an emergency of that kind. */
const EMERGENCIES: readonly (readonly [string, string])[] = [
  // a hole that opened by itself, grown since it was first told, someone nearly or already in it
  ['花园边上那个坑又比刚才大了一圈，刚有个小孩差点踩空', 'cave_in'],
  ['一个大爷掉进去了！北门那边陷下去的那个洞', 'cave_in'],
  ['物业说是挖管子留的坑，可根本没人挖过，是自己塌的，还在往外扩', 'cave_in'],
  // someone still shut in, the wait told, the repairer late; someone shut out on a roof and unable to come down
  ['人还在里头呢 都快五十分钟了 维保师傅说堵在路上 里面闷死了', 'trapped'],
  ['我也听见了，是楼顶传来的，有个大爷被锁在天台门外下不来了', 'trapped'],
];

/** [text, kind]: at least urgent, of that kind. */
const URGENT: readonly (readonly [string, string])[] = [
  // a danger told before, still not dealt with, children now at it
  ['之前说的那个井盖到现在还没人来盖，放学的小孩都在边上跑来跑去', 'manhole'],
  ['上午说的那根断电线还垂在那儿没人管，刚才有小孩捡根棍子去挑', 'exposed_wire'],
];

/** Children playing by a well left open: an emergency (read as the well or as the children). */
const CHILDREN_AT_A_WELL: readonly string[] = ['路口那个井盖到现在还没人来盖，几个小朋友在旁边跑', '那个井盖被撬走了一直没人修，几个小朋友在旁边玩'];

const LOOKALIKES: readonly string[] = [
  '孩子在沙坑里玩，坑越挖越大，衣服全是沙子',
  '这个月的业绩又掉进坑里了，比刚才开会说的还大',
  '小区门口挖的坑还没填，工人说明天来',
  '我被锁在门外了，钥匙忘带了，在等开锁师傅',
  '我把自己锁在门外了，在楼下等老公回来',
  '孩子还在里面上课，已经四十分钟了，等得我好闷',
  '上午说的那个快递还没人来拿，放在门口',
  '井盖上画的小猫真可爱，小孩都在边上看',
  '有没有人管一下楼下的污水井啊，蚊子太多了，小孩都被咬了',
  '快递还锁在柜子里面，已经两个小时了，开锁要找谁',
];

describe('conversation hazards (part AK): triage and the patrol agree', () => {
  it.each(EMERGENCIES)('emergency, CRITICAL: %s (%s)', (text, kind) => {
    expect(detectUrgency(text)).toMatchObject({ urgency: 'emergency', kind });
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each(URGENT)('at least urgent, HIGH: %s (%s)', (text, kind) => {
    const u = detectUrgency(text);
    expect(u.urgency).not.toBe('normal');
    expect(u.kind).toBe(kind);
    expect(hazardFinding(msg(text), G20)?.severity).toMatch(/^(HIGH|CRITICAL)$/);
  });

  it.each(CHILDREN_AT_A_WELL)('emergency, CRITICAL: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('emergency');
    expect(hazardFinding(msg(text), G20)?.severity).toBe('CRITICAL');
  });

  it.each(LOOKALIKES)('not a hazard: %s', (text) => {
    expect(detectUrgency(text).urgency).toBe('normal');
    expect(hazardFinding(msg(text), G20)).toBeNull();
  });
});
