// The hazard rules on the labelled life-safety lines: `npx tsx bench/hazard.bench.ts [--misses]`. Parts B–E were each
// written after the rules' last change and run once before looking (see docs/BENCHMARKS.md for those first runs).
//   bench/data/hazard-lines.a.jsonl — part A, written first and developed against
//   bench/data/hazard-lines.{b,c,d,e}.jsonl — later parts; each became development data after its first run
//   bench/data/hazard-lines.i.jsonl — part I, written by a second author before reading the rules or parts A–H
//   bench/data/hazard-lines.j.jsonl — part J, gas only, by the same author after the fixes for part I (not run before)
//   bench/data/hazard-lines.k.jsonl — part K, by a third author before reading the rules or A–J; first run held out,
//     then development data (rules fixed against it, model trained on it)
//   bench/data/hazard-lines.l.jsonl — part L, by a fourth author before reading the rules or K; first run held out,
//     then development data (rules fixed against it, model trained on it, issue #12 part-M round)
//   bench/data/hazard-lines.m.jsonl — part M, by a fifth author before reading the rules or any part's lines; first run held
//     out, then development data (model trained on it from the part-N round)
//   bench/data/hazard-lines.n.jsonl — part N, by a sixth author before reading the rules or any part's lines; first run held
//     out, then development data (rules fixed against it, model trained on it, issue #12 part-N round)
//   bench/data/hazard-lines.o.jsonl — part O, by a seventh author before reading the rules or any part's lines; first run
//     held out, then development data (rules fixed against it, model trained on it, issue #12 part-O round)
//   bench/data/hazard-lines.p.jsonl — part P, by an eighth author before reading the rules or any part's lines (session 10);
//     first run held out, then development data (rules fixed against it, model trained on it: A–P, session 10)
//   bench/data/hazard-lines.q.jsonl — part Q, by a ninth author before reading the rules or any part's lines (session 10,
//     after part P's fixes and the A–P model); first run held out, then development data (a few general fixes; the model
//     trained on it: A–R, session 11)
//   bench/data/hazard-lines.r.jsonl — part R, by a tenth author before reading the rules or any part's lines (session 11,
//     after part Q's fixes and the A–P model); first run held out, then development data (rules fixed against it, model
//     trained on it: A–R and A–S, session 11)
//   bench/data/hazard-lines.s.jsonl — part S, by an eleventh author before reading the rules or any part's lines (session
//     11, after part R's fixes and the A–R model); first run held out, then development data (rules fixed against it,
//     model trained on it: A–S, session 11)
//   bench/data/hazard-lines.t.jsonl — part T, by a twelfth author before reading the rules or any part's lines (session
//     11, after part S's fixes and the A–S model); first run held out, then development data (rules fixed against it,
//     model trained on it: A–T, session 11)
//   bench/data/hazard-lines.u.jsonl — part U, by a thirteenth author before reading the rules or any part's lines
//     (session 11, after part T's round and the A–T model); first run held out, then development data for the rules
//     (part-U round); the model is not trained on it (HELD_OUT: trained on A–U its threshold jumped to 0.73 and its
//     own recall fell, so the A–T model stays shipped)
//   bench/data/hazard-lines.v.jsonl — part V, by a fourteenth author before reading the rules or any part's lines (session
//     12, after part U's round, with the A–T model; its slant: a danger said in passing, relayed by someone else, elderly
//     voice input with homophones and dialect, places by landmark); first run held out, then development data for the
//     rules (part-V round); the model is not trained on it
//   bench/data/hazard-lines.w.jsonl — part W, by a fifteenth author before reading the rules or any part's lines (session
//     12, after part V's round, with the A–T model; its slant: staff's duty logs and lists, shops, basements, rooftops and
//     sites, pinyin-input slips and emoji); first run held out, then development data for the rules (part-W round); the
//     model is not trained on it
//   bench/data/hazard-lines.x.jsonl — part X, by a sixteenth author before reading the rules or any part's lines (session
//     13, after part W's round, with the A–T model; its slant: a danger buried in a long message about other things,
//     asked as a question, hedged politely, in traditional characters, Cantonese and other dialects, by children,
//     tenants and riders, with [图片]/[语音转文字] tags); first run held out, then development data for the rules
//     (part-X round); the model is not trained on it
//   bench/data/hazard-lines.y.jsonl — part Y, by a seventeenth author before reading the rules or any part's lines (session
//     13, after part X's round, with the A–T model; its slant: short bursts typed in panic, run-on voice input without
//     punctuation, quote-replies and forwards that confirm or deny what they quote, young people's slang and emoji,
//     property's formal reports, 3#楼/B2/1-2-301 shorthand); first run held out, then development data for the rules
//   bench/data/hazard-lines.z.jsonl — part Z, by an eighteenth author before reading the rules or any part's lines (session
//     14, after part Y's round, with the A–T model; its slant: winter and the Spring Festival — heaters, charcoal and
//     carbon monoxide, burst heating pipes, ice and snow on canopies, fireworks in stairwells and manholes, 年货 in
//     corridors, family dinners, the elderly alone over the holiday); first run held out, then development data for the rules
//   bench/data/hazard-lines.aa.jsonl — part AA (the part after Z), by a nineteenth author before reading the rules or any
//     part's lines (session 16; its slant: every kind in plain, typo'd, voice-to-text, dialect, English-mixed and long
//     elderly residents' wording, and questions among the look-alikes); first run held out, then development data
//   bench/data/hazard-lines.ab.jsonl — part AB, by a twentieth author before reading the rules or any part's lines
//     (session 17, after part AA's round, with the A–T model; its slant: WeChat group talk in an old 老旧小区 and a new
//     high-rise — a danger mixed with a parcel, a 团购 or a meeting, quote-replies, 1-3-402/B2 shorthand, homophone slips,
//     unpunctuated voice input, half-sentences, elderly and understated wording; look-alikes handled, drills, forwarded
//     tips, elsewhere, jokes, stories, cooking, BBQ, incense, hot pot); first run held out, then development data
//   bench/data/hazard-lines.ac.jsonl — part AC, by a twenty-first author before reading the rules or any part's lines
//     (session 18, after part AB's round, with the A–T model; its slant: summer and storms — heat stroke, typhoon-loose
//     units and billboards, flooded garages and power boxes, children by water —, renovation and shops — drilled gas
//     pipes, welding sparks, load-bearing walls, gondolas, LPG behind restaurants, parcel stations charging batteries,
//     crowded rentals —, second-hand but current reports from grown children, building heads, riders and guards, WeChat
//     artefacts, traditional characters, pinyin and English); first run held out, then development data for the rules
//     (part-AC round)
//   bench/data/hazard-lines.ad.jsonl — part AD, by a twenty-second author before reading the rules or any part's lines
//     (session 18, after part AC's round, with the A–T model; its slant: private life behind doors — violence heard
//     through a wall, elders fallen or locked in, people alone not answering, suicide risk said indirectly —, new
//     energy and gadgets — electric cars and charging piles, power banks, e-cigarettes, ride-on toys, mobility
//     scooters charged indoors —, animals and outdoor works, and dangers inside 接龙 lists, votes, 团购 orders and
//     forwarded notices); first run held out, then development data for the rules (part-AD round)
//   bench/data/hazard-lines.ae.jsonl — part AE, by a twenty-third author before reading the rules or any part's lines
//     (session 19, after part AD's round, with the A–T model; its slant: household poisoning — charcoal and gas water
//     heaters in closed rooms, 84 mixed with 洁厕灵, pesticide or bleach in drink bottles, mercury, wild mushrooms,
//     food after a 百家宴 —, elders with dementia and children missing, people found collapsed by cleaners, riders and
//     guards, oblique suicide hints, fights in markets and car parks, lifts with a dead alarm, reporters who are not
//     residents and write imperfect Chinese or dialect voice input); first run held out, then development data for the
//     rules (part-AE round)
//   bench/data/hazard-lines.af.jsonl — part AF, by a twenty-fourth author before reading the rules or any part's lines
//     (session 20, after part AE's round, with the A–T model; its slant: winter in northern and southern cities —
//     floor heating, electric blankets and heaters under quilts, charcoal and coal stoves, wall-hung gas boilers, burst
//     pipes into meter boxes, icicles, snow on canopies, elders alone in cold flats, firecrackers stored in corridors,
//     a lift stuck in a power cut, riders charging in stairwells to keep warm —, written by elderly voice input with
//     homophones, building heads and cleaners, dialect (东北话, 四川话, 粤语), a foreign tenant's simple Chinese, a
//     danger as one clause of a long message, understatement and quote-replies); first run held out, then development
//     data for the rules (part-AF round)
//   bench/data/hazard-lines.ag.jsonl — part AG, by a twenty-fifth author before reading the rules or any part's lines
//     (session 20, after part AF's round, with the A–T model; its slant: people other than the usual elderly residents —
//     teenagers in internet slang and abbreviations (xswl, nsdd), office workers typing fast with English mixed in,
//     guards' shift logs and radio talk, riders, ground-floor restaurants' kitchens, renovation workers, parents, pet
//     owners —, thread replies, corrections that turn into a new real danger, dangers told like jokes; look-alikes in
//     slang, games, reviews "辣到爆炸"); first run held out, then development data for the rules (part-AG round)
//   bench/data/hazard-lines.ah.jsonl — part AH, by a twenty-sixth author before reading the rules or any part's lines
//     (session 20, after part AG's round, with the A–T model; its slant: places other than a tidy flat — 城中村 and
//     群租房, workers' dormitories, the market and shops at the gate, a small care home, a kindergarten next door, basements
//     rented out, rooftop sheds, lifts being added to old buildings, septic tanks and pump rooms, garages with charging
//     piles —, landlords, migrant tenants, care staff, a teacher, a market manager, a 楼长's register; dangers inside
//     numbered lists and 接龙, times that decide whether it is still happening); first run held out
//   bench/data/hazard-lines.ai.jsonl, .aj.jsonl, .ak.jsonl — parts AI, AJ, AK (session 21; see docs/BENCHMARKS.md for their
//     slants and first runs), each held out for its first run, then development data for the rules
//   bench/data/hazard-lines.am.jsonl — part AM, by a thirty-first author before reading the rules or any part's lines
//     (session 22, with the A–T model; its slant: the length and shape of messages — cries of two to six characters, a
//     danger told by what people need or do about it, by its consequence, one clause of a long rambling post, messages
//     split in parts, pinyin initials (fxcd, lx, jg), English words, fast-typing homophones); first run held out, then
//     development data for the rules (part-AM round)
//   bench/data/hazard-lines.al.jsonl — part AL, by a thirtieth author before reading the rules or any part's lines (session
//     22; its slant: the estate's shared places and the staff who look after them — patrol logs, 【巡查】 lists, guards,
//     cleaners, the grid worker, the substation box, pump room, car park, roof, shop fronts); written beside AM and held
//     back until AM's round was merged, then run once held out
//   bench/data/hazard-lines.an.jsonl — part AN, by a thirty-second author before reading the rules or any part's lines
//     (session 22; its slant: time decides — about to happen, again after a fix, worse than the last message, a near miss
//     that leaves the danger there, a threat for tonight; look-alikes truly over, planned, years ago, a worry); first run
//     held out beside AL's, after AM's round
//   bench/data/hazard-lines.ao.jsonl, .ap.jsonl — parts AO and AP, by a thirty-third and a thirty-fourth author before reading
//     the rules or any part's lines (session 22; AO: bodies and lives — medical emergencies told by their symptoms, by
//     family, carers and neighbours; AP: fire, gas, electricity and batteries in trade words and in the words of those
//     who do not know them); first run held out after the AL / AN round
// Each part is scored twice: the rules alone (detectUrgency) and rules + the hazard model (data/models/hazard.model,
// trained on A–T by `npm run model:hazard`), as LocalTriage combines them: the model may only raise urgency.
// Last, ordinary messages (the neighbourhood corpus, the chatter test split) made urgent or worse: false alarms.
// A line is {text, label: danger|lookalike, kind, level?}. A danger is found when triage's urgency (what the ticket
// gets) reaches its level (default urgent); a look-alike is a false alarm when triage makes it urgent or worse.
// Per danger kind: recall (found / dangers of that kind); per look-alike kind: the share passed as normal.
// Overall precision = dangers flagged / all lines flagged.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gasFallback } from '../src/core/hazard/gas-fallback.ts';
import { hazardText } from '../src/core/hazard/hazard-text.ts';
import { DEFAULT_HAZARD_MODEL_PATH, NEGATIVE_CORPUS, NOT_NEGATIVE_LIST, readHazardModel, readNotNegative } from '../src/adapters/triage/hazard-model-file.ts';
import { raiseWithModel, type HazardModel } from '../src/core/hazard/hazard-model.ts';
import { detectUrgency } from '../src/core/triage/urgency.ts';

