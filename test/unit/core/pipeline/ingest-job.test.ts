import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../../../../src/core/messages/incoming-message.ts';
import { INGEST_FIELDS, mergeIngestJobs, parseIngestJob, toIngestMessage } from '../../../../src/core/pipeline/ingest.handler.ts';
import { UnrecoverableJobError } from '../../../../src/core/ports/job-queue.port.ts';

const full: IncomingMessage = {
  platform: 'TELEGRAM',
  externalId: '-1001:42',
  groupExternalId: '-1001',
  sender: { externalId: '7', name: '张阿姨' },
  text: '认领 #12',
  quotedExternalId: '-1001:41',
  quoted: { text: '已收到，工单 #12 已登记', fromBot: true },
  kind: 'text',
  mentionsBot: true,
  sentAt: new Date('2026-11-20T04:16:00.123Z'),
};

describe('ingest job data', () => {
  it('carries every field of a message and its ids through JSON, as the queue stores it', () => {
    // the message above sets every field there is
    expect(Object.keys(full).sort()).toEqual(Object.keys(INGEST_FIELDS).sort());
    const data = JSON.parse(JSON.stringify({ messages: [toIngestMessage({ msg: full, messageId: 5, groupId: 3, prevId: 4 })] }));
    expect(parseIngestJob(data)).toEqual([{ msg: full, messageId: 5, groupId: 3, prevId: 4 }]);
  });

  it('leaves out what a message does not have', () => {
    const bare: IncomingMessage = { platform: 'WECHAT', externalId: 'm1', groupExternalId: 'room', sender: { externalId: 's', name: '' }, text: '好的', sentAt: new Date(0) };
    const data = toIngestMessage({ msg: bare });
    expect(Object.keys(data).sort()).toEqual(['externalId', 'groupExternalId', 'platform', 'sender', 'sentAt', 'text']);
    expect(parseIngestJob(JSON.parse(JSON.stringify(data)))).toEqual([{ msg: bare }]);
  });

  it('refuses bad job data for good, naming the field', () => {
    const bad = { messages: [{ ...toIngestMessage({ msg: full }), prevId: -1 }] };
    expect(() => parseIngestJob(bad)).toThrow(UnrecoverableJobError);
    expect(() => parseIngestJob(bad)).toThrow('ingest job.messages[0].prevId must be a positive integer');
  });

  it('merges a lane\'s waiting jobs in order up to the batch limit, and never takes a job that does not parse', () => {
    const m = (n: number) => toIngestMessage({ msg: { ...full, externalId: `-1001:${n}` }, messageId: n });
    const merge = mergeIngestJobs(4);
    const ab = merge({ messages: [m(1), m(2)] }, m(3)); // an older single-message job joins too
    expect(ab).toEqual({ messages: [m(1), m(2), m(3)] });
    const abc = merge(ab!, { messages: [m(4)] });
    expect(parseIngestJob(abc).map((i) => i.messageId)).toEqual([1, 2, 3, 4]);
    expect(merge(abc!, { messages: [m(5)] })).toBeUndefined(); // full
    expect(merge({ messages: [m(1)] }, { platform: 'WECHAT', externalId: 'bad' } as never)).toBeUndefined();
    expect(merge({ messages: [] }, { messages: [m(1)] })).toBeUndefined(); // a bad first job runs alone too
  });
});
