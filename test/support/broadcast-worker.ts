// A broadcast worker in its own process, for the crash tests and the benchmark: PostgreSQL + BullMQ, and a "platform"
// that appends every group message it accepts to a file, with the time (a line survives the process being killed right after).
// Env: DATABASE_URL, REDIS_URL, BC_PREFIX, BC_RECORD (file), BC_RATE_MAX, BC_RATE_MS, BC_CONCURRENCY. Prints "ready".
// With BC_TELEGRAM_API and BC_TELEGRAM_TOKEN, Telegram groups go to that Bot API as in `linli start`: the real gateway
// over grammY with auto-retry, on their own queue at the same rate.
import { appendFileSync } from 'node:fs';
import { Api } from 'grammy';
import { createBroadcastService } from '../../src/adapters/broadcast/create-broadcast.ts';
import { createBullmqQueues } from '../../src/adapters/bullmq/bullmq-job-queues.ts';
import { openStore } from '../../src/adapters/prisma/prisma-store.ts';
import { installAutoRetry, TelegramGateway } from '../../src/adapters/telegram/telegram.gateway.ts';
import type { ChatGateway } from '../../src/core/ports/chat-gateway.port.ts';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is required`);
  return v;
};

let n = 0;
const recordFile = env('BC_RECORD');
const gateway: ChatGateway = {
  platform: 'WECHAT',
  async sendToGroup(room) {
    await new Promise((r) => setTimeout(r, Number(process.env.BC_SEND_MS ?? 2)));
    appendFileSync(recordFile, `${room} ${Date.now()}\n`);
    return { externalId: `w${process.pid}-${++n}` };
  },
  async sendDirect() {
    throw new Error('not used');
  },
};

let telegram: TelegramGateway | undefined;
if (process.env.BC_TELEGRAM_API) {
  const api = new Api(env('BC_TELEGRAM_TOKEN'), { apiRoot: process.env.BC_TELEGRAM_API });
  installAutoRetry(api);
  telegram = new TelegramGateway(api);
}

const store = await openStore({ kind: 'postgres', url: env('DATABASE_URL') });
const queues = createBullmqQueues({ connection: env('REDIS_URL'), prefix: env('BC_PREFIX') });
const rate = { max: Number(env('BC_RATE_MAX')), durationMs: Number(env('BC_RATE_MS')) };
const { service } = createBroadcastService({
  store,
  queues,
  gateways: { WECHAT: gateway, ...(telegram ? { TELEGRAM: telegram } : {}) },
  rate,
  ...(telegram ? { platformRates: { TELEGRAM: rate } } : {}),
  attempts: 3,
  backoffMs: 200,
});
await service.startWorker(Number(process.env.BC_CONCURRENCY ?? 8));
if (process.env.BC_RESUME) await service.resume(Number(process.env.BC_RESUME));
console.log('ready');

const stop = async () => {
  await queues.close();
  await store.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
