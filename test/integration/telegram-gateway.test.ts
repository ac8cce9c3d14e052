// The Telegram gateway against a fake Bot API over HTTP: each refusal Telegram answers with becomes the ChatSendError
// code core decides on.
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TelegramGateway } from '../../src/adapters/telegram/telegram.gateway.ts';
import { ChatSendError } from '../../src/core/ports/chat-gateway.port.ts';
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
