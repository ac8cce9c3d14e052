// The Telegram gateway against a fake Bot API over HTTP: each refusal Telegram answers with becomes the ChatSendError
// code core decides on.
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { installAutoRetry, TelegramGateway } from '../../src/adapters/telegram/telegram.gateway.ts';
import { ChatSendError, type SendOptions } from '../../src/core/ports/chat-gateway.port.ts';
import { FakeTelegram } from '../support/fake-telegram.ts';

const LIMITS = { globalPerSecond: 1000, groupPerMinute: 1000, chatIntervalMs: 0 };

describe('TelegramGateway send errors', () => {
  const fake = new FakeTelegram();
  let gw: TelegramGateway;
  let apiRoot: string;

  beforeAll(async () => {
    apiRoot = await fake.start();
    gw = new TelegramGateway(new Api(fake.token, { apiRoot }), LIMITS);
  });
  afterAll(() => fake.close());

  const refusal = (p: Promise<unknown>) => p.then(() => expect.unreachable('the send went through'), (e: unknown) => e as ChatSendError);

  it('a 403 is NOT_IN_GROUP for a group the bot was kicked from and BLOCKED for a person who blocked it', async () => {
    fake.forbidden.add('-1001');
    fake.forbidden.add('5001');
    const kicked = await refusal(gw.sendToGroup('-1001', '通知'));
    expect(kicked).toBeInstanceOf(ChatSendError);
    expect(kicked).toMatchObject({ code: 'NOT_IN_GROUP', permanent: true });
    expect(kicked.message).toMatch(/-1001.*403/);
    expect(await refusal(gw.sendDirect('5001', '您好'))).toMatchObject({ code: 'BLOCKED', permanent: true });
  });

  it('a 400 "chat not found" is NOT_IN_GROUP for a group and BLOCKED for a person', async () => {
    fake.missing.add('-1002');
    fake.missing.add('5002');
    expect(await refusal(gw.sendToGroup('-1002', '通知'))).toMatchObject({ code: 'NOT_IN_GROUP', permanent: true });
    expect(await refusal(gw.sendDirect('5002', '您好'))).toMatchObject({ code: 'BLOCKED', permanent: true });
  });

  it('a 429 the gateway could not wait out is RATE_LIMITED, to be retried; the next send goes through', async () => {
    fake.failWith429('-1003', 1);
    const limited = await refusal(gw.sendToGroup('-1003', '通知'));
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', permanent: false });
    await gw.sendToGroup('-1003', '通知');
    expect(fake.sentTo('-1003')).toHaveLength(1);
  });

  it('beforeSend runs when the limits let the send go, not before; a refusal there sends nothing', async () => {
    // one send a minute to a group: the second waits in the limiter, its beforeSend with it
    const slow = new TelegramGateway(new Api(fake.token, { apiRoot }), { ...LIMITS, groupPerMinute: 1 });
    expect(slow.callsBeforeSend).toBe(true);
    const began: string[] = [];
    await slow.sendToGroup('-1005', '第一条', { beforeSend: async () => void began.push('first') });
    void slow.sendToGroup('-1005', '第二条', { beforeSend: async () => void began.push('second') }).catch(() => undefined);
    await vi.waitFor(() => expect(slow.limiter.pending).toBe(1)); // the second is waiting for the minute
    expect(began).toEqual(['first']); // and has not begun
    const refused = await refusal(gw.sendToGroup('-1006', '通知', { beforeSend: () => Promise.reject(new Error('already begun elsewhere')) }));
    expect(refused.message).toBe('already begun elsewhere');
    expect(fake.sentTo('-1006')).toHaveLength(0);
    expect(fake.sentTo('-1005')).toHaveLength(1);
  });

  it('another 400 is REJECTED, and an unreachable API is UNAVAILABLE', async () => {
    expect(await refusal(gw.sendToGroup('-1004', ''))).toMatchObject({ code: 'REJECTED', permanent: true });
    const offline = new TelegramGateway(new Api(fake.token, { apiRoot: 'http://127.0.0.1:1' }), LIMITS);
    expect(await refusal(offline.sendToGroup('-1004', '通知'))).toMatchObject({ code: 'UNAVAILABLE', permanent: false });
  });
});

