// Builds Linli on a fresh store with in-memory chat, and gives tests a way to speak as anyone in any group.
import { createLinli, type Linli } from '../../src/app.ts';
import { MemoryChatGateway } from '../../src/adapters/memory/memory-chat.gateway.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import type { HandleOutcome } from '../../src/core/assistant/assistant.types.ts';
import type { IncomingMessage } from '../../src/core/messages/incoming-message.ts';
import type { GridSpec } from '../../src/core/ports/grid.repository.ts';
import type { Triage } from '../../src/core/ports/triage.port.ts';
import type { WorkCalendar } from '../../src/core/ports/work-calendar.port.ts';
import { freshStore, type StoreKind } from './databases.ts';
import { SMALL_GRID } from './small-grid.ts';

export interface Harness extends Linli {
  chat: MemoryChatGateway;
  logs: () => Record<string, unknown>[];
  say(group: string, from: { id: string; name: string }, text: string, extra?: Partial<IncomingMessage>): Promise<HandleOutcome>;
  /** Replies the bot posted in a group since the last call. */
  newIn(group: string): string[];
  dispose(): Promise<void>;
}

/** Weekends off, nothing else: tests that need the official calendar say so. */
export const weekdayCalendar: WorkCalendar = {
  isWorkday: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
};

export async function harness(triage: Triage, opts: { kind?: StoreKind; now?: Date; grid?: GridSpec } = {}): Promise<Harness> {
  const { store, dispose } = await freshStore(opts.kind ?? 'pglite');
  await store.grid.importSpec(opts.grid ?? SMALL_GRID);
  const chat = new MemoryChatGateway('WECHAT');
  const { logger, lines } = createMemoryLogger();
  let now = opts.now ?? new Date('2026-11-20T04:16:00Z');
  const linli = createLinli({ store, triage, gateways: { WECHAT: chat }, logger, calendar: weekdayCalendar, clock: { now: () => now } });
  let seq = 0;
  const seen = new Map<string, number>();
  return {
    ...linli,
    chat,
    logs: lines,
    // stored by the pipeline's inbox and handled as the ingest worker would, without the queue: the outcome comes back
    async say(group, from, text, extra = {}) {
      now = new Date(now.getTime() + 60_000);
      const [outcome] = await linli.handleNow([{
        platform: 'WECHAT',
        externalId: `in-${++seq}`,
        groupExternalId: group,
        sender: { externalId: from.id, name: from.name },
        text,
        sentAt: now,
        ...extra,
      }]);
      return outcome!;
    },
    newIn(group) {
      const all = chat.inGroup(group).map((m) => m.rendered);
      const from = seen.get(group) ?? 0;
      seen.set(group, all.length);
      return all.slice(from);
    },
    dispose,
  };
}

export const ZHANG = { id: 'wx-zhang', name: '张阿姨' };
export const LI = { id: 'wx-li', name: '李先生' };
export const LIN = { id: 'wx-lin', name: '林网格员' };
export const CHEN = { id: 'wx-chen', name: '陈网格员' };
export const WU = { id: 'wx-wu', name: '吴网格员' };
export const ZHENG = { id: 'wx-zheng', name: '郑楼栋长' };
export const HUANG = { id: 'wx-huang', name: '黄主任' };
