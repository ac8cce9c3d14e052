// The labelled hazard parts (bench/data/hazard-lines.<part>.jsonl) as the hazard benches name them: a part's file, and
// a list of parts as written on a command line.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

/** "AC" → bench/data/hazard-lines.ac.jsonl. */
export const partFile = (p: string): string => path.join(DATA, `hazard-lines.${p.toLowerCase()}.jsonl`);

/** "A-Z,AA,AB" → [A, B, …, Z, AA, AB]; a range runs over single letters. */
export function partList(spec: string): string[] {
  return spec.toUpperCase().split(',').filter((item) => item.trim() !== '').flatMap((item) => {
    const r = /^([A-Z])-([A-Z])$/.exec(item.trim());
    if (!r) return [item.trim()];
    const out: string[] = [];
    for (let c = r[1]!.charCodeAt(0); c <= r[2]!.charCodeAt(0); c++) out.push(String.fromCharCode(c));
    return out;
  });
}
