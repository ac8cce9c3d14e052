// Summarises a V8 heap snapshot (.heapsnapshot): self size by node type and constructor name, largest first.
// `node scripts/heap-summary.mjs <file> [rows]` — the profile behind docs/BENCHMARKS.md (memory).
import { readFileSync } from 'node:fs';

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/heap-summary.mjs <file.heapsnapshot> [rows]');
  process.exit(2);
}
const snap = JSON.parse(readFileSync(file, 'utf8'));
const { node_fields: fields, node_types: [types] } = snap.snapshot.meta;
const width = fields.length;
const at = (name) => fields.indexOf(name);
const [iType, iName, iSize] = [at('type'), at('name'), at('self_size')];
const groups = new Map();
let total = 0;
for (let i = 0; i < snap.nodes.length; i += width) {
  const type = types[snap.nodes[i + iType]];
  const size = snap.nodes[i + iSize];
  total += size;
  // strings, code and arrays are grouped by type alone: their "names" are their contents
  const name = ['object', 'closure', 'native'].includes(type) ? `${type} ${snap.strings[snap.nodes[i + iName]]}` : `(${type})`;
  const g = groups.get(name) ?? { count: 0, size: 0 };
  g.count++;
  g.size += size;
  groups.set(name, g);
}
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
console.log(`total self size ${mb(total)} in ${snap.nodes.length / width} nodes`);
for (const [name, g] of [...groups].sort((a, b) => b[1].size - a[1].size).slice(0, Number(rowsArg ?? 30))) {
  console.log(`${mb(g.size).padStart(9)}  ${String(g.count).padStart(8)}  ${name}`);
}