describe('TelegramGateway with auto-retry: a send Telegram refused with a 429 is known not sent', () => {
  const fake = new FakeTelegram();
  let apiRoot: string;
  let gw: TelegramGateway;

  beforeAll(async () => {
    apiRoot = await fake.start();
    const api = new Api(fake.token, { apiRoot });
    installAutoRetry(api);
    gw = new TelegramGateway(api, LIMITS);
  });
  afterAll(() => fake.close());

  /** A broadcast copy's hooks, noting each call and when. */
  const noted = () => {
    const log: { what: string; at: number }[] = [];
    const hooks: SendOptions = {
      beforeSend: async () => void log.push({ what: 'begin', at: Date.now() }),
      refused: async (refusal) => void log.push({ what: `refused ${refusal.code} ${refusal.message}`, at: Date.now() }),
    };
    return { log, hooks, calls: () => log.map((l) => l.what) };
  };
  const requests = (chatId: string) => fake.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === chatId);

  it('a 429 then success: refused before the wait, beforeSend again before the re-send, one message', async () => {
    fake.failWith429('-1101', 1);
    const n = noted();
    await gw.sendToGroup('-1101', '通知', n.hooks);
    expect(n.calls()).toEqual(['begin', expect.stringMatching(/^refused RATE_LIMITED .*-1101.*429/), 'begin']);
    expect(fake.sentTo('-1101')).toHaveLength(1);
    const [first, second] = requests('-1101');
    const [, refusedAt, begunAgainAt] = n.log.map((l) => l.at);
    // the refusal is noted as soon as Telegram answered, not after the second's wait
    expect(refusedAt! - first!.at).toBeLessThan(500);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    // and the send begins anew only after the wait, right before the request that went through
    expect(begunAgainAt!).toBeGreaterThanOrEqual(first!.at + 950);
    expect(begunAgainAt!).toBeLessThanOrEqual(second!.at);
  });

  it('a re-send whose beforeSend refuses (another worker took the copy) sends nothing', async () => {
    fake.failWith429('-1102', 1);
    let begun = 0;
    const refused = await gw
      .sendToGroup('-1102', '通知', {
        beforeSend: async () => {
          if (++begun > 1) throw new Error('already begun elsewhere');
        },
        refused: async () => undefined,
      })
      .then(() => expect.unreachable('the send went through'), (e: unknown) => e as Error);
    expect(refused.message).toBe('already begun elsewhere');
    expect(requests('-1102')).toHaveLength(1);
    expect(fake.sentTo('-1102')).toHaveLength(0);
  });

  it('a 5xx or an unreachable API may have posted it: retried or failed under the same attempt, never refused', async () => {
    fake.failWith502('-1103', 1);
    const n = noted();
    await gw.sendToGroup('-1103', '通知', n.hooks); // auto-retry's backoff: 3 s
    expect(n.calls()).toEqual(['begin']);
    expect(requests('-1103')).toHaveLength(2);
    expect(fake.sentTo('-1103')).toHaveLength(1);

    const api = new Api(fake.token, { apiRoot: 'http://127.0.0.1:1' });
    installAutoRetry(api);
    const offline = new TelegramGateway(api, LIMITS);
    const m = noted();
    await expect(offline.sendToGroup('-1103', '通知', m.hooks)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(m.calls()).toEqual(['begin']);
  });

  it('without the hooks a 429 is still waited out: a plain group send and a direct message each arrive once', async () => {
    fake.failWith429('-1104', 1);
    fake.failWith429('5104', 1);
    await gw.sendToGroup('-1104', '通知');
    await gw.sendDirect('5104', '您好');
    expect(fake.sentTo('-1104')).toHaveLength(1);
    expect(fake.sentTo('5104')).toHaveLength(1);
    expect(requests('-1104')).toHaveLength(2);
  });
});
