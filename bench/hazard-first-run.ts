// A held-out part's first run, re-played with another hazard model: the rules as they were when the part was added
// (the commit that added bench/data/hazard-lines.<part>.jsonl, i.e. before its round fixed the rules on it) + a model
// of today. The LOPO bench (hazard-lopo.ts) can only score rules + model with today's rules, which were fixed on every
// part; this asks what a model would have added on the part's first run, where the rules still missed lines.
//   npx tsx bench/hazard-first-run.ts [--parts U-Z,AA,AB] --model NAME=FILE ... [--model-dir NAME=DIR ...] [--misses]
// --model NAME=FILE: one model for every part (e.g. the shipped A–T one, which saw none of U–AB).
// --model-dir NAME=DIR: per part, DIR/hazard-minus-<PART>.model (hazard-lopo.ts --save DIR; a model that never saw
//   the part); a part with no such file is left blank.
// The old rules are read from `git archive <commit> src` unpacked under the system temp dir (kept, keyed by commit);
// whether the model may read a line is also that commit's (its modelMayRead: the rules' dismissals of then), and where
// it may, it raises as today's raiseWith does — so the shipped model reproduces the first runs recorded in
// docs/BENCHMARKS.md. Only named parts are read; a part is never globbed.
import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readHazardModel } from '../src/adapters/triage/hazard-model-file.ts';
import { hazardOpinion, raiseWith, type HazardModel } from '../src/core/hazard/hazard-model.ts';
import type { UrgencyMatch } from '../src/core/triage/urgency.ts';
import { partFile, partList } from './hazard-parts.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const RANK = { normal: 0, urgent: 1, emergency: 2 } as const;

interface Line {
  text: string;
  label: 'danger' | 'lookalike';
  kind: string;
  level?: 'urgent' | 'emergency';
}

const readLines = (p: string): Line[] => readFileSync(partFile(p), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Line);


function args(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => a === name && process.argv[i + 1] && out.push(process.argv[i + 1]!));
  return out;
}

/** The commit that added the part's file (its first run was made on the rules of that commit). */
function addedIn(part: string): string {
  const rel = path.relative(ROOT, partFile(part));
  const log = execFileSync('git', ['log', '--diff-filter=A', '--format=%H', '--', rel], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  const c = log[log.length - 1];
  if (!c) throw new Error(`part ${part}: no commit adds ${rel}`);
  return c;
}

/** src/ of a commit, unpacked once. */
function srcAt(commit: string): string {
  const dir = path.join(os.tmpdir(), `linli-src-${commit.slice(0, 12)}`);
  if (!existsSync(path.join(dir, 'src', 'core', 'triage', 'urgency.ts'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} src | tar -x -C '${dir}'`], { cwd: ROOT });
  }
  return dir;
}

interface Then {
  rules: UrgencyMatch;
  /** Whether that commit's code would ask the model (not when the rules said emergency, nor modelMayRead false). */
  asks: boolean;
}

/** The old rules' urgency of every line of the part, in a child process (two rule sets must not share module state). */
function rulesThen(part: string, dir: string): Promise<Then[]> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', part, dir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m) => resolve(m as Then[]));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`part ${part}: child exited ${code}`))));
  });
}

interface Counts {
  dangers: number;
  found: number;
  lookalikes: number;
  falseAlarms: number;
  misses: string[];
}

function count(lines: readonly Line[], urgencies: readonly (keyof typeof RANK)[]): Counts {
  const c: Counts = { dangers: 0, found: 0, lookalikes: 0, falseAlarms: 0, misses: [] };
  lines.forEach((l, i) => {
    const u = urgencies[i]!;
    if (l.label === 'danger') {
      c.dangers++;
      if (RANK[u] >= RANK[l.level ?? 'urgent']) c.found++;
      else c.misses.push(`MISS ${l.kind} (${u}): ${l.text}`);
    } else {
      c.lookalikes++;
      if (RANK[u] >= 1) (c.falseAlarms++, c.misses.push(`FALSE ${l.kind} (${u}): ${l.text}`));
    }
  });
  return c;
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const cell = (c: Counts) => `${pct(c.found, c.dangers)} · ${pct(c.found, c.found + c.falseAlarms)} (${c.dangers - c.found} missed, ${c.falseAlarms} false)`;

async function main(): Promise<void> {
  const child = process.argv.indexOf('--child');
  if (child >= 0) {
    const [part, dir] = [process.argv[child + 1]!, process.argv[child + 2]!];
    const { detectUrgency } = (await import(pathToFileURL(path.join(dir, 'src', 'core', 'triage', 'urgency.ts')).href)) as typeof import('../src/core/triage/urgency.ts');
    const { modelMayRead } = (await import(pathToFileURL(path.join(dir, 'src', 'core', 'hazard', 'hazard-model.ts')).href)) as typeof import('../src/core/hazard/hazard-model.ts');
    process.send!(readLines(part).map((l): Then => {
      const rules = detectUrgency(l.text);
      return { rules, asks: rules.urgency !== 'emergency' && modelMayRead(l.text) };
    }));
    return;
  }
  const parts = partList(args('--parts')[0] ?? 'U-Z,AA,AB');
  const named = (spec: string) => {
    const i = spec.indexOf('=');
    if (i <= 0) throw new Error(`expected NAME=PATH, got ${spec}`);
    return [spec.slice(0, i), spec.slice(i + 1)] as const;
  };
  const fixed = await Promise.all(args('--model').map(async (s) => { const [n, f] = named(s); return [n, await readHazardModel(f)] as const; }));
  const dirs = args('--model-dir').map(named);
  const showMisses = process.argv.includes('--misses');
  console.log(`first runs re-played: the rules of the commit that added each part + a model of today (dangers found at their level · precision)`);
  console.log(['part', 'commit', 'dangers', 'look-alikes', 'rules then', ...fixed.map(([n]) => `+ ${n}`), ...dirs.map(([n]) => `+ ${n}`)].join(' | '));
  for (const part of parts) {
    const lines = readLines(part);
    const commit = addedIn(part);
    const rules = await rulesThen(part, srcAt(commit));
    const models: (readonly [string, HazardModel | undefined])[] = [...fixed];
    for (const [n, d] of dirs) {
      const f = path.join(d, `hazard-minus-${part}.model`);
      models.push([n, existsSync(f) ? await readHazardModel(f) : undefined]);
    }
    const alone = count(lines, rules.map((r) => r.rules.urgency));
    const cells = [cell(alone)];
    for (const [n, m] of models) {
      if (!m) {
        cells.push('—');
        continue;
      }
      const c = count(lines, lines.map((l, i) => raiseWith(rules[i]!.rules, rules[i]!.asks ? hazardOpinion(l.text, m.scorer) : undefined, m).urgency));
      cells.push(`${cell(c)} thr ${m.threshold}`);
      if (showMisses) for (const x of c.misses) console.log(`  ${part} + ${n}: ${x}`);
    }
    console.log([part, commit.slice(0, 7), lines.filter((l) => l.label === 'danger').length, lines.filter((l) => l.label === 'lookalike').length, ...cells].join(' | '));
  }
}

await main();
