// The echo check's look-up is paid only by text that may be a copy: a worker's command naming a ticket ("办结 #12 …")
// never queries what the bot sent, unless it starts with the bot's name as a copied chat record does.
import { describe, expect, it } from 'vitest';
import { EchoCheck } from '../../../../src/core/assistant/echo.ts';
import type { Store } from '../../../../src/core/ports/store.port.ts';

function check() {
  const lookups: string[] = [];
  const store = {
    messages: { outgoingWithin: async (_p: string, squeezed: string) => (lookups.push(squeezed), null) },
    tickets: { findByNumber: async () => null },
  } as unknown as Pick<Store, 'messages' | 'tickets'>;
  return { echoes: new EchoCheck(store, '邻里助手'), lookups };
}

describe('EchoCheck', () => {
  it("does not look up a worker's command, nor a line without the bot's marks", async () => {
    const { echoes, lookups } = check();
    expect(await echoes.of('WECHAT', '办结 #12 已修好，居民已确认，谢谢大家', true)).toBeNull();
    expect(await echoes.of('WECHAT', '楼下的快递柜又坏了，谁知道找谁修一下', false)).toBeNull();
    expect(lookups).toEqual([]);
  });

  it('looks up a line with the marks that is no command, and a command-like copy that starts with the bot name', async () => {
    const { echoes, lookups } = check();
    await echoes.of('WECHAT', '新工单 #143（水电气暖）来自「东园小区21号楼睦邻群」：21号楼3楼楼道里有很浓的煤气味', false);
    expect(lookups).toHaveLength(1);
    expect(await echoes.of('WECHAT', '邻里助手：工单 #12 已办结：已修好，请确认。', true)).toEqual({ ticketId: null, own: '' });
    expect(lookups).toHaveLength(2);
  });
});
