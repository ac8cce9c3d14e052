// Triage CPU of two trees side by side, in one process: `LINLI_AB_BEFORE=/path/to/other/tree npx tsx bench/triage-ab.ts`.
// Both trees' LocalTriage (each with its own shipped models and memos) classify the same lines, alternately first and
// second, process.cpuUsage around each call; then the CPU per line of each and whether every result is identical. On a
// shared, loaded machine two runs apart in time differ by tens of percent; interleaved calls do not.
// LINLI_AB_LINES: splits (LINLI_SPLITS' detection.train + category.train, shuffled), corpus (data/corpus twice, the
// second copy with a trailing space: new texts to the memos), bench (the ingest bench's mix); LINLI_AB_N lines (8000)
// after 3000 of warm-up.
import { readFileSync } from 'node:fs';
import path from 'node:path';
const B = process.env['LINLI_AB_BEFORE'];
if (!B) throw new Error('set LINLI_AB_BEFORE to the other tree (a checkout with node_modules)');
const SPLITS = process.env['LINLI_SPLITS'] ?? path.resolve(process.cwd(), '../shared/data/splits');
const load = async (root: string) => {
  const { readModelFile, DEFAULT_MODEL_PATH } = await import(`${root}/src/adapters/files/model-file.ts`);
  const { shippedHazardModel } = await import(`${root}/src/adapters/triage/hazard-model-file.ts`);
  const { LocalTriage } = await import(`${root}/src/core/triage/local-triage.ts`);
  const model = await readModelFile(DEFAULT_MODEL_PATH);
  return new LocalTriage(model, { hazardModel: await shippedHazardModel() });
};
const before = await load(B);
const after = await load(process.cwd());
const src = process.env['LINLI_AB_LINES'] ?? 'splits';
let all: string[] = [];
if (src === 'splits') {
  for (const f of ['detection.train', 'category.train']) for (const l of readFileSync(path.join(SPLITS, `${f}.jsonl`), 'utf8').split('\n')) if (l) all.push(JSON.parse(l).text);
  let seed = 7; const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  for (let i = all.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [all[i], all[j]] = [all[j]!, all[i]!]; }
} else if (src === 'corpus') {
  for (const l of readFileSync('data/corpus/neighbourhood.jsonl', 'utf8').split('\n')) if (l) all.push(JSON.parse(l).text);
  all = [...all, ...all.map((t) => t + ' ')];
} else {
  // the ingest bench's mix: a tenth appeals (one per building), the rest its chatter lines
  const CHATTER = ['早上好', '收到', '谢谢大家', '今天天气真不错', '大家吃了吗', '好的', '晚安'];
  for (let u = 1; u < 4000; u++) for (let k = 0; k < 10; k++) all.push(k === 0 ? `${u}号楼电梯坏了，卡在三楼不动` : CHATTER[(u + k) % 7]!);
}
const N = Number(process.env['LINLI_AB_N'] ?? 8000);
for (const t of all.slice(0, 3000)) { before.classifySync(t); after.classifySync(t); }
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
let a = 0, b = 0, same = 0;
const lines = all.slice(3000, 3000 + N);
// which tree goes first, by a seeded coin: by i % 2, the bench mix's appeals (every tenth line) always went to the same
// tree first, and the order changes a call's cost
let coin = 11;
for (const t of lines) {
  const first = ((coin = (coin * 1103515245 + 12345) >>> 0) & 0x10000) === 0 ? before : after;
  const second = first === before ? after : before;
  let t0 = cpu(); const r1 = first.classifySync(t); const t1 = cpu(); const r2 = second.classifySync(t); const t2 = cpu();
  if (first === before) { b += t1 - t0; a += t2 - t1; } else { a += t1 - t0; b += t2 - t1; }
  if (JSON.stringify(r1) === JSON.stringify(r2)) same++;
}
console.log(`${src}: ${lines.length} lines; classifySync CPU µs per line: before ${(b / lines.length).toFixed(1)}, after ${(a / lines.length).toFixed(1)} (${(((a - b) / b) * 100).toFixed(1)} %); identical results ${same}/${lines.length}`);