interface Line {
  text: string;
  label: 'danger' | 'lookalike';
  kind: string;
  level?: 'urgent' | 'emergency';
}

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'data');
const HALVES = { A: 'hazard-lines.a.jsonl', B: 'hazard-lines.b.jsonl', C: 'hazard-lines.c.jsonl', D: 'hazard-lines.d.jsonl', E: 'hazard-lines.e.jsonl', F: 'hazard-lines.f.jsonl', G: 'hazard-lines.g.jsonl', H: 'hazard-lines.h.jsonl', I: 'hazard-lines.i.jsonl', J: 'hazard-lines.j.jsonl', K: 'hazard-lines.k.jsonl', L: 'hazard-lines.l.jsonl', M: 'hazard-lines.m.jsonl', N: 'hazard-lines.n.jsonl', O: 'hazard-lines.o.jsonl', P: 'hazard-lines.p.jsonl', Q: 'hazard-lines.q.jsonl', R: 'hazard-lines.r.jsonl', S: 'hazard-lines.s.jsonl', T: 'hazard-lines.t.jsonl', U: 'hazard-lines.u.jsonl', V: 'hazard-lines.v.jsonl', W: 'hazard-lines.w.jsonl', X: 'hazard-lines.x.jsonl', Y: 'hazard-lines.y.jsonl', Z: 'hazard-lines.z.jsonl', AA: 'hazard-lines.aa.jsonl', AB: 'hazard-lines.ab.jsonl', AC: 'hazard-lines.ac.jsonl', AD: 'hazard-lines.ad.jsonl', AE: 'hazard-lines.ae.jsonl', AF: 'hazard-lines.af.jsonl', AG: 'hazard-lines.ag.jsonl', AH: 'hazard-lines.ah.jsonl', AI: 'hazard-lines.ai.jsonl', AJ: 'hazard-lines.aj.jsonl', AK: 'hazard-lines.ak.jsonl', AM: 'hazard-lines.am.jsonl', AL: 'hazard-lines.al.jsonl', AN: 'hazard-lines.an.jsonl', AO: 'hazard-lines.ao.jsonl', AP: 'hazard-lines.ap.jsonl' } as const;
/** Parts the model is never trained on (HAZARD_TRAIN_PARTS holds the others): a new part goes here for its first run. */
const HELD_OUT = new Set<string>(['U', 'V', 'W', 'X', 'Y', 'Z', 'AA', 'AB', 'AC', 'AD', 'AE', 'AF', 'AG', 'AH', 'AI', 'AJ', 'AK', 'AM', 'AL', 'AN', 'AO', 'AP']);
const RANK = { normal: 0, urgent: 1, emergency: 2 } as const;

