// `triage train|eval|classify` run as a user would (scripts/triage-cli.ts in a child process) on temp JSONL files.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // tsx as a loader in this one process (its CLI, node_modules/tsx/dist/cli.mjs, starts a second node for the script)
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/triage-cli.ts'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const rows = [
  ['电梯坏了三天没人修', 'issue'],
  ['楼道灯不亮了请物业处理', 'issue'],
  ['小区门口的下水道堵了', 'issue'],
  ['三号楼电梯又坏了', 'issue'],
  ['垃圾好几天没人清理了', 'issue'],
  ['今晚一起吃饭吗', 'chatter'],
  ['哈哈好的谢谢', 'chatter'],
  ['早上好大家', 'chatter'],
  ['周末去爬山吧', 'chatter'],
  ['晚安各位邻居', 'chatter'],
];
const jsonl = (r: string[][]): string => r.map(([text, label], i) => JSON.stringify({ id: `r${i}`, text, label })).join('\n') + '\n';

describe('triage CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'linli-triage-'));
  const data = path.join(dir, 'train.jsonl');
  const model = path.join(dir, 'model.bin');

  beforeAll(async () => {
    writeFileSync(data, jsonl(rows));
    const r = await run(['triage', 'train', '--data', data, '--out', model, '--seed', '3']);
    expect(r.stderr).toContain('wrote');
    expect(r.code).toBe(0);
  }, 60_000);

  it('train writes a model; eval --json prints one JSON object with the metrics', async () => {
    expect(existsSync(model)).toBe(true);
    const r = await run(['triage', 'eval', '--model', model, '--data', data, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['n', 'accuracy', 'macro_f1', 'per_class', 'confusion']));
    expect(out.n).toBe(rows.length);
    expect(Object.keys(out.per_class['issue'])).toEqual(['precision', 'recall', 'f1', 'support']);
    expect(out.per_class['issue'].support).toBe(5);
  });

  it('eval without --json prints a table', async () => {
    const r = await run(['triage', 'eval', '--model', model, '--data', data]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/macro-F1/);
    expect(r.stdout).toMatch(/confusion/);
  });

  it('classify prints the triage output and the top labels as JSON', async () => {
    const r = await run(['triage', 'classify', '--model', model, '3栋电梯坏了']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ isAppeal: true, category: 'issue', urgency: 'normal', source: 'local', place: { building: '3' } });
    expect(out.summary).toBe('3栋电梯坏了');
    expect(out.confidence).toBeGreaterThanOrEqual(0.5);
    expect(out.confidence).toBeLessThanOrEqual(1);
    expect(Object.keys(out.labels)).toEqual(['issue', 'chatter']);
  });

  it('classify shows the urgency a ticket gets: the hazard rules, not the model', async () => {
    const hazard = JSON.parse((await run(['triage', 'classify', '--model', model, '楼道里有人飞线给电动车充电，电线都拖到一楼了，太危险了'])).stdout);
    expect(hazard.urgency).toBe('urgent');
    const gas = JSON.parse((await run(['triage', 'classify', '--model', model, '燃气灶那边好像一直有股怪味道'])).stdout);
    expect(gas).toMatchObject({ urgency: 'emergency', isAppeal: true });
    const news = JSON.parse((await run(['triage', 'classify', '--model', model, '听说隔壁街道昨晚有户人家着火了'])).stdout);
    expect(news.urgency).toBe('normal');
  });

  it('train-hazard is reproducible: the same lines and seed give the same bytes, with a cross-validated threshold', { timeout: 120_000 }, async () => {
    const danger = ['煤气味很重', '楼道着火了', '电梯困人了', '有人晕倒了', '配电箱冒火花', '天然气漏了', '厨房起火了', '有人触电了', '井盖没了', '飞线充电'];
    const look = ['如果闻到煤气味怎么办', '明天消防演练', '新闻说外地着火了', '火已经扑灭了', '热得冒烟', '燃气费怎么交', '电梯年检通知', '气死我了', '演习模拟起火', '听说别处漏气'];
    const lines = path.join(dir, 'hazard.jsonl');
    writeFileSync(lines, [...danger.flatMap((t) => [t, `${t}，快来人`]).map((text) => ({ text, label: 'danger', kind: 'k', level: 'emergency' })),
      ...look.flatMap((t) => [t, `${t}吗`]).map((text) => ({ text, label: 'lookalike', kind: 'l' }))].map((l) => JSON.stringify(l)).join('\n') + '\n');
    const corpus = path.join(dir, 'corpus.jsonl');
    writeFileSync(corpus, jsonl([['今晚一起吃饭吗', 'chatter'], ['垃圾没人清', 'sanitation'], ['楼道着火了', 'fire_safety']]));
    const outs = [path.join(dir, 'h1.model'), path.join(dir, 'h2.model')];
    for (const out of outs) {
      const r = await run(['triage', 'train-hazard', '--lines', lines, '--corpus', corpus, '--chatter', data, '--out', out, '--seed', '5']);
      expect(r.code, r.stderr).toBe(0);
      // 40 lines; negatives: the corpus lines the rules leave normal (not 楼道着火了) + every 4th chatter line
      expect(r.stderr).toContain('training on 40 hazard lines + 4 negatives, seed 5');
      expect(r.stderr).toMatch(/threshold (?:0\.\d+|1) \(cross-validated, the model alone: precision \d+\.\d%, recall \d+\.\d%, ordinary messages raised \d+\.\d\d%\)/);
    }
    expect(readFileSync(outs[0]!).equals(readFileSync(outs[1]!))).toBe(true);
  });

  describe('with an LLM configured (the real openai client against a fake endpoint on 127.0.0.1)', () => {
    let server: Server;
    let requests: { model: string; max_tokens?: number; messages: { content: string }[] }[] = [];
    let status = 200;
    let env: Record<string, string> = {};
    const answer = { isAppeal: true, category: 'fire_safety', place: { building: '3' }, urgency: 'urgent', summary: '3号楼楼道飞线充电', confidence: 0.93 };

    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          requests.push(JSON.parse(body));
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify(
              status === 200
                ? { id: 'x', object: 'chat.completion', created: 1, model: 'fake-model', choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(answer), refusal: null }, finish_reason: 'stop', logprobs: null }] }
                : status === 404
                  ? { error: { message: 'model "fake-model" not found, try pulling it first (key test-key)', type: 'api_error', code: 'model_not_found' } }
                  : { error: { message: 'bad key', type: 'invalid_request_error' } },
            ),
          );
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      env = { LLM_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, LLM_MODEL: 'fake-model', LLM_API_KEY: 'test-key' };
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('runs the triage the bot runs: the model is unsure, the LLM answers', async () => {
      requests = [];
      status = 200;
      const r = await run(['triage', 'classify', '--model', model, '3号楼有人私接电线，电话13812345678'], env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ source: 'llm', mode: 'hybrid', category: 'fire_safety', summary: '3号楼楼道飞线充电' });
      // the endpoint check (one token), then the message
      expect(requests.map((q) => q.max_tokens)).toEqual([1, 300]);
      expect(requests[1]!.model).toBe('fake-model');
      // what leaves the building is masked, as in the bot
      expect(JSON.stringify(requests[1]!.messages)).not.toContain('13812345678');
    });

    it('--local forces the model: the endpoint is not asked', async () => {
      requests = [];
      const r = await run(['triage', 'classify', '--local', '--model', model, '3号楼有人私接电线'], env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ source: 'local', mode: 'local' });
      expect(requests).toHaveLength(0);
    });

    it('an endpoint that refuses: the local answer, and a warning on stderr naming the error', async () => {
      requests = [];
      status = 401;
      const r = await run(['triage', 'classify', '--model', model, '3号楼有人私接电线'], env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ source: 'local', mode: 'hybrid' });
      expect(requests.length).toBeGreaterThanOrEqual(1);
      expect(r.stderr).toContain('LLM triage failed');
    });

    it('a model the endpoint does not serve: the configuration error first on stderr, in English, never the key; the local answer on stdout', async () => {
      requests = [];
      status = 404;
      const r = await run(['triage', 'classify', '--model', model, '3号楼有人私接电线'], env);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ source: 'local', mode: 'hybrid' });
      expect(r.stderr).toMatch(/LLM endpoint misconfigured.*LLM_MODEL 'fake-model' is not served at http:\/\/127\.0\.0\.1:\d+\/v1 \(HTTP 404/);
      expect(r.stderr.indexOf('misconfigured')).toBeLessThan(r.stderr.indexOf('LLM triage failed'));
      expect(r.stderr).not.toContain('test-key');
    });
  });

  it('a JSONL line that does not parse: exit 2, naming file and line', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, jsonl(rows.slice(0, 2)) + '{"text": "坏行", "label": \n' + jsonl(rows.slice(2, 3)));
    const r = await run(['triage', 'train', '--data', bad, '--out', path.join(dir, 'x.bin')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:3`);
    expect(existsSync(path.join(dir, 'x.bin'))).toBe(false);
  });

  it('a line without a label: exit 2, naming the line', async () => {
    const bad = path.join(dir, 'nolabel.jsonl');
    writeFileSync(bad, jsonl(rows.slice(0, 3)) + '{"text": "没有标签"}\n');
    const r = await run(['triage', 'eval', '--model', model, '--data', bad, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nolabel\.jsonl:4: .*"label"/);
    expect(r.stdout).toBe('');
  });

  it('a missing file: exit 2 with its name', async () => {
    const r = await run(['triage', 'eval', '--model', path.join(dir, 'nope.bin'), '--data', data]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.bin');
  });
});
