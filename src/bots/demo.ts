// `linli demo`: replays the real 污水井盖 case from 拱辰街道 (a building group, 2023) end to end on an in-memory store,
// stored by the pipeline's inbox and handled by the same assistant the bots use, and prints the conversation and the ticket's timeline.
import type { Writable } from 'node:stream';
import { createLinli } from '../app.ts';
import { MemoryChatGateway } from '../adapters/memory/memory-chat.gateway.ts';
import { openStore } from '../adapters/prisma/prisma-store.ts';
import { readGridFile } from '../adapters/files/grid-file.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Triage } from '../core/ports/triage.port.ts';
import { DEMO_GRID_FILE } from './ensure-grid.ts';
import { describeTimeline } from './timeline.ts';

const ROOM = 'dy-20hao@chatroom';
const RESIDENT = { externalId: 'wxid_zhouyuzhen', name: '周玉珍' };
const BUILDING_HEAD = { externalId: 'wxid_xuguilan', name: '许桂兰' };

/** The case as it happened (China time): report 12:16, answer at once, cover replaced 12:31, thanks 13:58. */
const SCRIPT: { at: string; who: typeof RESIDENT; text: string; quoteBot?: boolean }[] = [
  { at: '12:16', who: RESIDENT, text: '20号楼107室门口的这个污水井盖破损严重,快塌下去了,物业能否帮忙更换一下?' },
  { at: '12:17', who: BUILDING_HEAD, text: '收到', quoteBot: true },
  { at: '12:31', who: BUILDING_HEAD, text: '办结 #{n} 井盖已更换，请大家出行注意安全' },
  { at: '13:58', who: RESIDENT, text: '满意，谢谢楼长和物业！', quoteBot: true },
];

export async function runDemo(opts: { triage: Triage; logger: Logger; output?: Writable; day?: string }): Promise<number> {
  const out = opts.output ?? process.stdout;
  const print = (s: string) => out.write(s + '\n');
  const store = await openStore({ kind: 'pglite', dataDir: null });
  try {
    await store.grid.importSpec(await readGridFile(DEMO_GRID_FILE));
    const day = opts.day ?? '2026-11-20';
    let now = new Date(`${day}T12:16:00+08:00`);
    const chat = new MemoryChatGateway('WECHAT');
    const linli = createLinli({ store, triage: opts.triage, gateways: { WECHAT: chat }, logger: opts.logger, clock: { now: () => now } });
    chat.onSend((m) => print('group' in m.to ? `        邻里助手：${m.rendered}` : `        [私信] 邻里助手 → ${m.to.user}：${m.text}`));

    print('东园小区20号楼睦邻群 — 污水井盖案例回放\n');
    let ticketNo = 0;
    for (const [i, step] of SCRIPT.entries()) {
      now = new Date(`${day}T${step.at}:00+08:00`);
      const text = step.text.replace('{n}', String(ticketNo));
      print(`${step.at}  ${step.who.name}：${text}`);
      const [outcome] = await linli.handleNow([{
        platform: 'WECHAT',
        externalId: `demo-${i}`,
        groupExternalId: ROOM,
        sender: step.who,
        text,
        quotedExternalId: step.quoteBot ? chat.inGroup(ROOM).at(-1)?.externalId : undefined,
        sentAt: now,
      }]);
      if (outcome!.kind === 'ticket') ticketNo = outcome!.ticketNo;
      if (i === 0 && outcome!.kind !== 'ticket') {
        print('\n未能从这条消息登记工单：triage 没有识别出诉求。');
        return 1;
      }
    }
    const ticket = await store.tickets.findByNumber(ticketNo);
    print('\n处理记录：');
    print(await describeTimeline(store, ticket!));
    return ticket?.status === 'CLOSED' ? 0 : 1;
  } finally {
    await store.close();
  }
}
