// LinliPuppetService drops the bot's own 'message' events before Wechaty sees them: in order, losing none it cannot
// read, and leaving every other event alone. The puppet is not started: its payload read is stubbed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinliPuppetService } from '../../../../src/adapters/wechaty/linli-puppet-service.ts';
import { tempDir } from '../../../support/cli.ts';

const BOT = 'wxid_bot';

/** A service logged in as BOT whose payload reads answer from `talkers` (id → talker; 'fail' rejects), each after `delays`. */
function service(talkers: Record<string, string>, delays: Record<string, number> = {}, payloadField: 'talkerId' | 'fromId' = 'talkerId') {
  const puppet = new LinliPuppetService({ token: 'insecure_unit', endpoint: '127.0.0.1:1', tls: { disable: true }, cacheDir: path.join(tempDir(), 'c') });
  (puppet as unknown as { __currentUserId: string }).__currentUserId = BOT;
  const reads: string[] = [];
  puppet.messagePayload = async (id: string) => {
    reads.push(id);
    await new Promise((r) => setTimeout(r, delays[id] ?? 0));
    if (talkers[id] === 'fail') throw new Error('payload unavailable');
    return { id, [payloadField]: talkers[id], roomId: 'r@chatroom', timestamp: 0, type: 7 } as never;
  };
  const passed: string[] = [];
  puppet.on('message', ({ messageId }) => void passed.push(messageId));
  const drained = () => (puppet as unknown as { messages: Promise<void> }).messages;
  return { puppet, passed, reads, drained };
}

describe('LinliPuppetService: own messages', () => {
  it('passes on the messages of others in order, drops its own, and passes one whose payload cannot be read', async () => {
    const { puppet, passed, drained } = service(
      { m1: 'wx-a', m2: BOT, m3: 'fail', m4: 'wx-b', m5: BOT },
      { m1: 30, m3: 10 }, // the first read is the slowest: the later ones still wait behind it
    );
    for (const id of ['m1', 'm2', 'm3', 'm4', 'm5']) puppet.emit('message', { messageId: id });
    await drained();
    expect(passed).toEqual(['m1', 'm3', 'm4']);
  });

  it('reads an older payload\'s fromId when it has no talkerId', async () => {
    const { puppet, passed, drained } = service({ m1: BOT, m2: 'wx-a' }, {}, 'fromId');
    puppet.emit('message', { messageId: 'm1' });
    puppet.emit('message', { messageId: 'm2' });
    await drained();
    expect(passed).toEqual(['m2']);
  });

  it('passes every message on while not logged in, without reading it', async () => {
    const { puppet, passed, reads, drained } = service({ m1: BOT });
    (puppet as unknown as { __currentUserId?: string }).__currentUserId = undefined;
    puppet.emit('message', { messageId: 'm1' });
    await drained();
    expect(passed).toEqual(['m1']);
    expect(reads).toEqual([]);
  });

  it('leaves other events as they were: synchronous, unread', () => {
    const { puppet, reads } = service({});
    const seen: unknown[] = [];
    puppet.on('room-topic', (p) => void seen.push(p));
    puppet.emit('room-topic', { roomId: 'r', newTopic: 'x', oldTopic: 'y', changerId: 'wx-a', timestamp: 0 });
    expect(seen).toHaveLength(1);
    expect(reads).toEqual([]);
  });
});
