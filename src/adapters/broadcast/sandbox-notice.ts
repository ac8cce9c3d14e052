// What the broadcast CLI says when it runs without a real platform (its sends go to the in-memory chat).
export const SANDBOX_NOTICE = 'sandbox: messages are not sent to WeChat（沙盒模式：消息不会真正发到微信群）';
