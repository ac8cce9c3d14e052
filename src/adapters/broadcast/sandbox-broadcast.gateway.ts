// The chat gateway of broadcasts run without a real platform: the in-memory chat, whose message ids are made unique
// per process. MemoryChatGateway numbers its messages bot-1, bot-2 … from zero in every process, and the outbox
// records a sent message under (platform, id): a second CLI run would collide with the first run's records.
import { randomUUID } from 'node:crypto';
import { MemoryChatGateway } from '../memory/memory-chat.gateway.ts';
import type { ChatGateway, SendOptions } from '../../core/ports/chat-gateway.port.ts';
import type { OutgoingRef, Platform } from '../../core/messages/incoming-message.ts';

export const SANDBOX_NOTICE = 'sandbox: messages are not sent to WeChat（沙盒模式：消息不会真正发到微信群）';

export class SandboxBroadcastGateway implements ChatGateway {
  private readonly run = randomUUID().slice(0, 8);

  constructor(readonly memory: MemoryChatGateway = new MemoryChatGateway()) {}

  get platform(): Platform {
    return this.memory.platform;
  }

  async sendToGroup(groupExternalId: string, text: string, options?: SendOptions): Promise<OutgoingRef> {
    const ref = await this.memory.sendToGroup(groupExternalId, text, options);
    return { externalId: `sandbox-${this.run}-${ref.externalId}` };
  }

  async sendDirect(userExternalId: string, text: string): Promise<OutgoingRef> {
    const ref = await this.memory.sendDirect(userExternalId, text);
    return { externalId: `sandbox-${this.run}-${ref.externalId}` };
  }
}