export function readLines(file: string): Line[] {
  return readFileSync(path.join(DATA, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Line);
}

interface Score {
  dangers: number;
  found: number;
  levelRight: number;
  lookalikes: number;
  falseAlarms: number;
  byKind: Map<string, { label: Line['label']; n: number; ok: number }>;
  misses: string[];
}

type Urgency = (text: string) => keyof typeof RANK;
const rulesAlone: Urgency = (text) => detectUrgency(text).urgency;
const withModel = (model: HazardModel): Urgency => (text) => raiseWithModel(text, detectUrgency(text), model).urgency;

export function score(lines: readonly Line[], urgencyOf: Urgency = rulesAlone): Score {
  const s: Score = { dangers: 0, found: 0, levelRight: 0, lookalikes: 0, falseAlarms: 0, byKind: new Map(), misses: [] };
  for (const line of lines) {
    const u = urgencyOf(line.text);
    const k = s.byKind.get(line.kind) ?? { label: line.label, n: 0, ok: 0 };
    k.n++;
    if (line.label === 'danger') {
      s.dangers++;
      const found = RANK[u] >= RANK[line.level ?? 'urgent'];
      if (RANK[u] >= 1) s.found += found ? 1 : 0;
      if (found) (s.levelRight++, k.ok++);
      else s.misses.push(`MISS ${line.kind} (${u} < ${line.level ?? 'urgent'}): ${line.text}`);
    } else {
      s.lookalikes++;
      if (RANK[u] >= 1) (s.falseAlarms++, s.misses.push(`FALSE ${line.kind} (${u}): ${line.text}`));
      else k.ok++;
    }
    s.byKind.set(line.kind, k);
  }
  return s;
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);

function report(name: string, s: Score, showMisses: boolean): void {
  const flagged = s.levelRight + s.falseAlarms;
  console.log(
    `${name}: dangers ${s.dangers}, recall ${pct(s.levelRight, s.dangers)} (at the right level or above); ` +
      `look-alikes ${s.lookalikes}, passed ${pct(s.lookalikes - s.falseAlarms, s.lookalikes)}; precision ${pct(s.levelRight, flagged)}`,
  );
  const rows = [...s.byKind].sort((a, b) => (a[1].label === b[1].label ? a[0].localeCompare(b[0]) : a[1].label === 'danger' ? -1 : 1));
  for (const [kind, k] of rows) console.log(`  ${k.label === 'danger' ? 'recall' : 'passed'}  ${kind.padEnd(16)} ${String(k.ok).padStart(3)}/${String(k.n).padEnd(3)} ${pct(k.ok, k.n)}`);
  if (showMisses) for (const m of s.misses) console.log(`  ${m}`);
}

async function main(): Promise<void> {
  const showMisses = process.argv.includes('--misses');
  // HAZARD_MODEL=file scores another model; HAZARD_THRESHOLD=x replaces its threshold (experiments only)
  const read = await readHazardModel(process.env.HAZARD_MODEL ?? DEFAULT_HAZARD_MODEL_PATH);
  const model = process.env.HAZARD_THRESHOLD ? { ...read, threshold: Number(process.env.HAZARD_THRESHOLD) } : read;
  const both = withModel(model);
  console.log(`hazard model: ${process.env.HAZARD_MODEL ?? DEFAULT_HAZARD_MODEL_PATH} (threshold ${model.threshold}; trained on every part not held out)`);
  const all: Line[] = [];
  const heldOut = new Set<Line>();
  for (const [half, file] of Object.entries(HALVES)) {
    let lines: Line[];
    try {
      lines = readLines(file);
      if (HELD_OUT.has(half)) for (const l of lines) heldOut.add(l);
    } catch {
      console.log(`part ${half}: ${file} missing, skipped`);
      continue;
    }
    all.push(...lines);
    report(`part ${half} rules`, score(lines), showMisses);
    report(`part ${half} rules+model`, score(lines, both), showMisses);
  }
  const ak = all.filter((l) => !heldOut.has(l));
  const trained = `${Object.keys(HALVES).filter((h) => !HELD_OUT.has(h)).join('')} (the model's training parts)`;
  report(`${trained} rules`, score(ak), false);
  report(`${trained} rules+model`, score(ak, both), false);
  report('combined rules', score(all), false);
  report('combined rules+model', score(all, both), false);
  // the gas fallback on its own (without the pair rules), on every part
  const gas = all.filter((l) => l.label === 'danger' && l.kind === 'gas_leak');
  const others = all.filter((l) => l.label === 'lookalike');
  const caught = gas.filter((l) => gasFallback(hazardText(l.text)) !== null).length;
  const flagged = others.filter((l) => gasFallback(hazardText(l.text)) !== null);
  console.log(`gas fallback alone: gas dangers caught ${caught}/${gas.length} (${pct(caught, gas.length)}); look-alikes flagged ${flagged.length}/${others.length}`);
  if (showMisses) for (const l of flagged) console.log(`  FALLBACK FALSE ${l.kind}: ${l.text}`);
  await ordinaryFalseAlarms(both);
  const t0 = performance.now();
  let n = 0;
  for (let r = 0; r < 20; r++) for (const l of all) if (detectUrgency(`${l.text}${r}`).urgency) n++;
  console.log(`speed: ${Math.round(n / ((performance.now() - t0) / 1000))} messages/s (hazard lines, one core)`);
  const t1 = performance.now();
  let m = 0;
  for (let r = 0; r < 5; r++) for (const l of all) if (both(`${l.text}${r}`)) m++;
  console.log(`speed with the model: ${Math.round(m / ((performance.now() - t1) / 1000))} messages/s (hazard lines, one core)`);
}

/** Ordinary messages made urgent or worse, by the rules and by rules + model: the neighbourhood corpus (its lines the
 * rules leave normal are model negatives) and the chatter test split (never trained on; outside the repository, HAZARD_CHATTER_TEST=file elsewhere).
 * Messages on the reviewed list data/corpus/hazard-not-negative.txt describe real dangers: counted apart ("listed"). */
async function ordinaryFalseAlarms(both: Urgency): Promise<void> {
  const listed = await readNotNegative(NOT_NEGATIVE_LIST);
  const chatterTest = process.env.HAZARD_CHATTER_TEST ?? path.resolve(DATA, '..', '..', '..', 'shared', 'data', 'splits', 'detection.test.jsonl');
  for (const [name, file] of [['neighbourhood corpus', NEGATIVE_CORPUS], ['chatter test split', chatterTest]] as const) {
    let texts: string[];
    try {
      texts = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => (JSON.parse(l) as { text: string }).text);
    } catch {
      console.log(`ordinary messages, ${name}: ${file} missing, skipped`);
      continue;
    }
    const rules = texts.filter((t) => RANK[rulesAlone(t)] >= RANK.urgent).length;
    const raised = texts.filter((t) => RANK[both(t)] >= RANK.urgent);
    const model = raised.length;
    const onList = (xs: string[]) => xs.filter((t) => listed(t)).length;
    const byModel = raised.filter((t) => RANK[rulesAlone(t)] < RANK.urgent);
    console.log(
      `ordinary messages, ${name}: ${texts.length}; made urgent or worse: rules ${rules} (${pct(rules, texts.length)}), rules+model ${model} (${pct(model, texts.length)}); ` +
        `raised by the model alone ${byModel.length}, of which ${onList(byModel)} on the reviewed not-negative list (real dangers)`,
    );
    if (process.argv.includes('--misses')) for (const t of byModel) console.log(`  MODEL RAISED${listed(t) ? ' (listed)' : ''}: ${t}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
