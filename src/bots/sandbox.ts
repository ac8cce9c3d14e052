// The embedded sandbox (`npm start` with no configuration): the demo grid on PGlite, in-memory groups, and a terminal
// where a person types into a group as any resident or worker and sees the bot answer.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createLinli } from '../app.ts';
import type { Config } from '../config.ts';
import { MemoryChatGateway, type SentMessage } from '../adapters/memory/memory-chat.gateway.ts';
import { readGridFile } from '../adapters/files/grid-file.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Store } from '../core/ports/store.port.ts';
import type { Triage } from '../core/ports/triage.port.ts';
import type { Group } from '../core/ports/group.repository.ts';
import { ROLE_ZH } from '../core/people/roles.ts';
import { STATUS_ZH } from '../core/tickets/ticket.types.ts';
import { categoryName } from '../core/triage/categories.ts';
import { describeTimeline } from './timeline.ts';

export const DEMO_GRID_FILE = new URL('../../data/demo-grid.yaml', import.meta.url).pathname;

/** Imports the configured grid file (or the demo grid) into an empty store. */
export async function ensureGrid(store: Store, gridFile: string | undefined, logger: Logger): Promise<void> {
  if ((await store.grid.count()) > 0) return;
  const file = gridFile ?? DEMO_GRID_FILE;
  const r = await store.grid.importSpec(await readGridFile(file));
  logger.info({ file, ...r }, 'grid imported into an empty store');
}

interface Speaker {
  id: string;
  name: string;
  roles: string;
}

async function speakers(store: Store): Promise<Speaker[]> {
  const spec = await store.grid.exportSpec();
  return spec.people.flatMap((p) => {
    const wx = p.identities.find((i) => i.platform === 'WECHAT');
    if (!wx) return [];
    return [{ id: wx.externalId, name: p.name, roles: p.roles.map((r) => `${ROLE_ZH[r.role]}@${r.nodeCode}`).join(', ') || '居民' }];
  });
}

const HELP = `在当前群里直接输入文字即以当前身份发言。命令：
  /groups            列出群           /group N        切换到第 N 个群
  /people            列出人员         /as N|姓名       切换发言身份
  /reply 文本        引用机器人在本群的上一条消息回复（如：/reply 收到、/reply 满意）
  /mention 文本      @机器人 发言（总会登记为工单）
  /tickets           工单列表         /timeline N     工单 #N 的处理记录
  /help              帮助             /quit           退出`;

export async function runSandbox(opts: {
  cfg: Config;
  store: Store;
  triage: Triage;
  logger: Logger;
  input?: Readable;
  output?: Writable;
  logFile?: string;
}): Promise<void> {
  const { store, cfg, logger } = opts;
  const out = opts.output ?? process.stdout;
  const print = (s: string) => out.write(s + '\n');
  await ensureGrid(store, cfg.gridFile, logger);
  const chat = new MemoryChatGateway('WECHAT');
  const linli = createLinli({ store, triage: opts.triage, gateways: { WECHAT: chat }, logger, config: cfg });

  const groups: Group[] = (await store.groups.list()).filter((g) => g.platform === 'WECHAT' && g.gridNodeId !== null);
  const people = await speakers(store);
  const residents = people.filter((p) => p.roles === '居民');
  let group = groups[0];
  let speaker = residents[0] ?? people[0];
  if (!group || !speaker) throw new Error('the grid has no WeChat group or person to play: import a grid file first');
  const titleOf = (externalId: string) => groups.find((g) => g.externalId === externalId)?.title ?? externalId;
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  chat.onSend((m: SentMessage) =>
    print('group' in m.to ? `  [${titleOf(m.to.group)}] ${cfg.botName}：${m.rendered}` : `  [私信 → ${nameOf(m.to.user)}] ${cfg.botName}：${m.text}`),
  );

  print(`邻里 Linli 沙盒 — ${groups.length} 个群，${people.length} 位人员（数据保存在 ${cfg.store.kind === 'pglite' ? cfg.store.dataDir : 'PostgreSQL'}）`);
  if (opts.logFile) print(`日志写入 ${opts.logFile}`);
  print(HELP);
  let seq = Date.now();
  const prompt = () => `${group!.title} | ${speaker!.name}> `;
  const rl = createInterface({ input: opts.input ?? process.stdin, output: out, terminal: false });
  out.write(prompt());
  for await (const raw of rl) {
    const line = raw.trim();
    try {
      if (!line) {
        // nothing
      } else if (line === '/quit' || line === '/exit') {
        break;
      } else if (line === '/help') {
        print(HELP);
      } else if (line === '/groups') {
        groups.forEach((g, i) => print(`  ${i + 1}. ${g.title} (${g.externalId})`));
      } else if (line.startsWith('/group ')) {
        const g = groups[Number(line.slice(7)) - 1];
        if (g) group = g;
        else print('  没有这个群，请用 /groups 查看编号');
      } else if (line === '/people') {
        people.forEach((p, i) => print(`  ${i + 1}. ${p.name} — ${p.roles}`));
      } else if (line.startsWith('/as ')) {
        const key = line.slice(4).trim();
        const p = people[Number(key) - 1] ?? people.find((x) => x.name === key);
        if (p) speaker = p;
        else print('  没有这个人，请用 /people 查看编号');
      } else if (line === '/tickets') {
        for (const t of await store.tickets.list({ limit: 20 })) {
          print(`  #${t.number} ${STATUS_ZH[t.status]} ${categoryName(t.category)} ${t.summary}`);
        }
      } else if (line.startsWith('/timeline ')) {
        const t = await store.tickets.findByNumber(Number(line.slice(10).replace('#', '')));
        if (!t) print('  未找到该工单');
        else print((await describeTimeline(store, t)).replace(/^/gm, '  '));
      } else {
        const quoting = line.startsWith('/reply ');
        const mention = line.startsWith('/mention ');
        const text = quoting ? line.slice(7) : mention ? `@${cfg.botName} ${line.slice(9)}` : line;
        const quoted = quoting ? chat.inGroup(group.externalId).at(-1)?.externalId : undefined;
        if (quoting && !quoted) print('  机器人在本群还没有发过消息，无法引用');
        const outcome = await linli.assistant.handle({
          platform: 'WECHAT',
          externalId: `sandbox-${++seq}`,
          groupExternalId: group.externalId,
          sender: { externalId: speaker.id, name: speaker.name },
          text,
          quotedExternalId: quoted,
          mentionsBot: mention,
          sentAt: new Date(),
        });
        if (outcome.kind === 'chatter') print('  （闲聊，机器人不回复）');
      }
    } catch (e) {
      logger.error({ err: e }, 'sandbox command failed');
      print(`  出错了：${(e as Error).message}`);
    }
    out.write(prompt());
  }
  rl.close();
  print('');
}
