// Patrol settings per grid: the same quarrel is flagged in one grid and tolerated in another that raised its threshold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinli, type Linli } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freshStore } from '../support/databases.ts';
import { weekdayCalendar } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

const QUARREL = ['你家狗天天乱叫有病吧', '你才有病，管好你自己', '再叫我就报警了', '你报啊，神经病', '欺人太甚，你给我等着', '滚，别在群里骂人'];

describe('patrol settings per grid', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let linli: Linli;
  let seq = 0;

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    await store.grid.importSpec(SMALL_GRID);
    const dir = mkdtempSync(path.join(tmpdir(), 'linli-patrol-'));
    writeFileSync(path.join(dir, 'linli.yaml'), 'patrol:\n  byNode:\n    G2: { conflict: { minHeated: 99 } }\n');
    const cfg = loadConfig({ LINLI_CONFIG: path.join(dir, 'linli.yaml') });
    linli = createLinli({ store, triage: scriptedTriage([]), gateways: { WECHAT: new MemoryChatGateway() }, logger: createMemoryLogger().logger, calendar: weekdayCalendar, config: cfg });
  });
  afterAll(() => dispose?.());

  async function quarrelIn(room: string) {
    const t0 = Date.now();
    for (const [i, text] of QUARREL.entries()) {
      const who = i % 2 === 0 ? { externalId: 'wx-a', name: '王先生' } : { externalId: 'wx-b', name: '赵女士' };
      await linli.handleNow([{ platform: 'WECHAT', externalId: `q-${++seq}`, groupExternalId: room, sender: who, text, sentAt: new Date(t0 + i * 30_000) }]);
    }
    const group = (await store.groups.findByExternal('WECHAT', room))!;
    return (await store.patrol.list({ openOnly: true, groupId: group.id, rule: 'conflict' })).length;
  }

  it('flags the quarrel under the default thresholds and not in the grid that raised them', async () => {
    expect(await quarrelIn('room-20')).toBe(1); // U1 under G1: defaults
    expect(await quarrelIn('room-g2')).toBe(0); // G2: minHeated 99
  });
});
