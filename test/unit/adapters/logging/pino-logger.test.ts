// The pino logger writes no phone or ID number, in whatever form the resident typed it: every field and message masked.
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../../src/adapters/logging/pino.logger.ts';

describe('pino logger masking', () => {
  it('masks full-width, dotted and prefixed phones and 15-digit IDs in fields, nested objects, errors and the message', () => {
    const { logger, lines } = createMemoryLogger();
    logger.info({ text: '电话１３８１２３４５６７８', nested: { list: ['138.1234.5678', '+86 139 1234 5678'] } }, '来自 0086-13712345678');
    logger.error({ err: new Error('bad input 110101900101123'), groupId: 7 }, 'handling failed');
    logger.child({ sender: '１５９ １２３４ ５６７８' }).warn({}, 'child');
    const out = lines();
    const written = JSON.stringify(out);
    expect(out[0]).toMatchObject({ text: '电话１３８****５６７８', nested: { list: ['138****5678', '+86 139****5678'] }, msg: '来自 0086-137****5678' });
    expect(out[1]).toMatchObject({ err: { message: 'bad input 1101********123' }, groupId: 7 });
    expect(out[2]).toMatchObject({ sender: '１５９****５６７８' });
    for (const raw of ['１２３４', '1234.5678', '1234 5678', '12345678', '900101']) expect(written).not.toContain(raw);
  });
});
