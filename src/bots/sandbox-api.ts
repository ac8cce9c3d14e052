// The sandbox's admin API and staff console, served by default on 127.0.0.1:8780 (LINLI_HTTP_PORT chooses another
// port, `off` none; when 8780 is taken, a free port): the routes `linli start` serves, over the sandbox's store,
// queues and mock WeChat, with session tokens made at start for one person of each staff role in the grid and printed
// in the terminal (they die with the sandbox); tokens of LINLI_API_TOKENS work too. It also prints a one-time sign-in
// link to the console for the demo street staff; any staff member can ask for a code, which arrives as a mock WeChat
// direct message in the terminal.
import { randomBytes } from 'node:crypto';
import type { Linli } from '../app.ts';
import type { Config } from '../config.ts';
import { createBroadcastService } from '../adapters/broadcast/create-broadcast.ts';
import { serveAdminApi } from '../adapters/http/admin-api.ts';
import { ROLE_RANK, ROLE_ZH, STAFF_ROLES, type Role } from '../core/people/roles.ts';
import type { ChatGateway } from '../core/ports/chat-gateway.port.ts';
import type { JobQueues } from '../core/ports/job-queue.port.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Store } from '../core/ports/store.port.ts';

/** How long the sandbox's printed sign-in link stays usable (once). */
const SIGN_IN_LINK_TTL_MS = 24 * 3_600_000;
/** The sandbox's console port when LINLI_HTTP_PORT is unset. */
export const SANDBOX_HTTP_PORT = 8780;

export async function startSandboxApi(o: {
  cfg: Config;
  store: Store;
  queues: JobQueues;
  gateway: ChatGateway;
  /** The sandbox bot's Linli: the console's ticket actions go through its ticket service and outbox. */
  linli: Pick<Linli, 'tickets' | 'outbox' | 'ticketEvents' | 'deliberation' | 'topicTasks' | 'topicRevisit' | 'ticketToTopic'>;
  logger: Logger;
  print(line: string): void;
}): Promise<{ close(): Promise<void> } | undefined> {
  // unset: the default port, or any free one when it is taken; a port chosen by LINLI_HTTP_PORT is that port or none
  const chosen = o.cfg.httpPort;
  if (chosen === 0) return undefined;
  const port = chosen ?? SANDBOX_HTTP_PORT;
  const { store, queues, logger } = o;
  const broadcast = createBroadcastService({ store, queues, gateways: { WECHAT: o.gateway }, rate: o.cfg.pipeline.notifyLimit, logger });
  await broadcast.service.startWorker();
  // the in-process queue starts empty: scheduled and unfinished broadcasts of the store get their jobs back
  await broadcast.service.recover();

  // one person per staff role, the widest first, so that each kind of access can be tried (volunteers have no console)
  const people = (await store.grid.exportSpec()).people;
  const session: { token: string; key: string; name: string; role: Role; node: string }[] = [];
  for (const role of [...STAFF_ROLES].sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a])) {
    const p = people.find((x) => x.roles.some((r) => r.role === role) && !session.some((s) => s.key === x.key));
    if (p) session.push({ token: randomBytes(18).toString('base64url'), key: p.key, name: p.name, role, node: p.roles.find((r) => r.role === role)!.nodeCode });
  }
  const tokens = { ...o.cfg.apiTokens, ...Object.fromEntries(session.map((s) => [s.token, s.key])) };
  try {
    const serve = (p: number) =>
      serveAdminApi({
        store, queues, broadcast: broadcast.service, tokens, port: p, logger, gateways: { WECHAT: o.gateway }, sessions: o.cfg.console,
        tickets: { service: o.linli.tickets, outbox: o.linli.outbox, logger, botName: o.cfg.botName, toTopic: o.linli.ticketToTopic },
        deliberation: { service: o.linli.deliberation, tasks: o.linli.topicTasks, revisit: o.linli.topicRevisit },
        ticketEvents: o.linli.ticketEvents,
      });
    let api: Awaited<ReturnType<typeof serve>>;
    let moved = false;
    try {
      api = await serve(port);
    } catch (e) {
      if (chosen !== undefined || (e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      api = await serve(0);
      moved = true;
    }
    o.print(`API 令牌（curl 等使用，退出沙盒即失效）：`);
    for (const s of session) o.print(`  ${s.name}（${ROLE_ZH[s.role]}@${s.node}）  Bearer ${s.token}`);
    const bar = '='.repeat(60);
    o.print(bar);
    o.print(`管理后台：${api.url}/${moved ? `（端口 ${port} 已被占用，改用 ${new URL(api.url).port}）` : ''}`);
    const street = session.find((s) => s.role === 'STREET_STAFF');
    const person = street ? await store.staffAuth.personByKey(street.key) : null;
    if (street && person) {
      const link = await api.signIn.createLink(person.id, SIGN_IN_LINK_TTL_MS);
      o.print(`一次性登录链接（${street.name}，${ROLE_ZH[street.role]}，24 小时内有效）：`);
      o.print(`  ${api.url}/login?token=${link}`);
    }
    // the 工号 each types on the sign-in page (the person key of the grid file): nobody has to guess cs-liushufen
    o.print(`其他工作人员可在登录页输入工号，验证码以私信发出：`);
    for (const s of session.filter((x) => x !== street)) o.print(`  ${s.name}（${ROLE_ZH[s.role]}）  ${s.key}`);
    o.print(bar);
    return api;
  } catch (e) {
    // the conversation still works without the API: say why it is missing instead of stopping
    logger.warn({ err: e, port }, 'sandbox admin API not started');
    o.print(`管理后台 API 未启动：端口 ${port} 无法使用（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
    return undefined;
  }
}
