// Every ticket change goes through TicketService and carries its cause (the message, the event's type): a message
// handled again changes nothing and publishes nothing, and a subscriber that fails does not break the write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinli, type Linli } from '../../src/app.ts';
import { createMemoryLogger } from '../../src/adapters/logging/pino.logger.ts';
import type { TicketChange } from '../../src/core/events/ticket-events.ts';
import type { Person } from '../../src/core/ports/person.repository.ts';
import type { Store } from '../../src/core/ports/store.port.ts';
import { freshStore } from '../support/databases.ts';
import { weekdayCalendar } from '../support/harness.ts';
import { scriptedTriage } from '../support/scripted-triage.ts';
import { SMALL_GRID } from '../support/small-grid.ts';

describe('ticket writes carry their cause', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let linli: Linli;
  const published: TicketChange[] = [];
  const log = createMemoryLogger();
  let seq = 0;
  let groupId: number;
  let lin: Person;
  let zhang: Person;

  const message = async (from: string, text: string) => {
    const [saved] = await store.messages.saveIncomingMany([{
      msg: { platform: 'WECHAT', externalId: `w-${++seq}`, groupExternalId: 'room-20', sender: { externalId: from, name: from }, text, sentAt: new Date() },
      groupId,
    }]);
    return saved!.message.id;
  };
  const report = (messageId: number) => linli.tickets.report({
    groupId,
    gridNodeId: groupNode,
    reporter: zhang,
    triage: { isAppeal: true, confidence: 0.9, category: 'facility_repair', place: {}, urgency: 'normal', summary: '20号楼水管漏水', source: 'rules' },
    messageId,
    explicit: false,
  });
  let groupNode: number;

  beforeAll(async () => {
    ({ store, dispose } = await freshStore('pglite'));
    await store.grid.importSpec(SMALL_GRID);
    linli = createLinli({
      store,
      triage: scriptedTriage([]),
      gateways: {},
      logger: log.logger,
      calendar: weekdayCalendar,
      onTicketChange: async (ticket, event) => void published.push({ ticket, event }),
    });
    const group = (await store.groups.findByExternal('WECHAT', 'room-20'))!;
    groupId = group.id;
    groupNode = group.gridNodeId!;
    lin = await store.people.ensureByIdentity('WECHAT', 'wx-lin', '林网格员');
    zhang = await store.people.ensureByIdentity('WECHAT', 'wx-zhang', '张阿姨');
  });
  afterAll(() => dispose());

  it('a report, a claim and a progress note handled twice are written and published once', async () => {
    const reportMsg = await message('wx-zhang', '20号楼水管漏水');
    const first = await report(reportMsg);
    const again = await report(reportMsg);
    expect(again.ticket).toEqual(first.ticket);
    expect(again.assignee?.id).toBe(first.assignee?.id);

    const actor = { personId: lin.id, name: lin.name };
    const progressMsg = await message('wx-lin', '进度 已联系物业');
    const progressed = await linli.tickets.progress(first.ticket.number, actor, '已联系物业', progressMsg);
    expect(progressed.claimed).toBe(true);
    // handled again: the claim it made stands and is said again; nothing is written twice
    expect((await linli.tickets.progress(first.ticket.number, actor, '已联系物业', progressMsg)).claimed).toBe(true);

    const resolveMsg = await message('wx-lin', '办结 已修好');
    const resolved = await linli.tickets.resolve(first.ticket.number, actor, '已修好', resolveMsg);
    const resolvedAgain = await linli.tickets.resolve(first.ticket.number, actor, '已修好', resolveMsg);
    expect(resolvedAgain.ticket).toMatchObject({ status: 'RESOLVED', version: resolved.ticket.version });

    const events = await linli.tickets.timeline(first.ticket.id);
    expect(events.map((e) => e.type)).toEqual(['reported', 'claimed', 'progress', 'resolved']);
    expect(published.map((c) => c.event.type)).toEqual(['reported', 'claimed', 'resolved']);
    expect(await store.tickets.list({ groupId })).toHaveLength(1);
  });

  it('a subscriber that fails is logged and does not break the write or the subscribers after it', async () => {
    const stop = linli.ticketEvents.subscribe(() => {
      throw new Error('live view down');
    });
    const after: string[] = [];
    const stopAfter = linli.ticketEvents.subscribe(({ event }) => void after.push(event.type));
    try {
      const { ticket } = await report(await message('wx-zhang', '20号楼电梯坏了'));
      expect((await store.tickets.findById(ticket.id))?.status).toBe('REPORTED');
      expect(after).toEqual(['reported']);
      expect(log.lines().some((l) => l.msg === 'ticket change subscriber failed' && l.ticketNo === ticket.number)).toBe(true);
    } finally {
      stop();
      stopAfter();
    }
    await report(await message('wx-zhang', '20号楼路灯不亮'));
    expect(after).toEqual(['reported']);
  });
});
