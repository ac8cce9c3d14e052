import { describe, expect, it } from 'vitest';
import { botMutedFinding, botRemovedFinding, memberLossFinding, silentGroupFinding } from '../../../../src/core/patrol/group-health.rule.ts';
import { G20, T0 } from './fixtures.ts';

const daysAgo = (n: number) => new Date(T0.getTime() - n * 86_400_000);

describe('group health', () => {
  it('a group silent for 14 days is a LOW finding, one per silence', () => {
    const f = silentGroupFinding(G20, daysAgo(15), daysAgo(100), T0);
    expect(f).toMatchObject({ rule: 'silent_group', severity: 'LOW', summary: '群长期沉寂（东园小区20号楼睦邻群）：已 15 天无人发言' });
    expect(silentGroupFinding(G20, daysAgo(15), daysAgo(100), new Date(T0.getTime() + 86_400_000))?.dedupKey).toBe(f?.dedupKey);
    expect(silentGroupFinding(G20, daysAgo(13), daysAgo(100), T0)).toBeNull();
    expect(silentGroupFinding(G20, daysAgo(13), daysAgo(100), T0, { days: 7 })).not.toBeNull();
    // never a message: counted from when the group was first seen
    expect(silentGroupFinding(G20, null, daysAgo(3), T0)).toBeNull();
    expect(silentGroupFinding(G20, null, daysAgo(20), T0)?.data).toMatchObject({ days: 20, lastMessageAt: null });
  });

  it('the bot removed from a group is HIGH', () => {
    expect(botRemovedFinding(G20, T0)).toMatchObject({ rule: 'bot_removed', severity: 'HIGH', groupId: G20.id });
  });

  it('the bot unable to send in a group is HIGH, named as such', () => {
    expect(botMutedFinding(G20, T0)).toMatchObject({ rule: 'bot_muted', severity: 'HIGH', groupId: G20.id, summary: '助手在群内不能发言（东园小区20号楼睦邻群）：群内诉求仍会登记并私信告知网格员，但助手无法在群内回复，请联系群主解除禁言' });
  });

  it('member loss: 20% or 10 members within the window, never fewer than 3', () => {
    expect(memberLossFinding(G20, { membersNow: 40, leftInWindow: 10 }, T0)).toMatchObject({ severity: 'MEDIUM', summary: '群成员骤减（东园小区20号楼睦邻群）：24 小时内 10 人退群（原 50 人，减少 20%）' });
    expect(memberLossFinding(G20, { membersNow: 490, leftInWindow: 10 }, T0)?.severity).toBe('MEDIUM'); // 2%, but 10 people
    expect(memberLossFinding(G20, { membersNow: 400, leftInWindow: 9 }, T0)).toBeNull();
    expect(memberLossFinding(G20, { membersNow: 4, leftInWindow: 2 }, T0)).toBeNull(); // 33%, but 2 people
    expect(memberLossFinding(G20, { membersNow: 10, leftInWindow: 12 }, T0)?.severity).toBe('HIGH');
    expect(memberLossFinding(G20, { membersNow: 100, leftInWindow: 5 }, T0, { absolute: 5 })).not.toBeNull();
  });
});
