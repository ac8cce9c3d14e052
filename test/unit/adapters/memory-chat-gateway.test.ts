import { describe, expect, it } from 'vitest';
import { MemoryChatGateway } from '../../../src/adapters/memory/memory-chat.gateway.ts';
import { ChatSendError } from '../../../src/core/ports/chat-gateway.port.ts';

describe('MemoryChatGateway refusals', () => {
  it('refuses a group or a person with the code it was given, records nothing, and sends again once lifted', async () => {
    const gw = new MemoryChatGateway();
    gw.refusals.set('room-left', 'NOT_IN_GROUP');
    gw.refusals.set('u-blocked', 'BLOCKED');
    gw.refusals.set('room-busy', 'RATE_LIMITED');
    const left = await gw.sendToGroup('room-left', '通知').catch((e: unknown) => e);
    expect(left).toBeInstanceOf(ChatSendError);
    expect(left).toMatchObject({ code: 'NOT_IN_GROUP', permanent: true });
    await expect(gw.sendDirect('u-blocked', '你好')).rejects.toMatchObject({ code: 'BLOCKED', permanent: true });
    await expect(gw.sendToGroup('room-busy', '通知')).rejects.toMatchObject({ code: 'RATE_LIMITED', permanent: false });
    expect(gw.sent).toEqual([]);
    gw.refusals.delete('room-left');
    await gw.sendToGroup('room-left', '通知');
    expect(gw.inGroup('room-left').map((m) => m.text)).toEqual(['通知']);
  });
});
