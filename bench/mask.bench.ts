// The masker's speed: `npx tsx bench/mask.bench.ts`. maskPii runs on every log line and every message the bot sends,
// so its cost per call matters more than its cost per number found.
//   plain  — the corpus lines as they are (most hold no digit, many a room or a date)
//   pii    — the same lines, each with a phone or ID number appended in one of several written forms
//   log    — maskDeep on a typical log object (ids, a message text, a nested error)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { maskDeep, maskPii } from '../src/core/triage/mask.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lines = readFileSync(path.join(ROOT, 'data/corpus/neighbourhood.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);
const FORMS = ['电话13812345678', '打138 1234 5678', '+86-139-1234-5678', '１３８１２３４５６７８', '身份证350321199001011234', '3503219001011 23'];
const withPii = lines.map((t, i) => `${t}，${FORMS[i % FORMS.length]}`);

function rate(label: string, items: readonly unknown[], f: (x: never) => unknown, minMs = 1500) {
  for (const x of items) f(x as never); // warm up
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < minMs) {
    for (const x of items) f(x as never);
    n += items.length;
    t = performance.now();
  }
  console.log(`${label.padEnd(8)} ${Math.round((n / (t - t0)) * 1000).toLocaleString('en-US')} calls/s`);
}

rate('plain', lines, maskPii as (x: never) => unknown);
rate('pii', withPii, maskPii as (x: never) => unknown);
const logs = lines.map((text, i) => ({ messageId: i, groupId: 7, text, meta: { platform: 'WECHAT', err: new Error(`failed on ${text}`) } }));
rate('log', logs, maskDeep as (x: never) => unknown);
