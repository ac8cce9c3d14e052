// The in-process queue waits delays longer than one Node timer can (2^31 − 1 ms, about 24.8 days): a month's wait
// (the monthly 每月一题 proposal) does not fire at once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryQueues } from '../../../../src/adapters/memory/memory-job-queues.ts';

const DAY = 86_400_000;
afterEach(() => void vi.useRealTimers());

describe('memory queue, long delays', () => {
  it('runs a job delayed 31 days after 31 days, not before', async () => {
    vi.useFakeTimers();
    const queues = createMemoryQueues();
    const q = queues.queue<{ n: number }>('long');
    const ran: number[] = [];
    await q.process(async (job) => void ran.push(job.data.n));
    await q.add('later', { n: 1 }, { jobId: 'month', delayMs: 31 * DAY });
    await vi.advanceTimersByTimeAsync(1000);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(31 * DAY - 2000); // a second before it is due
    expect(ran).toEqual([]);
    expect((await q.counts()).delayed).toBe(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(ran).toEqual([1]);
    await queues.close();
  });

  it('removes a long-delayed job between its steps', async () => {
    vi.useFakeTimers();
    const queues = createMemoryQueues();
    const q = queues.queue<{ n: number }>('long');
    const ran: number[] = [];
    await q.process(async (job) => void ran.push(job.data.n));
    await q.add('later', { n: 1 }, { jobId: 'month', delayMs: 40 * DAY });
    await vi.advanceTimersByTimeAsync(30 * DAY);
    await q.remove('month');
    await vi.advanceTimersByTimeAsync(20 * DAY);
    expect(ran).toEqual([]);
    await queues.close();
  });
});
