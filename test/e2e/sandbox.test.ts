// `npm start` as a person uses it: the terminal sandbox on an empty data folder, typed into through stdin.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.ts';

describe('the sandbox (linli start)', () => {
  it('loads the demo grid, answers an appeal in a group, and lets a worker claim by quoting', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const input = [
      '大家早上好',
      '/mention',
      '/reply',
      '/tickes',
      '20号楼107室门口的污水井盖破损严重，快塌下去了，物业能不能来换一下',
      '/as 林秀珍',
      '/reply 收到',
      '/as 张国华',
      '办结 #1 修好了',
      '/tickets',
      '/quit',
    ].join('\n');
    const r = await runCli(['start'], { env: { LINLI_DATA_DIR: path.join(dir, 'data') }, input, timeoutMs: 90_000 });
    // only the calendar's warning, in a December whose next year's holiday arrangement is not out yet
    expect(r.stderr.replace(/^warning: no official holiday arrangement .*\n/m, '')).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('（机器人没有回复：闲聊，或已静默记下，如投票）');
    // an empty @mention (the command with nothing after it) is one, not the text "/mention" said in the group
    expect(r.stdout).toContain('邻里助手：@张国华 您好，请直接说明遇到的问题');
    // a sandbox command without its text, or mistyped, is answered here and never said in the group
    expect(r.stdout).toContain('用法：/reply 文本（引用机器人在本群的上一条消息回复，如 /reply 满意）');
    expect(r.stdout).toContain('未知命令 /tickes，输入 /help 查看可用命令（要发言请直接输入文字）');
    expect(readFileSync(path.join(dir, 'data', 'sandbox.log'), 'utf8')).not.toMatch(/"text":"\/(?:reply|tickes)"/);
    expect(r.stdout).toMatch(/\[东园小区20号楼睦邻群\] 邻里助手：@张国华 已收到，工单 #1 已登记（设施维修，加急），网格员将于 2 小时内受理/);
    expect(r.stdout).toMatch(/\[私信 → 林秀珍\] 邻里助手：新工单 #1（设施维修）/);
    expect(r.stdout).toContain('@张国华 工单 #1 已由林秀珍受理');
    expect(r.stdout).toContain('@张国华 抱歉，此操作需由负责该网格的工作人员办理。');
    expect(r.stdout).toMatch(/#1 处理中 设施维修 20号楼107室/);

    // the store persists in the data folder: a second start sees the ticket
    // the refused attempt is logged (to the sandbox's log file, so the terminal stays readable), phone numbers masked
    const log = readFileSync(path.join(dir, 'data', 'sandbox.log'), 'utf8');
    expect(log).toMatch(/"action":"resolve","code":"NOT_AUTHORIZED","msg":"command refused"/);

    const again = await runCli(['tickets', 'list'], { env: { LINLI_DATA_DIR: path.join(dir, 'data') } });
    expect(again.stdout).toMatch(/#1\t处理中\t设施维修/);

    // started again on the same data (mid-conversation): /reply quotes the bot's last post in the group as before —
    // a resident's reply to the receipt is read as one, not refused for want of a message to quote
    const restarted = await runCli(['start'], { env: { LINLI_DATA_DIR: path.join(dir, 'data') }, input: ['/reply 谢谢', '/quit'].join('\n'), timeoutMs: 90_000 });
    expect(restarted.code).toBe(0);
    expect(restarted.stdout).not.toContain('机器人在本群还没有发过消息');
    // thanks to the receipt need no answer, and the sandbox says the bot kept silent (as for a line typed plainly)
    expect(restarted.stdout).toContain('（机器人没有回复：闲聊，或已静默记下，如投票）');
    const after = await runCli(['tickets', 'list'], { env: { LINLI_DATA_DIR: path.join(dir, 'data') } });
    expect(after.stdout.trim().split('\n')).toHaveLength(1); // nothing duplicated by the second start
  });
});
