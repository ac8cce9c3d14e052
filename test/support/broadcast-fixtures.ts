// Shared by the broadcast tests: a grid with two communities, a chat gateway that can fail or refuse chosen groups
// and counts every copy, and cleanup of a Redis key prefix.
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { ChatSendError, type ChatGateway, type SendOptions } from '../../src/core/ports/chat-gateway.port.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { OutgoingRef } from '../../src/core/messages/incoming-message.ts';
import { TEST_REDIS_URL } from './redis.ts';

export const REDIS_URL = TEST_REDIS_URL;

/** 街道 S1 > 社区 C1 (网格 G1: 3 groups, G2: 1) and 社区 C2 (网格 G3: 2 groups); one unmapped, one inactive later. */
export const BROADCAST_GRID: GridSpec = {
  nodes: [
    { code: 'S1', name: '拱辰街道', level: 'STREET', parentCode: null },
    { code: 'C1', name: '东园社区', level: 'COMMUNITY', parentCode: 'S1' },
    { code: 'C2', name: '西园社区', level: 'COMMUNITY', parentCode: 'S1' },
    { code: 'G1', name: '东园第一网格', level: 'GRID', parentCode: 'C1' },
    { code: 'G2', name: '东园第二网格', level: 'GRID', parentCode: 'C1' },
    { code: 'G3', name: '西园第一网格', level: 'GRID', parentCode: 'C2' },
  ],
  groups: [
    { platform: 'WECHAT', externalId: 'dy-1', title: '东园1号楼睦邻群', nodeCode: 'G1', tags: ['睦邻群'] },
    { platform: 'WECHAT', externalId: 'dy-2', title: '东园2号楼睦邻群', nodeCode: 'G1', tags: ['睦邻群'] },
    { platform: 'WECHAT', externalId: 'dy-yz', title: '东园业主群', nodeCode: 'G1', tags: ['业主群'] },
    { platform: 'WECHAT', externalId: 'dy-g2', title: '东园二网格睦邻群', nodeCode: 'G2', tags: ['睦邻群'] },
    { platform: 'WECHAT', externalId: 'xy-1', title: '西园1号楼睦邻群', nodeCode: 'G3', tags: ['睦邻群'] },
    { platform: 'WECHAT', externalId: 'xy-2', title: '西园2号楼睦邻群', nodeCode: 'G3', tags: ['睦邻群'] },
  ],
  people: [
    { key: 'xu', name: '许科长', identities: [{ platform: 'WECHAT', externalId: 'wx-xu' }], roles: [{ role: 'STREET_STAFF', nodeCode: 'S1' }] },
    { key: 'liu', name: '刘干事', identities: [{ platform: 'WECHAT', externalId: 'wx-liu' }], roles: [{ role: 'STREET_STAFF', nodeCode: 'C2' }] },
    { key: 'huang', name: '黄主任', identities: [{ platform: 'WECHAT', externalId: 'wx-huang' }], roles: [{ role: 'COMMUNITY_STAFF', nodeCode: 'C1' }] },
    { key: 'admin', name: '系统管理员', identities: [], roles: [{ role: 'ADMIN', nodeCode: 'S1' }] },
  ],
};

/** A sandbox gateway with failures on demand; `copies(room)` counts what each group received. */
export class TestGateway implements ChatGateway {
  readonly platform = 'WECHAT' as const;
  readonly inner = new MemoryChatGateway();
  /** Rooms whose sends fail with a network error. */
  readonly failing = new Set<string>();
  /** Rooms the bot is not in (the Wechaty gateway's error). */
  readonly absent = new Set<string>();
  /** Rooms whose sends throw exactly this error. */
  readonly throwing = new Map<string, unknown>();
  /** Delay of each send, to keep a run in flight. */
  delayMs = 0;
  onSent: (room: string) => void = () => {};

  async sendToGroup(room: string, text: string, options?: SendOptions): Promise<OutgoingRef> {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.absent.has(room)) throw new ChatSendError(`WeChat room ${room} not found (is the bot still in it?)`, 'NOT_IN_GROUP');
    if (this.failing.has(room)) throw new Error(`ETIMEDOUT sending to ${room}`);
    if (this.throwing.has(room)) throw this.throwing.get(room);
    const ref = await this.inner.sendToGroup(room, text, options);
    this.onSent(room);
    return ref;
  }

  sendDirect(user: string, text: string) {
    return this.inner.sendDirect(user, text);
  }

  copies(room: string) {
    return this.inner.inGroup(room).length;
  }

  get total() {
    return this.inner.sent.length;
  }
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export { dropRedisPrefix } from './redis.ts';
