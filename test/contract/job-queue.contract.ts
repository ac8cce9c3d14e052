// One contract suite for the JobQueue port, run against every implementation (in-process and BullMQ on Redis).
// Timings are small (tens to hundreds of ms) and only ever lower bounds (a delay, a backoff, a limiter window): the
// tests wait on conditions, never for a fixed time, and set no upper bound on how long anything takes. JITTER_MS
// absorbs the latency between a queue's decision to start a job (Redis' clock for BullMQ) and the moment the handler
// reads Date.now().
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnrecoverableJobError, type Job, type JobQueues } from '../../src/core/ports/job-queue.port.ts';

const JITTER_MS = 25;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Nothing is left to run: every job added so far has completed or failed (so no further run can come). */
const settled = (q: { counts(): Promise<{ waiting: number; delayed: number; active: number; completed: number; failed: number }> }, completed: number, failed = 0) => async () => {
  const c = await q.counts();
  return c.waiting === 0 && c.delayed === 0 && c.active === 0 && c.completed === completed && c.failed === failed;
};

/** A promise and the function that resolves it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

export function jobQueueContract(name: string, make: () => Promise<JobQueues>): void {
  describe(`JobQueue contract (${name})`, () => {
    let queues: JobQueues;
    let n = 0;
    const fresh = <T>() => queues.queue<T>(`contract-${++n}`);

    beforeEach(async () => {
      queues = await make();
    });
    afterEach(() => queues.close());

    it('processes added jobs with their name and data', async () => {
      const q = fresh<{ text: string }>();
      const seen: Job<{ text: string }>[] = [];
      const id1 = await q.add('ingest', { text: '井盖坏了' });
      const id2 = await q.add('ingest', { text: '电梯停了' }, { jobId: 'msg-2' });
      expect(id2).toBe('msg-2');
      await q.process(async (job) => void seen.push(job));
      await waitFor('2 jobs', () => seen.length === 2);
      expect(seen.map((j) => [j.id, j.name, j.data.text, j.attemptsMade])).toEqual([
        [id1, 'ingest', '井盖坏了', 0],
        ['msg-2', 'ingest', '电梯停了', 0],
      ]);
      await waitFor('completed count', async () => (await q.counts()).completed === 2);
    });

    it('runs a duplicate jobId once while the job exists, again once it has completed', async () => {
      const q = fresh<number>();
      const runs: number[] = [];
      expect(await q.add('x', 1, { jobId: 'dup' })).toBe('dup');
      expect(await q.add('x', 2, { jobId: 'dup' })).toBe('dup');
      await q.add('x', 3, { jobId: 'later', delayMs: 100 });
      await q.add('x', 4, { jobId: 'later', delayMs: 100 });
      await q.process(async (job) => void runs.push(job.data));
      await waitFor('both jobs, and nothing left', settled(q, 2));
      expect(runs).toEqual([1, 3]);
      await q.add('x', 5, { jobId: 'dup' });
      await waitFor('the re-added job', () => runs.length === 3);
      expect(runs).toEqual([1, 3, 5]);
    });

    it('adds many jobs at once: ids in order, a duplicate id once, delays kept, each key in the order given', async () => {
      const q = fresh<{ key: string; seq: number }>();
      const seen: { key: string; seq: number; at: number }[] = [];
      const t0 = Date.now();
      const ids = await q.addMany([
        { name: 'm', data: { key: 'a', seq: 0 }, options: { orderKey: 'a', jobId: 'a-0' } },
        { name: 'm', data: { key: 'b', seq: 0 }, options: { orderKey: 'b' } },
        { name: 'm', data: { key: 'a', seq: 1 }, options: { orderKey: 'a', jobId: 'a-1' } },
        { name: 'm', data: { key: 'a', seq: 1 }, options: { orderKey: 'a', jobId: 'a-1' } },
        { name: 'm', data: { key: 'late', seq: 0 }, options: { delayMs: 200 } },
        { name: 'm', data: { key: 'a', seq: 2 }, options: { orderKey: 'a', jobId: 'a-2' } },
      ]);
      expect(ids).toHaveLength(6);
      expect([ids[0], ids[2], ids[3], ids[5]]).toEqual(['a-0', 'a-1', 'a-1', 'a-2']);
      expect(new Set(ids).size).toBe(5);
      expect(await q.addMany([])).toEqual([]);
      await q.process(async (job) => void seen.push({ ...job.data, at: Date.now() - t0 }), { concurrency: 4 });
      await waitFor('5 jobs, and nothing left', settled(q, 5));
      expect(seen).toHaveLength(5);
      expect(seen.filter((s) => s.key === 'a').map((s) => s.seq)).toEqual([0, 1, 2]);
      expect(seen.find((s) => s.key === 'late')!.at).toBeGreaterThanOrEqual(200 - JITTER_MS);
    });

    it('leaves an active job alone: adding its id again or removing it does nothing', async () => {
      const q = fresh<number>();
      const release = gate();
      const runs: number[] = [];
      await q.process(async (job) => {
        runs.push(job.data);
        await release.promise;
      });
      try {
        await q.add('x', 1, { jobId: 'busy' });
        await waitFor('start', () => runs.length === 1);
        expect(await q.add('x', 2, { jobId: 'busy' })).toBe('busy');
        await q.remove('busy');
        expect(await q.counts()).toMatchObject({ waiting: 0, active: 1 });
      } finally {
        release.open();
      }
      await waitFor('completion', async () => (await q.counts()).completed === 1);
      expect(runs).toEqual([1]);
    });

    it('accepts any string as a jobId', async () => {
      const q = fresh<null>();
      const ids = ['ticket:12:accept', 'a:b', '42', '0', 'p%q', '群-20号楼'];
      const seen: string[] = [];
      for (const id of ids) expect(await q.add('x', null, { jobId: id })).toBe(id);
      await q.process(async (job) => void seen.push(job.id));
      await waitFor('all ids', () => seen.length === ids.length);
      expect(seen.sort()).toEqual([...ids].sort());
    });

    it('respects a delay', async () => {
      const q = fresh<null>();
      let ranAt = 0;
      await q.process(async () => void (ranAt = Date.now()));
      const t0 = Date.now();
      await q.add('x', null, { delayMs: 150 });
      expect((await q.counts()).delayed).toBe(1);
      await waitFor('the delayed job', () => ranAt > 0);
      expect(ranAt - t0).toBeGreaterThanOrEqual(145);
      await waitFor('completion', settled(q, 1));
    });

    it('retries with exponential backoff, then succeeds', async () => {
      const q = fresh<null>();
      const calls: { at: number; attemptsMade: number }[] = [];
      await q.process(async (job) => {
        calls.push({ at: Date.now(), attemptsMade: job.attemptsMade });
        if (calls.length < 3) throw new Error('flaky');
      });
      await q.add('x', null, { attempts: 3, backoffMs: 50 });
      await waitFor('3 attempts', () => calls.length === 3);
      expect(calls.map((c) => c.attemptsMade)).toEqual([0, 1, 2]);
      const [a, b, c] = calls.map((x) => x.at) as [number, number, number];
      expect(b - a).toBeGreaterThanOrEqual(50 - JITTER_MS);
      expect(c - b).toBeGreaterThanOrEqual(100 - JITTER_MS);
      await waitFor('completion', async () => (await q.counts()).completed === 1);
      expect(await q.failed()).toEqual([]);
    });

    it('lists a job that exhausted its attempts as failed, with the reason', async () => {
      const q = fresh<{ n: number }>();
      let calls = 0;
      await q.process(async () => {
        calls++;
        throw new Error('smtp down');
      });
      const id = await q.add('notify', { n: 7 }, { attempts: 2, backoffMs: 20 });
      await waitFor('failed list', async () => (await q.failed()).length === 1);
      const [f] = await q.failed();
      expect(f).toMatchObject({ id, name: 'notify', data: { n: 7 }, queue: q.name, failedReason: 'smtp down', attemptsMade: 2 });
      expect(f?.failedAt).toBeInstanceOf(Date);
      expect(calls).toBe(2);
      expect(await q.counts()).toMatchObject({ waiting: 0, delayed: 0, active: 0, failed: 1 });
    });

    it('fails a job at once on UnrecoverableJobError', async () => {
      const q = fresh<null>();
      let calls = 0;
      await q.process(async () => {
        calls++;
        throw new UnrecoverableJobError('bad input');
      });
      const id = await q.add('x', null, { attempts: 5, backoffMs: 10 });
      await waitFor('failed list', async () => (await q.failed()).length === 1);
      await waitFor('nothing left to retry', settled(q, 0, 1));
      expect(calls).toBe(1);
      expect((await q.failed())[0]).toMatchObject({ id, failedReason: 'bad input', attemptsMade: 1 });
    });

    it('retry(id) runs a failed job again with its attempts reset', async () => {
      const q = fresh<null>();
      const attempts: number[] = [];
      await q.process(async (job) => {
        attempts.push(job.attemptsMade);
        if (attempts.length === 1) throw new UnrecoverableJobError('not yet');
      });
      const id = await q.add('x', null, { jobId: 'again' });
      await waitFor('failed list', async () => (await q.failed()).length === 1);
      expect(await q.add('x', null, { jobId: 'again' })).toBe('again');
      expect(await q.retry('no-such-job')).toBe(false);
      expect(await q.retry(id)).toBe(true);
      await waitFor('second run', () => attempts.length === 2);
      expect(attempts).toEqual([0, 0]);
      await waitFor('completion', async () => (await q.counts()).completed === 1);
      expect(await q.failed()).toEqual([]);
      expect(await q.counts()).toMatchObject({ failed: 0 });
    });

    it('remove() cancels a delayed or waiting job and ignores unknown ids', async () => {
      const q = fresh<string>();
      const runs: string[] = [];
      const timer = await q.add('sla', 'timer', { jobId: 'sla-12-accept', delayMs: 150 });
      await q.add('x', 'removed-while-waiting', { jobId: 'w' });
      await q.add('x', 'kept');
      await q.remove(timer);
      await q.remove('w');
      await q.remove('no-such-job');
      expect(await q.counts()).toMatchObject({ waiting: 1, delayed: 0 });
      await q.process(async (job) => void runs.push(job.data));
      await waitFor('the kept job, and nothing left', settled(q, 1));
      expect(runs).toEqual(['kept']);
    });

    it('limiter: never more than max starts in any window, across the whole queue', async () => {
      const q = fresh<number>();
      const starts: number[] = [];
      await q.process(
        async () => {
          starts.push(Date.now());
          await sleep(5);
        },
        { concurrency: 20, limiter: { max: 5, durationMs: 200 } },
      );
      // Half the jobs carry an order key: the limit holds for ordered and unordered jobs together.
      for (let i = 0; i < 20; i++) await q.add('x', i, i % 2 ? { orderKey: `k${i % 4}` } : {});
      await waitFor('20 starts', () => starts.length === 20);
      starts.sort((a, b) => a - b);
      expect(starts[19]! - starts[0]!).toBeGreaterThanOrEqual(600 - JITTER_MS);
      for (const s of starts) {
        const inWindow = starts.filter((t) => t >= s && t < s + 200 - JITTER_MS).length;
        expect(inWindow).toBeLessThanOrEqual(5);
      }
    });

    it('limiterInHandler: only the slots handlers take count; a job taking none uses none and waits for none', async () => {
      const q = fresh<{ n: number; slot: boolean }>();
      const ran: number[] = [];
      const slotted: number[] = [];
      const stop = gate();
      // one slot a minute, one job at a time: were a job's start counted, the second job would wait a minute
      await q.process(
        async (job) => {
          ran.push(job.data.n);
          if (!job.data.slot) return;
          expect(job.takeLimiterSlot).toBeTypeOf('function');
          // a second call in the same run takes no second slot (else job 0 would wait a minute for it)
          const took = Promise.all([job.takeLimiterSlot!(), job.takeLimiterSlot!()]).then(() => slotted.push(job.data.n));
          await Promise.race([took, stop.promise]);
        },
        { concurrency: 1, limiter: { max: 1, durationMs: 60_000 }, limiterInHandler: true },
      );
      for (const [n, slot] of [[0, true], [1, false], [2, false], [3, false], [4, true]] as const) await q.add('x', { n, slot });
      await waitFor('the four jobs before the second slot', () => ran.length === 5);
      expect(ran).toEqual([0, 1, 2, 3, 4]);
      expect(slotted).toEqual([0]); // the second slot is a minute away
      stop.open();
      await waitFor('settled', settled(q, 5));
      expect(slotted).toEqual([0]);
    });

    it('without limiterInHandler the limit counts job starts and the job carries no takeLimiterSlot', async () => {
      const q = fresh<number>();
      const slots: unknown[] = [];
      await q.process(async (job) => void slots.push(job.takeLimiterSlot), { limiter: { max: 5, durationMs: 100 } });
      await q.add('x', 1);
      await waitFor('1 job', () => slots.length === 1);
      expect(slots).toEqual([undefined]);
    });

    it('respects concurrency', async () => {
      const q = fresh<number>();
      let running = 0;
      let most = 0;
      let done = 0;
      await q.process(
        async () => {
          most = Math.max(most, ++running);
          await sleep(30);
          running--;
          done++;
        },
        { concurrency: 3 },
      );
      for (let i = 0; i < 12; i++) await q.add('x', i, i % 3 === 0 ? { orderKey: `k${i}` } : {});
      await waitFor('12 jobs', () => done === 12);
      expect(most).toBe(3);
    });

    it('startAfter: connected workers claim nothing until it resolves, then run everything; never after a rejection', async () => {
      const q = fresh<number>();
      const never = fresh<number>();
      const clock = fresh<number>();
      const handled: number[] = [];
      const ticks: number[] = [];
      const go = gate();
      await q.process(async (job) => void handled.push(job.data), { concurrency: 2, startAfter: go.promise });
      await never.process(async (job) => void handled.push(job.data), { startAfter: Promise.reject(new Error('the account never logged in')) });
      await clock.process(async (job) => void ticks.push(job.data));
      for (let i = 0; i < 3; i++) await q.add('x', i, i === 2 ? { orderKey: 'k' } : {});
      await never.add('x', 99);
      // a job added after them, on a queue without startAfter, ran: the gated ones had the same chance, and waited
      await clock.add('tick', 1);
      await waitFor('the clock job', () => ticks.length === 1);
      expect(handled).toEqual([]);
      expect((await q.counts()).active).toBe(0);
      go.open();
      await waitFor('3 jobs', () => handled.length === 3);
      expect(handled.sort()).toEqual([0, 1, 2]);
      await clock.add('tick', 2);
      await waitFor('the second clock job', () => ticks.length === 2);
      expect(handled).not.toContain(99);
      expect((await never.counts()).waiting).toBe(1);
    });

    it('unordered: a worker for jobs without an orderKey runs them all, within its limiter', async () => {
      const q = fresh<number>();
      const handled: number[] = [];
      await q.process(async (job) => void handled.push(job.data), { concurrency: 2, unordered: true, limiter: { max: 2, durationMs: 100 } });
      await q.addMany([0, 1, 2, 3, 4].map((i) => ({ name: 'x', data: i })));
      await waitFor('5 jobs', () => handled.length === 5);
      expect(handled.sort()).toEqual([0, 1, 2, 3, 4]);
      await waitFor('settled', settled(q, 5));
    });

    it('keeps the order within a key while different keys run in parallel', async () => {
      const q = fresh<{ key: string; seq: number }>();
      const keys = ['room-1', 'room-2', 'room-3', 'room-4', 'room-5'];
      const order = new Map<string, number[]>(keys.map((k) => [k, []]));
      const running = new Set<string>();
      let mostKeys = 0;
      let sameKeyTwice = false;
      let done = 0;
      await q.process(
        async ({ data }) => {
          if (running.has(data.key)) sameKeyTwice = true;
          running.add(data.key);
          mostKeys = Math.max(mostKeys, running.size);
          await sleep(Math.floor(Math.random() * 5));
          order.get(data.key)!.push(data.seq);
          running.delete(data.key);
          done++;
        },
        { concurrency: 5 },
      );
      for (let seq = 0; seq < 20; seq++) for (const key of keys) await q.add('msg', { key, seq }, { orderKey: key });
      await waitFor('100 jobs', () => done === 100, 10_000);
      const expected = Array.from({ length: 20 }, (_, i) => i);
      for (const key of keys) expect(order.get(key)).toEqual(expected);
      expect(sameKeyTwice).toBe(false);
      expect(mostKeys).toBeGreaterThanOrEqual(2);
    });

    it('coalesce: the jobs of a key waiting behind a running one are handled as one job, in order, up to what merge accepts', async () => {
      const q = fresh<number[]>();
      const first = gate();
      const handled: { id: string; data: number[] }[] = [];
      let running = 0;
      let overlap = false;
      let firstStarted = false;
      await q.process(
        async (job) => {
          const lane1 = job.id !== 'other-lane';
          if (lane1 && ++running > 1) overlap = true;
          if (job.data[0] === 0) {
            firstStarted = true;
            await first.promise;
          }
          handled.push({ id: job.id, data: job.data });
          if (lane1) running--;
        },
        // at most 4 numbers in one job: the merge refuses more
        { concurrency: 2, coalesce: (data, next) => (data.length + next.length <= 4 ? [...data, ...next] : undefined) },
      );
      try {
        await q.add('batch', [0], { jobId: 'first', orderKey: 'lane-1' });
        await waitFor('the first job to run', () => firstStarted);
        // a steady stream arriving one job at a time while the lane is busy
        for (let i = 1; i <= 9; i++) await q.add('batch', [i], { jobId: `job-${i}`, orderKey: 'lane-1' });
        await q.add('batch', [100], { jobId: 'other-lane', orderKey: 'lane-2' });
        await waitFor('the other lane', () => handled.some((h) => h.id === 'other-lane'));
      } finally {
        first.open();
      }
      await waitFor('settled', settled(q, 11));
      const lane1 = handled.filter((h) => h.id !== 'other-lane');
      expect(lane1.flatMap((h) => h.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      // the first had started alone; the nine behind it became jobs of 4, 4 and 1
      expect(lane1.map((h) => h.data)).toEqual([[0], [1, 2, 3, 4], [5, 6, 7, 8], [9]]);
      expect(lane1.map((h) => h.id)).toEqual(['first', 'job-1', 'job-5', 'job-9']);
      expect(handled.find((h) => h.id === 'other-lane')?.data).toEqual([100]);
      expect(overlap).toBe(false);
    });

    it('coalesce: a combined job that fails is retried whole, then failed whole; a retried job takes none in', async () => {
      const q = fresh<string[]>();
      const first = gate();
      const attempts: { id: string; data: string[]; attempt: number }[] = [];
      await q.process(
        async (job) => {
          attempts.push({ id: job.id, data: job.data, attempt: job.attemptsMade });
          if (job.data[0] === 'block') await first.promise;
          if (job.data.includes('bad')) throw new Error('database away');
        },
        { coalesce: (data, next) => [...data, ...next] },
      );
      try {
        await q.add('batch', ['block'], { jobId: 'block', orderKey: 'lane' });
        await waitFor('the first job to run', () => attempts.length === 1);
        await q.add('batch', ['bad'], { jobId: 'bad', orderKey: 'lane', attempts: 2, backoffMs: 50 });
        await q.add('batch', ['good'], { jobId: 'good', orderKey: 'lane', attempts: 3 });
      } finally {
        first.open();
      }
      await waitFor('failed', async () => (await q.failed()).length === 1);
      const [failed] = await q.failed();
      expect(failed).toMatchObject({ id: 'bad', data: ['bad', 'good'], attemptsMade: 2 });
      expect(attempts.slice(1)).toEqual([
        { id: 'bad', data: ['bad', 'good'], attempt: 0 },
        { id: 'bad', data: ['bad', 'good'], attempt: 1 },
      ]);
      await waitFor('settled', settled(q, 2, 1));
    });

    it('counts jobs by state', async () => {
      const q = fresh<string>();
      const release = gate();
      expect(await q.counts()).toEqual({ waiting: 0, delayed: 0, active: 0, completed: 0, failed: 0 });
      await q.add('x', 'block');
      await q.add('x', 'bad');
      await q.add('x', 'later', { delayMs: 60_000 });
      expect(await q.counts()).toEqual({ waiting: 2, delayed: 1, active: 0, completed: 0, failed: 0 });
      try {
        await q.process(async (job) => {
          if (job.data === 'block') await release.promise;
          if (job.data === 'bad') throw new UnrecoverableJobError('bad');
        });
        await waitFor('one active', async () => (await q.counts()).active === 1);
        expect(await q.counts()).toEqual({ waiting: 1, delayed: 1, active: 1, completed: 0, failed: 0 });
      } finally {
        release.open();
      }
      await waitFor('settled', async () => {
        const c = await q.counts();
        return c.completed === 1 && c.failed === 1;
      });
      expect(await q.counts()).toEqual({ waiting: 0, delayed: 1, active: 0, completed: 1, failed: 1 });
    });

    it('close() waits for running handlers', async () => {
      const q = fresh<null>();
      let started = false;
      let finished = false;
      await q.process(async () => {
        started = true;
        await sleep(100);
        finished = true;
      });
      await q.add('x', null);
      await q.add('x', null, { delayMs: 60_000 });
      await waitFor('start', () => started);
      await queues.close();
      expect(finished).toBe(true);
    });

    it('rejects a queue name it could not keep apart from others', () => {
      expect(() => queues.queue('ingest:messages')).toThrow(/queue name/);
    });
  });
}
