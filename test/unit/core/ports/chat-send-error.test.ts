import { describe, expect, it } from 'vitest';
import { ChatSendError, isPermanentSendError, sendErrorCode, type ChatSendErrorCode } from '../../../../src/core/ports/chat-gateway.port.ts';

describe('ChatSendError', () => {
  it('is known by its code, never by the text of an error', () => {
    expect(sendErrorCode(new ChatSendError('WeChat room r1 not found (is the bot still in it?)', 'NOT_IN_GROUP'))).toBe('NOT_IN_GROUP');
    expect(sendErrorCode(new Error('WeChat room r1 not found (is the bot still in it?)'))).toBeUndefined();
    expect(sendErrorCode(Object.assign(new Error('x'), { code: 'NOT_IN_GROUP' }))).toBeUndefined();
    expect(sendErrorCode(new Error('Forbidden: bot was kicked from the group chat'))).toBeUndefined();
    expect(sendErrorCode(new Error('ETIMEDOUT'))).toBeUndefined();
    expect(sendErrorCode(new Error('no chat gateway for platform TELEGRAM'))).toBeUndefined();
    expect(isPermanentSendError(Object.assign(new Error('x'), { permanent: true }))).toBe(false);
  });

  it('is permanent for the bot not in the group, a blocked person and a refused message; not for limits and outages', () => {
    const permanent = (code: ChatSendErrorCode) => new ChatSendError('x', code).permanent;
    expect(permanent('NOT_IN_GROUP')).toBe(true);
    expect(permanent('BLOCKED')).toBe(true);
    expect(permanent('REJECTED')).toBe(true);
    expect(permanent('RATE_LIMITED')).toBe(false);
    expect(permanent('UNAVAILABLE')).toBe(false);
    expect(isPermanentSendError(new ChatSendError('x', 'BLOCKED'))).toBe(true);
    expect(isPermanentSendError(new ChatSendError('x', 'RATE_LIMITED'))).toBe(false);
  });
});
