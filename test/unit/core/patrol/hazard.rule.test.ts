import { describe, expect, it } from 'vitest';
import { hazardFinding } from '../../../../src/core/patrol/hazard.rule.ts';
import { G20, msg, minutes } from './fixtures.ts';

const judge = (text: string) => hazardFinding(msg(text), G20);

describe('hazard rule', () => {
  it.each([
    ['楼下有人从窗户拉电线给电动车充电', 'flying_wire'],
    ['3单元又有人飞线充电了，插线板就吊在二楼窗户外面', 'flying_wire'],
    ['有人把电瓶车推进电梯了，一电梯的人', 'ebike_indoors'],
    ['502那家天天把电动车推上楼充电', 'ebike_indoors'],
    ['楼道堆放杂物，把消防通道都堵住了', 'blocked_exit'],
    ['一楼的安全出口被锁了，出不去', 'blocked_exit'],
    ['5楼的灭火器过期好久了', 'fire_equipment'],
    ['刚才又有人高空抛物，扔了一袋垃圾下来', 'high_throw'],
  ])('a hazard is HIGH: %s', (text, kind) => {
    const f = judge(text);
    expect(f).toMatchObject({ rule: 'hazard', severity: 'HIGH', data: { kind } });
  });

  it.each([
    ['20号楼3单元闻到很重的煤气味', 'gas_leak'],
    ['2栋楼顶着火了，冒烟好大', 'fire'],
    ['有人被困在电梯里了，快来人', 'trapped'],
    ['高空抛物砸到人了，头上流血', 'falling_object'],
  ])('an emergency is CRITICAL: %s', (text, kind) => {
    expect(judge(text)).toMatchObject({ severity: 'CRITICAL', data: { kind } });
  });

  it.each([
    '明天上午9点消防演练，届时会模拟着火，请大家不要惊慌',
    '温馨提示：请勿飞线充电，电动车请到车棚充电',
    '严禁电动车进电梯，违者将通报',
    '各位居民：请勿在楼道堆放杂物，保持消防通道畅通',
    '电动车已经推出去了',
    '楼道的杂物已清理，谢谢大家配合',
    '没有煤气味了，刚才是虚惊一场',
    '万一着火了怎么办，大家家里有灭火器吗',
    '我把手机放家里充电了，晚点回你',
    '电梯今天好像有点慢',
  ])('not a hazard: %s', (text) => {
    expect(judge(text)).toBeNull();
  });

  it('summarises in masked Chinese, naming the group', () => {
    const f = judge('楼下有人从窗户拉电线给电动车充电，电话13812345678');
    expect(f?.summary).toBe('疑似飞线充电（东园小区20号楼睦邻群）：楼下有人从窗户拉电线给电动车充电，电话138****5678');
  });

  it('several residents reporting the same fire within the hour share one key; another hour is another finding', () => {
    const a = hazardFinding(msg('3栋着火了！', { sentAt: minutes(1) }), G20);
    const b = hazardFinding(msg('是的3栋起火了，好多烟', { senderExternalId: 'wx-li', sentAt: minutes(5) }), G20);
    const c = hazardFinding(msg('又着火了', { sentAt: minutes(70) }), G20);
    expect(a?.dedupKey).toBe(b?.dedupKey);
    expect(c?.dedupKey).not.toBe(a?.dedupKey);
  });

  it('a pasted copy of the bot’s words (an echo) is no finding, even with a danger or triage’s urgency in it', () => {
    const text = '邻里助手：新工单 #143（水电气暖）来自「东园小区21号楼睦邻群」：21号楼3楼楼道里有很浓的煤气味，大家快来看看。';
    expect(hazardFinding(msg(text), G20)).not.toBeNull();
    expect(hazardFinding(msg(text, { echo: true }), G20)).toBeNull();
    expect(hazardFinding(msg('井盖那边黑乎乎一个洞', { echo: true, raised: 'URGENT' }), G20)).toBeNull();
  });
});
