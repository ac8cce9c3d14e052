// The patrol remembers each group's recent messages between batches and reads the store only for what it cannot
// know: a group whose batch does not chain on to what it saw last, and a sender's messages across groups when the
// spam rule could use them. A quarrel spread over many batches is found from memory as it was from the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GridRouter } from '../../src/core/grid/routing.ts';
import { PatrolService } from '../../src/core/patrol/patrol.service.ts';
import type { Group } from '../../src/core/ports/group.repository.ts';
import type { PatrolContextRequest } from '../../src/core/ports/patrol.repository.ts';
import type { StoredMessage } from '../../src/core/ports/message.repository.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { freshStore } from '../support/databases.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

const A = { externalId: 'wx-a', name: '甲' };
const B = { externalId: 'wx-b', name: '乙' };

describe('patrol memory of recent messages', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let g20: Group;
  const reads: PatrolContextRequest[] = [];
  let seq = 0;
  const t0 = new Date('2026-11-20T02:00:00Z').getTime();

  const patrolService = () =>
    new PatrolService({
      patrol: { ...store.patrol, messageContext: (req) => (reads.push(req), store.patrol.messageContext(req)), upsert: (f) => store.patrol.upsert(f) },
      groups: store.groups,
      people: store.people,
      router: new GridRouter(store.grid, store.people, store.tickets),
      calendar: { isWorkday: () => true },
      clock: { now: () => new Date(t0) },
    });

  /** Stores the lines in the group and returns them as a batch with their chain, the way the pipeline queues them. */
  async function batch(lines: [{ externalId: string; name: string }, string][], prevId: number | undefined, minute: number) {
    const saved = await store.messages.saveIncomingMany(
      lines.map(([from, text], i) => ({
        msg: { platform: 'WECHAT', externalId: `pm-${++seq}`, groupExternalId: g20.externalId, sender: from, text, sentAt: new Date(t0 + (minute * 60 + i) * 1000) },
        groupId: g20.id,
      })),
    );
    let prev = prevId;
    return saved.map(({ message }: { message: StoredMessage }) => {
      const item = prev === undefined ? { stored: message, group: g20 } : { stored: message, group: g20, prevId: prev };
      prev = message.id;
      return item;
    });
  }

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    await store.grid.importSpec(SMALL_GRID);
    g20 = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
  });
  afterAll(() => dispose());

  it('reads a group once, then goes on from memory while each batch chains on; a quarrel over six batches is found', async () => {
    const patrol = patrolService();
    reads.length = 0;
    const quarrel: [typeof A, string][] = [
      [A, '你家狗天天乱叫'],
      [B, '关你什么事，有病吧'],
      [A, '你再骂一句试试'],
      [B, '神经病'],
      [A, '没素质'],
      [B, '走着瞧'],
    ];
    let last: number | undefined;
    const found = [];
    for (const [i, line] of quarrel.entries()) {
      const items = await batch([line], last, i);
      last = items.at(-1)!.stored.id;
      found.push(...(await patrol.onMessages(items)).values());
    }
    // only the first batch read the group; the short heated lines needed no sender reads
    expect(reads.map((r) => r.groupIds.length)).toEqual([1, ...reads.slice(1).map(() => 0)]);
    expect(reads.slice(1).every((r) => r.groupIds.length === 0)).toBe(true);
    expect(found.flat().map((f) => f.rule)).toEqual(['conflict']);
  });

  it('reads the group again when a batch does not chain on: another worker handled the messages in between', async () => {
    const patrol = patrolService();
    reads.length = 0;
    const first = await batch([[A, '早上好'], [B, '早']], undefined, 20);
    await patrol.onMessages(first);
    // handled elsewhere: this process never sees them
    const elsewhere = await batch([[A, '吃了吗']], first.at(-1)!.stored.id, 21);
    const next = await batch([[B, '吃了']], elsewhere.at(-1)!.stored.id, 22);
    await patrol.onMessages(next);
    const again = await batch([[A, '好的']], next.at(-1)!.stored.id, 23);
    await patrol.onMessages(again);
    // first: read; next: chain broken (its prevId is a message this process did not see), read; again: from memory
    // (the last batch, a short line from memory, reads nothing at all)
    expect(reads.map((r) => r.groupIds)).toEqual([[g20.id], [g20.id]]);
  });

  it('reads a sender’s messages across groups only for a line the spam rule could compare', async () => {
    const patrol = patrolService();
    reads.length = 0;
    const items = await batch([[A, '好的'], [B, '有没有人要团购大米，十斤装的']], undefined, 40);
    await patrol.onMessages(items);
    expect(reads).toHaveLength(1);
    expect(reads[0]!.senders).toEqual([{ platform: 'WECHAT', externalId: B.externalId }]);
    expect(reads[0]!.members.map((m) => m.externalUserId)).toEqual([B.externalId]);
  });
});
