// Fails when src/core imports anything but node built-ins and other core files: the domain stays vendor-free.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const core = path.join(root, 'src', 'core');
const importRe = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|mts|js|mjs)$/.test(name)) yield p;
  }
}

const problems = [];
for (const file of files(core)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(importRe)) {
    const spec = m[1] ?? m[2];
    const rel = path.relative(root, file);
    if (spec.startsWith('node:')) continue;
    if (spec.startsWith('.')) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(core + path.sep)) problems.push(`${rel}: imports ${spec} (outside src/core)`);
      continue;
    }
    problems.push(`${rel}: imports package '${spec}' (core must stay vendor-free; use a port)`);
  }
}
if (problems.length) {
  console.error('core import check failed:\n  ' + problems.join('\n  '));
  process.exit(1);
}
console.log('core import check: src/core imports no vendor package and no adapter');
