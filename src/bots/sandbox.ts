// The embedded sandbox (`npm start` with no configuration): the demo grid on PGlite, the real WeChat bot on Wechaty's
// mock puppet, and a terminal where a person types into a group as any resident or worker and sees the bot answer.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Config } from '../config.ts';
import { createPuppet } from '../adapters/wechaty/puppet.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Store } from '../core/ports/store.port.ts';
import type { Triage } from '../core/ports/triage.port.ts';
import { ROLE_ZH } from '../core/people/roles.ts';
import { STATUS_ZH } from '../core/tickets/ticket.types.ts';
import { categoryName } from '../core/triage/categories.ts';
import { describeTimeline } from './timeline.ts';
import { maskPii } from '../core/triage/mask.ts';
import { forTerminal } from '../cli/terminal-text.ts';
import { createBotHost } from './bot-host.ts';
import { WechatPlatform } from './platforms/wechat/index.ts';
import { createMemoryQueues } from '../adapters/memory/memory-job-queues.ts';
import { startSandboxApi } from './sandbox-api.ts';
import { ensureGrid } from './ensure-grid.ts';
import { seedDemoHistory } from '../core/demo/demo-history.ts';

export { DEMO_GRID_FILE, ensureGrid } from './ensure-grid.ts';

interface Speaker {
  id: string;
  name: string;
  roles: string;
}

/** WeChat shows a quote-reply as the quoted line, a row of dashes, then the reply. */
const quoteOf = (name: string, quoted: string, reply: string) => `「${name}：${quoted}」\n- - - - - - - - - - - - - - -\n${reply}`;

const HELP = `在当前群里直接输入文字即以当前身份发言。命令：
  /groups            列出群           /group N        切换到第 N 个群
  /people            列出人员         /as N|姓名       切换发言身份
  /reply 文本        引用机器人在本群的上一条消息回复（如：/reply 收到、/reply 满意）
  /mention 文本      @机器人 发言（说明了问题即登记为工单）
  /photo             以当前身份发一张图片
  /tickets           工单列表         /timeline N     工单 #N 的处理记录
  /help              帮助             /quit           退出`;

