// PacedSender: starts paced one by one; up to maxInFlight sends under way; one chat's sends in order, never overlapping.
import { describe, expect, it } from 'vitest';
import { PacedSender } from '../../../src/adapters/chat/paced-sender.ts';

/** A send that takes `ms` and records when it started and ended, per chat. */
function recorder() {
  const events: { chat: string; what: 'start' | 'end'; at: number; n: number }[] = [];
  let n = 0;
  const t0 = Date.now();
  const send = (sender: PacedSender, chat: string, ms: number, fail = 0) => {
    const id = ++n;
    let failures = fail;
    return sender.send(async () => {
      events.push({ chat, what: 'start', at: Date.now() - t0, n: id });
      await new Promise((r) => setTimeout(r, ms));
      if (failures-- > 0) {
        events.push({ chat, what: 'end', at: Date.now() - t0, n: id });
        throw new Error('gateway busy');
      }
      events.push({ chat, what: 'end', at: Date.now() - t0, n: id });
      return id;
    }, chat);
  };
  /** The largest number of sends under way at one moment, overall or to one chat. */
  const overlap = (chat?: string) => {
    let now = 0;
    let most = 0;
    for (const e of events.filter((x) => chat === undefined || x.chat === chat)) {
      now += e.what === 'start' ? 1 : -1;
      most = Math.max(most, now);
    }
    return most;
  };
  return { events, send, overlap };
}

describe('PacedSender', () => {
  it('by default sends one at a time: a slow send holds back the next', async () => {
    const sender = new PacedSender({ minIntervalMs: 0, jitterMs: 0 });
    const r = recorder();
    const t0 = Date.now();
    await Promise.all(['a', 'b', 'c', 'd'].map((c) => r.send(sender, c, 40)));
    expect(r.overlap()).toBe(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(4 * 40 - 5);
  });

  it('with maxInFlight, sends to different chats overlap up to the limit, and every one is answered', async () => {
    const sender = new PacedSender({ minIntervalMs: 0, jitterMs: 0, maxInFlight: 3 });
    const r = recorder();
    const got = await Promise.all(['a', 'b', 'c', 'd', 'e', 'f'].map((c) => r.send(sender, c, 40)));
    expect(got).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.overlap()).toBe(3);
    expect(sender.pending).toBe(0);
  });

  it("never overlaps two sends to one chat, and keeps a chat's order while other chats go on", async () => {
    const sender = new PacedSender({ minIntervalMs: 0, jitterMs: 0, maxInFlight: 4 });
    const r = recorder();
    const order = ['g1', 'g1', 'g2', 'g1', 'g3', 'g2', 'g1'];
    await Promise.all(order.map((c, i) => r.send(sender, c, 10 + ((i * 7) % 13))));
    for (const chat of ['g1', 'g2', 'g3']) {
      expect(r.overlap(chat)).toBe(1);
      const starts = r.events.filter((e) => e.chat === chat && e.what === 'start').map((e) => e.n);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
    expect(r.overlap()).toBeGreaterThan(1);
  });

  it('paces the starts one by one even when sends overlap', async () => {
    const sender = new PacedSender({ minIntervalMs: 30, jitterMs: 0, maxInFlight: 4 });
    const r = recorder();
    await Promise.all(['a', 'b', 'c', 'd'].map((c) => r.send(sender, c, 100)));
    const starts = sender.startedAt.slice(-4);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(29);
    expect(r.overlap()).toBeGreaterThan(1); // a 100 ms send does not hold back a start paced at 30 ms
  });

  it("retries a failed send while its chat waits, and gives up after its attempts with the gateway's error", async () => {
    const sleeps: number[] = [];
    const sender = new PacedSender({
      minIntervalMs: 0,
      jitterMs: 0,
      maxInFlight: 4,
      attempts: 2,
      sleep: (ms) => (sleeps.push(ms), new Promise((res) => setTimeout(res, 5))),
    });
    const r = recorder();
    const retried = r.send(sender, 'g1', 5, 1); // fails once, then goes
    const after = r.send(sender, 'g1', 5); // the same chat: must not overtake the retry
    const other = r.send(sender, 'g2', 5);
    const failing = r.send(sender, 'g3', 5, 5);
    expect(await retried).toBe(1);
    expect(await after).toBe(2);
    expect(await other).toBe(3);
    await expect(failing).rejects.toThrow('gateway busy');
    const g1 = r.events.filter((e) => e.chat === 'g1' && e.what === 'start').map((e) => e.n);
    expect(g1).toEqual([1, 1, 2]);
    expect(sleeps).toContain(500); // the backoff
    expect(sender.pending).toBe(0);
  });

  it('runs onTurn when the send\'s turn comes, not when it is given; a refusal there sends nothing and is not retried', async () => {
    const sender = new PacedSender({ minIntervalMs: 0, jitterMs: 0, maxInFlight: 1 });
    const log: string[] = [];
    const slow = sender.send(async () => (log.push('send a'), await new Promise((r) => setTimeout(r, 50)), 'a'), 'a', async () => void log.push('turn a'));
    const next = sender.send(async () => (log.push('send b'), 'b'), 'b', async () => void log.push('turn b'));
    let tries = 0;
    const refused = sender.send(
      async () => (tries++, 'c'),
      'c',
      async () => {
        log.push('turn c');
        throw new Error('attempt taken');
      },
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(['turn a', 'send a']); // b and c wait their turn: not begun
    expect(await slow).toBe('a');
    expect(await next).toBe('b');
    await expect(refused).rejects.toThrow('attempt taken');
    expect(tries).toBe(0);
    expect(log).toEqual(['turn a', 'send a', 'turn b', 'send b', 'turn c']);
    expect(sender.pending).toBe(0);
  });
});
