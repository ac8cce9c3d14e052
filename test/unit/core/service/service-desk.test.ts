// The staff's direct message about a new request names volunteers to choose from, those whose skills (grid file)
// fit the request's kind first. The store is a stub: the rest of the desk is tested on real stores (integration).
import { describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../../../src/core/ports/outbox.port.ts';
import type { Store } from '../../../../src/core/ports/store.port.ts';
import { ServiceDesk } from '../../../../src/core/service/service-desk.ts';

const node = { id: 3, code: 'C1', name: '东园社区', level: 'COMMUNITY' as const, parentId: null, path: '/C1/' };

function stubStore(volunteers: { personId: number; name: string; skills: string[]; gridNodeId: number }[]) {
  const request = { id: 7, gridNodeId: 3, groupId: 1, requesterId: 1, text: '陪我去医院复查', summary: '陪我去医院复查', kind: '陪诊', status: 'REQUESTED', sourceMessageId: 11 };
  return {
    service: { create: async () => request, addEvent: async () => true, volunteers: async () => volunteers },
    // no volunteers' group: the notice offers 派单 to a named volunteer only
    groups: { list: async () => [] },
    people: {
      findById: async () => ({ id: 1, name: '张阿姨' }),
      holders: async (_: number[], roles: string[]) => (roles.includes('COMMUNITY_STAFF') ? [{ person: { id: 9, name: '黄主任' }, role: 'COMMUNITY_STAFF', gridNodeId: 3 }] : []),
      identities: async (id: number) => [{ platform: 'WECHAT', externalId: `wx-${id}`, displayName: '', personId: id }],
    },
  } as unknown as Store;
}

describe('the staff notice of a new request', () => {
  it('lists volunteers whose skills fit the kind first, with their skills', async () => {
    const sent: OutgoingMessage[] = [];
    const store = stubStore([
      { personId: 4, name: '刘志愿', skills: ['送餐'], gridNodeId: 3 },
      { personId: 5, name: '孙志愿', skills: [], gridNodeId: 3 },
      { personId: 6, name: '马志愿', skills: ['陪诊', '小修'], gridNodeId: 3 },
    ]);
    const router = { chain: async () => [node], subtree: async () => [node] };
    const desk = new ServiceDesk({ store, router, outbox: { send: async (m) => void sent.push(m) }, clock: { now: () => new Date() } });
    await desk.request({ requesterId: 1, group: { id: 1, platform: 'WECHAT', externalId: 'room', title: '20号楼群', gridNodeId: 3, tags: [], active: true, muted: false }, text: '陪我去医院复查', kind: '陪诊' }, { messageId: 11, groupId: 1, at: new Date() });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ key: 'svc:7:requested:9:WECHAT', to: { user: 'wx-9' } });
    expect(sent[0]!.text).toContain('可派志愿者：马志愿（陪诊、小修）、刘志愿（送餐）、孙志愿\n');
    expect(sent[0]!.text).not.toContain('志愿者群');
  });
});