/** What the commands that take an argument say when it is missing. */
const USAGE: Record<string, string> = {
  '/reply': '用法：/reply 文本（引用机器人在本群的上一条消息回复，如 /reply 满意）',
  '/group': '用法：/group N（N 为 /groups 列出的编号）',
  '/as': '用法：/as N 或 /as 姓名（见 /people）',
  '/timeline': '用法：/timeline N（工单号）',
};

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
  const isNew = (await store.grid.count()) === 0;
  await ensureGrid(store, cfg.gridFile, logger);
  // a new sandbox on the demo grid starts with a year of demo tickets, so that 每月一题 has history to show
  const seeded = isNew && !cfg.gridFile && cfg.demoHistory ? await seedDemoHistory(store, new Date()) : undefined;

  // the mock WeChat world: one mock contact per person with a WeChat id, one mock room per mapped WeChat group
  const { puppet, mocker } = await createPuppet({ ...cfg.wechat, puppet: 'wechaty-puppet-mock' }, cfg.dataDir);
  const spec = await store.grid.exportSpec();
  const people: Speaker[] = spec.people.flatMap((p) => {
    const wx = p.identities.find((i) => i.platform === 'WECHAT');
    return wx ? [{ id: wx.externalId, name: p.name, roles: p.roles.map((r) => `${ROLE_ZH[r.role]}@${r.nodeCode}`).join(', ') || '居民' }] : [];
  });
  const botUser = mocker!.createContact({ id: 'wxid_linli_sandbox_bot', name: cfg.botName });
  const contacts = new Map(people.map((p) => [p.id, mocker!.createContact({ id: p.id, name: p.name })]));
  const groups = spec.groups.filter((g) => g.platform === 'WECHAT');
  const members = [botUser.id, ...contacts.keys()];
  const rooms = new Map(groups.map((g) => [g.externalId, mocker!.createRoom({ id: g.externalId, topic: g.title, memberIdList: members })]));
  const titleOf = (id: string) => groups.find((g) => g.externalId === id)?.title ?? id;
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? id;
  const lastBotText = new Map<string, string>();
  // started again on the same data: /reply quotes what the bot last said in each group before
  for (const g of await store.groups.findManyByExternal(groups.map((x) => ({ platform: 'WECHAT' as const, externalId: x.externalId })))) {
    const last = await store.messages.lastOutgoingIn('WECHAT', g.id);
    if (last) lastBotText.set(g.externalId, last.text);
  }
  // deadline timers, patrol and the admin API's broadcasts run in this process (no Redis in the sandbox)
  const queues = createMemoryQueues();

  const wechat = new WechatPlatform({
    logger,
    botName: cfg.botName,
    puppet,
    // paced as in production, but faster, so that the terminal stays lively
    wechat: { ...cfg.wechat, sendIntervalMs: 200, sendJitterMs: 100 },
    onPuppetStarted: () => mocker!.login(botUser),
    onOwnMessage: (room, to, text) => {
      const shown = text.replace(/\u2005/g, ' ');
      if (room) {
        lastBotText.set(room, text);
        print(`  [${titleOf(room)}] ${cfg.botName}：${shown}`);
      } else if (to) print(`  [私信 → ${nameOf(to)}] ${cfg.botName}：${shown}`);
    },
  });
  const host = createBotHost([wechat], {
    store,
    triage: opts.triage,
    logger,
    config: cfg,
    notifyAssigneeDirect: cfg.notifyAssigneeDirect,
    queues,
    patrolEveryMs: 60_000,
  });
  // the overview's roll-ups of a store from before they existed are rebuilt from its tickets (once)
  await host.linli.stats.ensureBuilt();
  await host.start();

  const groupIds = groups.map((g) => g.externalId);
  let group = groupIds[0];
  let speaker = people.find((p) => p.roles === '居民') ?? people[0];
  if (!group || !speaker) throw new Error('the grid has no WeChat group or person to play: import a grid file first');

  print(`邻里 Linli 沙盒 — 微信（模拟）${groups.length} 个群，${people.length} 位人员，数据保存在 ${cfg.store.kind === 'pglite' ? cfg.store.dataDir : 'PostgreSQL'}`);
  if (opts.logFile) print(`日志写入 ${opts.logFile}`);
  if (seeded?.tickets) print(`已生成演示历史工单 ${seeded.tickets} 件（${seeded.from} 至 ${seeded.to}），可在控制台“每月一题”查看`);
  const api = await startSandboxApi({ cfg, store, queues, gateway: wechat.gateway, linli: host.linli, logger, print });
  print(HELP);
  const prompt = () => `${titleOf(group!)} | ${speaker!.name}> `;
  const rl = createInterface({ input: opts.input ?? process.stdin, output: out, terminal: false });
  out.write(prompt());
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      const room = rooms.get(group)!;
      const me = contacts.get(speaker.id)!;
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
          const g = groupIds[Number(line.slice(7)) - 1];
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
            // masked and cleaned as `linli tickets list` prints it (a demo summary or an old row may hold a number)
            print(`  #${t.number} ${STATUS_ZH[t.status]} ${categoryName(t.category)} ${forTerminal(maskPii(t.summary))}`);
          }
        } else if (line.startsWith('/timeline ')) {
          const t = await store.tickets.findByNumber(Number(line.slice(10).replace('#', '')));
          if (!t) print('  未找到该工单');
          else print((await describeTimeline(store, t)).replace(/^/gm, '  '));
        } else if (line === '/photo') {
          const { FileBox } = await import('file-box');
          me.say(FileBox.fromBase64('aGVsbG8=', 'photo.jpg')).to(room);
          await host.settle();
        } else if (line.startsWith('/reply ')) {
          const last = lastBotText.get(group);
          if (!last) print('  机器人在本群还没有发过消息，无法引用');
          else {
            const before = wechat.received;
            me.say(quoteOf(cfg.botName, last, line.slice(7))).to(room);
            await host.settle();
            if (wechat.received === before + 1) print('  （机器人没有回复：闲聊，或已静默记下，如投票）');
          }
        } else if (line === '/mention' || line.startsWith('/mention ')) {
          // "/mention" alone (the line is trimmed): an @mention with nothing after it
          me.say(`@${cfg.botName}\u2005${line.slice(9)}`, [botUser]).to(room);
          await host.settle();
        } else if (/^\/[a-z]+(?:\s|$)/i.test(line)) {
          // a sandbox command without what it needs, or mistyped: said here, never in the group as text
          const command = line.split(/\s/)[0]!;
          print(`  ${USAGE[command] ?? `未知命令 ${command}，输入 /help 查看可用命令（要发言请直接输入文字）`}`);
        } else {
          const before = wechat.received;
          me.say(line).to(room);
          await host.settle();
          if (wechat.received === before + 1) print('  （机器人没有回复：闲聊，或已静默记下，如投票）');
        }
      } catch (e) {
        logger.error({ err: e }, 'sandbox command failed');
        print(`  出错了：${(e as Error).message}`);
      }
      out.write(prompt());
    }
  } finally {
    rl.close();
    await api?.close();
    await host.stop();
    await queues.close();
    print('');
  }
}
