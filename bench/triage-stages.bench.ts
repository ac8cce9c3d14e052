// CPU per stage of the local triage (LocalTriage.classifySync, stage by stage as it runs them) on real lines:
// `npx tsx bench/triage-stages.bench.ts`. process.cpuUsage around each stage, summed over N lines (6000) after 3000 lines
// of warm-up, its own overhead subtracted; then classifySync whole on N other lines, and the hazard reading's parts on
// N more (memos cold, as for a new message). CPU time, not wall time: on a loaded machine a sampling profile blames
// the time the process waits on whatever it was doing. Lines: the texts of LINLI_STAGE_FILES (comma-separated jsonl,
// default LINLI_SPLITS's detection.train and category.train, LINLI_SPLITS as for bench/triage.bench.ts), shuffled with a fixed seed; nothing is written.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readModelFile, DEFAULT_MODEL_PATH } from '../src/adapters/files/model-file.ts';
import { shippedHazardModel } from '../src/adapters/triage/hazard-model-file.ts';
import { LocalTriage, weatherRemarkOnly, safetyTipOnly } from '../src/core/triage/local-triage.ts';
import { collapseRepeats, summarize } from '../src/core/triage/summary.ts';
import { withoutPii, maskPii } from '../src/core/triage/mask.ts';
import { detectUrgency } from '../src/core/triage/urgency.ts';
import { modelMayRead } from '../src/core/hazard/hazard-model.ts';
import { hazardDismissed, hazardOnlyElsewhere, detectHazard } from '../src/core/hazard/detect-hazard.ts';
import { isEnglish } from '../src/core/english/english-text.ts';
import { quarrelLine } from '../src/core/triage/quarrel.ts';
import { extractPlace } from '../src/core/triage/place.ts';
import { normalizeText } from '../src/core/triage/text-normalize.ts';
import { hazardText } from '../src/core/hazard/hazard-text.ts';

const SPLITS = process.env['LINLI_SPLITS'] ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data/splits');

const files = (process.env['LINLI_STAGE_FILES'] ?? [SPLITS + '/detection.train.jsonl', SPLITS + '/category.train.jsonl'].join(',')).split(',');
const all: string[] = [];
for (const f of files) for (const l of readFileSync(f, 'utf8').split('\n')) if (l) all.push(JSON.parse(l).text);
// deterministic shuffle
let seed = 7; const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
for (let i = all.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [all[i], all[j]] = [all[j]!, all[i]!]; }
const N = Number(process.env['LINLI_STAGE_LINES'] ?? 6000);
const warm = all.slice(0, 3000), lines = all.slice(3000, 3000 + N), lines2 = all.slice(3000 + N, 3000 + 2 * N);
const model = await readModelFile(DEFAULT_MODEL_PATH);
const hazardModel = await shippedHazardModel();
const triage = new LocalTriage(model, { hazardModel });
for (const t of warm) triage.classifySync(t);
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
const acc: Record<string, number> = {};
const add = (k: string, v: number) => (acc[k] = (acc[k] ?? 0) + v);
// overhead of one cpuUsage pair
let t0 = cpu(); for (let i = 0; i < 20000; i++) cpu(); const over = (cpu() - t0) / 20000;
for (const said of lines) {
  let a = cpu(), b: number;
  const text = collapseRepeats(said); b = cpu(); add('collapseRepeats', b - a); a = b;
  const p = model.predict(withoutPii(text)); b = cpu(); add('appeal model (pii+normalize+ngrams)', b - a); a = b;
  const rules = detectUrgency(text); b = cpu(); add('detectUrgency (hazard detect + service)', b - a); a = b;
  const may = hazardModel && rules.urgency !== 'emergency' ? modelMayRead(text) : false; b = cpu(); add('modelMayRead (incl. hazardDismissed)', b - a); a = b;
  const opinion = may ? hazardModel?.scorer.predict(text) : undefined; b = cpu(); add('hazard model predict', b - a); a = b;
  const eng = isEnglish(text); b = cpu(); add('isEnglish', b - a); a = b;
  const q = quarrelLine(text); b = cpu(); add('quarrelLine', b - a); a = b;
  const chatter = p.scores['chatter'] ?? 0;
  if (1 - chatter >= 0.5 && rules.urgency === 'normal') { hazardOnlyElsewhere(text); weatherRemarkOnly(text); safetyTipOnly(text); }
  b = cpu(); add('talk (elsewhere/weather/tip)', b - a); a = b;
  extractPlace(text); b = cpu(); add('extractPlace', b - a); a = b;
  maskPii(summarize(text)); b = cpu(); add('summary', b - a); a = b;
  void eng; void q; void opinion;
}
const per = (k: string) => acc[k]! / lines.length - over;
console.log(`lines ${lines.length}, cpuUsage overhead ${over.toFixed(2)} µs (subtracted)`);
let sum = 0;
for (const k of Object.keys(acc)) { sum += per(k); console.log(`${k.padEnd(45)} ${per(k).toFixed(1).padStart(7)} µs`); }
console.log(`${'sum of stages'.padEnd(45)} ${sum.toFixed(1).padStart(7)} µs`);
// whole classifySync on other lines
t0 = cpu(); for (const t of lines2) triage.classifySync(t); const whole = (cpu() - t0) / lines2.length;
console.log(`${'classifySync, other lines'.padEnd(45)} ${whole.toFixed(1).padStart(7)} µs`);
// sub-parts, on fresh lines (memos cold as in the pipeline)
const sub: Record<string, number> = {};
const lines3 = all.slice(3000 + 2 * N, 3000 + 3 * N);
for (const text of lines3) {
  let a = cpu(), b: number;
  normalizeText(text, model.config.normalize); b = cpu(); sub['normalizeText'] = (sub['normalizeText'] ?? 0) + b - a; a = b;
  hazardText(text); b = cpu(); sub['hazardText'] = (sub['hazardText'] ?? 0) + b - a; a = b;
  detectHazard(text); b = cpu(); sub['detectHazard (after hazardText)'] = (sub['detectHazard (after hazardText)'] ?? 0) + b - a; a = b;
  hazardDismissed(text); b = cpu(); sub['hazardDismissed (after detect)'] = (sub['hazardDismissed (after detect)'] ?? 0) + b - a; a = b;
}
for (const k of Object.keys(sub)) console.log(`  ${k.padEnd(43)} ${(sub[k]! / lines3.length - over).toFixed(1).padStart(7)} µs`);
